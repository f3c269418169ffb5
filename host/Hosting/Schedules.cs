using Kepegawaian.Etl.Hosting;
using Kepegawaian.Service.Jobs;
using Kepegawaian.Warehouse;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace Kepegawaian.Service.Hosting;

public static class Schedules
{
    /// <summary>
    /// The ETL and analytics schedules of `serve` (the weekly report's are added by AddReports):
    /// inbox scan on <c>Etl:Cron</c> in <c>Schedule:TimeZone</c>, once at start-up so files that
    /// arrived during downtime load once (not once per missed slot), and the analytics refresh
    /// chained after every scan (it rebuilds only mart areas older than the last committed load).
    /// </summary>
    public static IHostApplicationBuilder AddSchedules(this IHostApplicationBuilder builder)
    {
        var etl = builder.Configuration.GetSection(EtlOptions.Section).Get<EtlOptions>() ?? new EtlOptions();
        var schedule = builder.Configuration.GetSection(ScheduleOptions.Section).Get<ScheduleOptions>() ?? new ScheduleOptions();
        builder.Services.AddTransient<AnalyticsRefreshJob>();
        builder.Services.AddSingleton<SnapshotPublisher>();
        builder.Services.AddSingleton<LakePublisher>();
        builder.Services.AddSingleton<MartRefreshActivity>();
        builder.Services.AddQuartz(q =>
        {
            q.AddJob<EtlJob>(j => j.WithIdentity(EtlJob.Key).StoreDurably());
            q.AddJob<AnalyticsRefreshJob>(j => j.WithIdentity(AnalyticsRefreshJob.Key).StoreDurably());
            q.AddTrigger(t => t.ForJob(EtlJob.Key).WithIdentity("etl-startup", "etl").StartNow());
            // An invalid cron or zone is left out here; options validation stops the host naming the key.
            if (CronExpression.TryParse(etl.Cron, out _) && TimeZoneInfo.TryFindSystemTimeZoneById(schedule.TimeZone, out var zone))
                q.AddTrigger(t => t.ForJob(EtlJob.Key).WithIdentity("etl-cron", "etl")
                    .WithCronSchedule(etl.Cron, c => c.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
            q.AddJobListener<RefreshAfterLoadListener>([Matchers.Key(EtlJob.Key)]);
        });
        builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return builder;
    }
}
