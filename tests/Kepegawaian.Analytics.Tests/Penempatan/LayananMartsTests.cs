using Kepegawaian.Analytics.Ikm;
using Kepegawaian.Analytics.Penempatan;
using Kepegawaian.Testing;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Analytics.Tests.Penempatan;

/// <summary>mart_penempatan_layanan on the hand-made warehouse of <see cref="LayananSeed"/>; expected values computed by hand there.</summary>
public sealed class LayananMartsTests
{
    [Fact]
    public void Refresh_puts_load_tenure_ikm_and_leave_time_beside_each_other()
    {
        using var wh = new TempWarehouse();
        using var c = wh.Open();
        LayananSeed.Seed(c);
        PenempatanMarts.Refresh(c, new PenempatanOptions { ReferenceDate = BebanSeed.Acuan });
        var rows = LayananQueries.Read(c)!.ToDictionary(r => r.KodeUnit);

        // service units = units with respondents in the window; K6 had no survey
        Assert.Equal(["D1", "D2", "K1", "K2", "K3", "K4", "K5"], rows.Keys.Order(StringComparer.Ordinal));
        var k2 = rows["K2"];
        Assert.Equal(6, k2.Pegawai);
        Assert.Equal(68.0 / 6, k2.RespondenPerPegawai!.Value, 9);
        Assert.Equal(68.0 / 6 / ((8 + 68.0 / 6) / 2), k2.RasioBeban!.Value, 9);
        Assert.Equal(6178 / 365.25, k2.MedianTahunUnit!.Value, 9);
        Assert.Equal("2026-Q4", k2.IkmPeriode);
        Assert.Equal(75.00m, k2.Ikm);
        Assert.Equal(8, k2.IkmResponden);
        Assert.Equal(5, k2.CutiN);
        Assert.Equal(0.75, k2.CutiMedianHariKerja!.Value, 9);
        Assert.Equal(IkmAssociation.Note, k2.Catatan);
        // no answers recorded for K1: no IKM; its ten requests are still pending (censored), the median not yet estimable
        Assert.Null(rows["K1"].Ikm);
        Assert.Equal(10, rows["K1"].CutiN);
        Assert.Null(rows["K1"].CutiMedianHariKerja);
    }

    [Fact]
    public void Public_rows_hide_every_staff_figure_of_a_unit_under_five_and_a_leave_median_of_few_requests()
    {
        using var wh = new TempWarehouse();
        using var c = wh.Open();
        LayananSeed.Seed(c);
        PenempatanMarts.Refresh(c, new PenempatanOptions { ReferenceDate = BebanSeed.Acuan });
        var stored = LayananQueries.Read(c)!;
        var pub = LayananPublik.Rows(stored, 5).ToDictionary(r => r.KodeUnit);
        var k5 = pub["K5"];   // 4 staff
        Assert.Equal(4, stored.Single(r => r.KodeUnit == "K5").Pegawai);   // stored as it is; hidden when published
        Assert.Null(k5.Pegawai);
        Assert.Null(k5.RespondenPerPegawai);
        Assert.Null(k5.RasioBeban);
        Assert.Null(k5.MedianTahunUnit);
        Assert.Null(k5.CutiMedianHariKerja);
        Assert.Equal(0.75, pub["K2"].CutiMedianHariKerja!.Value, 9);
        // four requests are too few for a published median
        var fewer = LayananPublik.Rows(stored.Select(r => r.KodeUnit == "K2" ? r with { CutiN = 4 } : r).ToList(), 5);
        Assert.Null(fewer.Single(r => r.KodeUnit == "K2").CutiMedianHariKerja);
    }
}
