using DuckDB.NET.Data;
using Kepegawaian.Analytics.Efficiency;
using Kepegawaian.Etl.Hosting;
using Kepegawaian.Etl.Operations;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Service.Hosting;

/// <summary>The health report of `health` and `GET /health`: the ETL's checks plus warnings about the analytics' inputs.</summary>
public static class ServiceHealth
{
    public static EtlHealthReport Check(DuckDBConnection connection, EtlOptions etl, EfisiensiOptions efisiensi, DateTime nowLocal, TimeZoneInfo zone)
    {
        // A crash between load and refresh leaves marts behind the facts: unhealthy until they are rebuilt.
        var report = EtlHealth.Check(connection, etl.Inbox, TimeSpan.FromMinutes(etl.StaleAfterMinutes), nowLocal, zone, etl.FailedScansUnhealthy,
            c => MartFreshness.Check(c).Warning is { } marts ? [marts] : []);
        var warnings = new List<string>();
        if (HolidayCoverage.Warning(HolidayCoverage.Missing(connection, WorkingCalendar.Load(efisiensi), referenceYear: null)) is { } holidays)
            warnings.Add(holidays);
        return report with { Warnings = warnings };
    }
}
