using System.Globalization;
using System.Text.RegularExpressions;
using Kepegawaian.Etl.Synthetic;
using Kepegawaian.Testing;
using Xunit.Abstractions;

namespace Kepegawaian.Host.Tests.Faults;

/// <summary>
/// Issue 10 item 3, "marts that heal": a real <c>kepegawaian etl</c> child process is SIGKILLed during its load
/// and during the mart refresh that follows; running `etl` again — which then has nothing left to load —
/// must leave facts <b>and every mart table</b> equal to one clean load.
/// </summary>
[Trait("Category", "Scenario")]
public sealed partial class KillDuringRefreshTests(ITestOutputHelper output)
{
    private static readonly TimeSpan ChildTimeout = TimeSpan.FromMinutes(4);

    // The pending-leave mart counts against "now"; pinned so two builds minutes apart agree.
    private static readonly Dictionary<string, string> Env = new() { ["Analytics__ReferenceTime"] = "2026-11-30T12:00:00" };

    [Fact]
    public async Task Killing_etl_during_load_or_refresh_and_running_it_again_gives_the_facts_and_marts_of_one_clean_load()
    {
        using var folder = TempFolder.Create("kill-refresh");
        var source = folder.Sub("source");
        await SyntheticGenerator.GenerateAsync(new GeneratorOptions
        {
            OutDir = source, Employees = 300, Years = 1, Seed = 12, BadRows = 0.01, EndDate = new DateOnly(2026, 10, 31),
        });
        var skm = Directory.GetFiles(source, "skm_*.csv").Single();
        File.WriteAllLines(skm, File.ReadLines(skm).Take(6_001).ToList());
        var files = Directory.GetFiles(source).Length;

        var cleanDb = folder.File("clean.duckdb");
        var clean = await Etl(folder.Path, CopyInbox(source, folder.Sub("inbox-clean")), cleanDb);
        var refreshSeconds = double.Parse(RefreshTime().Match(clean.Output).Groups[1].Value, CultureInfo.InvariantCulture);
        var expectedFacts = WarehouseFingerprint.Of(cleanDb);
        var expectedMarts = WarehouseFingerprint.Marts(cleanDb);
        Assert.True(expectedMarts.Count >= 20, $"only {expectedMarts.Count} mart tables");
        output.WriteLine($"clean load, refresh {refreshSeconds:0.0} s; marts: {string.Join(", ", expectedMarts.Select(t => $"{t.Name} {t.Rows}"))}");

        // (files committed, then a delay): two kills in the load, three spread over the refresh that starts
        // once every file is in processed/ (fractions of the clean refresh time, so any machine speed works).
        var points = new (string Name, int FilesDone, int DelayMs)[]
        {
            ("load-1", 1, 0), ("load-5", 5, 0),
            // The child also spends start-up time (options, JIT) before the first area, so the later points land in later areas.
            ("refresh-20%", files, (int)(refreshSeconds * 200)), ("refresh-55%", files, (int)(refreshSeconds * 550)), ("refresh-90%", files, (int)(refreshSeconds * 900)),
        };
        var refreshCut = 0;
        foreach (var (name, filesDone, delayMs) in points)
        {
            var inbox = CopyInbox(source, folder.Sub($"inbox-{name}"));
            var db = folder.File($"killed-{name}.duckdb");
            using (var child = HostProcess.Start(folder.Path, Env, "etl", "--inbox", inbox, "--db", db))
            {
                var processed = Path.Combine(inbox, "processed");
                while (!child.HasExited && (Directory.Exists(processed) ? Directory.GetFiles(processed).Length : 0) < filesDone)
                    await Task.Delay(5);
                await Task.Delay(delayMs);
                var wasRunning = !child.HasExited;
                child.Kill(); // SIGKILL: no rollback, no flush
                await child.WaitForExitAsync();
                var areasBuilt = WarehouseFingerprint.Scalar(db, "SELECT count(*) FROM mart_build");
                if (wasRunning && filesDone == files && areasBuilt < 4) refreshCut++;
                output.WriteLine($"{name}: {(wasRunning ? "killed" : "had exited")}, {Directory.GetFiles(inbox).Length} file(s) left, {areasBuilt} of 4 mart areas recorded");
            }

            await Etl(folder.Path, inbox, db);

            Assert.Equal(expectedFacts, WarehouseFingerprint.Of(db));
            Assert.Equal(expectedMarts, WarehouseFingerprint.Marts(db));
            Assert.Equal(0, WarehouseFingerprint.Scalar(db, "SELECT count(*) FROM mart_build WHERE built_from_load < (SELECT max(file_id) FROM etl_file WHERE status = 'loaded')"));
        }
        Assert.True(refreshCut >= 2, $"only {refreshCut} kill(s) interrupted a refresh");
    }

    private static async Task<HostProcess.Result> Etl(string workDir, string inbox, string db)
    {
        var run = await HostProcess.RunAsync(workDir, ChildTimeout, Env, "etl", "--inbox", inbox, "--db", db);
        Assert.True(run.ExitCode == 0, $"etl exited {run.ExitCode}: {run.Error}");
        return run;
    }

    private static string CopyInbox(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from))
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        return to;
    }

    [GeneratedRegex(@"analytics marts refreshed \((\d+\.\d) s")]
    private static partial Regex RefreshTime();
}
