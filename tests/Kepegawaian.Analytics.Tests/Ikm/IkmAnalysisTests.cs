using Kepegawaian.Analytics.Ikm;
using Kepegawaian.Testing;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Analytics.Tests.Ikm;

public sealed class IkmAnalysisTests
{
    private static IkmResult One(IReadOnlyList<IkmResult> rows, string level, string kode, string periode, string? layanan = null) =>
        Assert.Single(rows, x => x.Level == level && x.KodeUnit == kode && x.Periode == periode && x.JenisLayanan == layanan);

    [Fact]
    public void All_fours_survey_gives_exactly_100_at_every_level()
    {
        using var wh = new TempWarehouse();
        using var c = wh.Open();
        SkmData.Unit(c, "D1");
        for (var i = 0; i < 3; i++) SkmData.Response(c, "D1", "2026-02-10", SkmData.All(4));

        var rows = IkmAnalysis.Compute(c);
        foreach (var (level, kode, lay) in new[] { ("unit", "D1", (string?)null), ("layanan", "D1", "KTP-el"), ("kota", "KOTA", null) })
            foreach (var p in new[] { "2026-Q1", "2026-S1", "2026" })
            {
                var r = One(rows, level, kode, p, lay);
                Assert.Equal(100.00m, r.Ikm);
                Assert.Equal(("A", "Sangat Baik"), (r.Mutu, r.Kinerja));
                Assert.Equal(3, r.Responden);
            }
    }

    [Fact]
    public void Rounding_NRR_early_or_weight_0_111_would_change_the_grade_but_we_round_once()
    {
        // 9 respondents with blanks (answered / number of 4s, the rest answer 3):
        // u1 7/5 → 26/7, u2 7/5 → 26/7, u3 7/4 → 25/7, u4 7/4 → 25/7, u5 6/2 → 20/6,
        // u6 9/8 → 35/9, u7 6/2 → 20/6, u8 9/2 → 29/9, u9 9/4 → 31/9.
        // Σ NRR = 102/7 + 40/6 + 95/9 = (918 + 420 + 665)/63 = 2003/63 = 31.793651
        // IKM = 2003/63 × 25/9 = 50075/567 = 88.3157 → 88.32 → A Sangat Baik.
        // NRR rounded first: 3.71+3.71+3.57+3.57+3.33+3.89+3.33+3.22+3.44 = 31.77 × 25/9 = 88.25 → B.
        // Weight 0.111: 31.793651 × 0.111 × 25 = 88.2274 → 88.23 → B.
        using var wh = new TempWarehouse();
        using var c = wh.Open();
        SkmData.Unit(c, "D1");
        foreach (var u in SkmData.Columns(9, [7, 7, 7, 7, 6, 9, 6, 9, 9], [5, 5, 4, 4, 2, 8, 2, 2, 4]))
            SkmData.Response(c, "D1", "2026-05-02", u);

        var r = One(IkmAnalysis.Compute(c), "unit", "D1", "2026-Q2");
        Assert.Equal(88.32m, r.Ikm);
        Assert.Equal("A", r.Mutu);
        Assert.Equal(26.0 / 7, r.Nrr[0]!.Value, 12);
        Assert.Equal(20.0 / 6, r.Nrr[4]!.Value, 12);
        Assert.Equal(31.0 / 9, r.Nrr[8]!.Value, 12);
        Assert.Equal(9, r.Responden);
        // the wrong methods really do land in B for this data
        Assert.Equal("B", IkmScale.Grade(Math.Round(31.77m * 25 / 9, 2)).Mutu);
        Assert.Equal("B", IkmScale.Grade(Math.Round(2003m / 63 * 0.111m * 25, 2)).Mutu);
    }

