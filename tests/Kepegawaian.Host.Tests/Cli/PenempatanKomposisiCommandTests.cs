using System.Text.Json;
using Kepegawaian.Analytics.Penempatan;
using Kepegawaian.Service.Cli;
using Kepegawaian.Testing;

namespace Kepegawaian.Host.Tests.Cli;

/// <summary>`kepegawaian penempatan --show kesesuaian|formasi` run for real against <see cref="KomposisiSeed"/> (hand count there).</summary>
public sealed class PenempatanKomposisiCommandTests
{
    private static TempWarehouse Seeded()
    {
        var wh = new TempWarehouse();
        using var c = wh.Open();
        KomposisiSeed.Seed(c);
        return wh;
    }

    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var (o, e) = (new StringWriter(), new StringWriter());
        var code = await CliApp.RunAsync(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    private static Dictionary<string, JsonElement> Rows(string json, string group) =>
        JsonDocument.Parse(json).RootElement.EnumerateArray().ToDictionary(r => $"{r.GetProperty("kode_unit").GetString()} {r.GetProperty(group).GetString()}");

    [Fact]
    public async Task Kesesuaian_at_a_date_counts_the_under_qualified_and_hides_small_units()
    {
        using var wh = Seeded();
        var (code, output, err) = await Run("penempatan", "--db", wh.Path, "--show", "kesesuaian", "--per", "2026-12-01", "--format", "json");
        Assert.True(code == 0, err);
        var rows = Rows(output, "kelompok");
        var ahli = rows["A1 fungsional_ahli_pertama"];
        Assert.Equal("S1", ahli.GetProperty("pendidikan_minimum").GetString());
        Assert.Equal((15L, 6L, 9L, 0L), (ahli.GetProperty("pegawai").GetInt64(), ahli.GetProperty("kurang").GetInt64(), ahli.GetProperty("sesuai").GetInt64(),
            ahli.GetProperty("tidak_diketahui").GetInt64()));
        Assert.Equal(0.4, ahli.GetProperty("share_kurang").GetDouble(), 12);
        Assert.Equal(6.0 / 33, rows["A1 semua"].GetProperty("share_kurang").GetDouble(), 12);
        var kota = rows["KOTA semua"];
        Assert.Equal("kota", kota.GetProperty("level").GetString());
        Assert.Equal((40L, 13L), (kota.GetProperty("pegawai").GetInt64(), kota.GetProperty("kurang").GetInt64()));
        Assert.Equal(13.0 / 40, kota.GetProperty("share_kurang").GetDouble(), 12);
        Assert.Equal(7, rows["KOTA pelaksana"].GetProperty("kurang").GetInt64());    // 3 + 4: two units hidden
        foreach (var unit in new[] { "A2", "A3" })
            foreach (var f in new[] { "pegawai", "kurang", "sesuai", "share_kurang" })
                Assert.Equal(JsonValueKind.Null, rows[$"{unit} pelaksana"].GetProperty(f).ValueKind);

        var csv = await Run("penempatan", "--db", wh.Path, "--show", "kesesuaian", "--per", "2026-12-01", "--unit", "A1", "--format", "csv");
        Assert.Equal(0, csv.Code);
        var lines = csv.Out.Trim().Split('\n');
        Assert.Equal("tanggal_acuan,level,kode_unit,nama_unit,kelompok,pendidikan_minimum,pegawai,kurang,sesuai,tidak_diketahui,share_kurang", lines[0].TrimEnd('\r'));
        Assert.Equal(5, lines.Length);   // semua, pengawas, pelaksana, fungsional ahli pertama
        Assert.Contains(",unit,A1,Badan Satu,pengawas,D3,8,0,8,0,0", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reads_the_marts_after_a_refresh_and_asks_for_one_before()
    {
        using var wh = Seeded();
        foreach (var view in new[] { "kesesuaian", "formasi" })
        {
            var before = await Run("penempatan", "--db", wh.Path, "--show", view);
            Assert.Equal(2, before.Code);
            Assert.Contains("belum dibangun", before.Err, StringComparison.Ordinal);
        }
        using (var c = wh.Open())
            PenempatanMarts.Refresh(c, new PenempatanOptions { ReferenceDate = KomposisiSeed.Acuan });

        var (code, output, err) = await Run("penempatan", "--db", wh.Path, "--show", "formasi", "--format", "json");
        Assert.True(code == 0, err);
        var rows = Rows(output, "jenis_jabatan");
        var a1 = rows["A1 semua"];
        Assert.Equal((33L, 0L, 10L, 23L, 0L, 0L), (a1.GetProperty("pegawai").GetInt64(), a1.GetProperty("gol_i").GetInt64(), a1.GetProperty("gol_ii").GetInt64(),
            a1.GetProperty("gol_iii").GetInt64(), a1.GetProperty("gol_iv").GetInt64(), a1.GetProperty("pppk").GetInt64()));
        Assert.Equal(15, rows["A1 fungsional"].GetProperty("gol_iii").GetInt64());
        var pelaksana = rows["KOTA pelaksana"];
        Assert.Equal((17L, 7L, 10L), (pelaksana.GetProperty("pegawai").GetInt64(), pelaksana.GetProperty("gol_i").GetInt64(), pelaksana.GetProperty("gol_ii").GetInt64()));
        Assert.Equal(JsonValueKind.Null, rows["A2 pelaksana"].GetProperty("gol_i").ValueKind);

        var table = await Run("penempatan", "--db", wh.Path, "--show", "kesesuaian");
        Assert.Equal(0, table.Code);
        Assert.Contains("Badan Satu", table.Out, StringComparison.Ordinal);
        Assert.Contains("Pasal 55", table.Out, StringComparison.Ordinal);
        Assert.Contains("tidak pernah sebagai kurang", table.Out, StringComparison.Ordinal);
        var formasi = await Run("penempatan", "--db", wh.Path, "--show", "formasi", "--unit", "KOTA", "--format", "csv-id");
        Assert.Equal(0, formasi.Code);
        Assert.Contains("Kota Palembang", formasi.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_view_is_a_usage_error()
    {
        using var wh = Seeded();
        Assert.Equal(1, (await Run("penempatan", "--db", wh.Path, "--show", "komposisi")).Code);
    }
}
