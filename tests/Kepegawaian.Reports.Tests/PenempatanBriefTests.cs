using Kepegawaian.Analytics.Penempatan;
using Kepegawaian.Reports.Dashboard;
using Kepegawaian.Reports.Data;
using Kepegawaian.Testing;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Reports.Tests;

/// <summary>The retirement wave line of "Perlu tindakan" (issue 15), on the hand-made report seed plus placement marts.</summary>
public sealed class PenempatanBriefTests
{
    private static TempWarehouse Seeded()
    {
        var wh = ReportSeed.Create();
        using (var c = wh.Open())
        {
            // Reference date 22 Nov 2026, window to 22 Nov 2028. U01: 13 pengawas, 6 reach 58 in Jan–Jun 2027 (TMT Feb–Jul 2027),
            // 7 born 1985 → 6 of 13 (46 %). U05: 3 administrators, 2 retiring (67 %, but 3 people: never named).
            c.Execute("""
                INSERT INTO dim_employee (nip, nama, tanggal_lahir, jenis_jabatan, nama_jabatan, kode_unit, tmt_cpns, valid_from, is_current, tracked_hash, row_hash, source)
                SELECT 'W' || i, 'Pegawai W' || i, CASE WHEN i < 6 THEN DATE '1969-01-10' + INTERVAL (i) MONTH ELSE DATE '1985-01-01' END,
                       'pengawas', 'Kepala Seksi', 'U01', DATE '2010-01-01', DATE '2024-01-01', true, 0, 0, 'pegawai' FROM range(13) t(i);
                INSERT INTO dim_employee (nip, nama, tanggal_lahir, jenis_jabatan, nama_jabatan, kode_unit, tmt_cpns, valid_from, is_current, tracked_hash, row_hash, source)
                SELECT 'S' || i, 'Pegawai S' || i, CASE WHEN i < 2 THEN DATE '1969-03-01' ELSE DATE '1980-01-01' END,
                       'administrator', 'Kepala Bidang', 'U05', DATE '2005-01-01', DATE '2024-01-01', true, 0, 0, 'pegawai' FROM range(3) t(i);
                """);
            PenempatanMarts.Refresh(c, new PenempatanOptions { ReferenceDate = new DateOnly(2026, 11, 22) });
        }
        return wh;
    }

    [Fact]
    public void A_flagged_wave_is_named_with_its_numbers_and_a_small_group_is_not()
    {
        using var wh = Seeded();
        var brief = ReportSeed.Builder(wh).Build(ReportSeed.Week).Brief;
        var group = brief.Actions.Single(g => g.Title.StartsWith("Gelombang pensiun", StringComparison.Ordinal));
        Assert.Equal("Gelombang pensiun s.d. 22 November 2028", group.Title);
        var item = Assert.Single(group.Items);
        Assert.Equal("Dinas Kependudukan", item.Unit);
        Assert.Equal("6 dari 13 pengawas pensiun (46 %)", item.Figure);
    }

    [Fact]
    public void Without_a_flagged_wave_the_brief_has_no_such_group()
    {
        using var wh = ReportSeed.Create();
        using (var c = wh.Open())
            PenempatanMarts.Refresh(c, new PenempatanOptions { ReferenceDate = new DateOnly(2026, 11, 22) });
        var brief = ReportSeed.Builder(wh).Build(ReportSeed.Week).Brief;
        Assert.DoesNotContain(brief.Actions, g => g.Title.StartsWith("Gelombang pensiun", StringComparison.Ordinal));
        Assert.Equal(5, brief.Actions.Count);
    }

