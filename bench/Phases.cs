using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using Kepegawaian.Analytics;
using Kepegawaian.Analytics.Efficiency;
using Kepegawaian.Analytics.Ikm;
using Kepegawaian.Analytics.Penempatan;
using Kepegawaian.Analytics.Performance;
using Kepegawaian.Analytics.Training;
using Kepegawaian.Etl;
using Kepegawaian.Etl.Synthetic;
using Kepegawaian.Warehouse;
using Microsoft.Extensions.Configuration;

namespace Kepegawaian.Bench;

/// <summary>
/// One measured phase per process. Each prints "RESULT seconds rows peakMiB" as its last line (refresh: rows = the
/// marts' estimated rows; increment also prints "MARTS seconds areas" for the RefreshStale after its load);
/// peak memory is the process's VmHWM (peak resident set) from /proc.
/// </summary>
public static class Phases
{
    public static async Task<int> RunAsync(Args a)
    {
        var phase = a.Positional[1];
        var work = a.Positional[2];
        var inbox = Path.Combine(work, "inbox");
        if (phase != "generate") WriteBack();
        var sw = Stopwatch.StartNew();
        long rows;
        double? measured = null;   // increment: the ETL alone, its refresh reported on the MARTS line
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
                WriteBack();
                sw.Restart();
                rows = await Etl(copy, Path.Combine(work, "etl.duckdb"), a.Str("--memory-limit", ""));
                break;
            case "refresh":
                // args: work [--stale-only] — every mart area rebuilt on the warehouse the etl phase built, as the
                // first `etl` or `serve` start does; --stale-only rebuilds only what is stale (a kept warehouse).
                sw.Restart();
                rows = Refresh(Path.Combine(work, "etl.duckdb"), a.Str("--memory-limit", ""), a.Has("--stale-only"), Skipped(a));
                break;
            case "increment":
                // args: work entity tag size — a new file of `size` rows with fresh ids, into the loaded warehouse.
                var entity = a.Positional[3];
                var file = IncrementFile(inbox, Path.Combine(work, $"incr-{a.Positional[4]}"), entity, a.Positional[4], int.Parse(a.Positional[5], CultureInfo.InvariantCulture));
                var db = Path.Combine(work, "etl.duckdb");
                Console.WriteLine($"warehouse: {WarehouseRows(db, entity):N0} rows in fact_{entity}, file {new FileInfo(db).Length / 1048576.0:N0} MiB");
                sw.Restart();
                rows = await Etl(Path.GetDirectoryName(file)!, db, a.Str("--memory-limit", ""));
                var etlSeconds = sw.Elapsed.TotalSeconds;
                measured = etlSeconds;
                // What `serve` does after each scan: rebuild only the areas the new rows touch (issue 14 §2).
                var refresh = RefreshStale(db, a.Str("--memory-limit", ""), Skipped(a));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"file → marts {sw.Elapsed.TotalSeconds:0.00} s (ETL {etlSeconds:0.00} s + refresh {refresh.Elapsed.TotalSeconds:0.00} s); rebuilt: {(refresh.Rebuilt.Count == 0 ? "none" : string.Join(", ", refresh.Steps))}"));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"MARTS {refresh.Elapsed.TotalSeconds:0.000} {(refresh.Rebuilt.Count == 0 ? "-" : string.Join(",", refresh.Areas))}"));
                break;
            default:
                throw new ArgumentException($"unknown phase {phase}");
        }
        var seconds = measured ?? sw.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT {seconds:0.000} {rows} {PeakMiB()}"));
        return 0;
    }

    private static async Task<long> Etl(string inbox, string db, string memoryLimit)
    {
        var clock = new PhaseClock();
        var database = new WarehouseDatabase(Microsoft.Extensions.Options.Options.Create(new WarehouseOptions { Path = db, MemoryLimit = memoryLimit }));
        var summary = await new EtlRunner(database).RunAsync(new EtlRequest(inbox) { Progress = clock });
        Console.WriteLine($"status {summary.Status}: read {summary.RowsRead:N0}, loaded {summary.RowsLoaded:N0}, unchanged {summary.RowsUnchanged:N0}, rejected {summary.RowsRejected:N0}");
        clock.Print(Console.Out);
        using (var c = database.Open())
            Console.WriteLine($"duckdb memory_limit {c.Scalar<string>("SELECT current_setting('memory_limit')")}");
        if (summary.Status != EtlRunSummary.Succeeded)
            throw new InvalidOperationException($"ETL run {summary.Status}: {string.Join("; ", summary.Files.Select(f => f.Message))}");
        return summary.RowsRead;
    }

    private static AnalyticsRefresher Refresher() => new(
        Bound<IkmOptions>(IkmOptions.Section), Bound<EfisiensiOptions>(EfisiensiOptions.Section),
        Bound<KinerjaOptions>("Analytics:Kinerja"), Bound<DiklatOptions>("Analytics:Diklat"),
        penempatan: Bound<PenempatanOptions>(PenempatanOptions.Section));

    /// <summary>The environment, read once: the analytics settings under the keys the service reads.</summary>
    private static readonly IConfiguration Settings = new ConfigurationBuilder().AddEnvironmentVariables().Build();

    /// <summary>
    /// The defaults, overridden by the section's environment keys (e.g. <c>Analytics__Diklat__MaxTreated=3000</c>), so a bench
    /// run measures a setting under the name <c>serve</c> reads it by.
    /// </summary>
    private static Microsoft.Extensions.Options.IOptions<T> Bound<T>(string section) where T : class, new()
    {
        var options = new T();
        Settings.GetSection(section).Bind(options);
        return Microsoft.Extensions.Options.Options.Create(options);
    }

    private static DuckDBConnection OpenWarehouse(string db, string memoryLimit) =>
        new WarehouseDatabase(Microsoft.Extensions.Options.Options.Create(new WarehouseOptions { Path = db, MemoryLimit = memoryLimit })).Open();

    /// <summary>Rebuilds the marts, printing each area's seconds; returns the rows in the mart tables.</summary>
    private static long Refresh(string db, string memoryLimit, bool staleOnly, IReadOnlySet<string> skip)
    {
        using var c = OpenWarehouse(db, memoryLimit);
        foreach (var key in Environment.GetEnvironmentVariables().Keys.Cast<string>().Where(k => k.StartsWith("Analytics__", StringComparison.Ordinal)).Order())
            Console.WriteLine($"setting {key}={Environment.GetEnvironmentVariable(key)}");
        var summary = RefreshAreas(c, staleOnly, skip);
        Console.WriteLine("| area | seconds |");
        Console.WriteLine("|---|---:|");
        foreach (var r in summary.Rebuilt)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {r.Area} | {r.Elapsed.TotalSeconds:0.00} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| all | {summary.Elapsed.TotalSeconds:0.00} |"));
        return c.Scalar<long>("SELECT coalesce(sum(estimated_size), 0)::BIGINT FROM duckdb_tables() WHERE table_name LIKE 'mart\\_%' ESCAPE '\\' AND table_name <> 'mart_build'");
    }

    private static RefreshSummary RefreshStale(string db, string memoryLimit, IReadOnlySet<string> skip)
    {
        using var c = OpenWarehouse(db, memoryLimit);
        return RefreshAreas(c, staleOnly: true, skip);
    }

    /// <summary>
    /// `--skip-areas a,b`: measure the other areas only (at 1 M employees the training-impact bootstrap alone runs for
    /// far longer than a bench run; its time is measured at city scale), and the areas that read theirs. Skipped areas stay unbuilt and are printed.
    /// </summary>
    private static RefreshSummary RefreshAreas(DuckDBConnection c, bool staleOnly, IReadOnlySet<string> skip)
    {
        if (skip.Count == 0) return staleOnly ? Refresher().RefreshStale(c) : Refresher().Refresh(c);
        var areas = (staleOnly ? MartFreshness.Check(c).StaleAreas : MartFreshness.Areas).ToList();
        Console.WriteLine($"skipped areas (not measured): {string.Join(", ", areas.Where(skip.Contains))}");
        return Refresher().RefreshAreas(c, [.. areas.Where(x => !skip.Contains(x))]);
    }

    /// <summary>The areas named by --skip-areas and those that read their tables (MartFreshness.Upstream): diklat_ikm updates diklat's marts.</summary>
    private static HashSet<string> Skipped(Args a)
    {
        HashSet<string> skip = [.. a.Str("--skip-areas", "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
        while (MartFreshness.Upstream.Where(u => !skip.Contains(u.Key) && u.Value.Any(skip.Contains)).Select(u => u.Key).ToList() is [_, ..] readers)
            skip.UnionWith(readers);
        return skip;
    }

    /// <summary>DuckDB's own CSV reader into one table per file: the practical ceiling here.</summary>
    private static long ReadCsvBaseline(string inbox, string dbPath)
    {
        // A fresh file each time: a second run of the phase on a kept work folder found the tables of the first.
        foreach (var old in new[] { dbPath, dbPath + ".wal" }) File.Delete(old);
        using var connection = new DuckDBConnection($"Data Source={dbPath}");
        connection.Open();
        long rows = 0;
        var i = 0;
        foreach (var file in Directory.EnumerateFiles(inbox, "*.csv").Order(StringComparer.Ordinal))
        {
            // quote/escape given: at 5.6 M employees the sniffer's 20 480-row sample of mutasi has no quoted
            // field, so it guesses "no quoting" and fails on the first quoted comma (RFC 4180 files).
            connection.Execute($"CREATE TABLE t{i} AS SELECT * FROM read_csv('{file.Replace("'", "''")}', header = true, quote = '\"', escape = '\"')");
            rows += connection.Scalar<long>($"SELECT count(*) FROM t{i++}");
        }
        connection.Execute("CHECKPOINT");
        return rows;
    }

    /// <summary>
    /// The last <paramref name="size"/> rows of the entity's latest generated file, with ids prefixed by
    /// <paramref name="tag"/>: new facts about known employees and units, like a day's export.
    /// </summary>
    private static string IncrementFile(string inbox, string folder, string entity, string tag, int size)
    {
        var source = Directory.EnumerateFiles(inbox, $"{entity}_*.csv").Order(StringComparer.Ordinal).Last();
        string? header = null;
        var tail = new Queue<string>(size + 1);
        foreach (var line in File.ReadLines(source)) // streamed: the file can be GBs, and peak memory is measured
        {
            if (header is null) { header = line; continue; }
            tail.Enqueue(line);
            if (tail.Count > size) tail.Dequeue();
        }
        Directory.CreateDirectory(folder);
        var target = Path.Combine(folder, $"{entity}_{tag}.csv");
        // The first column is the id; generated ids never need quoting.
        File.WriteAllLines(target, tail.Select(l => $"{tag}-{l}").Prepend(header!));
        return target;
    }

    private static long WarehouseRows(string db, string entity)
    {
        using var connection = new WarehouseDatabase(db).Open(readOnly: true);
        return connection.Scalar<long>($"SELECT count(*) FROM fact_{entity}");
    }

    /// <summary>
    /// Writes what earlier phases left dirty in the page cache (the generated inbox, its copy, the baseline's database: ~15 GB
    /// at national scale) back to disk before a clock starts, so that writeback is not measured as the phase's time. A national
    /// ETL run started right after generate and read_csv staged its cuti file in 66 s; alone, or in a run started after a
    /// `sync`, the same file took 26–37 s (session 19).
    /// </summary>
    private static void WriteBack()
    {
        using var sync = Process.Start(new ProcessStartInfo("sync") { UseShellExecute = false });
        sync?.WaitForExit();
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
        return line is null ? -1 : long.Parse(line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }
}
