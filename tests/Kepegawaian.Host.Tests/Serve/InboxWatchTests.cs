using System.Diagnostics;
using System.Text.Json;
using Kepegawaian.Etl.Hosting;
using Kepegawaian.Etl.Synthetic;
using Kepegawaian.Service.Hosting;
using Kepegawaian.Testing;
using Kepegawaian.Warehouse;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Quartz;

namespace Kepegawaian.Host.Tests.Serve;

/// <summary>
/// Issue 14 §2: under `serve` a file landing in the inbox is loaded within seconds (Etl:Watch), not at the next
/// cron slot. Real Quartz, real Kestrel on loopback, real DuckDB, real inotify. The cron never fires here (2099)
/// unless a test says so; the start-up scan loads every source but the SKM, whose arrival is what is watched.
/// Deadlines are generous limits to wait, not measurements.
/// </summary>
public sealed class InboxWatchTests
{
    private const string Never = "0 0 0 1 1 ? 2099";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    // Base files: settled long ago, so the start-up scan loads them at once.
    private static readonly DateTime LongAgo = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    [Trait("Category", "Scenario")] // ≈ 20–40 s: a small synthetic load, its refresh, then the watched file
    public async Task A_file_landing_in_the_inbox_is_loaded_and_shown_by_the_api_without_waiting_for_the_cron()
    {
        using var folder = TempFolder.Create("watch");
        var (inbox, skm) = await PrepareAsync(folder);
        var rows = DataRows(skm);
        await using var app = Serve(folder, inbox, watch: true);
        await app.StartAsync();
        try
        {
            var database = app.Services.GetRequiredService<WarehouseDatabase>();
            using var http = new HttpClient { BaseAddress = new Uri(Address(app)) };
            await UntilAsync(() => FinishedRuns(database) >= 1 && Directory.GetFiles(inbox).Length == 0, "start-up scan");
            Assert.Equal(0, Count(database, "SELECT count(*) FROM fact_skm"));

            File.Copy(skm, Path.Combine(inbox, Path.GetFileName(skm)));
            // The API answers from the refreshed mart: non-empty only once the SKM rows are loaded and the IKM built.
            await UntilAsync(async () => (await IkmAsync(http)).GetArrayLength() > 0, "IKM in /api/ikm");
            Assert.Equal(rows, Count(database, "SELECT count(*) FROM fact_skm"));
            Assert.Equal(1, Count(database, $"SELECT count(*) FROM etl_file WHERE file_name = '{Path.GetFileName(skm)}' AND status = 'loaded'"));
            Assert.True(File.Exists(Path.Combine(inbox, "processed", Path.GetFileName(skm))));
        }
        finally
        {
            await app.StopAsync();
        }
    }

    [Fact]
    [Trait("Category", "Scenario")]
    [Trait("Category", "Cluster")]
    public async Task Clustered_a_landed_file_is_scanned_through_the_shared_job_store_and_served_from_the_snapshot()
    {
        await using var pg = await Cluster.TestPostgres.CreateAsync();
        using var folder = TempFolder.Create("watch-cluster");
        var (inbox, skm) = await PrepareAsync(folder);
        var name = Path.GetFileName(skm);
        // One node on the PostgreSQL job store: the watcher's request is a trigger there, fired by whichever node takes it.
        await using (var app = ServiceHost.Build([$"--Etl:Inbox={inbox}", "--Etl:SettleSeconds=1", $"--Etl:Cron={Never}",
            $"--Quartz:Clustering:ConnectionString={pg.ConnectionString}", "--Quartz:Clustering:InstanceId=node-a"],
            folder.File("k.duckdb"), "http://127.0.0.1:0"))
        {
            await app.StartAsync();
            try
            {
                using var http = new HttpClient { BaseAddress = new Uri(Address(app)) };
                await UntilAsync(() => Directory.GetFiles(inbox).Length == 0, "start-up scan");
                File.Copy(skm, Path.Combine(inbox, name));
                // Polled meanwhile, so the dashboard's copy of the old snapshot is cached while the new one is published.
                await UntilAsync(async () => File.Exists(Path.Combine(inbox, "processed", name)) && (await IkmAsync(http)).GetArrayLength() > 0, "IKM in /api/ikm");
            }
            finally
            {
                await app.StopAsync();
            }
        }
        // The live file is read once the node has stopped (clustered, it is only open during a job).
        var database = new WarehouseDatabase(folder.File("k.duckdb"));
        Assert.Equal(DataRows(skm), Count(database, "SELECT count(*) FROM fact_skm"));
        Assert.Equal(1, Count(database, $"SELECT count(*) FROM etl_file WHERE file_name = '{name}' AND status = 'loaded'"));
    }

