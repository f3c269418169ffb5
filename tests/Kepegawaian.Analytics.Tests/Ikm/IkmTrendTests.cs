using Kepegawaian.Analytics.Ikm;
using Kepegawaian.Testing;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Analytics.Tests.Ikm;

public sealed class IkmTrendTests
{
    /// <summary>
    /// D1 Q1: 5 × all-4, 5 × all-3 → 87.50 (B); Q2: 5 × all-3, 5 × all-2 → 62.50 (D).
    /// Scores differ ±12.5 from the mean: var = 10 × 156.25 / 9 = 173.611, se² = 17.3611 in both quarters;
    /// Δ = −25.00, half-width = 1.959964 × √(2 × 17.3611) = 11.5492 → [−36.55, −13.45]: significant.
    /// D2 Q1: all-4, all-4, all-3 → 91.67 (A); Q2: all-4, all-3 → 87.50 (B): a grade drop,
    /// but se² = 208.33/3 + 312.5/2 = 225.69, half-width 29.44 ≫ 4.17: within noise.
    /// D3 rises 75.00 → 100.00: no alert.
    /// </summary>
    private static void Seed(DuckDB.NET.Data.DuckDBConnection c)
    {
        foreach (var u in new[] { "D1", "D2", "D3" }) SkmData.Unit(c, u);
        for (var i = 0; i < 5; i++)
        {
            SkmData.Response(c, "D1", "2026-02-01", SkmData.All(4));
            SkmData.Response(c, "D1", "2026-02-01", SkmData.All(3));
            SkmData.Response(c, "D1", "2026-05-01", SkmData.All(3));
            SkmData.Response(c, "D1", "2026-05-01", SkmData.All(2));
        }
        foreach (var v in new[] { 4, 4, 3 }) SkmData.Response(c, "D2", "2026-02-01", SkmData.All(v));
        foreach (var v in new[] { 4, 3 }) SkmData.Response(c, "D2", "2026-05-01", SkmData.All(v));
        SkmData.Response(c, "D3", "2026-02-01", SkmData.All(3));
        SkmData.Response(c, "D3", "2026-05-01", SkmData.All(4));
    }

    [Fact]
    public void Change_beyond_sampling_noise_is_flagged_significant()
    {
        using var wh = new TempWarehouse();
        using var c = wh.Open();
        Seed(c);
        var trends = IkmAnalysis.Trends(IkmAnalysis.Compute(c));
        var d1 = Assert.Single(trends, t => t.Level == "unit" && t.KodeUnit == "D1" && t.Periode == "2026-Q2");
        Assert.Equal((87.50m, 62.50m, -25.00m), (d1.IkmSebelumnya!.Value, d1.Ikm!.Value, d1.Selisih!.Value));
        Assert.Equal((-36.55m, -13.45m), (d1.SelisihCiLow!.Value, d1.SelisihCiHigh!.Value));
        Assert.True(d1.Signifikan);

        var d2 = Assert.Single(trends, t => t.Level == "unit" && t.KodeUnit == "D2" && t.Periode == "2026-Q2");
        Assert.Equal(-4.17m, d2.Selisih);
        Assert.False(d2.Signifikan);

        var first = Assert.Single(trends, t => t.Level == "unit" && t.KodeUnit == "D1" && t.Periode == "2026-Q1");
        Assert.Null(first.IkmSebelumnya);
    }

    [Fact]
    public void A_grade_drop_on_samples_below_the_Krejcie_Morgan_minimum_names_the_grades_as_indicative()
    {
        using var wh = new TempWarehouse();
        using var c = wh.Open();
        // D1 as in Seed, 10 respondents a quarter for 10 000 people (minimum 370): both grades indicative.
        SkmData.Unit(c, "D1", populasi: 10_000);
        for (var i = 0; i < 5; i++)
        {
            SkmData.Response(c, "D1", "2026-02-01", SkmData.All(4));
            SkmData.Response(c, "D1", "2026-02-01", SkmData.All(3));
            SkmData.Response(c, "D1", "2026-05-01", SkmData.All(3));
            SkmData.Response(c, "D1", "2026-05-01", SkmData.All(2));
        }
        var results = IkmAnalysis.Compute(c);
        var alert = Assert.Single(IkmAlerts.Detect(results, IkmAnalysis.Trends(results)), a => a.Level == "unit" && a.Periode == "2026-Q2");
        Assert.StartsWith("Mutu turun dari B* (Baik) ke D* (Tidak Baik) (* indikatif: responden di bawah sampel minimum Krejcie–Morgan); IKM turun 25,00 poin", alert.Alasan);
        Assert.Equal(("D", "B"), (alert.Mutu, alert.MutuSebelumnya)); // the mart keeps the plain grade; outputs mark it
    }

