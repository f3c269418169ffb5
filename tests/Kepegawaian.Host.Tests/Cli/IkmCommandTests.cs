using System.Text.Json;
using Kepegawaian.Service.Cli;
using Kepegawaian.Testing;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Host.Tests.Cli;

public sealed class IkmCommandTests
{
    private static TempWarehouse Seed()
    {
        var wh = new TempWarehouse();
        using var c = wh.Open();
        c.Execute("INSERT INTO dim_unit VALUES ('D1', 'Dinas Satu', 'dinas', NULL, 100, 0, NULL, NULL)");
        // Q1: 2 × all-4 → 100.00; Q2: all-4 + all-3 → 87.50 (B)
        var rows = new[] { ("2026-02-01", 4), ("2026-02-02", 4), ("2026-05-01", 4), ("2026-05-02", 3) };
        var i = 0;
        foreach (var (date, v) in rows)
            c.Execute($"INSERT INTO fact_skm (id_responden, kode_unit, jenis_layanan, tanggal_survei, u1,u2,u3,u4,u5,u6,u7,u8,u9, row_hash, etl_file_id) " +
                      $"VALUES ('R{i++}', 'D1', 'KTP-el', DATE '{date}', {v},{v},{v},{v},{v},{v},{v},{v},{v}, 0, 0)");
        return wh;
    }

    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var (o, e) = (new StringWriter(), new StringWriter());
        var code = await CliApp.RunAsync(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    [Fact]
    public async Task Json_uses_spec_field_names_with_nrr_as_object()
    {
        using var wh = Seed();
        var (code, output, _) = await Run("ikm", "--db", wh.Path, "--period", "2026-Q2", "--format", "json");
        Assert.Equal(0, code);
        var row = Assert.Single(JsonDocument.Parse(output).RootElement.EnumerateArray());
        Assert.Equal("D1", row.GetProperty("kode_unit").GetString());
        Assert.Equal("2026-Q2", row.GetProperty("periode").GetString());
        Assert.Equal(2, row.GetProperty("responden").GetInt64());
        Assert.Equal(3.5, row.GetProperty("nrr").GetProperty("u9").GetDouble());
        Assert.Equal(87.50m, row.GetProperty("ikm").GetDecimal());
        Assert.Equal("B", row.GetProperty("mutu").GetString());
        Assert.Equal("Baik", row.GetProperty("kinerja").GetString());
        Assert.Equal(80, row.GetProperty("sampel_minimum").GetInt32()); // Krejcie–Morgan N = 100
        Assert.False(row.GetProperty("sampel_cukup").GetBoolean());
        Assert.True(row.TryGetProperty("ci_low", out _));
    }

    [Fact]
    public async Task Without_period_shows_the_latest_quarter_and_city_level_works()
    {
        using var wh = Seed();
        var (code, output, _) = await Run("ikm", "--db", wh.Path, "--by", "kota", "--format", "csv");
        Assert.Equal(0, code);
        var lines = output.Trim().Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("level,kode_unit,nama_unit,jenis_layanan,periode,responden,u1,u2,u3,u4,u5,u6,u7,u8,u9,ikm,mutu", lines[0]);
        Assert.Contains("KOTA", lines[1]);
        Assert.Contains("2026-Q2", lines[1]);
    }

    [Fact]
    public async Task A_month_period_is_a_usage_error()
    {
        using var wh = Seed();
        var (code, _, err) = await Run("ikm", "--db", wh.Path, "--period", "2026-07");
        Assert.Equal(CliApp.UsageError, code);
        Assert.Contains("triwulan", err);
    }

    [Fact]
    public async Task Missing_warehouse_needs_an_operator()
    {
        using var folder = TempFolder.Create("ikm");
        var (code, _, err) = await Run("ikm", "--db", folder.File("none.duckdb"));
        Assert.Equal(CliApp.OperatorError, code);
        Assert.Contains("belum ada", err);
    }

    /// <summary>
    /// Two units serving 10 000 people each: Krejcie–Morgan minimum 370 (χ²·N·¼ / (0,05²·(N−1) + χ²·¼) = 369,6 → 370).
    /// D1 has 100 respondents in 2026-Q3 (below: indicative), D2 has 400 (enough). All answers 3 → IKM 75,00, mutu C.
    /// </summary>
    private static TempWarehouse SeedSampleSizes()
    {
        var wh = new TempWarehouse();
        using var c = wh.Open();
        c.Execute("""
            INSERT INTO dim_unit VALUES ('D1', 'Dinas Kecil', 'dinas', NULL, 10000, 0, NULL, NULL), ('D2', 'Dinas Besar', 'dinas', NULL, 10000, 0, NULL, NULL);
            INSERT INTO fact_skm (id_responden, kode_unit, jenis_layanan, tanggal_survei, u1,u2,u3,u4,u5,u6,u7,u8,u9, row_hash, etl_file_id)
            SELECT k || i, k, 'umum', DATE '2026-08-03', 3,3,3,3,3,3,3,3,3, i, 0
            FROM (SELECT 'D1' AS k, i FROM range(100) t(i) UNION ALL SELECT 'D2', i FROM range(400) t(i));
            """);
        return wh;
    }

    [Fact]
    public async Task Indicative_grades_are_marked_in_table_csv_and_json_and_the_rule_is_said_once()
    {
        using var wh = SeedSampleSizes();
        var note = Kepegawaian.Reports.ReportText.Indonesian.IndicativeNote(annualPreferred: false);

        var (code, table, _) = await Run("ikm", "--db", wh.Path, "--period", "2026-Q3");
        Assert.Equal(0, code);
        var lines = table.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        // Columns by position: the mutu column starts where its header does and is as wide as its dashes.
        var start = lines[0].IndexOf(" mutu ", StringComparison.Ordinal) + 1;
        var width = lines[1][start..].IndexOf(' ', StringComparison.Ordinal);
        string Mutu(string unit) => lines.Single(l => l.StartsWith("unit", StringComparison.Ordinal) && l.Contains(unit, StringComparison.Ordinal))
            .Substring(start, width).Trim();
        Assert.Equal("C*", Mutu("Dinas Kecil"));
        Assert.Equal("C", Mutu("Dinas Besar"));
        Assert.Equal(note, lines[^1]);
        Assert.Equal(1, lines.Count(l => l.Contains("Mutu indikatif", StringComparison.Ordinal)));
        Assert.Contains("370 responden untuk 10.000", note, StringComparison.Ordinal);

        var (_, csv, _) = await Run("ikm", "--db", wh.Path, "--period", "2026-Q3", "--format", "csv");
        var rows = csv.Trim().Split('\n').Select(l => l.TrimEnd('\r').Split(',')).ToList();
        var m = Array.IndexOf(rows[0], "mutu");
        Assert.Equal(["C*", "C"], rows.Skip(1).OrderBy(r => r[1], StringComparer.Ordinal).Select(r => r[m]));
        Assert.DoesNotContain("indikatif", csv, StringComparison.Ordinal);   // no footnote inside machine output

        var (_, json, _) = await Run("ikm", "--db", wh.Path, "--period", "2026-Q3", "--format", "json");
        var units = JsonDocument.Parse(json).RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("kode_unit").GetString()!);
        Assert.Equal((100L, 370, false, true, "C"), (units["D1"].GetProperty("responden").GetInt64(), units["D1"].GetProperty("sampel_minimum").GetInt32(),
            units["D1"].GetProperty("sampel_cukup").GetBoolean(), units["D1"].GetProperty("indikatif").GetBoolean(), units["D1"].GetProperty("mutu").GetString()));
        Assert.Equal((400L, 370, true, false, "C"), (units["D2"].GetProperty("responden").GetInt64(), units["D2"].GetProperty("sampel_minimum").GetInt32(),
            units["D2"].GetProperty("sampel_cukup").GetBoolean(), units["D2"].GetProperty("indikatif").GetBoolean(), units["D2"].GetProperty("mutu").GetString()));
    }

    [Fact]
    public async Task No_indicative_grade_no_footnote()
    {
        using var wh = SeedSampleSizes();
        var (_, table, _) = await Run("ikm", "--db", wh.Path, "--period", "2026-Q3", "--unit", "D2");
        Assert.DoesNotContain("Mutu indikatif", table, StringComparison.Ordinal);
        Assert.DoesNotContain("C*", table, StringComparison.Ordinal);
    }
}