    [Fact]
    public void Dashboard_tables_show_the_wave_and_mark_small_cells()
    {
        using var wh = Seeded();
        var model = new DashboardModel(new ReportDataReader(wh.Database).Read(), Kepegawaian.Reports.ReportText.Indonesian, 5);
        var rows = model.PensiunTable(new DashboardFilter(null, null, null));
        var u01 = rows.Single(r => (string?)r["kode_unit"] == "U01" && (string?)r["kelompok"] == "pengawas");
        Assert.Equal((13L, 6L, 46.2, "ya"), ((long)u01["pegawai"]!, (long)u01["pensiun_jendela"]!, (double)u01["persen_jendela"]!, (string?)u01["gelombang"]));
        Assert.Same(rows[0], u01);                                              // flagged waves first
        var u05 = rows.Single(r => (string?)r["kode_unit"] == "U05");
        Assert.Equal("<5", u05["pegawai"]);                                     // 3 administrators
        Assert.Equal("<5", u05["pensiun_1"]);
        Assert.Null(u05["gelombang"]);
        var masa = model.MasaKerjaTable(new DashboardFilter(null, "U01", null));
        Assert.Equal(13L, Assert.Single(masa)["pegawai"]);
    }

    // BebanSeed on the report seed (whose kelurahan U05, U06 have no staff, so are not rated): kelurahan median of SKM
    // respondents per employee (8 + 10) / 2 = 9; K1 20 / 9 = 2,2×, ceil(100 / 9) − 5 = 7 short; K4 (0,44×) is low, not listed.
    private static TempWarehouse SeededBeban()
    {
        var wh = ReportSeed.Create();
        using var c = wh.Open();
        BebanSeed.Seed(c);
        PenempatanMarts.Refresh(c, new PenempatanOptions { ReferenceDate = BebanSeed.Acuan });
        return wh;
    }

    [Fact]
    public void A_unit_at_twice_its_median_load_is_named_with_the_staff_it_lacks()
    {
        using var wh = SeededBeban();
        var brief = ReportSeed.Builder(wh).Build(ReportSeed.Week).Brief;
        var group = brief.Actions.Single(g => g.Title == "Beban per pegawai tinggi");
        var item = Assert.Single(group.Items);
        Assert.Equal("Kelurahan Satu", item.Unit);
        Assert.Equal("beban 2,2× median kelurahan (kurang ±7 pegawai)", item.Figure);
        Assert.Equal(6, brief.Actions.Count);                                   // the five usual groups + this one
    }

    [Fact]
    public void Dashboard_beban_table_puts_high_load_first_and_hides_small_units()
    {
        using var wh = SeededBeban();
        var model = new DashboardModel(new ReportDataReader(wh.Database).Read(), Kepegawaian.Reports.ReportText.Indonesian, 5);
        var rows = model.BebanTable(new DashboardFilter(null, null, null));
        Assert.Equal("K1", rows[0]["kode_unit"]);
        Assert.Equal((5L, 20.0, 9.0, 2.22, "tinggi", 7L), ((long)rows[0]["pegawai"]!, (double)rows[0]["responden_per_pegawai"]!,
            (double)rows[0]["median_responden_per_pegawai"]!, (double)rows[0]["rasio_median"]!, (string?)rows[0]["kategori"], (long)rows[0]["tambahan_pegawai_ke_median"]!));
        var k5 = rows.Single(r => (string?)r["kode_unit"] == "K5");
        Assert.Equal("<5", k5["pegawai"]);
        Assert.Null(k5["responden_per_pegawai"]);
        Assert.Null(k5["kategori"]);
    }

    [Fact]
    public async Task The_dashboard_page_renders()
    {
        await using var server = await DashboardServer.StartAsync();
        using var http = new HttpClient();
        var html = await http.GetStringAsync(server.BaseUrl + "/dasbor/penempatan");
        Assert.Contains("Gelombang pensiun dan rotasi", html, StringComparison.Ordinal);
        Assert.Contains("/api/penempatan/pensiun", html, StringComparison.Ordinal);
        Assert.Contains("Pasal 239", html, StringComparison.Ordinal);
        Assert.Contains("/api/penempatan/beban", html, StringComparison.Ordinal);
        var api = await http.GetStringAsync(server.BaseUrl + "/api/penempatan/pensiun");
        Assert.Equal("[]", api.Trim());                                         // marts not built on the plain seed: no rows
    }
}
