using MathNet.Numerics.LinearAlgebra;

namespace Kepegawaian.Analytics.Training;

/// <summary>
/// OLS of the matched pairs' ΔY difference on the pairs' differences in other trainings completed in the window:
/// d = τ + Σ δ_j x_j + e. The intercept τ is the ATT of the group net of what the other courses added.
/// </summary>
public static class DoseAdjusted
{
    /// <returns>The intercept and its classical OLS standard error.</returns>
    public static (double Intercept, double Se) Intercept(double[] d, IReadOnlyList<double[]> columns)
    {
        // X'X and X'd accumulated directly (p ≤ 8 columns): building the n × p matrix cost more than the regression.
        var n = d.Length;
        var p = columns.Count + 1;
        double X(int j, int i) => j == 0 ? 1.0 : columns[j - 1][i];
        var xtx = Matrix<double>.Build.Dense(p, p);
        var xtd = Vector<double>.Build.Dense(p);
        var cross = new double[p * p];
        var xd = new double[p];
        for (var i = 0; i < n; i++)
            for (var a = 0; a < p; a++)
            {
                var xa = X(a, i);
                xd[a] += xa * d[i];
                for (var b = 0; b <= a; b++) cross[a * p + b] += xa * X(b, i);
            }
        for (var a = 0; a < p; a++)
        {
            xtd[a] = xd[a];
            for (var b = 0; b <= a; b++) xtx[a, b] = xtx[b, a] = cross[a * p + b];
        }
        for (var j = 1; j < p; j++) xtx[j, j] += 1e-9;   // keeps it solvable when two dose columns coincide
        var inverse = xtx.Inverse();
        var beta = inverse * xtd;
        double rss = 0;
        for (var i = 0; i < n; i++)
        {
            var e = d[i];
            for (var j = 0; j < p; j++) e -= beta[j] * X(j, i);
            rss += e * e;
        }
        var dof = Math.Max(1, n - p);
        return (beta[0], Math.Sqrt(rss / dof * inverse[0, 0]));
    }
}
