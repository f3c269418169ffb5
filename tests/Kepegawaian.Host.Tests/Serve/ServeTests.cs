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
            var health = await http.GetAsync("/health");
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

    [Fact]
    public async Task An_invalid_cron_stops_the_service_naming_the_key()
    {
        using var folder = TempFolder.Create("serve");
        await using var app = ServiceHost.Build(["--Etl:Cron=every monday"], folder.File("k.duckdb"), "http://127.0.0.1:0");
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
        Assert.Contains("Etl:Cron", ex.Message);
    }

    [Fact]
    public async Task The_inbox_scan_runs_on_the_configured_cron_in_Jakarta_time_and_once_after_downtime()
    {
        using var folder = TempFolder.Create("serve");
        await using var app = ServiceHost.Build([$"--Etl:Inbox={folder.Sub("inbox")}", "--Etl:Cron=0 30 6 * * ?"], folder.File("k.duckdb"), "http://127.0.0.1:0");
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
