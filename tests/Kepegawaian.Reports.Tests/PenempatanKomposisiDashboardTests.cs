using Kepegawaian.Analytics.Penempatan;
using Kepegawaian.Reports.Dashboard;
using Kepegawaian.Reports.Data;
using Kepegawaian.Testing;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Reports.Tests;

/// <summary>The kesesuaian and formasi tables of /dasbor/penempatan (issue 15 items 4 and 1), on the report seed plus <see cref="KomposisiSeed"/> (hand count there).</summary>
public sealed class PenempatanKomposisiDashboardTests
{
    private static TempWarehouse Seeded() => KomposisiWarehouse.Create();

    private static DashboardModel Model(TempWarehouse wh, ReportText? text = null) =>
        new(new ReportDataReader(wh.Database).Read(), text ?? ReportText.Indonesian, 5);

    [Fact]
    public void Kesesuaian_table_puts_the_city_first_then_the_highest_share_and_marks_small_cells()
    {
        using var wh = Seeded();
        var rows = Model(wh).KesesuaianTable(new DashboardFilter(null, null, null));
        Assert.Equal(("KOTA", "Kota Palembang", "semua jabatan"), ((string?)rows[0]["kode_unit"], (string?)rows[0]["unit"], (string?)rows[0]["kelompok"]));
        Assert.Equal((40L, 13L, 32.5), ((long)rows[0]["pegawai"]!, (long)rows[0]["kurang"]!, (double)rows[0]["persen_kurang"]!));
        // A1 (share shown, 18,2 %) before A2 and A3 (shares hidden: by name after it); in a unit, its total first.
        var units = rows.Select(r => (string?)r["kode_unit"]).Where(k => k != "KOTA").Distinct().ToList();
        Assert.Equal(["A1", "A2", "A3"], units);
        var a1 = rows.Where(r => (string?)r["kode_unit"] == "A1").ToList();
        Assert.Equal(["semua jabatan", "pengawas", "pelaksana", "fungsional ahli pertama"], a1.Select(r => (string?)r["kelompok"]));
        Assert.Equal(18.2, a1[0]["persen_kurang"]);
        var ahli = a1[3];
        Assert.Equal(("S-1/D-IV", 15L, 6L, 40.0, 0L), ((string?)ahli["pendidikan_minimum"], (long)ahli["pegawai"]!, (long)ahli["kurang"]!, (double)ahli["persen_kurang"]!, (long)ahli["tidak_diketahui"]!));
        Assert.Equal("D-III", a1[1]["pendidikan_minimum"]);
        var a2 = rows.Single(r => (string?)r["kode_unit"] == "A2" && (string?)r["kelompok"] == "pelaksana");
        Assert.Equal(("<5", "<5", null, "<5"), (a2["pegawai"], a2["kurang"], a2["persen_kurang"], a2["tidak_diketahui"]));
        Assert.Equal(4, Model(wh).KesesuaianTable(new DashboardFilter(null, "A1", null)).Count);
    }

    [Fact]
    public void Formasi_table_is_compact_without_a_unit_and_detailed_with_one()
    {
        using var wh = Seeded();
        var model = Model(wh);
        var rows = model.FormasiTable(new DashboardFilter(null, null, null));
        // The city per jenis_jabatan (semua, pengawas, pelaksana, fungsional), then each unit's total by name (Dua, Satu, Tiga).
        Assert.Equal(["KOTA semua jabatan", "KOTA pengawas", "KOTA pelaksana", "KOTA fungsional", "A2 semua jabatan", "A1 semua jabatan", "A3 semua jabatan"],
            rows.Select(r => $"{r["kode_unit"]} {r["jenis_jabatan"]}"));
        Assert.Equal((40L, 7L, 10L, 23L, 0L, 0L), ((long)rows[0]["pegawai"]!, (long)rows[0]["gol_i"]!, (long)rows[0]["gol_ii"]!, (long)rows[0]["gol_iii"]!,
            (long)rows[0]["gol_iv"]!, (long)rows[0]["pppk"]!));
        Assert.Equal("<5", rows[4]["pegawai"]);
        var a1 = model.FormasiTable(new DashboardFilter(null, "A1", null));
        Assert.Equal(["semua jabatan", "pengawas", "pelaksana", "fungsional"], a1.Select(r => (string?)r["jenis_jabatan"]));
        Assert.Equal(15L, a1[3]["gol_iii"]);
        var english = Model(wh, ReportText.EnglishText).FormasiTable(new DashboardFilter(null, null, null));
        Assert.Equal(("City of Palembang", "all positions"), ((string?)english[0]["unit"], (string?)english[0]["jenis_jabatan"]));
    }

    [Fact]
    public async Task The_page_shows_both_tables_and_their_rules_and_the_api_serves_them_as_csv()
    {
        await using (var plain = await DashboardServer.StartAsync())
        {
            using var http = new HttpClient();
            var html = await http.GetStringAsync(plain.BaseUrl + "/dasbor/penempatan");
            Assert.Contains("/api/penempatan/kesesuaian", html, StringComparison.Ordinal);
            Assert.Contains("/api/penempatan/formasi", html, StringComparison.Ordinal);
            Assert.Contains("Pendidikan minimum", html, StringComparison.Ordinal);
            Assert.Contains("Pasal 55", html, StringComparison.Ordinal);
            Assert.Equal("[]", (await http.GetStringAsync(plain.BaseUrl + "/api/penempatan/kesesuaian")).Trim());   // marts not built on the plain seed
        }
        using var wh = Seeded();
        await using var server = await DashboardServer.StartAsync(warehouse: wh);
        using var client = new HttpClient();
        var csv = await client.GetStringAsync(server.BaseUrl + "/api/penempatan/kesesuaian?unit=A1&format=csv");
        var lines = csv.TrimStart('\uFEFF').Trim().Split('\n');
        Assert.Equal(5, lines.Length);                                          // header + A1's four rows
        Assert.Contains("fungsional ahli pertama;S-1/D-IV;15;6;40", lines[4], StringComparison.Ordinal);
        var json = await client.GetStringAsync(server.BaseUrl + "/api/penempatan/formasi?unit=A2");
        Assert.Contains("\"<5\"", json, StringComparison.Ordinal);
    }
}
