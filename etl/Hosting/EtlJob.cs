using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Kepegawaian.Warehouse;
using Quartz;

namespace Kepegawaian.Etl.Hosting;

/// <summary>
/// The scheduled inbox scan (spec §2, §6 <c>Etl:Cron</c>). Never two at once: a scan that outlasts its
/// interval delays the next one instead of fighting it for the warehouse file. Nor during another writer of
/// this process (the mart refresh): the scan waits for its turn at the <see cref="WarehouseWriteGate"/>.
/// </summary>
[DisallowConcurrentExecution]
public sealed class EtlJob(EtlRunner runner, WarehouseWriteGate gate, IOptions<EtlOptions> options, IConfiguration configuration, TimeProvider time, ILogger<EtlJob> logger) : IJob
{
    public static readonly JobKey Key = new("etl-inbox-scan", "etl");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var inbox = options.Value.Inbox;
        if (!Directory.Exists(inbox))
        {
            logger.LogWarning("Inbox {Inbox} does not exist; nothing to load", Path.GetFullPath(inbox));
            return;
        }
        using var turn = await gate.EnterAsync(Key.Name, cancellationToken);
        var request = new EtlRequest(inbox)
        {
            SettleInterval = TimeSpan.FromSeconds(options.Value.SettleSeconds),
            PredikatPolicy = options.Value.PredikatPolicy,
            // The analytics' key, read here too: one list of extra holidays for both (validated at start-up by the analytics options).
            ExtraHolidays = configuration.GetSection(WorkingCalendar.ExtraHolidaysKey).Get<string[]>() ?? [],
        };
        var summary = await runner.RunAsync(request, cancellationToken);
        context.Result = summary;
        if (summary.NeedsOperator)
            logger.LogError("ETL run {RunId} {Status}: {Failed} file(s) failed; see {Inbox}/failed/*.error.txt",
                summary.RunId, summary.Status, summary.Files.Count(f => f.NeedsOperator), inbox);
        else
            logger.LogInformation("ETL run {RunId} {Status}: read {Read}, loaded {Loaded}, unchanged {Unchanged}, rejected {Rejected}",
                summary.RunId, summary.Status, summary.RowsRead, summary.RowsLoaded, summary.RowsUnchanged, summary.RowsRejected);
        await RecheckWaitingAsync(context, summary, request.SettleInterval, cancellationToken);
    }

    /// <summary>
    /// A file still being written stays in the inbox; rather than leave it to the next cron slot (15 minutes by
    /// default), scan again one settle interval from now, when it can have settled (issue 14 §2: loaded within 60 s).
    /// </summary>
    private async Task RecheckWaitingAsync(IJobExecutionContext context, EtlRunSummary summary, TimeSpan settle, CancellationToken ct)
    {
        var waiting = summary.Files.Count(f => f.Status == EtlFileSummary.Waiting);
        if (waiting == 0) return;
        var at = time.GetUtcNow() + settle;
        try
        {
            await EtlScanRequest.RequestAsync(context.Scheduler, EtlScanRequest.Settle, at, ct);
            logger.LogInformation("{Waiting} file(s) still being written; scanning again at {At:O}", waiting, at);
        }
        catch (SchedulerException ex)
        {
            // The load itself succeeded; the cron still picks the file up.
            logger.LogWarning(ex, "{Waiting} file(s) still being written; the re-scan could not be scheduled, the next cron slot loads them", waiting);
        }
    }
}