    [Theory]
    [Trait("Category", "Scenario")]
    [InlineData(true)]
    [InlineData(false)] // the job's own re-scan after the settle interval, without the watcher's events
    public async Task A_file_still_being_written_at_a_scan_is_loaded_once_complete_when_it_settles(bool watch)
    {
        using var folder = TempFolder.Create("watch-slow");
        var (inbox, skm) = await PrepareAsync(folder);
        var lines = File.ReadAllLines(skm);
        var name = Path.GetFileName(skm);
        await using var app = Serve(folder, inbox, watch);
        var database = app.Services.GetRequiredService<WarehouseDatabase>();
        var target = Path.Combine(inbox, name);
        var started = false; // the warehouse is read only once serve has migrated it
        // A slow copy: a row every 100 ms (well inside the 1 s settle) until the start-up scan has finished
        // and so has seen the file half-written; then the rest at once.
        var writer = Task.Run(async () =>
        {
            await using var w = new StreamWriter(target);
            w.WriteLine(lines[0]);
            await w.FlushAsync();
            var i = 1;
            for (; i < lines.Length - 1 && (!Volatile.Read(ref started) || FinishedRuns(database) == 0); i++)
            {
                w.WriteLine(lines[i]);
                await w.FlushAsync();
                await Task.Delay(100);
            }
            Assert.True(Volatile.Read(ref started) && FinishedRuns(database) > 0, "the file was written out before the start-up scan ended; make it longer");
            for (; i < lines.Length; i++) w.WriteLine(lines[i]);
        });
        await app.StartAsync();
        Volatile.Write(ref started, true);
        try
        {
            await writer;
            await UntilAsync(() => File.Exists(Path.Combine(inbox, "processed", name)), "the slow file loaded");
            await Task.Delay(2000); // a second load of it would show up here
            var firstRun = Count(database, "SELECT min(run_id) FROM etl_run");
            using var c = database.Open();
            using var cmd = c.Command("SELECT run_id, status, rows_read, rows_loaded, rows_rejected FROM etl_file WHERE file_name = $n", ("n", name));
            using var r = cmd.ExecuteReader();
            Assert.True(r.Read());
            Assert.True(r.GetInt64(0) > firstRun, "loaded by the start-up scan, which saw it half-written");
            Assert.Equal("loaded", r.GetString(1));
            Assert.Equal(lines.Length - 1, r.GetInt64(2));        // every row: the scan read the complete file
            Assert.Equal(lines.Length - 1, r.GetInt64(3));
            Assert.Equal(0, r.GetInt64(4));
            Assert.False(r.Read());                                 // once
            Assert.Equal(lines.Length - 1, Count(database, "SELECT count(*) FROM fact_skm"));
        }
        finally
        {
            await app.StopAsync();
        }
    }

