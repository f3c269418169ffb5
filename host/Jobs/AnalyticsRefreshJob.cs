using Kepegawaian.Analytics;
using Kepegawaian.Reports.Dashboard;
using Kepegawaian.Service.Hosting;
using Kepegawaian.Warehouse;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Kepegawaian.Service.Jobs;

/// <summary>
/// Rebuilds every mart area older than the last committed load (<see cref="AnalyticsRefresher.RefreshStale"/>);
/// triggered after every inbox scan, the start-up one included (see <see cref="RefreshAfterLoadListener"/>), so
/// marts a crash left stale heal on the next start or scan. Then publishes the Parquet lake when configured (<see cref="LakePublisher"/>, after a scan that saw files or a rebuild) and the read-only snapshot for the CLI (see <see cref="SnapshotPublisher"/>: skipped after a scan that saw no file, at most an hour).
/// Waits for its turn at the <see cref="WarehouseWriteGate"/>: never beside a scan of this process.
/// </summary>
[DisallowConcurrentExecution]
public sealed class AnalyticsRefreshJob(WarehouseDatabase database, WarehouseWriteGate gate, AnalyticsRefresher refresher, DashboardDataCache dashboard,
    SnapshotPublisher snapshot, LakePublisher lake, MartRefreshActivity activity, ILogger<AnalyticsRefreshJob> logger) : IJob
{
    public static readonly JobKey Key = new("analytics-refresh", "analytics");

    /// <summary>Job data set by <see cref="RefreshAfterLoadListener"/>: false when the scan saw no file at all.</summary>
    public const string ScanSawFiles = "scan-saw-files";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        using var turn = await gate.EnterAsync(Key.Name, cancellationToken);
        var covers = activity.Begin();
        Exception? failure = null;
        try
        {
            Refresh(context, cancellationToken);
        }
        catch (Exception ex)
        {
            failure = ex;
            throw;
        }
        finally
        {
            activity.End(covers, failure);
        }
    }

    private void Refresh(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        var rebuilt = false;
        var changed = !context.MergedJobDataMap.TryGetValue(ScanSawFiles, out var sawFiles) || sawFiles is not false;
        try
        {
            var summary = refresher.RefreshStale(connection, cancellationToken);
            rebuilt = summary.Rebuilt.Count > 0;
            changed |= rebuilt;
            if (rebuilt)
            {
                dashboard.Invalidate();
                logger.LogInformation("Analytics marts refreshed in {Seconds:0.0} s: {Marts}", summary.Elapsed.TotalSeconds, string.Join(", ", summary.Steps));
            }
            // Only after a refresh that succeeded: the lake's marts must match its facts.
            lake.Publish(connection, changed);
        }
        finally
        {
            // Also after a failed refresh: the runs and facts of the scan are news for `runs` and `health`
            // (which then reports the marts older than the last load).
            snapshot.Publish(connection, changed);
            // Clustered, the dashboard reads that snapshot: a request between the invalidation above and the swap
            // cached the old one for up to DashboardDataCache.MaxAge (issue 14 §2: the API within 60 s of the file).
            if (rebuilt) dashboard.Invalidate();
        }
    }
}
