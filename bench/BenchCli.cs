using System.Diagnostics;
using System.Globalization;

namespace Kepegawaian.Bench;

/// <summary>
/// `load` (default): generate N employees' inbox, then in child processes (so peak memory is
/// per phase) load it with our ETL and with DuckDB's plain read_csv; print rows/s, ratio, peak RSS.
/// `phase …`: internal, one measured phase in this process.
/// </summary>
public static class BenchCli
{
    public static async Task<int> RunAsync(string[] args)
    {
        var a = new Args(args);
        if (a.Positional.FirstOrDefault() == "phase")
            return await Phases.RunAsync(a);

        var employees = a.Int("--employees", 15_000);
        var years = a.Int("--years", 3);
        var work = Path.GetFullPath(a.Str("--work", Path.Combine(Path.GetTempPath(), $"kepegawaian-bench-{employees}")));
        if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
        Directory.CreateDirectory(work);

        Console.WriteLine($"bench: {employees:N0} employees × {years} years, work folder {work}");
        var generate = await Child("generate", work, employees.ToString(CultureInfo.InvariantCulture), years.ToString(CultureInfo.InvariantCulture));
        var baseline = await Child("readcsv", work);
        var ours = await Child("etl", work);

        var rows = ours.Rows;
        Console.WriteLine();
        Console.WriteLine($"| employees | rows | generate s | read_csv s | read_csv rows/s | ETL s | ETL rows/s | ETL/read_csv | peak MiB read_csv | peak MiB ETL |");
        Console.WriteLine($"|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {employees:N0} | {rows:N0} | {generate.Seconds:0.0} | {baseline.Seconds:0.00} | {baseline.Rows / baseline.Seconds:N0} | {ours.Seconds:0.00} | {rows / ours.Seconds:N0} | {ours.Seconds / baseline.Seconds:0.00}× | {baseline.PeakMiB:N0} | {ours.PeakMiB:N0} |"));
        if (!a.Has("--keep")) Directory.Delete(work, recursive: true);
        return 0;
    }

    private static async Task<PhaseResult> Child(params string[] phaseArgs)
    {
        var self = Environment.ProcessPath!;
        var psi = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") psi.ArgumentList.Add(typeof(BenchCli).Assembly.Location);
        psi.ArgumentList.Add("phase");
        foreach (var arg in phaseArgs) psi.ArgumentList.Add(arg);
        using var process = Process.Start(psi)!;
        string? last = null;
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            Console.WriteLine($"  [{phaseArgs[0]}] {line}");
            last = line;
        }
        await process.WaitForExitAsync();
        if (process.ExitCode != 0 || last is null || !last.StartsWith("RESULT ", StringComparison.Ordinal))
            throw new InvalidOperationException($"phase {phaseArgs[0]} failed (exit {process.ExitCode})");
        var p = last.Split(' ');
        return new PhaseResult(double.Parse(p[1], CultureInfo.InvariantCulture), long.Parse(p[2], CultureInfo.InvariantCulture), long.Parse(p[3], CultureInfo.InvariantCulture));
    }

    private sealed record PhaseResult(double Seconds, long Rows, long PeakMiB);
}

/// <summary>Minimal argument reader: the bench has no user-facing CLI beyond a few numbers.</summary>
public sealed class Args(string[] args)
{
    public IReadOnlyList<string> Positional { get; } = args.Where((x, i) => !x.StartsWith("--", StringComparison.Ordinal) && (i == 0 || !args[i - 1].StartsWith("--", StringComparison.Ordinal) || IsFlag(args[i - 1]))).ToList();
    public int Int(string name, int fallback) => int.TryParse(Str(name, ""), CultureInfo.InvariantCulture, out var v) ? v : fallback;
    public string Str(string name, string fallback) { var i = Array.IndexOf(args, name); return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback; }
    public bool Has(string name) => args.Contains(name);
    private static bool IsFlag(string name) => name is "--keep";
}
