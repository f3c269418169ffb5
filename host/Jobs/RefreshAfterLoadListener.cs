using Kepegawaian.Etl;
using Quartz;

namespace Kepegawaian.Service.Jobs;

/// <summary>
/// Chains the analytics refresh after every inbox scan, whether or not it loaded rows or ended in an error:
/// the refresh rebuilds only areas older than the last committed load, so a scan that loaded nothing costs two
/// small queries — and marts left stale by a crash heal without waiting for new data. From the scan's start
/// the refresh is owed (<see cref="MartRefreshActivity"/>), so /health does not page anyone while it is on its way.
/// </summary>
public sealed class RefreshAfterLoadListener(MartRefreshActivity activity) : IJobListener
{
    public string Name => "refresh-analytics-after-load";

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        activity.Requested();
        return ValueTask.CompletedTask;
    }

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public async ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default) =>
        await context.Scheduler.TriggerJob(AnalyticsRefreshJob.Key,
            new JobDataMap { [AnalyticsRefreshJob.ScanSawFiles] = jobException is not null || context.Result is not EtlRunSummary { Files.Count: 0 } },
            cancellationToken);
}
