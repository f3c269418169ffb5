using System.Diagnostics;
using Kepegawaian.Etl.Synthetic;
using Kepegawaian.Host.Tests.Faults;
using Kepegawaian.Testing;
using Xunit.Abstractions;

namespace Kepegawaian.Host.Tests.Cluster;

/// <summary>
/// Issue 14 §4: kill -9 the node running a load; the other node recovers the job within 30 s (Quartz
/// RequestRecovery, check-in 5 s + 5 s) exactly once (quartznet#2817), and the warehouse ends equal to a clean load.
/// </summary>
[Trait("Category", "Scenario")]
[Trait("Category", "Cluster")]
public sealed class ClusterRecoveryTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);
    private const string Recovered = "recovered: the node running it stopped mid-run";

    [Fact]
    public async Task Killing_the_node_mid_load_has_the_other_node_finish_it_once_within_30_s_equal_to_a_clean_load()
    {
        await using var pg = await TestPostgres.CreateAsync();
        using var folder = TempFolder.Create("cluster-kill");
        var source = folder.Sub("source");
        await SyntheticGenerator.GenerateAsync(new GeneratorOptions
        {
            OutDir = source, Employees = 400, Years = 1, Seed = 11, BadRows = 0.02, EndDate = new DateOnly(2026, 10, 31),
        });
        var skm = Directory.GetFiles(source, "skm_*.csv").Single();
        File.WriteAllLines(skm, File.ReadLines(skm).Take(8_001).ToList());

        var inbox = folder.Sub("inbox");
        var db = folder.File("wh.duckdb");
        var settings = new Dictionary<string, string>
        {
            // No cron slot during the test: the only scans are the start-up ones and Quartz's recovery.
            ["Etl__Inbox"] = inbox, ["Etl__SettleSeconds"] = "0", ["Etl__Cron"] = "0 0 0 1 1 ? 2099", ["Etl__Watch"] = "false",
            ["Schedule__TimeZone"] = "UTC", ["Reports__OutDir"] = folder.Sub("out"),
        };
        // The clean load under the same settings (the zone dates the reject checks' "today").
        var cleanDb = folder.File("clean.duckdb");
        var clean = await HostProcess.RunAsync(folder.Path, Timeout, settings, "etl", "--inbox", Copy(source, folder.Sub("inbox-clean")), "--db", cleanDb, "--format", "json");
        Assert.True(clean.ExitCode == 0, clean.Error);

        // b first, on an empty inbox; then the files; a's start-up scan loads them on whichever node takes the trigger.
        using var b = ClusterNode.Start("node-b", folder.Path, db, pg.ConnectionString, settings);
        await b.StartedAsync(Timeout);
        await b.UntilLogAsync("ETL run 1 succeeded", Timeout);
        Copy(source, inbox);
        using var a = ClusterNode.Start("node-a", folder.Path, db, pg.ConnectionString, settings);
        try
        {
            await a.StartedAsync(Timeout);

            // The load is under way once a file has been committed and moved; kill whichever node runs it.
            var processed = Path.Combine(inbox, "processed");
            var watch = Stopwatch.StartNew();
            while ((Directory.Exists(processed) ? Directory.GetFiles(processed).Length : 0) < 1)
            {
                Assert.True(watch.Elapsed < Timeout, "the load did not start");
                await Task.Delay(5);
            }
            // The console logger writes from a queue, so the line can reach us after the file has moved.
            while (!a.Log.Contains("ETL run 2 started", StringComparison.Ordinal) && !b.Log.Contains("ETL run 2 started", StringComparison.Ordinal))
            {
                Assert.True(watch.Elapsed < Timeout, "a file was processed but no node logged the load's start");
                await Task.Delay(5);
            }
            var (victim, survivor) = a.Log.Contains("ETL run 2 started", StringComparison.Ordinal) ? (a, b) : (b, a);
            Assert.NotEmpty(Directory.GetFiles(inbox)); // still mid-load
            await victim.KillAsync();
            var killedAt = Stopwatch.StartNew();
            output.WriteLine($"killed {victim.Id} mid-load; {Directory.GetFiles(inbox).Length} file(s) left in the inbox");

            await survivor.UntilLogAsync(Recovered, TimeSpan.FromSeconds(30));
            output.WriteLine($"{survivor.Id} recovered the scan {killedAt.Elapsed.TotalSeconds:0.0} s after the kill");
            await survivor.UntilLogAsync("ETL run 3 succeeded", Timeout);
            // Two more failure-detection cycles: a duplicate recovery (#2817) would have fired by then.
            await Task.Delay(TimeSpan.FromSeconds(25));
            Assert.False(survivor.HasExited, survivor.Tail());
            await survivor.KillAsync();

            Assert.Equal(1, Occurrences(survivor.Log, Recovered));
            Assert.Empty(Directory.GetFiles(inbox));
            Assert.Equal(WarehouseFingerprint.Of(cleanDb), WarehouseFingerprint.Of(db));
            // b's empty start-up scan, the killed load, the recovered one: no other run.
            Assert.Equal(3, WarehouseFingerprint.Scalar(db, "SELECT count(*) FROM etl_run"));
            Assert.Equal(0, WarehouseFingerprint.Scalar(db, "SELECT count(*) FROM etl_run WHERE status = 'running'"));
        }
        catch
        {
            output.WriteLine($"node a:\n{a.Tail(120)}\nnode b:\n{b.Tail(120)}");
            throw;
        }
    }

    private static int Occurrences(string text, string what) => (text.Length - text.Replace(what, "", StringComparison.Ordinal).Length) / what.Length;

    private static string Copy(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from))
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        return to;
    }
}
