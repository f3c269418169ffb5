using Kepegawaian.Etl.Hosting;
using Kepegawaian.Service.Clustering;
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
    /// chained after every scan (it rebuilds only mart areas older than the last committed load). With <c>Etl:Watch</c>
    /// (default) a file landing in the inbox is scanned once it has settled (<see cref="InboxWatcher"/>); the cron stays
    /// as the fallback.
    /// With <c>Quartz:Clustering:ConnectionString</c> the schedule lives in PostgreSQL and is shared by every node
    /// (see <see cref="Cluster"/>); without it Quartz keeps it in memory, one node, as before.
    /// </summary>
    public static IHostApplicationBuilder AddSchedules(this IHostApplicationBuilder builder)
    {
        var etl = builder.Configuration.GetSection(EtlOptions.Section).Get<EtlOptions>() ?? new EtlOptions();
        var schedule = builder.Configuration.GetSection(ScheduleOptions.Section).Get<ScheduleOptions>() ?? new ScheduleOptions();
        builder.Services.AddTransient<AnalyticsRefreshJob>();
        builder.Services.AddSingleton<SnapshotPublisher>();
        builder.Services.AddSingleton<LakePublisher>();
        builder.Services.AddSingleton<MartRefreshActivity>();
        builder.Services.AddOptions<QuartzClusteringOptions>().Bind(builder.Configuration.GetSection(QuartzClusteringOptions.Section));
        var clustering = builder.Configuration.GetSection(QuartzClusteringOptions.Section).Get<QuartzClusteringOptions>() ?? new QuartzClusteringOptions();
        // Before Quartz's hosted service: the job store must exist when the scheduler validates it.
        if (clustering.Enabled) builder.Services.AddHostedService<QuartzSchema>();
        builder.Services.AddQuartz(q =>
        {
            if (clustering.Enabled) Cluster(q, clustering);
            // RequestRecovery: a node killed mid-run has the run re-fired on another node (no effect in memory).
            q.AddJob<EtlJob>(j => j.WithIdentity(EtlJob.Key).StoreDurably().RequestRecovery());
            q.AddJob<AnalyticsRefreshJob>(j => j.WithIdentity(AnalyticsRefreshJob.Key).StoreDurably().RequestRecovery());
            q.AddTrigger(t => t.ForJob(EtlJob.Key).WithIdentity("etl-startup", "etl").StartNow());
            // An invalid cron or zone is left out here; options validation stops the host naming the key.
            if (CronExpression.TryParse(etl.Cron, out _) && TimeZoneInfo.TryFindSystemTimeZoneById(schedule.TimeZone, out var zone))
                q.AddTrigger(t => t.ForJob(EtlJob.Key).WithIdentity("etl-cron", "etl")
                    .WithCronSchedule(etl.Cron, c => c.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
            q.AddJobListener<RefreshAfterLoadListener>([Matchers.Key(EtlJob.Key)]);
        });
        builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        // After Quartz's hosted service: a scan it asks for goes to a started scheduler (and, clustered, an existing store).
        if (etl.Watch) builder.Services.AddHostedService<InboxWatcher>();
        return builder;
    }

    /// <summary>
    /// One schedule for all nodes: each trigger fires on exactly one node, and a dead node's runs are recovered by
    /// another. <c>[DisallowConcurrentExecution]</c> holds cluster-wide but per job key only (quartznet#2697): a scan and
    /// a refresh or the weekly delivery may be due at once on two nodes; they take turns at the warehouse file
    /// through <see cref="JobWarehouseTurn"/>.
    /// </summary>
    private static void Cluster(IQuartzBuilder q, QuartzClusteringOptions clustering)
    {
        q.ConfigureScheduler(o =>
        {
            o.InstanceName = QuartzClusteringOptions.SchedulerName;
            o.InstanceId = clustering.InstanceId;
        });
        q.UsePersistentStore(s =>
        {
            s.UsePostgres(clustering.ConnectionString);
            s.UseClustering(c =>
            {
                c.CheckinInterval = TimeSpan.FromSeconds(clustering.CheckinIntervalSeconds);
                c.CheckinMisfireThreshold = TimeSpan.FromSeconds(clustering.CheckinMisfireThresholdSeconds);
            });
            s.UseSystemTextJsonSerializer();
        });
        q.AddJobListener<JobWarehouseTurn>(GroupMatcher<JobKey>.AnyGroup());
    }
}