    [Fact]
    public void Blank_answers_are_left_out_of_that_element_only()
    {
        // r1: u1 = 4, rest 2; r2: u1 blank, rest 4.
        // NRR u1 = 4/1 = 4; NRR u2..u9 = (2+4)/2 = 3. Σ = 4 + 8×3 = 28; IKM = 28/9×25 = 77.777… → 77.78 (B).
        using var wh = new TempWarehouse();
        using var c = wh.Open();
        SkmData.Unit(c, "D1");
        SkmData.Response(c, "D1", "2026-07-01", [4, 2, 2, 2, 2, 2, 2, 2, 2]);
        SkmData.Response(c, "D1", "2026-07-01", [null, 4, 4, 4, 4, 4, 4, 4, 4]);

        var r = One(IkmAnalysis.Compute(c), "unit", "D1", "2026-Q3");
        Assert.Equal(4.0, r.Nrr[0]);
        Assert.Equal(3.0, r.Nrr[1]);
        Assert.Equal(77.78m, r.Ikm);
        Assert.Equal("B", r.Mutu);
    }

    [Fact]
    public void Confidence_interval_is_a_t_interval_over_respondent_scores()
    {
        // Scores (mean of answers × 25): 100, 75, 100, 75. Mean 87.5 = IKM (no blanks).
        // sd = √(4 × 12.5² / 3) = 14.433757; se = 7.216878; t(0.975, 3) = 3.182446;
        // half-width 22.967160 → [64.532840, 110.47] → [64.53, 100.00] (clamped to the scale).
        using var wh = new TempWarehouse();
        using var c = wh.Open();
        SkmData.Unit(c, "D1");
        foreach (var v in new[] { 4, 3, 4, 3 }) SkmData.Response(c, "D1", "2026-01-05", SkmData.All(v));

        var r = One(IkmAnalysis.Compute(c), "unit", "D1", "2026");
        Assert.Equal(87.50m, r.Ikm);
        Assert.Equal(64.53m, r.CiLow);
        Assert.Equal(100.00m, r.CiHigh);
        Assert.Equal(7.216878, r.StandardError!.Value, 5);
    }

    [Fact]
    public void Kecamatan_rolls_up_its_kelurahan_and_sample_size_is_checked()
    {
        // K1 (populasi 20 → minimum 19) with kelurahan L1, L2; unit D9 is not part of it.
        // K1: 1 × all 4; L1: 1 × all 3; L2: 2 × all 2 → NRR = (4+3+2+2)/4 = 2.75 → IKM 68.75 (C).
        using var wh = new TempWarehouse();
        using var c = wh.Open();
        SkmData.Unit(c, "K1", "kecamatan", populasi: 20);
        SkmData.Unit(c, "L1", "kelurahan", "K1", populasi: 10);
        SkmData.Unit(c, "L2", "kelurahan", "K1");
        SkmData.Unit(c, "D9");
        SkmData.Response(c, "K1", "2026-03-01", SkmData.All(4));
        SkmData.Response(c, "L1", "2026-03-01", SkmData.All(3));
        SkmData.Response(c, "L2", "2026-03-01", SkmData.All(2));
        SkmData.Response(c, "L2", "2026-03-01", SkmData.All(2));
        SkmData.Response(c, "D9", "2026-03-01", SkmData.All(1));

        var rows = IkmAnalysis.Compute(c);
        var kec = One(rows, "kecamatan", "K1", "2026-Q1");
        Assert.Equal(4, kec.Responden);
        Assert.Equal(68.75m, kec.Ikm);
        Assert.Equal("C", kec.Mutu);
        Assert.Equal(19, kec.SampelMinimum);
        Assert.False(kec.SampelCukup);

        var l1 = One(rows, "unit", "L1", "2026-Q1");
        Assert.Equal(10, l1.SampelMinimum);
        Assert.False(l1.SampelCukup);
        Assert.Null(One(rows, "unit", "L2", "2026-Q1").SampelMinimum);
        Assert.DoesNotContain(rows, x => x.Level == "kecamatan" && x.KodeUnit is "L1" or "L2" or "D9");
        // The office and the area are named apart (dim_unit name "Unit K1"); other units keep their name.
        Assert.Equal("Wilayah Kecamatan Unit K1", kec.NamaUnit);
        Assert.Equal("Kantor Kecamatan Unit K1", One(rows, "unit", "K1", "2026-Q1").NamaUnit);
        Assert.Equal("Unit L1", l1.NamaUnit);
        // city: (4 + 3 + 2 + 2 + 1) / 5 = 2.4 → 60.00 (D)
        Assert.Equal(60.00m, One(rows, "kota", "KOTA", "2026-Q1").Ikm);
    }

