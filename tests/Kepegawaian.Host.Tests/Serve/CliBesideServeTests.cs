using System.Diagnostics;
using System.Text.Json;
using Kepegawaian.Etl.Synthetic;
using Kepegawaian.Host.Tests.Faults;
using Kepegawaian.Service.Cli;
using Kepegawaian.Testing;
using Kepegawaian.Warehouse;
using Xunit.Abstractions;

namespace Kepegawaian.Host.Tests.Serve;

/// <summary>
/// Issue 10 item 4: while a real `kepegawaian serve` process holds the warehouse, every read-only command —
/// each its own process on the same --db — answers from the snapshot serve publishes, and `etl` by hand waits
/// a bounded time with a clear message.
/// </summary>
[Trait("Category", "Scenario")]
public sealed class CliBesideServeTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Read_only_commands_answer_from_the_snapshot_while_serve_runs_and_etl_waits_then_says_why()
    {
        using var folder = TempFolder.Create("beside-serve");
        var inbox = folder.Sub("inbox");
        var db = folder.File("wh.duckdb");
        await SyntheticGenerator.GenerateAsync(new GeneratorOptions { OutDir = inbox, Employees = 150, Years = 1, Seed = 3, BadRows = 0.02, EndDate = new DateOnly(2026, 10, 31) });
        var env = new Dictionary<string, string>
        {
            ["Etl__Inbox"] = inbox, ["Etl__SettleSeconds"] = "0", ["Etl__Cron"] = "0/10 * * * * ?",
            ["Dashboard__Urls"] = "http://127.0.0.1:0", ["Reports__OutDir"] = folder.Sub("out"),
        };

        using var serve = HostProcess.Start(folder.Path, env, "serve", "--db", db);
        var serveLog = new System.Text.StringBuilder();
        serve.OutputDataReceived += (_, e) => { lock (serveLog) serveLog.AppendLine(e.Data); };
        serve.ErrorDataReceived += (_, e) => { lock (serveLog) serveLog.AppendLine(e.Data); };
        serve.BeginOutputReadLine();
        serve.BeginErrorReadLine();
        try
        {
            // The start-up scan loads the inbox, the refresh follows, then the snapshot is published.
            var lastLoad = await UntilAsync(serve, db, s =>
                s.Scalar<long>("SELECT count(*) FROM mart_build") == MartFreshness.Areas.Count && s.Scalar<long>("SELECT count(*) FROM etl_run WHERE status = 'succeeded'") > 0
                    ? s.Scalar<long>("SELECT max(file_id) FROM etl_file WHERE status = 'loaded'") : (long?)null);

            string[][] commands =
            [
                ["runs", "--format", "json"], ["rejects", "--limit", "5", "--format", "json"], ["health"], ["ikm", "--format", "json"],
                ["efisiensi", "--format", "json"], ["kinerja", "--format", "json"], ["diklat", "--show", "jp-unit", "--format", "json"],
                ["report", "weekly", "--week", "2026-W43", "--out", folder.Sub("report")],
            ];
            foreach (var command in commands)
            {
                var watch = Stopwatch.StartNew();
                var run = await HostProcess.RunAsync(folder.Path, Timeout, env, [.. command, "--db", db]);
                output.WriteLine($"{string.Join(' ', command)}: exit {run.ExitCode} in {watch.Elapsed.TotalSeconds:0.0} s; {run.Error.Trim()}");
                Assert.True(run.ExitCode == CliApp.Ok, $"{command[0]} exited {run.ExitCode}: {run.Error}");
                Assert.Contains("membaca salinan per", run.Error);
                Assert.DoesNotContain("sedang dipakai", run.Output);
                if (command.Contains("json"))
                    Assert.True(JsonDocument.Parse(run.Output).RootElement.GetArrayLength() > 0, $"{command[0]} returned no rows");
            }
            Assert.True(File.Exists(Path.Combine(folder.Sub("report"), "laporan-mingguan-2026-W43.html")), "no weekly report written");

            // A new file: the next scan (every 10 s) loads it and the snapshot follows, with every mart area that reads skm
            // rebuilt from it (the others stay as they were: MartFreshness.Dependencies).
            var skmAreas = MartFreshness.Areas.Count(a => MartFreshness.Dependencies[a].Contains("skm"));
            File.WriteAllText(Path.Combine(inbox, "skm_susulan.csv"),
                "id_responden,kode_unit,jenis_layanan,tanggal_survei,u1,u2,u3,u4,u5,u6,u7,u8,u9\nSUSULAN-1,"
                + FirstUnit(db) + ",KTP-el,2026-10-30,4,4,4,4,4,4,4,4,4\n");
            await UntilAsync(serve, db, s =>
                s.Scalar<long>("SELECT count(*) FROM etl_file WHERE file_name = 'skm_susulan.csv' AND status = 'loaded'") == 1
                && s.Scalar<long>("SELECT count(*) FROM mart_build WHERE built_from_load > $l", ("l", lastLoad)) == skmAreas ? 1L : (long?)null);
            var ikm = await HostProcess.RunAsync(folder.Path, Timeout, env, "ikm", "--format", "json", "--db", db);
            Assert.Equal(CliApp.Ok, ikm.ExitCode);

            // `etl` by hand: says it waits, gives up after --wait-seconds, exit 2, points at the service's inbox.
            var etlWatch = Stopwatch.StartNew();
            var etl = await HostProcess.RunAsync(folder.Path, Timeout, env, "etl", "--inbox", folder.Sub("other-inbox"), "--db", db, "--wait-seconds", "3");
            output.WriteLine($"etl beside serve: exit {etl.ExitCode} in {etlWatch.Elapsed.TotalSeconds:0.0} s; {etl.Error.Trim()}");
            Assert.Equal(CliApp.OperatorError, etl.ExitCode);
            Assert.Contains("menunggu paling lama 3 detik", etl.Error);
            Assert.Contains("Etl:Inbox", etl.Error);
            Assert.InRange(etlWatch.Elapsed.TotalSeconds, 3, 60);
            Assert.False(serve.HasExited, "serve stopped");
        }
        finally
        {
            if (!serve.HasExited) serve.Kill();
            await serve.WaitForExitAsync();
            lock (serveLog) output.WriteLine("serve log tail:\n" + string.Join('\n', serveLog.ToString().Split('\n').TakeLast(400)));
        }
    }

    /// <summary>Polls the published snapshot (read-only, as any reader) until <paramref name="probe"/> answers.</summary>
    private static async Task<long> UntilAsync(Process serve, string db, Func<DuckDB.NET.Data.DuckDBConnection, long?> probe)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < Timeout)
        {
            Assert.False(serve.HasExited, "serve exited early");
            if (WarehouseSnapshot.Find(db) is { } snapshot)
            {
                try
                {
                    using var s = snapshot.Open();
                    if (probe(s) is { } value) return value;
                }
                catch (Exception ex) when (ex is DuckDB.NET.Data.DuckDBException or WarehouseLockedException or IOException)
                {
                    // Replaced while we opened it: try again.
                }
            }
            await Task.Delay(500);
        }
        throw new TimeoutException("serve did not publish the expected snapshot in time");
    }

    private static string FirstUnit(string db)
    {
        using var s = WarehouseSnapshot.Find(db)!.Open();
        return s.Scalar<string>("SELECT kode_unit FROM fact_skm GROUP BY kode_unit ORDER BY count(*) DESC LIMIT 1")!;
    }
}
