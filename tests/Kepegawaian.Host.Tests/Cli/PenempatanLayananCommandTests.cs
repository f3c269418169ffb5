using System.Text.Json;
using Kepegawaian.Analytics.Penempatan;
using Kepegawaian.Service.Cli;
using Kepegawaian.Testing;

namespace Kepegawaian.Host.Tests.Cli;

/// <summary>`kepegawaian penempatan --show layanan` run for real against <see cref="LayananSeed"/> (values computed by hand there).</summary>
public sealed class PenempatanLayananCommandTests
{
    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var (o, e) = (new StringWriter(), new StringWriter());
        var code = await CliApp.RunAsync(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    [Fact]
    public async Task Layanan_shows_load_tenure_ikm_and_leave_time_hides_small_units_and_says_association()
    {
        using var wh = new TempWarehouse();
        using (var c = wh.Open()) LayananSeed.Seed(c);
        var before = await Run("penempatan", "--db", wh.Path, "--show", "layanan");
        Assert.Equal(2, before.Code);
        Assert.Contains("belum dibangun", before.Err, StringComparison.Ordinal);

        using (var c = wh.Open())
            PenempatanMarts.Refresh(c, new PenempatanOptions { ReferenceDate = BebanSeed.Acuan });
        var (code, output, err) = await Run("penempatan", "--db", wh.Path, "--show", "layanan", "--format", "json");
        Assert.True(code == 0, err);
        var rows = JsonDocument.Parse(output).RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("kode_unit").GetString()!);
        var k2 = rows["K2"];
        Assert.Equal(6, k2.GetProperty("pegawai").GetInt64());
        Assert.Equal(68.0 / 6, k2.GetProperty("responden_per_pegawai").GetDouble(), 9);
        Assert.Equal(75.00m, k2.GetProperty("ikm").GetDecimal());
        Assert.Equal("2026-Q4", k2.GetProperty("ikm_periode").GetString());
        Assert.Equal(0.75, k2.GetProperty("cuti_median_hari_kerja").GetDouble(), 9);
        Assert.Contains("bukan hubungan sebab-akibat", k2.GetProperty("catatan").GetString(), StringComparison.Ordinal);
        foreach (var f in new[] { "pegawai", "responden_per_pegawai", "rasio_beban", "median_tahun_unit", "cuti_median_hari_kerja" })
            Assert.Equal(JsonValueKind.Null, rows["K5"].GetProperty(f).ValueKind);   // 4 staff
        Assert.DoesNotContain("cuti_n", output, StringComparison.Ordinal);

        var text = await Run("penempatan", "--db", wh.Path, "--show", "layanan", "--per", "2026-12-01", "--unit", "K2");
        Assert.Equal(0, text.Code);
        Assert.Contains("Asosiasi antarunit, bukan hubungan sebab-akibat.", text.Out, StringComparison.Ordinal);
        Assert.Contains("r(IKM, rasio_beban)", text.Out, StringComparison.Ordinal);
    }
}
