using DuckDB.NET.Data;
using Kepegawaian.Analytics.Efficiency;
using Kepegawaian.Etl.Hosting;
using Kepegawaian.Etl.Operations;
using Kepegawaian.Service.Jobs;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Service.Hosting;

/// <summary>The health report of `health` and `GET /health`: the ETL's checks plus warnings about the analytics' inputs.</summary>
public static class ServiceHealth
{
    /// <param name="refresh">
    /// Under `serve`, what the scheduler is doing about the marts; null in the CLI (nobody to ask), where marts
    /// older than the last load are a problem as they are under `serve` when no refresh is on its way.
    /// </param>
    public static EtlHealthReport Check(DuckDBConnection connection, EtlOptions etl, EfisiensiOptions efisiensi, DateTime nowLocal, TimeZoneInfo zone,
        MartRefreshState? refresh = null)
    {
        var marts = MartFreshness.Check(connection);
        // Between a load and the end of the refresh after it the marts lag by design: information, not a page
        // at every night's load. Unhealthy when no refresh is on its way (a crash) or the last one failed.
        var awaited = refresh is { InProgress: true, LastError: null };
        var problems = new List<string>();
        if (marts.Warning is { } stale && !awaited) problems.Add(stale);
        if (refresh?.LastError is { } error)
            problems.Add($"Penyegaran mart analitik terakhir gagal: {error}. / The last mart refresh failed.");
        var report = EtlHealth.Check(connection, etl.Inbox, TimeSpan.FromMinutes(etl.StaleAfterMinutes), nowLocal, zone, etl.FailedScansUnhealthy, _ => problems);
        var warnings = new List<string>();
        if (awaited && marts.Warning is { } pending) warnings.Add(pending);
        if (HolidayCoverage.Warning(HolidayCoverage.Missing(connection, WorkingCalendar.Load(efisiensi.ExtraHolidays), referenceYear: null)) is { } holidays)
            warnings.Add(holidays);
        return report with
        {
            Warnings = warnings,
            MartsStale = marts.StaleAreas,
            Refreshing = refresh?.InProgress,
            LastRefreshError = refresh?.LastError,
        };
    }
}
