using Kepegawaian.Analytics.Common;
using Kepegawaian.Reports.Weekly;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Quartz;

namespace Kepegawaian.Reports.Delivery;

/// <summary>
/// Quartz job: build and deliver the weekly report of the last complete ISO week (Asia/Jakarta).
/// Always the latest week: after downtime the misfired run reports the current week once and older
/// weeks are skipped. A failed target schedules a one-shot retry at its backoff time.
/// </summary>
[DisallowConcurrentExecution]
public sealed class WeeklyReportJob(ReportDeliveryService delivery, TimeProvider clock, ILogger<WeeklyReportJob>? logger = null) : IJob
{
    public static readonly JobKey Key = new("weekly-report", "reports");
    public const string WeekKey = "week";
    public const string CatchUpKey = "catchUp";

    private readonly ILogger log = logger ?? NullLogger<WeeklyReportJob>.Instance;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.MergedJobDataMap;
        var week = data.TryGetValue(WeekKey, out var w) && w is string { Length: > 0 } text
            ? ReportWeeks.Parse(text)
            : ReportWeeks.LastComplete(clock.GetUtcNow());

        // The start-up catch-up trigger only sends a report whose scheduled time has already passed.
        if (data.ContainsKey(CatchUpKey) && !IsDue(week, delivery.Options.Cron, clock.GetUtcNow()))
        {
            log.LogDebug("Weekly report {Week} not due yet", week);
            return;
        }

        var outcome = await delivery.DeliverAsync(week, cancellationToken);
        log.LogInformation("Weekly report {Week}: {Sent} sent, {Results} targets", week, outcome.Sent, outcome.Results.Count);
        if (outcome.NextRetryAt is { } at)
        {
            var retry = TriggerBuilder.Create(context.Scheduler.TimeProvider)
                .WithIdentity($"weekly-report-retry-{week}-{at.ToUnixTimeSeconds()}", "reports")
                .ForJob(context.JobDetail.Key)
                .UsingJobData(WeekKey, week.ToString())
                .StartAt(at)
                .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
                .Build();
            if (!await context.Scheduler.Exists(retry.Key, cancellationToken))
                await context.Scheduler.ScheduleJob(retry, cancellationToken: cancellationToken);
        }
    }

    /// <summary>True when the first scheduled run after the week's end is not in the future.</summary>
    public static bool IsDue(Periode week, string cron, DateTimeOffset now)
    {
        var expression = new CronExpression(cron, ReportWeeks.Jakarta);
        var first = expression.GetNextValidTimeAfter(ReportWeeks.EndInstant(week).AddSeconds(-1));
        return first is { } f && f <= now;
    }
}