    [Fact]
    [Trait("Category", "Scenario")]
    public async Task A_burst_of_five_files_is_loaded_by_one_or_few_scans_each_file_once()
    {
        using var folder = TempFolder.Create("watch-burst");
        var (inbox, skm) = await PrepareAsync(folder);
        // The year's SKM cut into five files of (nearly) equal size; each SKM record is one line.
        var lines = File.ReadAllLines(skm);
        var staging = folder.Sub("staging");
        var parts = Enumerable.Range(0, 5).Select(p => (
            Name: $"skm_bagian{p + 1}.csv",
            Rows: lines.Skip(1).Where((_, i) => i % 5 == p).ToArray())).ToList();
        foreach (var part in parts)
            File.WriteAllLines(Path.Combine(staging, part.Name), [lines[0], .. part.Rows]);
        await using var app = Serve(folder, inbox, watch: true);
        await app.StartAsync();
        try
        {
            var database = app.Services.GetRequiredService<WarehouseDatabase>();
            await UntilAsync(() => FinishedRuns(database) >= 1 && Directory.GetFiles(inbox).Length == 0, "start-up scan");
            var before = Count(database, "SELECT count(*) FROM etl_run");

            foreach (var part in parts) File.Move(Path.Combine(staging, part.Name), Path.Combine(inbox, part.Name));
            await UntilAsync(() => Directory.GetFiles(inbox).Length == 0 && FinishedRuns(database) == Count(database, "SELECT count(*) FROM etl_run"), "the burst loaded");
            await Task.Delay(3000); // scans owed to the burst and not yet begun would show up here

            foreach (var part in parts)
                Assert.Equal(new long[] { part.Rows.Length }, Longs(database, $"SELECT rows_loaded FROM etl_file WHERE file_name = '{part.Name}' AND status = 'loaded'"));
            Assert.Equal(lines.Length - 1, Count(database, "SELECT count(*) FROM fact_skm"));
            var scans = Count(database, "SELECT count(*) FROM etl_run") - before;
            Assert.InRange(scans, 1, 3);
        }
        finally
        {
            await app.StopAsync();
        }
    }

    [Fact]
    [Trait("Category", "Scenario")]
    public async Task Without_Etl_Watch_a_landed_file_waits_for_the_cron()
    {
        using var folder = TempFolder.Create("watch-off");
        var (inbox, skm) = await PrepareAsync(folder);
        // Quartz runs on this clock: 06:50 WIB, the next slot of the 15-minute cron at 07:00.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 23, 50, 0, TimeSpan.Zero));
        await using var app = Serve(folder, inbox, watch: false, cron: "0 0/15 * * * ?", clock);
        await app.StartAsync();
        try
        {
            var database = app.Services.GetRequiredService<WarehouseDatabase>();
            await UntilAsync(() => FinishedRuns(database) >= 1 && Directory.GetFiles(inbox).Length == 0, "start-up scan");
            var landed = Path.Combine(inbox, Path.GetFileName(skm));
            File.Copy(skm, landed);
            // Longer than the watcher needs (1 s quiet, 1 s settle, a small load): nobody looks.
            await Task.Delay(5000);
            Assert.True(File.Exists(landed));
            Assert.Equal(1, Count(database, "SELECT count(*) FROM etl_run"));

            clock.Advance(TimeSpan.FromMinutes(10));
            await UntilAsync(() => !File.Exists(landed) && FinishedRuns(database) == 2, "the cron's scan");
            Assert.Equal(DataRows(skm), Count(database, "SELECT count(*) FROM fact_skm"));
        }
        finally
        {
            await app.StopAsync();
        }
    }

    [Fact]
    public async Task Requests_while_a_scan_runs_fold_into_one_more_scan_after_it()
    {
        using var folder = TempFolder.Create("watch-fold");
        var inbox = folder.Sub("inbox");
        await using var app = ServiceHost.Build([$"--Etl:Inbox={inbox}", "--Etl:SettleSeconds=0", $"--Etl:Cron={Never}", "--Etl:Watch=false"],
            folder.File("k.duckdb"), "http://127.0.0.1:0");
        var gate = app.Services.GetRequiredService<WarehouseWriteGate>();
        var database = app.Services.GetRequiredService<WarehouseDatabase>();
        await app.StartAsync();
        try
        {
            var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
            await UntilAsync(() => FinishedRuns(database) == 1 && gate.Holder is null, "start-up scan");
            var other = await gate.EnterAsync("test", CancellationToken.None);
            await EtlScanRequest.RequestAsync(scheduler, EtlScanRequest.Watch, TimeProvider.System.GetUtcNow());
            // That scan is executing (waiting for the warehouse): two more requests must leave exactly one scan owed,
            // not zero (the executing trigger's completion must not delete it) and not two.
            await UntilAsync(() => gate.Waiting.Contains(EtlJob.Key.Name), "the requested scan running");
            await EtlScanRequest.RequestAsync(scheduler, EtlScanRequest.Watch, TimeProvider.System.GetUtcNow());
            await EtlScanRequest.RequestAsync(scheduler, EtlScanRequest.Watch, TimeProvider.System.GetUtcNow());
            other.Dispose();
            await UntilAsync(() => FinishedRuns(database) == 3, "the owed scan");
            await Task.Delay(2000);
            Assert.Equal(3, Count(database, "SELECT count(*) FROM etl_run"));
        }
        finally
        {
            await app.StopAsync();
        }
    }

