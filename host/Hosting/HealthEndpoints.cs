using Kepegawaian.Etl.Hosting;
using Kepegawaian.Etl.Operations;
using Kepegawaian.Warehouse;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Kepegawaian.Service.Hosting;

public static class HealthEndpoints
{
    /// <summary>GET /health: the ETL health report; 200 when healthy, 503 otherwise.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", (WarehouseDatabase database, IOptions<EtlOptions> etl, IOptions<ScheduleOptions> schedule, TimeProvider time) =>
        {
            using var connection = database.Open();
            var zone = schedule.Value.Zone;
            var now = TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime;
            var report = EtlHealth.Check(connection, etl.Value.Inbox, TimeSpan.FromMinutes(etl.Value.StaleAfterMinutes), now, zone,
                etl.Value.FailedScansUnhealthy);
            return Results.Json(report, statusCode: report.Healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
        return app;
    }
}