    [Fact]
    public void Each_service_of_a_unit_gets_its_own_ikm()
    {
        // D1: KTP-el 2 × all-4 → 100.00 (A); Akta Kelahiran 1 × all-2 → 50.00 (D);
        // the unit as a whole: NRR = (4 + 4 + 2) / 3 = 3.333… → 83.333… → 83.33 (B).
        using var wh = new TempWarehouse();
        using var c = wh.Open();
        SkmData.Unit(c, "D1");
        SkmData.Response(c, "D1", "2026-08-01", SkmData.All(4), layanan: "KTP-el");
        SkmData.Response(c, "D1", "2026-08-02", SkmData.All(4), layanan: "KTP-el");
        SkmData.Response(c, "D1", "2026-08-03", SkmData.All(2), layanan: "Akta Kelahiran");

        var rows = IkmAnalysis.Compute(c, new IkmFilter(Periode: "2026-S2"));
        Assert.Equal((100.00m, "A"), (One(rows, "layanan", "D1", "2026-S2", "KTP-el").Ikm!.Value, One(rows, "layanan", "D1", "2026-S2", "KTP-el").Mutu!));
        Assert.Equal((50.00m, "D"), (One(rows, "layanan", "D1", "2026-S2", "Akta Kelahiran").Ikm!.Value, One(rows, "layanan", "D1", "2026-S2", "Akta Kelahiran").Mutu!));
        Assert.Equal((83.33m, "B"), (One(rows, "unit", "D1", "2026-S2").Ikm!.Value, One(rows, "unit", "D1", "2026-S2").Mutu!));
        Assert.Null(One(rows, "layanan", "D1", "2026-S2", "KTP-el").Populasi);
    }

    [Fact]
    public void Filter_selects_level_period_and_unit()
    {
        using var wh = new TempWarehouse();
        using var c = wh.Open();
        SkmData.Unit(c, "D1");
        SkmData.Unit(c, "D2");
        SkmData.Response(c, "D1", "2026-03-01", SkmData.All(4));
        SkmData.Response(c, "D2", "2026-03-01", SkmData.All(4));
        var rows = IkmAnalysis.Compute(c, new IkmFilter("unit", "2026-S1", "D2"));
        Assert.Equal("D2", Assert.Single(rows).KodeUnit);
    }

    [Fact]
    public void Sampai_counts_only_responses_before_that_day_in_every_period_kind()
    {
        using var wh = new TempWarehouse();
        using var c = wh.Open();
        SkmData.Unit(c, "D1");
        // 28 Nov: all 4; 29 Nov: all 3; 30 Nov (the cut day itself): all 1.
        SkmData.Response(c, "D1", "2026-11-28", SkmData.All(4));
        SkmData.Response(c, "D1", "2026-11-29", SkmData.All(3));
        SkmData.Response(c, "D1", "2026-11-30", SkmData.All(1));

        // Before 30 Nov: (4 + 3) / 2 = 3,5 per element → 87,50 (B), 2 respondents, in the quarter, half-year and year alike.
        var cut = IkmAnalysis.Compute(c, new IkmFilter(Level: IkmLevel.Unit, Sampai: new DateOnly(2026, 11, 30)));
        foreach (var p in new[] { "2026-Q4", "2026-S2", "2026" })
            Assert.Equal((2L, 87.50m, "B"), (One(cut, "unit", "D1", p).Responden, One(cut, "unit", "D1", p).Ikm, One(cut, "unit", "D1", p).Mutu));
        // No cut: (4 + 3 + 1) / 3 → 8/3 × 25 = 66,67 (C), 3 respondents.
        var all = One(IkmAnalysis.Compute(c, new IkmFilter(Level: IkmLevel.Unit, Periode: "2026-Q4")), "unit", "D1", "2026-Q4");
        Assert.Equal((3L, 66.67m), (all.Responden, all.Ikm));
    }
}
