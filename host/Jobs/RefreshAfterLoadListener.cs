using Kepegawaian.Etl;
using Quartz;

namespace Kepegawaian.Service.Jobs;

/// <summary>Chains the analytics refresh after an inbox scan that loaded (or corrected) rows.</summary>
public sealed class RefreshAfterLoadListener : IJobListener
{
    public string Name => "refresh-analytics-after-load";

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public async ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        if (jobException is null && context.Result is EtlRunSummary { RowsLoaded: > 0 })
            await context.Scheduler.TriggerJob(AnalyticsRefreshJob.Key, cancellationToken);
    }
}
