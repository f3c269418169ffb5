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
        var n = d.Length;
        var k = columns.Count + 1;
        double X(int i, int j) => j == 0 ? 1.0 : columns[j - 1][i];
        // X'X, X'd and Xβ are summed here in the order MathNet's managed provider sums them (the same bits), but on
        // this thread: MathNet split these n-long products over the thread pool, which the bootstrap's replicates
        // already fill (so the work only waited for threads).
        var xtx = Matrix<double>.Build.Dense(k, k);
        var xtd = Vector<double>.Build.Dense(k);
        for (var a = 0; a < k; a++)
        {
            for (var b = a; b < k; b++)
            {
                double sum = 0;
                for (var i = 0; i < n; i++) sum += X(i, a) * X(i, b);
                xtx[a, b] = xtx[b, a] = sum;
            }
            double dot = 0;
            for (var i = 0; i < n; i++) dot += X(i, a) * d[i];
            xtd[a] = dot;
        }
        for (var j = 1; j < k; j++) xtx[j, j] += 1e-9;   // keeps it solvable when two dose columns coincide
        var inverse = xtx.Inverse();
        var beta = inverse * xtd;
        double rss = 0;
        for (var i = 0; i < n; i++)
        {
            double fitted = 0;
            for (var j = 0; j < k; j++) fitted += X(i, j) * beta[j];
            var residual = d[i] - fitted;
            rss += residual * residual;
        }
        var dof = Math.Max(1, n - k);
        var sigma2 = rss / dof;
        return (beta[0], Math.Sqrt(sigma2 * inverse[0, 0]));
    }
}
