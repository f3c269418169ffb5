using Kepegawaian.Analytics.Penempatan;
using Kepegawaian.Reports.Dashboard;
using Kepegawaian.Reports.Data;
using Kepegawaian.Testing;

namespace Kepegawaian.Reports.Tests;

/// <summary>The placement-and-service table of /dasbor/penempatan (issue 15 item 5) on <see cref="LayananSeed"/> (hand-computed there).</summary>
public sealed class PenempatanLayananDashboardTests
{
    [Fact]
    public void Layanan_table_puts_the_highest_load_first_and_hides_staff_figures_of_small_units()
    {
        var model = SeededModel();
        var rows = model.LayananTable(new DashboardFilter(null, null, null));
        Assert.Equal("K1", rows[0]["kode_unit"]);   // 100 / 5 = 20 per employee, the highest ratio to the kelurahan median
        var k2 = rows.Single(r => (string?)r["kode_unit"] == "K2");
        Assert.Equal((6L, 11.3, 1.17, 75.00m, "2026-Q4", 0.75),
            ((long)k2["pegawai"]!, (double)k2["responden_per_pegawai"]!, (double)k2["rasio_beban"]!, (decimal)k2["ikm"]!, (string?)k2["ikm_periode"], (double)k2["cuti_median_hari_kerja"]!));
        var k5 = rows.Single(r => (string?)r["kode_unit"] == "K5");
        Assert.Equal("<5", k5["pegawai"]);
        Assert.Null(k5["responden_per_pegawai"]);
        Assert.Null(k5["median_tahun_unit"]);
    }

    [Fact]
    public void Unit_filter_offers_units_known_only_from_the_placement_marts()
    {
        var model = SeededModel();
        var offered = model.Units().Select(u => u.Kode).ToHashSet();
        Assert.All(model.LayananTable(new DashboardFilter(null, null, null)), r => Assert.Contains((string)r["kode_unit"]!, offered));
        Assert.DoesNotContain("KOTA", offered);
    }

    [Fact]
    public async Task The_page_has_the_layanan_table_labelled_as_an_association()
    {
        await using var server = await DashboardServer.StartAsync();
        using var http = new HttpClient();
        var html = await http.GetStringAsync(server.BaseUrl + "/dasbor/penempatan");
        Assert.Contains("/api/penempatan/layanan", html, StringComparison.Ordinal);
        Assert.Contains("bukan hubungan sebab-akibat", html, StringComparison.Ordinal);
        Assert.Equal("[]", (await http.GetStringAsync(server.BaseUrl + "/api/penempatan/layanan")).Trim());   // no marts on the plain seed
    }

    /// <summary>The dashboard model over <see cref="LayananSeed"/> with the placement marts refreshed at <see cref="BebanSeed.Acuan"/>.</summary>
    private static DashboardModel SeededModel()
    {
        using var wh = ReportSeed.Create();
        using (var c = wh.Open())
        {
            LayananSeed.Seed(c);
            PenempatanMarts.Refresh(c, new PenempatanOptions { ReferenceDate = BebanSeed.Acuan });
        }
        return new DashboardModel(new ReportDataReader(wh.Database).Read(), ReportText.Indonesian, 5);
    }
}
