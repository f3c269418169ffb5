using Kepegawaian.Analytics;
using Kepegawaian.Reports.Dashboard;
using Kepegawaian.Warehouse;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Kepegawaian.Service.Jobs;

/// <summary>Rebuilds every mart; triggered after each ETL run that loaded rows (see <see cref="RefreshAfterLoadListener"/>).</summary>
[DisallowConcurrentExecution]
public sealed class AnalyticsRefreshJob(WarehouseDatabase database, AnalyticsRefresher refresher, DashboardDataCache dashboard, ILogger<AnalyticsRefreshJob> logger) : IJob
{
    public static readonly JobKey Key = new("analytics-refresh", "analytics");

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        var summary = refresher.Refresh(connection, cancellationToken);
        dashboard.Invalidate();
        logger.LogInformation("Analytics marts refreshed in {Seconds:0.0} s: {Marts}", summary.Elapsed.TotalSeconds, string.Join(", ", summary.Steps));
        return ValueTask.CompletedTask;
    }
}
