using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DuckDB.NET.Data;
using Kepegawaian.Service.Cli;
using Kepegawaian.Testing;
using Kepegawaian.Warehouse;
using Kepegawaian.Warehouse.Lake;
using Microsoft.Extensions.Time.Testing;

namespace Kepegawaian.Host.Tests.Lake;

/// <summary>Issue 14 §3: the published Parquet lake, read back with Parquet.Net (not the writer).</summary>
public sealed class ParquetLakeTests(LakeCities cities) : IClassFixture<LakeCities>
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 7, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Every_policy_table_has_the_warehouse_rows_and_the_unit_ikm_recomputed_from_the_lake_equals_the_mart()
    {
        using var root = TempFolder.Create("lake");
        using var c = cities.A.Open(readOnly: true);
        var (version, manifest) = ParquetLake.Publish(c, root.Path, null, 3, LakeCatalog.Policy, policy: true, new FakeTimeProvider(Start));

        Assert.Equal(version, ParquetLake.Current(root.Path, null));
        foreach (var table in LakeCatalog.Policy)
        {
            var expected = c.Scalar<long>($"SELECT count(*) FROM {table.Name}");
            Assert.Equal(expected, (await LakeFiles.RowsAsync(version, table.Name)).Count);
            Assert.Equal(expected, manifest.Tables[table.Name]);
        }
        Assert.True(manifest.Tables["mart_ikm"] > 0 && manifest.Tables["fact_skm"] > 0);

        // Respondents per year: the tahun partitions against the warehouse's own dates.
        var skm = await LakeFiles.RowsAsync(version, "fact_skm");
        var perYear = skm.GroupBy(r => (string)r["tahun"]!).ToDictionary(g => int.Parse(g.Key, CultureInfo.InvariantCulture), g => (long)g.Count());
        Assert.Equal(Pairs(c, "SELECT year(tanggal_survei), count(*) FROM fact_skm GROUP BY 1"), perYear.OrderBy(p => p.Key).ToList());
        Assert.True(perYear.Count >= 2);

        // IKM of the busiest unit-year, by hand from the lake's answers (PermenPANRB 14/2017: Σ NRR_i / 9 × 25,
        // NRR_i = mean of the answers given, rounded once to 2 decimals), equals the warehouse mart.
        var (unit, year) = (c.Scalar<string>("SELECT kode_unit FROM fact_skm GROUP BY kode_unit, year(tanggal_survei) ORDER BY count(*) DESC, 1 LIMIT 1")!,
            c.Scalar<long>("SELECT year(tanggal_survei) FROM fact_skm GROUP BY kode_unit, year(tanggal_survei) ORDER BY count(*) DESC, kode_unit LIMIT 1"));
        var answers = skm.Where(r => (string)r["kode_unit"]! == unit && (string)r["tahun"]! == year.ToString(CultureInfo.InvariantCulture)).ToList();
        var nrr = Enumerable.Range(1, 9).Select(i => answers.Select(r => r.GetValueOrDefault("u" + i)).Where(v => v is not null).Select(Convert.ToDecimal).Average()).ToList();
        var ikm = Math.Round(nrr.Sum() / 9m * 25m, 2, MidpointRounding.AwayFromZero);
        var mart = c.Scalar<decimal>($"SELECT ikm FROM mart_ikm WHERE level = 'unit' AND kode_unit = '{unit}' AND jenis_periode = 'tahun' AND periode = '{year}'");
        Assert.Equal(mart, ikm);
        var lakeMart = (await LakeFiles.RowsAsync(version, "mart_ikm")).Single(r => (string)r["level"]! == "unit" && (string)r["kode_unit"]! == unit
            && (string)r["jenis_periode"]! == "tahun" && (string)r["periode"]! == year.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(mart, Convert.ToDecimal(lakeMart["ikm"], CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task The_manifest_names_every_file_with_its_sha256_and_the_hr_export_counts_employees_per_year()
    {
        using var root = TempFolder.Create("lake");
        using var c = cities.A.Open(readOnly: true);
        var (version, _) = ParquetLake.Publish(c, root.Path, null, 3, LakeCatalog.Hr(c), policy: false, new FakeTimeProvider(Start));

        var manifest = LakeManifest.Read(version);
        Assert.Equal(Start, manifest.CreatedAt);
        Assert.Equal(LakeManifest.CurrentSchemaVersion, manifest.SchemaVersion);
        var onDisk = Directory.EnumerateFiles(version, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(version, f))
            .Where(f => f != LakeManifest.FileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(onDisk, manifest.Files.Keys.Order(StringComparer.Ordinal).ToList());
        foreach (var (file, sha) in manifest.Files)
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(version, file)))), sha);

        // Employees assessed per year, from the HR export's kinerja partitions, against the warehouse.
        var kinerja = await LakeFiles.RowsAsync(version, "fact_kinerja");
        Assert.Equal(Pairs(c, "SELECT year(periode_mulai), count(DISTINCT nip) FROM fact_kinerja GROUP BY 1"),
            kinerja.GroupBy(r => int.Parse((string)r["tahun"]!, CultureInfo.InvariantCulture)).Select(g => new KeyValuePair<int, long>(g.Key, g.Select(r => r["nip"]).Distinct().Count())).OrderBy(p => p.Key).ToList());
        Assert.Equal(c.Scalar<long>("SELECT count(*) FROM dim_employee"), (await LakeFiles.RowsAsync(version, "dim_employee")).Count);
        Assert.False(Directory.Exists(Path.Combine(version, "hr_pns_id")));
        Assert.False(Directory.Exists(Path.Combine(version, "fact_kinerja_history")));
    }

    [Fact]
    public async Task No_policy_file_holds_a_name_or_NIP_while_the_hr_export_does()
    {
        using var root = TempFolder.Create("lake");
        using var hrRoot = TempFolder.Create("lake-hr");
        using var c = cities.A.Open(readOnly: true);
        var time = new FakeTimeProvider(Start);
        var folders = LakePublishing.Run(c, new PublishOptions { Path = root.Path, HrPath = hrRoot.Path }, time);
        Assert.Equal(2, folders.Count);

        var personal = new HashSet<string>(StringComparer.Ordinal);
        using (var cmd = c.Command("SELECT nip, nama FROM dim_employee"))
        using (var r = cmd.ExecuteReader())
            while (r.Read()) { personal.Add(r.GetString(0)); personal.Add(r.GetString(1)); }
        Assert.True(personal.Count > 100);

        var policyValues = await LakeFiles.StringsAsync(root.Path);
        Assert.Empty(policyValues.Intersect(personal));
        // The raw bytes too (DuckDB's dictionary pages keep short strings readable), for every NIP.
        var nips = personal.Where(p => p.All(char.IsAsciiDigit)).ToList();
        foreach (var file in Directory.EnumerateFiles(root.Path, "*", SearchOption.AllDirectories))
        {
            var text = Encoding.Latin1.GetString(File.ReadAllBytes(file));
            Assert.DoesNotContain(nips, text.Contains);
        }
        // The same scan finds them in the HR export: it would catch a leak.
        Assert.NotEmpty((await LakeFiles.StringsAsync(hrRoot.Path)).Intersect(personal));
        Assert.DoesNotContain("pns_id", Directory.EnumerateFiles(hrRoot.Path, "*", SearchOption.AllDirectories).Select(Path.GetFileName));
    }

    [Fact]
    public void A_new_publish_swaps_current_and_prunes_beyond_keep_but_never_a_version_younger_than_a_minute()
    {
        using var root = TempFolder.Create("lake");
        using var c = cities.A.Open(readOnly: true);
        var time = new FakeTimeProvider(Start);
        var tables = LakeCatalog.Policy.Take(2).ToList();
        string Publish() => ParquetLake.Publish(c, root.Path, null, keep: 2, tables, policy: true, time).Folder;
        string[] Versions() => Directory.GetDirectories(Path.Combine(root.Path, ParquetLake.Versions)).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;

        // Three publishes within 20 s: all kept (a reader may still be in any of them).
        var first = Publish();
        time.Advance(TimeSpan.FromSeconds(10));
        var second = Publish();
        time.Advance(TimeSpan.FromSeconds(10));
        var third = Publish();
        Assert.Equal(third, ParquetLake.Current(root.Path, null));
        Assert.Equal(new[] { first, second, third }.Select(Path.GetFileName), Versions());

        // What a publish killed mid-write leaves: a version folder without a manifest, never current.
        var crashed = Path.Combine(root.Path, ParquetLake.Versions, "20261130T065900000Z");
        Directory.CreateDirectory(Path.Combine(crashed, "dim_unit"));

        // Two minutes on: Keep = 2 leaves the new current one and the one before it (and removes the crashed one).
        time.Advance(TimeSpan.FromMinutes(2));
        var fourth = Publish();
        Assert.Equal(fourth, ParquetLake.Current(root.Path, null));
        Assert.Equal("versions/" + Path.GetFileName(fourth), File.ReadAllText(Path.Combine(root.Path, ParquetLake.Pointer)).Trim());
        Assert.Equal(new[] { third, fourth }.Select(Path.GetFileName), Versions());
        Assert.Empty(Directory.GetFiles(root.Path, "*.tmp"));
    }

    [Fact]
    public async Task A_publish_that_fails_midway_or_meets_a_personal_column_leaves_current_on_the_old_version()
    {
        using var root = TempFolder.Create("lake");
        using var c = cities.A.Open(readOnly: true);
        var time = new FakeTimeProvider(Start);
        var good = ParquetLake.Publish(c, root.Path, null, 3, LakeCatalog.Policy, policy: true, time).Folder;

        time.Advance(TimeSpan.FromMinutes(5));
        // The first tables are written, then one cannot be.
        IReadOnlyList<LakeTable> broken = [.. LakeCatalog.Policy.Take(3), new("broken", "SELECT * FROM no_such_table")];
        Assert.ThrowsAny<DuckDBException>(() => ParquetLake.Publish(c, root.Path, null, 3, broken, policy: true, time));
        time.Advance(TimeSpan.FromMinutes(5));
        IReadOnlyList<LakeTable> personal = [LakeCatalog.Policy[0], new("pegawai", "SELECT nip, kode_unit FROM dim_employee")];
        var refused = Assert.Throws<InvalidOperationException>(() => ParquetLake.Publish(c, root.Path, null, 3, personal, policy: true, time));
        Assert.Contains("nip", refused.Message, StringComparison.Ordinal);

        Assert.Equal(good, ParquetLake.Current(root.Path, null));
        Assert.Equal([Path.GetFileName(good)], Directory.GetDirectories(Path.Combine(root.Path, ParquetLake.Versions)).Select(Path.GetFileName));
        Assert.Equal(c.Scalar<long>("SELECT count(*) FROM mart_ikm"), (await LakeFiles.RowsAsync(good, "mart_ikm")).Count);
    }

    [Fact]
    public async Task Three_instansi_publish_side_by_side_and_one_query_answers_across_them()
    {
        using var root = TempFolder.Create("lake");
        var codes = new[] { "kota-a", "kota-b", "kab-c" };
        var time = new FakeTimeProvider(Start);
        var expected = new List<(string Instansi, long Tahun, long Responden)>();
        for (var i = 0; i < 3; i++)
        {
            using var c = cities.Cities[i].Open(readOnly: true);
            ParquetLake.Publish(c, root.Path, codes[i], 3, LakeCatalog.Policy, policy: true, time);
            using var cmd = c.Command("SELECT year(tanggal_survei), count(*) FROM fact_skm GROUP BY 1");
            using var r = cmd.ExecuteReader();
            while (r.Read()) expected.Add((codes[i], Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture), r.GetInt64(1)));
            time.Advance(TimeSpan.FromSeconds(30));
        }
        // A stale version beside instansi B's current one must not be read.
        Directory.CreateDirectory(Path.Combine(root.Path, "instansi=kota-b", ParquetLake.Versions, "20200101T000000000Z", "fact_skm", "tahun=2020"));
        File.Copy(Directory.EnumerateFiles(Path.Combine(root.Path, "instansi=kota-b"), "*.parquet", SearchOption.AllDirectories).First(f => f.Contains("fact_skm", StringComparison.Ordinal)),
            Path.Combine(root.Path, "instansi=kota-b", ParquetLake.Versions, "20200101T000000000Z", "fact_skm", "tahun=2020", "data_0.parquet"));

        // The README's query: follow every instansi's CURRENT, then one read_parquet over all of them.
        using var reader = new DuckDBConnection("Data Source=:memory:");
        reader.Open();
        var glob = root.Path + "/instansi=*/CURRENT";
        reader.Execute($"SET VARIABLE lake = (SELECT list(regexp_replace(filename, 'CURRENT$', '') || content || '/fact_skm/**/*.parquet') FROM read_text('{glob}'))");
        var actual = new List<(string, long, long)>();
        using (var cmd = reader.Command("SELECT instansi, tahun, count(*) FROM read_parquet(getvariable('lake'), hive_partitioning = true) GROUP BY ALL ORDER BY ALL"))
        using (var r = cmd.ExecuteReader())
            while (r.Read()) actual.Add((r.GetString(0), Convert.ToInt64(r.GetValue(1), CultureInfo.InvariantCulture), r.GetInt64(2)));
        Assert.Equal(expected.Order().ToList(), actual.Order().ToList());
        Assert.Equal(3, actual.Select(a => a.Item1).Distinct().Count());
        await Task.CompletedTask;
    }

    [Fact]
    public async Task The_publish_command_and_etl_write_the_configured_lakes()
    {
        using var root = TempFolder.Create("lake");
        using var hrRoot = TempFolder.Create("lake-hr");
        using var clock = CliClock.Use(new FakeTimeProvider(Start));
        using var config = CliConfiguration.Overlay(new Dictionary<string, string?>
        {
            ["Publish:Path"] = root.Path, ["Publish:Instansi"] = "kota-a", ["Publish:HrPath"] = hrRoot.Path,
        });
        var output = new StringWriter();
        Assert.Equal(CliApp.Ok, await CliApp.RunAsync(["publish", "--db", cities.A.Path], output, new StringWriter()));
        var version = ParquetLake.Current(root.Path, "kota-a")!;
        Assert.Contains(version, output.ToString(), StringComparison.Ordinal);
        Assert.StartsWith(Path.Combine(root.Path, "instansi=kota-a", "versions"), version, StringComparison.Ordinal);
        Assert.NotNull(ParquetLake.Current(hrRoot.Path, "kota-a"));

        // `etl` by hand publishes after its refresh, as `serve` does (an empty inbox: nothing loaded, marts fresh).
        using var inbox = TempFolder.Create("lake-inbox");
        ((FakeTimeProvider)CliClock.Time).Advance(TimeSpan.FromMinutes(1));
        output = new StringWriter();
        Assert.Equal(CliApp.Ok, await CliApp.RunAsync(["etl", "--inbox", inbox.Path, "--db", cities.A.Path], output, new StringWriter()));
        var after = ParquetLake.Current(root.Path, "kota-a")!;
        Assert.NotEqual(version, after);
        Assert.Contains(after, output.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, Directory.GetDirectories(Path.Combine(root.Path, "instansi=kota-a", ParquetLake.Versions)).Length);

        using var wrong = CliConfiguration.Overlay(new Dictionary<string, string?> { ["Publish:HrPath"] = Path.Combine(root.Path, "hr") });
        var error = new StringWriter();
        Assert.NotEqual(CliApp.Ok, await CliApp.RunAsync(["publish", "--db", cities.A.Path], new StringWriter(), error));
        Assert.Contains("Publish:HrPath", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Kota-Palembang", null, 3)]
    [InlineData("kota palembang", null, 3)]
    [InlineData("kota-palembang", null, 0)]
    [InlineData(null, "lake/hr", 3)]
    public void Invalid_publish_options_are_refused_naming_the_key(string? instansi, string? hrPath, int keep)
    {
        var options = new PublishOptions { Path = "lake", Instansi = instansi, HrPath = hrPath, Keep = keep };
        var errors = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        Assert.False(System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options, new(options), errors, validateAllProperties: true));
        Assert.Contains(errors, e => e.ErrorMessage!.Contains("Publish:", StringComparison.Ordinal));
    }

    private static List<KeyValuePair<int, long>> Pairs(DuckDBConnection c, string sql)
    {
        var pairs = new List<KeyValuePair<int, long>>();
        using var cmd = c.Command(sql + " ORDER BY 1");
        using var r = cmd.ExecuteReader();
        while (r.Read()) pairs.Add(new(Convert.ToInt32(r.GetValue(0), CultureInfo.InvariantCulture), r.GetInt64(1)));
        return pairs;
    }
}
