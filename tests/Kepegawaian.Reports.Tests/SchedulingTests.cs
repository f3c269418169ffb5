using Kepegawaian.Analytics.Common;
using Kepegawaian.Reports.Delivery;
using Kepegawaian.Warehouse;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Quartz;

namespace Kepegawaian.Reports.Tests;

public sealed class SchedulingTests : IDisposable
{
    private static readonly TimeZoneInfo Jakarta = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");
    private readonly DeliveryFixture f = new();

    public void Dispose() => f.Dispose();

    [Fact]
    public async Task After_downtime_only_the_latest_missed_week_is_sent()
    {
        // Down from Sunday 15 Nov; back on Wednesday 2 Dec 2026 10:00 WIB: weeks 47 and 48 were missed.
        f.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 2, 3, 0, 0, TimeSpan.Zero));
        var job = new WeeklyReportJob(f.Service(), f.Clock);
        var outcome = await job.RunAsync(week: null, catchUp: true);
        Assert.Equal("2026-W48", outcome!.Week.ToString());
        Assert.Equal(2, outcome.Sent);
        Assert.Empty(f.Service().Ledger(Periode.Parse("2026-W47")));
        Assert.All(f.Smtp.Received, m => Assert.Contains("2026-W48", m.Subject));
        // A second start the same day sends nothing more.
        Assert.Equal(0, (await job.RunAsync(null, catchUp: true))!.Sent);
    }

    [Fact]
    public async Task Catch_up_before_monday_seven_oclock_waits_for_the_schedule()
    {
        // Monday 23 Nov 06:30 WIB: week 47 is complete but its report is due at 07:00.
        using var early = new DeliveryFixture(new DateTimeOffset(2026, 11, 22, 23, 30, 0, TimeSpan.Zero));
        var job = new WeeklyReportJob(early.Service(), early.Clock);
        Assert.Null(await job.RunAsync(null, catchUp: true));
        Assert.Empty(early.Smtp.Received);
        Assert.True(WeeklyReportJob.IsDue(ReportSeed.Week, "0 0 7 ? * MON", new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero), Jakarta));
        Assert.False(WeeklyReportJob.IsDue(ReportSeed.Week, "0 0 7 ? * MON", new DateTimeOffset(2026, 11, 22, 23, 59, 59, TimeSpan.Zero), Jakarta));
    }

    [Fact]
    [Trait("Category", "Scenario")]
    public async Task Two_quartz_schedulers_on_one_warehouse_send_each_email_once()
    {
        using var one = Host(f, "scheduler-one");
        using var two = Host(f, "scheduler-two");
        await Task.WhenAll(one.StartAsync(), two.StartAsync());
        var data = new JobDataMap { [WeeklyReportJob.WeekKey] = ReportSeed.Week.ToString() };
        var s1 = await one.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var s2 = await two.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await Task.WhenAll(s1.TriggerJob(WeeklyReportJob.Key, data).AsTask(), s2.TriggerJob(WeeklyReportJob.Key, data).AsTask());

        var ledger = new DeliveryLedger(f.Warehouse.Database);
        await SentToBoth(ledger, ReportSeed.Week.ToString(), TimeSpan.FromSeconds(90));
        // Stopping waits for running jobs, so a late duplicate would be counted below.
        await Task.WhenAll(one.StopAsync(), two.StopAsync());

        Assert.Equal(1, f.Smtp.CountTo(DeliveryFixture.A));
        Assert.Equal(1, f.Smtp.CountTo(DeliveryFixture.B));
    }

    [Fact]
    [Trait("Category", "Scenario")]
    public async Task The_start_up_catch_up_is_due_by_the_schedulers_clock_not_the_machines()
    {
        // Back up on Wednesday 25 Nov 2026 10:00 WIB: week 47's report was due on Monday and the cron's next slot
        // is next Monday, so only the catch-up can send it — if it is due by this clock. The machine's clock says
        // whatever later day the test runs (a trigger timed by it lies days in this clock's future).
        f.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 25, 3, 0, 0, TimeSpan.Zero));
        using var host = Host(f, "catch-up");
        await host.StartAsync();
        var ledger = new DeliveryLedger(f.Warehouse.Database);
        await SentToBoth(ledger, "2026-W47", TimeSpan.FromSeconds(60));
        await host.StopAsync();
        Assert.Equal(1, f.Smtp.CountTo(DeliveryFixture.A));
        Assert.Equal(1, f.Smtp.CountTo(DeliveryFixture.B));
        Assert.All(f.Smtp.Received, m => Assert.Contains("2026-W47", m.Subject));
    }

    /// <summary>
    /// Polls the ledger until both recipients are sent or <paramref name="timeout"/> of elapsed time passes: a
    /// Stopwatch, not a clock, so a shifted or faked clock cannot end the wait early or late.
    /// </summary>
    private static async Task SentToBoth(DeliveryLedger ledger, string week, TimeSpan timeout)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (ledger.List(week).Count(r => r.Status == "sent") < 2 && waited.Elapsed < timeout)
            await Task.Delay(200);
    }

    [Fact]
    public void Invalid_options_stop_the_start_with_a_message_naming_the_key()
    {
        using var host = Host(f, "bad", ("Delivery:Cron", "every monday"), ("Reports:Language", "fr"));
        var ex = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<Options.DeliveryOptions>>().Value);
        Assert.Contains("Delivery:Cron", ex.Message);
        var ex2 = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<Options.ReportOptions>>().Value);
        Assert.Contains("Reports:Language", ex2.Message);
    }

    [Fact]
    public void Non_loopback_dashboard_without_token_is_refused()
    {
        Assert.Null(Options.DashboardOptions.CheckBinding("http://127.0.0.1:5080", ""));
        Assert.Null(Options.DashboardOptions.CheckBinding("http://localhost:5080;http://[::1]:5080", null));
        Assert.Contains("Dashboard:Token", Options.DashboardOptions.CheckBinding("http://0.0.0.0:5080", ""));
        Assert.Contains("Dashboard:Token", Options.DashboardOptions.CheckBinding("http://*:5080", ""));
        Assert.Null(Options.DashboardOptions.CheckBinding("http://0.0.0.0:5080", "s3cret-0123456789"));
    }

    private static IHost Host(DeliveryFixture f, string name, params (string Key, string Value)[] extra)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var settings = new Dictionary<string, string?>
        {
            ["Warehouse:Path"] = f.Warehouse.Path,
            ["Reports:OutDir"] = f.Out.Sub(name),
            ["Delivery:Recipients:0"] = DeliveryFixture.A,
            ["Delivery:Recipients:1"] = DeliveryFixture.B,
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = f.Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:Security"] = "None",
            ["Smtp:From"] = "laporan@palembang.go.id",
            ["Smtp:LocalDomain"] = "localhost",
        };
        foreach (var (k, v) in extra) settings[k] = v;
        builder.Configuration.AddInMemoryCollection(settings);
        // Quartz and the delivery service on the fixture's clock (Monday 23 Nov 2026 07:00 WIB): on the real
        // clock the start-up catch-up trigger would deliver whatever week is latest on the day the test runs.
        builder.Services.AddSingleton<TimeProvider>(f.Clock);
        builder.AddWarehouse();
        builder.AddReports();
        builder.Services.AddQuartz(q => q.ConfigureScheduler(o => o.InstanceName = name));
        builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return builder.Build();
    }
}
