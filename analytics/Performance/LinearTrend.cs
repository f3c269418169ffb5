using MathNet.Numerics.Distributions;

namespace Kepegawaian.Analytics.Performance;

/// <summary>OLS fit y = a + b·x with a 95 % t-interval for the slope (n − 2 degrees of freedom).</summary>
public sealed record LinearTrend(int N, double Slope, double StandardError, double CiLow, double CiHigh, double PValue)
{
    /// <summary>Declining: the whole confidence interval lies below zero.</summary>
    public bool Declining => CiHigh < 0;

    /// <summary>Fits the trend; needs at least 3 points with distinct x (otherwise null).</summary>
    public static LinearTrend? Fit(IReadOnlyList<double> x, IReadOnlyList<double> y, double confidence = 0.95)
    {
        var n = x.Count;
        if (n != y.Count) throw new ArgumentException("x and y differ in length.");
        if (n < 3) return null;
        double mx = x.Average(), my = y.Average(), sxx = 0, sxy = 0;
        for (var i = 0; i < n; i++) { sxx += (x[i] - mx) * (x[i] - mx); sxy += (x[i] - mx) * (y[i] - my); }
        if (sxx <= 0) return null;
        var slope = sxy / sxx;
        var intercept = my - slope * mx;
        double sse = 0;
        for (var i = 0; i < n; i++) { var e = y[i] - intercept - slope * x[i]; sse += e * e; }
        var df = n - 2;
        var se = Math.Sqrt(sse / df / sxx);
        var t = StudentT.InvCDF(0, 1, df, 1 - (1 - confidence) / 2);
        var p = se > 0 ? 2 * (1 - StudentT.CDF(0, 1, df, Math.Abs(slope / se))) : (slope == 0 ? 1 : 0);
        return new LinearTrend(n, slope, se, slope - t * se, slope + t * se, p);
    }
}
