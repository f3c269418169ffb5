using Kepegawaian.Analytics.Efficiency;
using Kepegawaian.Etl.Hosting;
using Kepegawaian.Service.Clustering;
using Kepegawaian.Service.Jobs;
using Kepegawaian.Warehouse;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Kepegawaian.Service.Hosting;

public static class HealthEndpoints
{
    /// <summary>
    /// GET /health: the ETL health report; 200 when healthy, 503 otherwise. Marts older than the last load while
    /// the refresh after it is running or queued are reported (<c>refreshing</c>, <c>marts_stale</c>), not unhealthy. Clustered, it reads the published snapshot (<see cref="ServedWarehouse"/>).
    /// </summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", (ServedWarehouse served, IOptions<EtlOptions> etl, IOptions<EfisiensiOptions> efisiensi, IOptions<ScheduleOptions> schedule, TimeProvider time,
            MartRefreshActivity refresh) =>
        {
            using var connection = served.Database.Open();
            var zone = schedule.Value.Zone;
            var now = LocalZone.WallClock(time.GetUtcNow(), zone);
            var report = ServiceHealth.Check(connection, etl.Value, efisiensi.Value, now, zone, refresh.State);
            return Results.Json(report, statusCode: report.Healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
        return app;
    }
}