    [Fact]
    public void A_grade_drop_or_one_quarter_drop_without_a_trend_is_not_confirmed()
    {
        using var wh = new TempWarehouse();
        using var c = wh.Open();
        Seed(c);
        var results = IkmAnalysis.Compute(c);
        var alerts = IkmAlerts.Detect(results, IkmAnalysis.Trends(results))
            .Where(a => a.Level == "unit" && a.JenisPeriode == "triwulan").ToList();

        // Two quarters are no trend (4 needed): both drops are listed, neither is an alert; D3 rose and is not listed.
        Assert.Equal(["D1", "D2"], alerts.Select(a => a.KodeUnit).Order());
        Assert.All(alerts, a => Assert.Equal((IkmAlertStatus.TidakTerkonfirmasi, null, null, 2), (a.Status, a.Peringkat, a.Lereng, a.TriwulanDipakai)));
        Assert.Equal("Mutu turun dari B (Baik) ke D (Tidak Baik); IKM turun 25,00 poin dari triwulan sebelumnya (87,50 → 62,50), " +
                     "tetapi baru 2 triwulan berdata (perlu 4) sehingga tren belum dapat diuji: tidak terkonfirmasi.", alerts.Single(a => a.KodeUnit == "D1").Alasan);
        Assert.Equal("Mutu turun dari A (Sangat Baik) ke B (Baik), tetapi baru 2 triwulan berdata (perlu 4) sehingga tren belum dapat diuji: " +
                     "tidak terkonfirmasi.", alerts.Single(a => a.KodeUnit == "D2").Alasan);
    }

    [Fact]
    public void Weakest_elements_are_ranked_with_their_previous_nrr()
    {
        // Q1 answers [4,4,2,4,2,4,4,4,4]; Q2 [4,4,1,4,2,4,4,3,4].
        // Q2 weakest: u3 1 (was 2, −1), u5 2 (was 2, 0), u8 3 (was 4, −1).
        using var wh = new TempWarehouse();
        using var c = wh.Open();
        SkmData.Unit(c, "D1");
        SkmData.Response(c, "D1", "2026-02-01", [4, 4, 2, 4, 2, 4, 4, 4, 4]);
        SkmData.Response(c, "D1", "2026-05-01", [4, 4, 1, 4, 2, 4, 4, 3, 4]);
        var weak = IkmAnalysis.WeakElements(IkmAnalysis.Compute(c), 3).Where(w => w.Periode == "2026-Q2").ToList();
        Assert.Equal(["u3", "u5", "u8"], weak.Select(w => w.Unsur));
        Assert.Equal([1, 2, 3], weak.Select(w => w.Peringkat));
        Assert.Equal([1.0, 2.0, 3.0], weak.Select(w => w.Nrr));
        Assert.Equal([-1.0, 0.0, -1.0], weak.Select(w => w.Perubahan!.Value));
        Assert.Equal("Waktu Penyelesaian", weak[0].NamaUnsur);
    }

    [Fact]
    public void Profile_cells_below_the_minimum_are_suppressed()
    {
        // 6 men answering all-4 (IKM 100), 2 women: shown as "<5" with no IKM; the 6 men are hidden too
        // (8 respondents − 6 would give the women away), their IKM over 6 stays.
        using var wh = new TempWarehouse();
        using var c = wh.Open();
        SkmData.Unit(c, "D1");
        for (var i = 0; i < 6; i++) SkmData.Response(c, "D1", "2026-02-01", SkmData.All(4), jk: "L", usia: 35);
        for (var i = 0; i < 2; i++) SkmData.Response(c, "D1", "2026-02-01", SkmData.All(1), jk: "P", usia: 35);
        var cells = IkmProfile.Compute(c, 5, new IkmFilter("unit", "2026", "D1"));

        var men = Assert.Single(cells, x => x.Dimensi == "jenis_kelamin" && x.Kategori == "L");
        Assert.Equal(((long?)null, "disembunyikan", 100.00m), (men.Responden, men.RespondenTeks, men.Ikm!.Value));
        var women = Assert.Single(cells, x => x.Dimensi == "jenis_kelamin" && x.Kategori == "P");
        Assert.Equal((null, "<5", null), (women.Responden, women.RespondenTeks, women.Ikm));
        // all 8 in the 30-39 band: NRR = (6 × 4 + 2 × 1) / 8 = 3.25 → 3.25 × 25 = 81.25
        Assert.Equal(81.25m, Assert.Single(cells, x => x.Dimensi == "kelompok_usia" && x.Kategori == "30-39").Ikm);
        // nobody gave pendidikan: one "(tidak diisi)" cell of 8
        Assert.Equal("(tidak diisi)", Assert.Single(cells, x => x.Dimensi == "pendidikan" && x.Responden == 8).Kategori);
    }

    [Fact]
    public void Refresh_materialises_every_ikm_mart()
    {
        using var wh = new TempWarehouse();
        using var c = wh.Open();
        Seed(c);
        var summary = IkmMarts.Refresh(c);
        Assert.Equal(62.50m, c.Scalar<decimal>("SELECT ikm FROM mart_ikm WHERE level='unit' AND kode_unit='D1' AND periode='2026-Q2'"));
        Assert.Equal("D", c.Scalar<string>("SELECT mutu FROM mart_ikm WHERE level='unit' AND kode_unit='D1' AND periode='2026-Q2'"));
        Assert.Equal(summary.Groups, c.Scalar<int>("SELECT count(*) FROM mart_ikm"));
        Assert.Equal(2, c.Scalar<int>("SELECT count(*) FROM mart_ikm_alert WHERE level='unit' AND status='tidak_terkonfirmasi'"));
        Assert.Equal(-25.00m, c.Scalar<decimal>("SELECT selisih FROM mart_ikm_tren WHERE level='unit' AND kode_unit='D1' AND periode='2026-Q2'"));
        Assert.True(c.Scalar<int>("SELECT count(*) FROM mart_ikm_unsur_lemah") > 0);
        Assert.True(c.Scalar<int>("SELECT count(*) FROM mart_ikm_profil") > 0);
        IkmMarts.Refresh(c); // idempotent: rebuilt, not appended
        Assert.Equal(summary.Groups, c.Scalar<int>("SELECT count(*) FROM mart_ikm"));
    }
}
