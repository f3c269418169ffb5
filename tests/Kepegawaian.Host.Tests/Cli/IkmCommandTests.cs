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
}
