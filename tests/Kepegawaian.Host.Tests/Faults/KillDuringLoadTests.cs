using Kepegawaian.Etl.Synthetic;
using Kepegawaian.Testing;
using Xunit.Abstractions;

namespace Kepegawaian.Host.Tests.Faults;

/// <summary>
/// Spec §3.8 "a crash or kill at any moment leaves the warehouse as it was before that file, and the
/// next run loads it completely": a real <c>kepegawaian etl</c> child process is SIGKILLed at several
/// moments of its load, run again to completion, and the result must equal one clean load.
/// </summary>
[Trait("Category", "Scenario")]
public sealed class KillDuringLoadTests(ITestOutputHelper output)
{
    private static readonly TimeSpan ChildTimeout = TimeSpan.FromMinutes(3);

    // Kill points: once the child has committed and moved N files to processed/ (watched from here),
    // wait a moment, then SIGKILL. Files load in the order unit_kerja, pegawai ×2, mutasi, diklat,
    // kinerja, cuti, skm, so these land in start-up/unit_kerja, the first pegawai file, the second
    // one, cuti and the survey file — independent of how fast the machine is today.
    private static readonly (int FilesDone, int DelayMs)[] KillPoints = [(0, 300), (1, 0), (2, 30), (6, 0), (7, 150)];

    private const int SurveyRows = 8_000;

    [Fact]
    public async Task Killing_etl_mid_load_and_running_it_again_gives_the_same_warehouse_as_one_clean_load()
    {
        using var folder = TempFolder.Create("kill");
        var source = folder.Sub("source");
        await SyntheticGenerator.GenerateAsync(new GeneratorOptions
        {
            OutDir = source, Employees = 400, Years = 1, Seed = 11, BadRows = 0.02, EndDate = new DateOnly(2026, 10, 31),
        });
        // The survey file dwarfs the rest (≈ 40 000 rows); a slice keeps the test short and spreads the
        // kill points over all files. Both loads read the same bytes, so a cut record is harmless.
        var skm = Directory.GetFiles(source, "skm_*.csv").Single();
        File.WriteAllLines(skm, File.ReadLines(skm).Take(SurveyRows + 1).ToList());

        var cleanDb = folder.File("clean.duckdb");
        await EtlToCompletion(folder.Path, CopyInbox(source, folder.Sub("inbox-clean")), cleanDb);
        var expected = WarehouseFingerprint.Of(cleanDb);
        Assert.All(expected.Where(t => !t.Name.EndsWith("_history", StringComparison.Ordinal)), t => Assert.True(t.Rows > 0, $"{t.Name} is empty after the clean load"));
        output.WriteLine($"clean load: {string.Join(", ", expected.Select(t => $"{t.Name} {t.Rows}"))}");

        var killedMidRun = 0;
        foreach (var (filesDone, delayMs) in KillPoints)
        {
            var inbox = CopyInbox(source, folder.Sub($"inbox-{filesDone}-{delayMs}"));
            var db = folder.File($"killed-{filesDone}-{delayMs}.duckdb");
            using (var child = HostProcess.Start(folder.Path, "etl", "--inbox", inbox, "--db", db, "--format", "json"))
            {
                var processed = Path.Combine(inbox, "processed");
                while (!child.HasExited && (Directory.Exists(processed) ? Directory.GetFiles(processed).Length : 0) < filesDone)
                    await Task.Delay(5);
                await Task.Delay(delayMs);
                var wasRunning = !child.HasExited;
                child.Kill(); // SIGKILL on Linux: no finally blocks, no rollback, no flush
                await child.WaitForExitAsync();
                if (wasRunning) killedMidRun++;
                output.WriteLine($"kill after {filesDone} file(s) + {delayMs} ms: {(wasRunning ? "killed" : "had already exited")}, {Directory.GetFiles(inbox).Length} file(s) left in the inbox");
            }

            await EtlToCompletion(folder.Path, inbox, db);

            Assert.Equal(expected, WarehouseFingerprint.Of(db));
            Assert.Empty(Directory.GetFiles(inbox));
            Assert.Equal(0, WarehouseFingerprint.Scalar(db, "SELECT count(*) FROM etl_run WHERE status = 'running'"));
        }
        Assert.True(killedMidRun >= KillPoints.Length - 1, $"only {killedMidRun} of {KillPoints.Length} kills hit a running load");
    }

    private static async Task EtlToCompletion(string workDir, string inbox, string db)
    {
        var run = await HostProcess.RunAsync(workDir, ChildTimeout, "etl", "--inbox", inbox, "--db", db, "--format", "json");
        Assert.True(run.ExitCode == 0, $"etl exited {run.ExitCode}: {run.Error}");
    }

    private static string CopyInbox(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from))
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        return to;
    }
}
