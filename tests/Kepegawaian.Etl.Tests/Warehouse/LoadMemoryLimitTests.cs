using DuckDB.NET.Data;
using Kepegawaian.Etl.Tests.Etl;
using Kepegawaian.Testing;
using Kepegawaian.Warehouse;
using OptionsFactory = Microsoft.Extensions.Options.Options;

namespace Kepegawaian.Etl.Tests.Warehouse;

/// <summary>
/// Warehouse:LoadMemoryLimit bounds DuckDB for the span of an ETL run when no Warehouse:MemoryLimit is set: unbounded, a
/// national load kept 7.3 GiB of blocks it did not need (bench/README.md); the refresh after it gets DuckDB's default back.
/// </summary>
public sealed class LoadMemoryLimitTests
{
    private static WarehouseDatabase Database(string path, string? limit, string? load) =>
        new(OptionsFactory.Create(new WarehouseOptions { Path = path, MemoryLimit = limit, LoadMemoryLimit = load }));

    private static string Limit(DuckDBConnection c) => c.Scalar<string>("SELECT current_setting('memory_limit')")!;

    [Fact]
    public void A_load_limit_holds_for_every_connection_while_it_is_open_and_the_default_comes_back()
    {
        using var folder = TempFolder.Create("loadlimit");
        var database = Database(folder.File("a.duckdb"), null, "1GB");
        using var c = database.OpenAndMigrate();
        var duckDbDefault = Limit(c);
        using (var load = database.LimitForLoad(c))
        {
            Assert.Equal("953.6 MiB", load.Applied); // 10^9 bytes
            Assert.Equal("953.6 MiB", Limit(c));
            using var other = database.Open();
            Assert.Equal("953.6 MiB", Limit(other)); // global to the open database
        }
        Assert.Equal(duckDbDefault, Limit(c));
        Assert.NotEqual("953.6 MiB", duckDbDefault);
    }

    [Theory]
    [InlineData("2GB", "1GB", "1.8 GiB")]   // the operator's own limit wins
    [InlineData(null, "100TB", null)]       // above DuckDB's default (80 % of this machine's RAM): never raised
    [InlineData(null, "", null)]            // no load limit configured
    public void A_configured_limit_or_one_above_the_default_is_left_alone(string? limit, string load, string? expected)
    {
        using var folder = TempFolder.Create("loadlimit");
        var database = Database(folder.File("a.duckdb"), limit, load);
        using var c = database.OpenAndMigrate();
        var before = Limit(c);
        using (var bound = database.LimitForLoad(c))
        {
            Assert.Null(bound.Applied);
            Assert.Equal(before, Limit(c));
        }
        Assert.Equal(before, Limit(c));
        if (expected is not null) Assert.Equal(expected, before);
    }

    [Fact]
    public async Task An_etl_run_loads_under_the_load_limit_and_ends_with_duckdbs_default()
    {
        using var folder = TempFolder.Create("loadlimit");
        var database = Database(folder.File("a.duckdb"), null, "1GB");
        string duckDbDefault;
        using (var c = database.OpenAndMigrate()) duckDbDefault = Limit(c);
        var inbox = folder.Sub("inbox");
        File.WriteAllText(Path.Combine(inbox, "unit_kerja_2026.csv"), EtlTestBed.UnitCsv.ReplaceLineEndings("\n") + "\n");
        File.WriteAllText(Path.Combine(inbox, "pegawai_2026-01.csv"), EtlTestBed.PegawaiCsv.ReplaceLineEndings("\n") + "\n");
        var seen = new List<string>();

        // Progress is reported on the loading thread, between files, while the run's connection is open.
        var summary = await new EtlRunner(database).RunAsync(new EtlRequest(inbox) { Progress = new Inline(() =>
        {
            using var peek = database.Open();
            seen.Add(Limit(peek));
        }) });

        Assert.Equal(EtlRunSummary.Succeeded, summary.Status);
        Assert.True(seen.Count >= 4, $"{seen.Count} progress reports"); // at least the start and end of both files
        Assert.All(seen, s => Assert.Equal("953.6 MiB", s));
        using var after = database.Open();
        Assert.Equal(duckDbDefault, Limit(after));
        Assert.Equal(6, after.Scalar<long>("SELECT (SELECT count(*) FROM dim_unit) + (SELECT count(*) FROM dim_employee)"));
    }

    [Fact]
    public async Task A_limit_duckdb_cannot_meet_now_is_refused_with_its_reason_and_the_run_loads_under_the_default()
    {
        using var folder = TempFolder.Create("loadlimit");
        var database = Database(folder.File("a.duckdb"), null, "10MB");
        using var holder = database.OpenAndMigrate();
        // ~100 MB of temporary rows that cannot be evicted (no temp directory to spill to): 10 MB cannot be met now.
        holder.Execute("SET temp_directory = ''");
        holder.Execute("CREATE TEMP TABLE held AS SELECT range AS i, repeat('x', 100) || range::VARCHAR AS s FROM range(1000000)");
        var duckDbDefault = Limit(holder);
        using (var load = database.LimitForLoad(holder))
        {
            Assert.Null(load.Applied);
            Assert.Contains("could not free up enough memory", load.Refused);
            Assert.Equal(duckDbDefault, Limit(holder));
        }

        var inbox = folder.Sub("inbox");
        File.WriteAllText(Path.Combine(inbox, "unit_kerja_2026.csv"), EtlTestBed.UnitCsv.ReplaceLineEndings("\n") + "\n");
        var seen = new List<string>();
        var summary = await new EtlRunner(database).RunAsync(new EtlRequest(inbox) { Progress = new Inline(() => seen.Add(Limit(holder))) });

        Assert.Equal(EtlRunSummary.Succeeded, summary.Status);
        Assert.NotEmpty(seen);
        Assert.All(seen, s => Assert.Equal(duckDbDefault, s));
        Assert.Equal(duckDbDefault, Limit(holder));
    }

    private sealed class Inline(Action action) : IProgress<EtlProgress>
    {
        public void Report(EtlProgress value) => action();
    }
}
