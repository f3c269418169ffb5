using System.Text.Json;
using Kepegawaian.Service.Cli;
using Kepegawaian.Testing;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Host.Tests.Cli;

public sealed class KinerjaDiklatCommandTests
{
    private static TempWarehouse Seeded()
    {
        var wh = new TempWarehouse();
        using var c = wh.Open();
        c.Execute("""
            INSERT INTO dim_unit VALUES ('U1', 'Dinas Satu', 'dinas', NULL, NULL, 0, NULL, NULL);
            INSERT INTO dim_employee (nip, nama, golongan, jenis_jabatan, nama_jabatan, kode_unit, valid_from, is_current, tracked_hash, row_hash, source)
            VALUES ('198501012010011001', 'Ani', 'III/a', 'pelaksana', 'Staf', 'U1', DATE '2015-01-01', true, 0, 0, 'pegawai'),
                   ('198501012010011002', 'Budi', 'III/b', 'pelaksana', 'Staf', 'U1', DATE '2015-01-01', true, 0, 0, 'pegawai');
            INSERT INTO fact_kinerja VALUES
              ('K1', '198501012010011001', '2025-Q1', 'triwulanan', DATE '2025-01-01', DATE '2025-03-31', 'di_atas', 'di_atas', 'Sangat Baik', 5, 100, 'U1', 0, 0, 'Sangat Baik'),
              ('K2', '198501012010011002', '2025-Q1', 'triwulanan', DATE '2025-01-01', DATE '2025-03-31', 'sesuai', 'sesuai', 'Baik', 4, 80, 'U1', 0, 0, 'Baik');
            INSERT INTO fact_diklat VALUES
              ('D1', '198501012010011001', 'T1', 'Teknis 1', 'teknis', DATE '2025-02-01', DATE '2025-02-05', 24, 'lulus', 4.5, 60, 80, 0, 0),
              ('D2', '198501012010011002', 'T1', 'Teknis 1', 'teknis', DATE '2025-02-01', DATE '2025-02-05', 12, 'lulus', 3.5, 50, 60, 0, 0);
            """);
        return wh;
    }

    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var (o, e) = (new StringWriter(), new StringWriter());
        var code = await CliApp.RunAsync(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    [Fact]
    public async Task Kinerja_json_after_refresh_has_the_unit_distribution()
    {
        using var wh = Seeded();
        var (code, output, _) = await Run("kinerja", "--db", wh.Path, "--refresh", "--period", "2025-Q1", "--format", "json");
        Assert.Equal(0, code);
        var row = JsonDocument.Parse(output).RootElement[0];
        Assert.Equal("U1", row.GetProperty("kode_unit").GetString());
        Assert.Equal("2025-Q1", row.GetProperty("periode").GetString());
        // Two employees: every count and mean describes fewer than 5 and is suppressed (null).
        foreach (var f in new[] { "n", "mean_nilai_skp", "mean_skor", "n_sangat_baik", "n_baik" })
            Assert.Equal(JsonValueKind.Null, row.GetProperty(f).ValueKind);
        Assert.Equal(0, row.GetProperty("n_butuh_perbaikan").GetInt32()); // a zero names nobody

        var rincian = await Run("kinerja", "--db", wh.Path, "--show", "rincian", "--period", "2025-Q1", "--unit", "U1", "--format", "json");
        var golongan = JsonDocument.Parse(rincian.Out).RootElement.EnumerateArray().Where(r => r.GetProperty("dimensi").GetString() == "golongan").ToList();
        Assert.Equal(["III/a", "III/b"], golongan.Select(r => r.GetProperty("kategori").GetString()));
        Assert.Equal(JsonValueKind.Null, golongan[0].GetProperty("mean_nilai_skp").ValueKind);   // Ani alone: suppressed
    }

    [Fact]
    public async Task Diklat_reads_read_only_and_uses_the_spec_field_names()
    {
        using var wh = Seeded();
        Assert.Equal(0, (await Run("diklat", "--db", wh.Path, "--refresh", "--format", "csv")).Code);
        var (code, output, _) = await Run("diklat", "--db", wh.Path, "--format", "json");
        Assert.Equal(0, code);
        var row = JsonDocument.Parse(output).RootElement[0];
        foreach (var field in new[] { "att", "ci_low", "ci_high", "p_value", "p_holm", "q_bh", "n_treated", "n_control", "status", "pool", "reaksi", "gain_test" })
            Assert.True(row.TryGetProperty(field, out _), field);
        Assert.Equal(JsonValueKind.Null, row.GetProperty("reaksi").ValueKind);   // 2 participants: suppressed
        Assert.StartsWith("terlalu kecil", row.GetProperty("status").GetString());
        var jp = await Run("diklat", "--db", wh.Path, "--show", "jp-pegawai", "--period", "2025", "--format", "json");
        var list = JsonDocument.Parse(jp.Out).RootElement;
        Assert.Equal(1, list.GetArrayLength());                                // Budi, 12 JP
        Assert.Equal("198501012010011002", list[0].GetProperty("nip").GetString());
    }

    [Fact]
    public void P_values_print_three_decimals_and_never_zero()
    {
        Assert.Equal("< 0.001", ResultWriter.FormatP(0.0004));
        Assert.Equal("0.001", ResultWriter.FormatP(0.001));
        Assert.Equal("0.046", ResultWriter.FormatP(0.0456));
        Assert.Equal("", ResultWriter.FormatP(null));
    }

    [Fact]
    public async Task Predictors_are_labelled_as_prediction_not_cause_and_pendorong_still_works()
    {
        using var wh = Seeded();
        Assert.Equal(0, (await Run("kinerja", "--db", wh.Path, "--refresh")).Code);
        foreach (var show in new[] { "prediktor", "pendorong" })
        {
            var (code, output, _) = await Run("kinerja", "--db", wh.Path, "--show", show);
            Assert.Equal(0, code);
            Assert.Contains("bukan sebab", output);
        }
    }

    [Fact]
    public async Task Without_marts_the_operator_is_told_to_refresh()
    {
        using var wh = Seeded();
        var (code, _, error) = await Run("kinerja", "--db", wh.Path);
        Assert.Equal(2, code);
        Assert.Contains("--refresh", error);
        Assert.Equal(1, (await Run("kinerja", "--db", wh.Path, "--period", "2025-Q9")).Code);
    }
}
