using System.Diagnostics;
using System.Globalization;

namespace Kepegawaian.Bench;

/// <summary>
/// Default: generate N employees' inbox, then in child processes (so peak memory is per phase) load it
/// with our ETL and with DuckDB's plain read_csv, then rebuild every mart on it; print rows/s, ratio, each area's
/// refresh seconds, peak RSS.
/// <c>--incremental</c>: into the warehouse that load built (kept with <c>--keep</c>, else built first),
/// load one new ~1 000-row file per fact entity, three times each, each followed by the RefreshStale `serve` runs
/// after a scan: the cost should follow the file (and the areas it touches), not the warehouse.
/// <c>phase …</c>: internal, one measured phase in this process.
/// </summary>
public static class BenchCli
{
    private static readonly string[] IncrementEntities = ["cuti", "skm"];

    public static async Task<int> RunAsync(string[] args)
    {
        var a = new Args(args);
        if (a.Positional.FirstOrDefault() == "phase")
            return await Phases.RunAsync(a);

        var employees = a.Int("--employees", 15_000);
        var years = a.Int("--years", 3);
        var work = Path.GetFullPath(a.Str("--work", Path.Combine(Path.GetTempPath(), $"kepegawaian-bench-{employees}-{years}")));
        var incremental = a.Has("--incremental");
        // Optional DuckDB memory_limit for our ETL phases (Warehouse:MemoryLimit in the service).
        string[] limit = [.. a.Str("--memory-limit", "") is { Length: > 0 } m ? ["--memory-limit", m] : Array.Empty<string>(),
            .. a.Str("--skip-areas", "") is { Length: > 0 } skip ? ["--skip-areas", skip] : Array.Empty<string>()];
        var reuse = incremental && File.Exists(Path.Combine(work, "etl.duckdb")) && Directory.Exists(Path.Combine(work, "inbox"));

        Console.WriteLine($"bench {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC: {employees:N0} employees × {years} years, work folder {work}, {Environment.ProcessorCount} cores");
        if (!reuse)
        {
            if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
            Directory.CreateDirectory(work);
            var generate = await Child("generate", work, employees.ToString(CultureInfo.InvariantCulture), years.ToString(CultureInfo.InvariantCulture));
            Console.WriteLine($"inbox: {InboxMiB(work):N0} MiB");
            // The baseline only matters for the full-load comparison.
            var baseline = incremental ? null : await Child("readcsv", work);
            var ours = await Child(["etl", work, .. limit]);
            var refresh = await Child(["refresh", work, .. limit]);
            Console.WriteLine();
            if (baseline is not null)
                PrintLoad(employees, generate, baseline, ours);
            else
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"base load: {ours.Rows:N0} rows in {ours.Seconds:0.0} s, peak {ours.PeakMiB:N0} MiB"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"full mart refresh: {refresh.Seconds:0.0} s, peak {refresh.PeakMiB:N0} MiB (areas above)"));
        }
        else
        {
            Console.WriteLine("reusing the warehouse and inbox of an earlier run (--keep)");
            // A warehouse kept by an older bench has no marts yet: build them, so each increment below pays only for its own rows.
            if (incremental) await Child(["refresh", work, "--stale-only", .. limit]);
        }

        if (incremental)
        {
            var results = new List<(string Entity, PhaseResult Result)>();
            foreach (var entity in IncrementEntities)
                for (var rep = 1; rep <= 3; rep++)
                    results.Add((entity, await Child(["increment", work, entity, $"INC{rep}{entity}", "1000", .. limit])));
            Console.WriteLine();
            Console.WriteLine("| employees | file | rows | ETL s (3 runs) | median ETL s | file → marts s (3 runs) | median file → marts s | areas rebuilt | peak MiB |");
            Console.WriteLine("|---:|---|---:|---|---:|---|---:|---|---:|");
            foreach (var g in results.GroupBy(r => r.Entity))
            {
                var s = g.Select(r => r.Result.Seconds).Order().ToList();
                var marts = g.Select(r => r.Result.Seconds + r.Result.MartSeconds).Order().ToList();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {employees:N0} | {g.Key} | {g.First().Result.Rows:N0} | {string.Join(" / ", g.Select(r => r.Result.Seconds.ToString("0.00", CultureInfo.InvariantCulture)))} | {s[1]:0.00} | " +
                    $"{string.Join(" / ", g.Select(r => (r.Result.Seconds + r.Result.MartSeconds).ToString("0.00", CultureInfo.InvariantCulture)))} | {marts[1]:0.00} | {string.Join("; ", g.Select(r => r.Result.MartAreas).Distinct())} | {g.Max(r => r.Result.PeakMiB):N0} |"));
            }
        }
        if (!a.Has("--keep")) Directory.Delete(work, recursive: true);
        return 0;
    }

    private static void PrintLoad(int employees, PhaseResult generate, PhaseResult baseline, PhaseResult ours)
    {
        Console.WriteLine("| employees | rows | generate s | read_csv s | read_csv rows/s | ETL s | ETL rows/s | ETL/read_csv | peak MiB read_csv | peak MiB ETL |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {employees:N0} | {ours.Rows:N0} | {generate.Seconds:0.0} | {baseline.Seconds:0.00} | {baseline.Rows / baseline.Seconds:N0} | {ours.Seconds:0.00} | {ours.Rows / ours.Seconds:N0} | {ours.Seconds / baseline.Seconds:0.00}× | {baseline.PeakMiB:N0} | {ours.PeakMiB:N0} |"));
    }

    private static long InboxMiB(string work) =>
        Directory.EnumerateFiles(Path.Combine(work, "inbox")).Sum(f => new FileInfo(f).Length) / 1048576;

    private static async Task<PhaseResult> Child(params string[] phaseArgs)
    {
        var self = Environment.ProcessPath!;
        var psi = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") psi.ArgumentList.Add(typeof(BenchCli).Assembly.Location);
        psi.ArgumentList.Add("phase");
        foreach (var arg in phaseArgs) psi.ArgumentList.Add(arg);
        var wall = Stopwatch.StartNew();
        using var process = Process.Start(psi)!;
        string? last = null;
        string[]? marts = null;
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            Console.WriteLine($"  [{phaseArgs[0]}] {line}");
            last = line;
            if (line.StartsWith("MARTS ", StringComparison.Ordinal)) marts = line.Split(' ');   // increment: the refresh after the load
        }
        await process.WaitForExitAsync();
        if (process.ExitCode != 0 || last is null || !last.StartsWith("RESULT ", StringComparison.Ordinal))
            throw new InvalidOperationException($"phase {phaseArgs[0]} failed (exit {process.ExitCode})");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  [{phaseArgs[0]}] process wall time {wall.Elapsed.TotalSeconds:0.0} s"));
        var p = last.Split(' ');
        return new PhaseResult(double.Parse(p[1], CultureInfo.InvariantCulture), long.Parse(p[2], CultureInfo.InvariantCulture), long.Parse(p[3], CultureInfo.InvariantCulture),
            marts is null ? 0 : double.Parse(marts[1], CultureInfo.InvariantCulture), marts is null ? "" : marts[2]);
    }

    /// <param name="Seconds">The phase's measured seconds (for increment: the ETL alone).</param>
    /// <param name="MartSeconds">increment: the RefreshStale after the load; <see cref="MartAreas"/> the areas it rebuilt.</param>
    private sealed record PhaseResult(double Seconds, long Rows, long PeakMiB, double MartSeconds = 0, string MartAreas = "");
}

/// <summary>Minimal argument reader: the bench has no user-facing CLI beyond a few numbers.</summary>
public sealed class Args(string[] args)
{
    public IReadOnlyList<string> Positional { get; } = args.Where((x, i) => !x.StartsWith("--", StringComparison.Ordinal) && (i == 0 || !args[i - 1].StartsWith("--", StringComparison.Ordinal) || IsFlag(args[i - 1]))).ToList();
    public int Int(string name, int fallback) => int.TryParse(Str(name, ""), CultureInfo.InvariantCulture, out var v) ? v : fallback;
    public string Str(string name, string fallback) { var i = Array.IndexOf(args, name); return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback; }
    public bool Has(string name) => args.Contains(name);
    private static bool IsFlag(string name) => name is "--keep" or "--incremental" or "--stale-only";
}
