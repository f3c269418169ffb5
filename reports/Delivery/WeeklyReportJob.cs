using Kepegawaian.Analytics.Common;
using Kepegawaian.Reports.Weekly;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Quartz;

namespace Kepegawaian.Reports.Delivery;

/// <summary>
/// Quartz job: build and deliver the weekly report of the last complete ISO week (in <c>Schedule:TimeZone</c>).
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
        var week = data.TryGetValue(WeekKey, out var w) && w is string { Length: > 0 } text ? text : null;
        var outcome = await RunAsync(week, data.ContainsKey(CatchUpKey), cancellationToken);
        if (outcome?.NextRetryAt is { } at)
        {
            var retry = TriggerBuilder.Create(context.Scheduler.TimeProvider)
                .WithIdentity($"weekly-report-retry-{outcome.Week}-{at.ToUnixTimeSeconds()}", "reports")
                .ForJob(context.JobDetail.Key)
                .UsingJobData(WeekKey, outcome.Week.ToString())
                .StartAt(at)
                .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
                .Build();
            if (!await context.Scheduler.Exists(retry.Key, cancellationToken))
                await context.Scheduler.ScheduleJob(retry, cancellationToken: cancellationToken);
        }
    }

    /// <summary>
    /// One run: <paramref name="week"/> null = the last complete week now. A catch-up run (start-up
    /// trigger) only delivers when that week's scheduled time has passed; older weeks are never sent.
    /// Returns null when nothing was due.
    /// </summary>
    public async Task<DeliveryOutcome?> RunAsync(string? week, bool catchUp, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var target = week is null ? ReportWeeks.LastComplete(now, delivery.Zone) : ReportWeeks.Parse(week);
        if (catchUp && !IsDue(target, delivery.Options.Cron, now, delivery.Zone))
        {
            log.LogDebug("Weekly report {Week} not due yet", target);
            return null;
        }
        var outcome = await delivery.DeliverAsync(target, cancellationToken);
        log.LogInformation("Weekly report {Week}: {Sent} sent, {Results} targets", target, outcome.Sent, outcome.Results.Count);
        return outcome;
    }

    /// <summary>True when the first scheduled run after the week's end (cron and week in <paramref name="zone"/>) is not in the future.</summary>
    public static bool IsDue(Periode week, string cron, DateTimeOffset now, TimeZoneInfo zone)
    {
        var expression = new CronExpression(cron, zone);
        var first = expression.GetNextValidTimeAfter(ReportWeeks.EndInstant(week, zone).AddSeconds(-1));
        return first is { } f && f <= now;
    }
}