    [Fact]
    public async Task A_missing_inbox_leaves_serve_running_on_the_cron_and_the_watch_is_re_armed_once_it_exists()
    {
        using var folder = TempFolder.Create("watch-missing");
        var inbox = Path.Combine(folder.Path, "inbox"); // not created yet
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 23, 50, 0, TimeSpan.Zero));
        await using var app = Serve(folder, inbox, watch: true, clock: clock);
        await app.StartAsync(); // no exception: the watcher logs and leaves the inbox to the cron
        try
        {
            var database = app.Services.GetRequiredService<WarehouseDatabase>();
            await Task.Delay(1000);
            Assert.Equal(0, Count(database, "SELECT count(*) FROM etl_run")); // the start-up scan found no inbox

            Directory.CreateDirectory(inbox);
            clock.Advance(InboxWatcher.RearmInterval);                 // re-armed; files may have landed meanwhile: one scan
            clock.Advance(TimeSpan.FromSeconds(2));                      // the debounce's quiet second
            await UntilAsync(() => FinishedRuns(database) == 1, "the scan after re-arming");

            File.WriteAllText(Path.Combine(inbox, "catatan.txt"), "bukan berkas sumber");  // events arrive now
            await Task.Delay(500);
            clock.Advance(TimeSpan.FromSeconds(2));
            await UntilAsync(() => FinishedRuns(database) == 2, "the scan after an event");
        }
        finally
        {
            await app.StopAsync();
        }
    }

    /// <summary>A small synthetic city; every file but the SKM goes to the inbox, the SKM file's path is returned.</summary>
    private static async Task<(string Inbox, string Skm)> PrepareAsync(TempFolder folder)
    {
        var source = folder.Sub("source");
        await SyntheticGenerator.GenerateAsync(new GeneratorOptions { OutDir = source, Employees = 60, Years = 1, Seed = 5, EndDate = new DateOnly(2026, 11, 20) });
        var inbox = folder.Sub("inbox");
        var skm = Directory.GetFiles(source, "skm_*.csv").Single();
        foreach (var file in Directory.GetFiles(source).Where(f => f != skm))
        {
            var to = Path.Combine(inbox, Path.GetFileName(file));
            File.Move(file, to);
            File.SetLastWriteTimeUtc(to, LongAgo);
        }
        return (inbox, skm);
    }

    private static WebApplication Serve(TempFolder folder, string inbox, bool watch, string cron = Never, TimeProvider? clock = null) =>
        ServiceHost.Build([$"--Etl:Inbox={inbox}", "--Etl:SettleSeconds=1", $"--Etl:Cron={cron}", $"--Etl:Watch={watch}"],
            folder.File("k.duckdb"), "http://127.0.0.1:0", clock is null ? null : s => s.AddSingleton(clock));

    /// <summary>Records in a CSV, read by the tests' own RFC 4180 reader (not the ETL's), less the header.</summary>
    private static long DataRows(string csv) => Rfc4180.Parse(File.ReadAllText(csv), ',').Count(r => r.Count > 1) - 1;

    private static async Task<JsonElement> IkmAsync(HttpClient http) => JsonDocument.Parse(await http.GetStringAsync("/api/ikm")).RootElement;

    private static long FinishedRuns(WarehouseDatabase database) => Count(database, "SELECT count(*) FROM etl_run WHERE finished_at IS NOT NULL");

    private static long Count(WarehouseDatabase database, string sql)
    {
        using var c = database.Open();
        return c.Scalar<long>(sql);
    }

    private static long[] Longs(WarehouseDatabase database, string sql)
    {
        using var c = database.Open();
        using var cmd = c.Command(sql);
        using var r = cmd.ExecuteReader();
        var list = new List<long>();
        while (r.Read()) list.Add(r.GetInt64(0));
        return [.. list];
    }

    private static Task UntilAsync(Func<bool> condition, string what) => UntilAsync(() => Task.FromResult(condition()), what);

    private static async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        var waited = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(waited.Elapsed < Deadline, $"{what}: not within {Deadline.TotalSeconds} s");
            await Task.Delay(200);
        }
    }

    private static string Address(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
}
