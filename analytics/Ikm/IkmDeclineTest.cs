using MathNet.Numerics.Distributions;

namespace Kepegawaian.Analytics.Ikm;

/// <summary>One quarter of a group's IKM series: quarter number, IKM and its sampling variance (se²).</summary>
public readonly record struct QuarterPoint(double T, double Ikm, double Variance);

/// <summary>A fitted linear trend of IKM over quarters, with a one-sided test for decline.</summary>
public sealed record TrendFit(int Quarters, double Slope, double SlopeSe, double CiLow, double CiHigh, double PDecline, double Tau2);

/// <summary>
/// Statistics behind the IKM alerts: a trend across quarters tested for decline, and the
/// Benjamini–Hochberg false-discovery-rate adjustment across the units tested in one period.
/// </summary>
public static class IkmDeclineTest
{
    private const double Z975 = 1.959963984540054;

    /// <summary>
    /// Mixed-effects meta-regression of quarterly IKM on the quarter number. Respondents are clustered in
    /// quarters: a quarter's mean has sampling variance s²/n (from its respondents), and a quarter may also
    /// deviate from the line as a whole (a campaign, a new head, a survey done differently) — that
    /// between-quarter variance τ² is estimated by DerSimonian–Laird from the residual heterogeneity of the
    /// fixed-effect fit and added to every quarter's variance, so one odd quarter is not taken for a trend and
    /// the respondent count cannot make a quarter count for more than it is worth. Slope by weighted least
    /// squares with w = 1/(v + τ²); Var(slope) = 1/Σw(t − t̄)²; one-sided p = Φ(slope/se) for a decline.
    /// Null when fewer than 3 quarters or all quarters are the same.
    /// </summary>
    public static TrendFit? Fit(IReadOnlyList<QuarterPoint> points)
    {
        if (points.Count < 3 || points.Any(p => !(p.Variance > 0))) return null;
        var fixedFit = Wls(points, 0);
        if (fixedFit is null) return null;
        var (_, _, _, q) = fixedFit.Value;

        // DerSimonian–Laird for meta-regression: τ² = max(0, (Q − (k − 2)) / c),
        // c = tr(W) − tr((X'WX)⁻¹ X'W²X) with X = [1, t].
        double s0 = 0, s1 = 0, s2 = 0, r0 = 0, r1 = 0, r2 = 0;
        foreach (var p in points)
        {
            var w = 1 / p.Variance;
            s0 += w; s1 += w * p.T; s2 += w * p.T * p.T;
            r0 += w * w; r1 += w * w * p.T; r2 += w * w * p.T * p.T;
        }
        var det = s0 * s2 - s1 * s1;
        var trace = (s2 * r0 - 2 * s1 * r1 + s0 * r2) / det;
        var c = s0 - trace;
        var tau2 = c > 0 ? Math.Max(0, (q - (points.Count - 2)) / c) : 0;

        var (slope, se, _, _) = Wls(points, tau2)!.Value;
        var pDecline = Normal.CDF(0, 1, slope / se);
        return new TrendFit(points.Count, slope, se, slope - Z975 * se, slope + Z975 * se, pDecline, tau2);
    }

    /// <summary>Weighted least squares with w = 1/(v + τ²): slope, its se, intercept, weighted residual sum Q.</summary>
    private static (double Slope, double Se, double Intercept, double Q)? Wls(IReadOnlyList<QuarterPoint> points, double tau2)
    {
        double sw = 0, st = 0, sy = 0;
        foreach (var p in points)
        {
            var w = 1 / (p.Variance + tau2);
            sw += w; st += w * p.T; sy += w * p.Ikm;
        }
        double tBar = st / sw, yBar = sy / sw, stt = 0, sty = 0;
        foreach (var p in points)
        {
            var w = 1 / (p.Variance + tau2);
            stt += w * (p.T - tBar) * (p.T - tBar);
            sty += w * (p.T - tBar) * (p.Ikm - yBar);
        }
        if (!(stt > 0)) return null;
        var slope = sty / stt;
        var intercept = yBar - slope * tBar;
        var q = points.Sum(p => (p.Ikm - intercept - slope * p.T) * (p.Ikm - intercept - slope * p.T) / (p.Variance + tau2));
        return (slope, 1 / Math.Sqrt(stt), intercept, q);
    }

    /// <summary>
    /// Benjamini–Hochberg adjusted p-values (q-values), in the input order: q₍ᵢ₎ = min over j ≥ i of
    /// min(1, p₍ⱼ₎·m/j) on the ascending p-values. Rejecting every q ≤ α keeps the expected share of false
    /// alerts among the alerts at most α (Benjamini &amp; Hochberg 1995; also under the positive dependence of
    /// overlapping groups, Benjamini &amp; Yekutieli 2001).
    /// </summary>
    public static double[] BenjaminiHochberg(IReadOnlyList<double> p)
    {
        var m = p.Count;
        var order = Enumerable.Range(0, m).OrderBy(i => p[i]).ToArray();
        var q = new double[m];
        var running = 1.0;
        for (var rank = m; rank >= 1; rank--)
        {
            var i = order[rank - 1];
            running = Math.Min(running, Math.Min(1, p[i] * m / rank));
            q[i] = running;
        }
        return q;
    }
}
