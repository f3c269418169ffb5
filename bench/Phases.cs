using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using Kepegawaian.Etl;
using Kepegawaian.Etl.Synthetic;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Bench;

/// <summary>
/// One measured phase per process. Each prints "RESULT seconds rows peakMiB" as its last line;
/// peak memory is the process's VmHWM (peak resident set) from /proc.
/// </summary>
public static class Phases
{
    public static async Task<int> RunAsync(Args a)
    {
        var phase = a.Positional[1];
        var work = a.Positional[2];
        var inbox = Path.Combine(work, "inbox");
        var sw = Stopwatch.StartNew();
        long rows;
        switch (phase)
        {
            case "generate":
                var result = await SyntheticGenerator.GenerateAsync(new GeneratorOptions
                {
                    OutDir = inbox,
                    Employees = int.Parse(a.Positional[3], CultureInfo.InvariantCulture),
                    Years = int.Parse(a.Positional[4], CultureInfo.InvariantCulture),
                    Seed = 42,
                    EndDate = new DateOnly(2026, 11, 20),
                });
                rows = result.Files.Sum(f => f.Rows);
                break;
            case "readcsv":
                rows = ReadCsvBaseline(inbox, Path.Combine(work, "baseline.duckdb"));
                break;
            case "etl":
                // The ETL moves files to processed/: load a copy so the inbox stays for other phases.
                var copy = Path.Combine(work, "inbox-etl");
                CopyFiles(inbox, copy);
                sw.Restart();
                var summary = await new EtlRunner(new WarehouseDatabase(Path.Combine(work, "etl.duckdb"))).RunAsync(new EtlRequest(copy));
                rows = summary.RowsRead;
                Console.WriteLine($"status {summary.Status}: loaded {summary.RowsLoaded:N0}, unchanged {summary.RowsUnchanged:N0}, rejected {summary.RowsRejected:N0}");
                break;
            default:
                throw new ArgumentException($"unknown phase {phase}");
        }
        var seconds = sw.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT {seconds:0.000} {rows} {PeakMiB()}"));
        return 0;
    }

    /// <summary>DuckDB's own CSV reader into one table per file: the practical ceiling here.</summary>
    private static long ReadCsvBaseline(string inbox, string dbPath)
    {
        using var connection = new DuckDBConnection($"Data Source={dbPath}");
        connection.Open();
        long rows = 0;
        var i = 0;
        foreach (var file in Directory.EnumerateFiles(inbox, "*.csv").Order(StringComparer.Ordinal))
        {
            connection.Execute($"CREATE TABLE t{i} AS SELECT * FROM read_csv('{file.Replace("'", "''")}', header = true)");
            rows += connection.Scalar<long>($"SELECT count(*) FROM t{i++}");
        }
        connection.Execute("CHECKPOINT");
        return rows;
    }

    private static void CopyFiles(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var f in Directory.EnumerateFiles(from))
            File.Copy(f, Path.Combine(to, Path.GetFileName(f)), overwrite: true);
    }

    private static long PeakMiB()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? -1 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }
}
