using Kepegawaian.Analytics.Ikm;
using Kepegawaian.Testing;
using Kepegawaian.Warehouse;
using MathNet.Numerics.Distributions;

namespace Kepegawaian.Analytics.Tests.Ikm;

public sealed class IkmDeclineTestTests
{
    [Fact]
    public void Benjamini_hochberg_matches_a_hand_computed_example()
    {
        // p = .01 .04 .03 .005 .20, m = 5. Ascending: .005 (×5/1 = .025), .01 (×5/2 = .025), .03 (×5/3 = .05),
        // .04 (×5/4 = .05), .20 (×5/5 = .20); running minimum from the top changes nothing.
        Assert.Equal([0.025, 0.05, 0.05, 0.025, 0.20], IkmDeclineTest.BenjaminiHochberg([0.01, 0.04, 0.03, 0.005, 0.20]).Select(q => Math.Round(q, 12)));
        // Step-up: .01×3/1 = .03 and .02×3/2 = .03 are lowered to .025×3/3 = .025 by the larger p behind them.
        Assert.Equal([0.025, 0.025, 0.025], IkmDeclineTest.BenjaminiHochberg([0.01, 0.02, 0.025]).Select(q => Math.Round(q, 12)));
        // .8×2/1 = 1.6 is capped at 1 and then lowered to .9×2/2 = .9.
        Assert.Equal([0.9, 0.9], IkmDeclineTest.BenjaminiHochberg([0.9, 0.8]));
    }

    [Fact]
    public void Trend_with_between_quarter_variance_matches_a_hand_calculation()
    {
        // t 0..3, IKM 10 8 9 5, v = 1 each. OLS: t̄ 1.5, Σ(t−t̄)² = 5, Σ(t−t̄)(y−ȳ) = −7 → slope −1.4, intercept 10.1;
        // residuals −0.1 −0.7 1.7 −0.9 → Q = 4.2, df 2; c = tr(W) − tr(I₂) = 4 − 2 = 2 → τ² = (4.2 − 2)/2 = 1.1.
        // Random-effects weights are all 1/2.1: slope −1.4, se = √(2.1/5) = 0.648074, z = −2.160247, p = Φ(z) = 0.01538.
        var fit = IkmDeclineTest.Fit([new(0, 10, 1), new(1, 8, 1), new(2, 9, 1), new(3, 5, 1)])!;
        Assert.Equal(1.1, fit.Tau2, 9);
        Assert.Equal(-1.4, fit.Slope, 9);
        Assert.Equal(0.648074, fit.SlopeSe, 6);
        Assert.Equal(0.01538, fit.PDecline, 5);
        Assert.Equal(-1.4 - 1.959964 * 0.648074, fit.CiLow, 5);
        Assert.Equal(4, fit.Quarters);
    }

    [Fact]
    public void Too_few_or_identical_quarters_give_no_trend()
    {
        Assert.Null(IkmDeclineTest.Fit([new(0, 80, 1), new(1, 79, 1)]));
        Assert.Null(IkmDeclineTest.Fit([new(0, 80, 1), new(0, 79, 1), new(0, 78, 1)]));
    }

    /// <summary>
    /// Six quarters of 20, 10, 20, 10, 20, 10 respondents answering all-4 or all-3 (no blanks, so IKM equals the mean
    /// respondent score). The means lie close to a line (Q below its df, so τ² = 0), and then the trend is the
    /// respondent-level least-squares slope, which DuckDB's regr_slope computes independently; its se is
    /// √(s²_pooled / Σ n(t − t̄)²) with s² the within-quarter variance pooled over the quarters.
    /// </summary>
    [Fact]
    public void Trend_of_a_unit_equals_the_respondent_level_slope_computed_by_duckdb()
    {
        using var wh = new TempWarehouse();
        using var c = wh.Open();
        SkmData.Unit(c, "A1");
        (string Date, int N, int Fours)[] quarters =
            [("2025-08-01", 20, 18), ("2025-11-01", 10, 8), ("2026-02-01", 20, 15), ("2026-05-01", 10, 6), ("2026-08-01", 20, 11), ("2026-11-01", 10, 4)];
        foreach (var (date, n, fours) in quarters)
            for (var i = 0; i < n; i++) SkmData.Response(c, "A1", date, SkmData.All(i < fours ? 4 : 3));

        var results = IkmAnalysis.Compute(c);
        var alert = Assert.Single(IkmAlerts.Detect(results, IkmAnalysis.Trends(results)), a => a.Periode == "2026-Q4" && a.Level == "unit");

        const string perRespondent = """
            WITH r AS (SELECT (year(tanggal_survei) * 4 + quarter(tanggal_survei)) AS t, u1 * 25.0 AS skor FROM fact_skm),
                 q AS (SELECT t, count(*) AS n, var_samp(skor) AS v FROM r GROUP BY t),
                 w AS (SELECT sum(n * t) / sum(n) AS tbar FROM q)
            SELECT (SELECT regr_slope(skor, t) FROM r),
                   sqrt((SELECT sum((n - 1) * v) / sum(n - 1) FROM q) / (SELECT sum(n * (t - tbar) * (t - tbar)) FROM q, w))
            """;
        using var cmd = c.Command(perRespondent);
        using var reader = cmd.ExecuteReader();
        Assert.True(reader.Read());
        var slope = reader.GetDouble(0);
        var se = reader.GetDouble(1);

        Assert.Equal(slope, alert.Lereng!.Value, 9);
        Assert.Equal(slope - 1.959963984540054 * se, alert.LerengCiLow!.Value, 9);
        Assert.Equal(Normal.CDF(0, 1, slope / se), alert.PValue!.Value, 9);
        Assert.Equal(6, alert.TriwulanDipakai);
        Assert.Equal("2025-Q3", alert.TriwulanAwal);
        // One unit tested: q = p, and p ≪ 0.10, so a confirmed alert ranked first.
        Assert.Equal(alert.PValue, alert.QValue);
        Assert.Equal((IkmAlertStatus.Peringatan, 1), (alert.Status, alert.Peringkat!.Value));
        var perQuarter = (-slope).ToString("0.00", System.Globalization.CultureInfo.GetCultureInfo("id-ID"));
        // 2026-Q3 88.75 (A) → 2026-Q4 85.00 (B): the grade drop is named first.
        Assert.StartsWith($"Mutu turun dari A (Sangat Baik) ke B (Baik); IKM turun rata-rata {perQuarter} poin per triwulan selama 6 triwulan (2025-Q3 s.d. 2026-Q4; IK 95% ", alert.Alasan);
        Assert.EndsWith("q < 0,001 setelah koreksi FDR atas 1 unit yang diuji: penurunan berkelanjutan, bukan galat sampling.", alert.Alasan);
    }
}
