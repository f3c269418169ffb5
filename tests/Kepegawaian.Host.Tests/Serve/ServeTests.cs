using System.Net;
using System.Text.Json;
using Kepegawaian.Etl.Synthetic;
using Kepegawaian.Service.Hosting;
using Kepegawaian.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Host.Tests.Serve;

/// <summary>`kepegawaian serve` as composed for production: real Quartz, real Kestrel on loopback, real DuckDB.</summary>
public sealed class ServeTests
{
    [Fact]
    [Trait("Category", "Scenario")]
    public async Task Serve_loads_the_inbox_at_start_up_refreshes_the_marts_and_reports_healthy()
    {
        using var folder = TempFolder.Create("serve");
        var inbox = folder.Sub("inbox");
        await SyntheticGenerator.GenerateAsync(new GeneratorOptions { OutDir = inbox, Employees = 150, Years = 1, EndDate = new DateOnly(2026, 11, 20) });
        // Settle 0: the files were written a moment ago (Etl:SettleSeconds would leave them for the next scan).
        await using var app = ServiceHost.Build([$"--Etl:Inbox={inbox}", "--Etl:SettleSeconds=0"], folder.File("k.duckdb"), "http://127.0.0.1:0");
        await app.StartAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(Address(app)) };
            // The start-up scan loads everything once; the refresh job follows it and fills the marts.
            var ikm = await PollAsync(async () =>
            {
                var rows = JsonDocument.Parse(await http.GetStringAsync("/api/ikm")).RootElement;
                return rows.GetArrayLength() > 0 ? rows : (JsonElement?)null;
            });
            Assert.NotNull(ikm);
            Assert.Empty(Directory.EnumerateFiles(inbox));                       // all moved to processed/
            // Healthy once every mart area has caught up with the load (until then: "marts older than the last load").
            var health = await http.GetAsync("/health");
            for (var i = 0; i < 240 && health.StatusCode != HttpStatusCode.OK; i++)
            {
                await Task.Delay(250);
                health = await http.GetAsync("/health");
            }
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            var report = JsonDocument.Parse(await health.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("succeeded", report.GetProperty("last_status").GetString());
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/dasbor/ikm")).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/hr/jp")).StatusCode);
        }
        finally
        {
            await app.StopAsync();
        }
    }

    [Fact]
    public async Task A_non_loopback_address_without_a_token_stops_the_service_naming_the_key()
    {
        using var folder = TempFolder.Create("serve");
        await using var app = ServiceHost.Build([], folder.File("k.duckdb"), "http://0.0.0.0:0");
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
        Assert.Contains("Dashboard:Token", ex.Message);
    }

    [Theory]
    [InlineData("--Kestrel:Endpoints:Http:Url=http://0.0.0.0:0", "")]           // Kestrel__Endpoints__Http__Url overrides Dashboard:Urls
    [InlineData("--Dashboard:Urls=http://0.0.0.0:0", " ")]                        // a blank token is no token
    [InlineData("--Dashboard:Urls=http://127.0.0.1:0", "pendek")]                 // a set token must be long enough
    public async Task A_non_loopback_endpoint_from_any_source_or_a_weak_token_stops_the_service(string binding, string token)
    {
        using var folder = TempFolder.Create("serve");
        await using var app = ServiceHost.Build([binding, $"--Dashboard:Token={token}"], folder.File("k.duckdb"));
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
        Assert.Contains("Dashboard:Token", ex.Message);
    }

    [Fact]
    public async Task An_invalid_cron_stops_the_service_naming_the_key()
    {
        using var folder = TempFolder.Create("serve");
        await using var app = ServiceHost.Build(["--Etl:Cron=every monday"], folder.File("k.duckdb"), "http://127.0.0.1:0");
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
        Assert.Contains("Etl:Cron", ex.Message);
    }

    [Theory]
    [InlineData("Tolak")]   // not a policy name: the binding itself fails, naming the key
    [InlineData("7")]       // a number outside the enum: the options check fails
    public async Task An_unknown_predikat_policy_stops_the_service_naming_the_key(string value)
    {
        using var folder = TempFolder.Create("serve");
        // An unconvertible name fails already while the host is built (binding), a number outside the enum at start.
        var ex = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var app = ServiceHost.Build([$"--Etl:PredikatPolicy={value}"], folder.File("k.duckdb"), "http://127.0.0.1:0");
            await app.StartAsync();
        });
        Assert.Contains("Etl:PredikatPolicy", ex.Message);
    }

    [Fact]
    public async Task A_wrong_source_profile_stops_the_service_naming_the_file_and_key()
    {
        using var folder = TempFolder.Create("serve");
        var profiles = folder.Sub("profil");
        File.WriteAllText(Path.Combine(profiles, "skm-opd.json"), """{ "entity": "skm", "file": "^opd_", "columns": { "jenkel": "gender" } }""");
        await using var app = ServiceHost.Build([$"--Etl:ProfileDir={profiles}"], folder.File("k.duckdb"), "http://127.0.0.1:0");
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
        Assert.Contains("'skm-opd.json', kunci 'columns.jenkel'", ex.Message);
    }

    [Fact]
    public async Task The_inbox_scan_runs_on_the_configured_cron_in_Jakarta_time_and_once_after_downtime()
    {
        using var folder = TempFolder.Create("serve");
        // The trigger starts at the scheduler's "now": pin it (Sunday 29 Nov 2026 12:00 UTC), or the
        // next slot after a fixed instant would depend on the day the test runs.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));
        await using var app = ServiceHost.Build([$"--Etl:Inbox={folder.Sub("inbox")}", "--Etl:Cron=0 30 6 * * ?"], folder.File("k.duckdb"), "http://127.0.0.1:0",
            s => s.AddSingleton<TimeProvider>(clock));
        await app.StartAsync();
        try
        {
            var scheduler = await app.Services.GetRequiredService<Quartz.ISchedulerFactory>().GetScheduler();
            var cron = Assert.IsAssignableFrom<Quartz.ICronTrigger>(await scheduler.GetTrigger(new Quartz.TriggerKey("etl-cron", "etl")));
            Assert.Equal("Asia/Jakarta", cron.TimeZone.Id);
            // 06:30 WIB is 23:30 UTC the day before; asked at 22:00 UTC, the next scan is 90 minutes later.
            Assert.Equal(new DateTimeOffset(2026, 11, 29, 23, 30, 0, TimeSpan.Zero),
                cron.GetFireTimeAfter(new DateTimeOffset(2026, 11, 29, 22, 0, 0, TimeSpan.Zero)));
            // After downtime: fire once now and carry on (not once per missed slot).
            Assert.Equal(Quartz.CronTriggerMisfireInstruction.FireAndProceed, (Quartz.CronTriggerMisfireInstruction)cron.MisfireInstruction);
            Assert.True(Attribute.IsDefined(typeof(Kepegawaian.Etl.Hosting.EtlJob), typeof(Quartz.DisallowConcurrentExecutionAttribute)));
        }
        finally
        {
            await app.StopAsync();
        }
    }

    [Fact]
    [Trait("Category", "Scenario")]
    public async Task A_running_scheduler_scans_on_the_cron_in_Jakarta_time_and_once_after_downtime()
    {
        using var folder = TempFolder.Create("serve");
        var inbox = folder.Sub("inbox");
        // Quartz runs on the container's TimeProvider: Tuesday 1 Dec 2026 06:50 WIB (23:50 UTC the day before).
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 23, 50, 0, TimeSpan.Zero));
        await using var app = ServiceHost.Build([$"--Etl:Inbox={inbox}", "--Etl:SettleSeconds=0", "--Etl:Cron=0 0/15 * * * ?", "--Etl:Watch=false"],
            folder.File("k.duckdb"), "http://127.0.0.1:0", s => s.AddSingleton<TimeProvider>(clock));
        await app.StartAsync();
        try
        {
            var database = app.Services.GetRequiredService<WarehouseDatabase>();
            // The start-up scan, at 06:50.
            Assert.Equal(["06:50"], await ScansAsync(database, 1));

            // 07:00 WIB is a slot of the cron: the running scheduler fires and loads the new file.
            await SyntheticGenerator.GenerateAsync(new GeneratorOptions { OutDir = inbox, Employees = 30, Years = 1, EndDate = new DateOnly(2026, 11, 20) });
            clock.Advance(TimeSpan.FromMinutes(10));
            Assert.Equal(["06:50", "07:00"], await ScansAsync(database, 2));
            Assert.Empty(Directory.EnumerateFiles(inbox));

            // Two hours down (the clock jumps past eight slots): one scan on waking, then the schedule resumes.
            clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(5));
            Assert.Equal(["06:50", "07:00", "09:05"], await ScansAsync(database, 3));
            clock.Advance(TimeSpan.FromMinutes(10));
            Assert.Equal(["06:50", "07:00", "09:05", "09:15"], await ScansAsync(database, 4));
        }
        finally
        {
            await app.StopAsync();
        }
    }

    /// <summary>Start times (WIB, HH:mm) of the ETL runs once <paramref name="expected"/> have finished, plus a moment for any extra one.</summary>
    private static async Task<string[]> ScansAsync(WarehouseDatabase database, int expected)
    {
        string[] Read()
        {
            using var c = database.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT strftime(started_at, '%H:%M') FROM etl_run WHERE finished_at IS NOT NULL ORDER BY run_id";
            using var r = cmd.ExecuteReader();
            var list = new List<string>();
            while (r.Read()) list.Add(r.GetString(0));
            return [.. list];
        }
        for (var i = 0; i < 240 && Read().Length < expected; i++) await Task.Delay(250);
        await Task.Delay(1000); // a scan per missed slot would show up here
        return Read();
    }

    private static string Address(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    private static async Task<T?> PollAsync<T>(Func<Task<T?>> probe) where T : struct
    {
        for (var i = 0; i < 240; i++)
        {
            if (await probe() is { } value) return value;
            await Task.Delay(250);
        }
        return null;
    }
}
