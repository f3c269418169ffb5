using System.Net;
using System.Text.Json;
using Kepegawaian.Analytics.Efficiency;
using Kepegawaian.Etl.Hosting;
using Kepegawaian.Etl.Synthetic;
using Kepegawaian.Service.Hosting;
using Kepegawaian.Service.Jobs;
using Kepegawaian.Testing;
using Kepegawaian.Warehouse;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Kepegawaian.Host.Tests.Serve;

/// <summary>
/// Issue 10: under `serve` the inbox scan and the mart refresh write the warehouse in turns (real Quartz, real
/// DuckDB, real Kestrel), and /health does not call the night's load-then-refresh window a fault.
/// The test itself takes the write gate to stand for "the other writer is busy", for as long as it needs.
/// </summary>
public sealed class WriterTurnTests
{
    private static readonly string[] Areas = ["ikm", "efisiensi", "kualitas", "kinerja", "kinerja_cuti", "penempatan", "diklat", "diklat_ikm"];

    [Fact]
    [Trait("Category", "Scenario")] // ≈ 20–40 s: a small synthetic load and its refresh
    public async Task Scan_and_refresh_wait_for_each_others_turn_and_health_reports_the_refresh_on_its_way()
    {
        using var folder = TempFolder.Create("turns");
        var inbox = folder.Sub("inbox");
        // No cron slot while the test runs: every scan here is fired by hand or at start-up.
        await using var app = ServiceHost.Build([$"--Etl:Inbox={inbox}", "--Etl:SettleSeconds=0", "--Etl:Cron=0 0 0 1 1 ? 2099", "--Etl:Watch=false"],
            folder.File("k.duckdb"), "http://127.0.0.1:0");
        var gate = app.Services.GetRequiredService<WarehouseWriteGate>();
        var activity = app.Services.GetRequiredService<MartRefreshActivity>();
        var database = app.Services.GetRequiredService<WarehouseDatabase>();
        await app.StartAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(Address(app)) };
            var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
            // The start-up scan of the empty inbox and the refresh after it.
            await UntilAsync(() => FinishedRuns(database) == 1 && !activity.State.InProgress && gate.Holder is null);

            // 1. A scan fired while another writer holds the warehouse waits for its turn, and is not lost.
            await SyntheticGenerator.GenerateAsync(new GeneratorOptions { OutDir = inbox, Employees = 60, Years = 1, Seed = 3, EndDate = new DateOnly(2026, 10, 31) });
            var files = Directory.GetFiles(inbox).Length;
            var other = await gate.EnterAsync("test", CancellationToken.None);
            await scheduler.TriggerJob(EtlJob.Key);
            await UntilAsync(() => gate.Waiting.Contains(EtlJob.Key.Name));
            await Task.Delay(1000);
            Assert.Equal(1, StartedRuns(database));                       // not even its run row yet
            Assert.Equal(files, Directory.GetFiles(inbox).Length);

            // 2. While the scan loads, the test queues for the next turn; the refresh chained after the scan then
            // finds the gate taken and waits: the facts are newer than every mart area.
            other.Dispose();
            other = await gate.EnterAsync("test", CancellationToken.None);
            Assert.Equal(2, FinishedRuns(database));
            Assert.Empty(Directory.GetFiles(inbox));                      // loaded and moved to processed/
            await UntilAsync(() => gate.Waiting.Contains(AnalyticsRefreshJob.Key.Name));
            using (var c = database.Open())
            {
                Assert.True(c.Scalar<long>("SELECT count(*) FROM etl_file WHERE status = 'loaded'") > 0);
                Assert.Equal(Areas, MartFreshness.Check(c).StaleAreas);

                // 3. /health while the refresh is on its way: healthy, saying so, the staleness as information.
                var during = await HealthAsync(http);
                Assert.Equal(HttpStatusCode.OK, during.Status);
                Assert.True(during.Report.GetProperty("refreshing").GetBoolean());
                Assert.Equal(Areas, during.Report.GetProperty("marts_stale").EnumerateArray().Select(a => a.GetString()));
                Assert.Contains(during.Report.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("lebih lama dari pemuatan terakhir", StringComparison.Ordinal));

                // The same stale warehouse with no refresh on its way, or after a failed one, is unhealthy.
                var etl = new EtlOptions { Inbox = inbox };
                var now = new DateTime(2026, 11, 2, 7, 0, 0);
                var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");
                var none = ServiceHealth.Check(c, etl, new EfisiensiOptions(), now, zone, new MartRefreshState(InProgress: false, LastError: null));
                Assert.False(none.Healthy);
                Assert.Contains(none.Problems, p => p.Contains("lebih lama dari pemuatan terakhir", StringComparison.Ordinal));
                var failed = ServiceHealth.Check(c, etl, new EfisiensiOptions(), now, zone, new MartRefreshState(InProgress: true, LastError: "IOException: disk full"));
                Assert.False(failed.Healthy);
                Assert.Contains(failed.Problems, p => p.Contains("disk full", StringComparison.Ordinal));
                Assert.True(ServiceHealth.Check(c, etl, new EfisiensiOptions(), now, zone, new MartRefreshState(InProgress: true, LastError: null)).Healthy);
            }

            // 4. Given its turn, the refresh rebuilds every area from the load it waited behind.
            other.Dispose();
            await UntilAsync(() => !activity.State.InProgress && gate.Holder is null);
            using (var c = database.Open())
            {
                Assert.Empty(MartFreshness.Check(c).StaleAreas);
                var lastLoad = c.Scalar<long>("SELECT max(file_id) FROM etl_file WHERE status = 'loaded'");
                Assert.Equal(Areas.Length, c.Scalar<long>($"SELECT count(*) FROM mart_build WHERE built_from_load = {lastLoad}"));
            }
            var after = await HealthAsync(http);
            Assert.Equal(HttpStatusCode.OK, after.Status);
            Assert.False(after.Report.GetProperty("refreshing").GetBoolean());
            Assert.Empty(after.Report.GetProperty("marts_stale").EnumerateArray());
        }
        finally
        {
            await app.StopAsync();
        }
    }

    private static long FinishedRuns(WarehouseDatabase database)
    {
        using var c = database.Open();
        return c.Scalar<long>("SELECT count(*) FROM etl_run WHERE finished_at IS NOT NULL");
    }

    private static long StartedRuns(WarehouseDatabase database)
    {
        using var c = database.Open();
        return c.Scalar<long>("SELECT count(*) FROM etl_run");
    }

    private static async Task<(HttpStatusCode Status, JsonElement Report)> HealthAsync(HttpClient http)
    {
        using var response = await http.GetAsync("/health");
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private static async Task UntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 1200 && !condition(); i++) await Task.Delay(50);
        Assert.True(condition(), "condition not reached within 60 s");
    }

    private static string Address(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
}
