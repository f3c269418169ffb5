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
        var x = Matrix<double>.Build.Dense(n, columns.Count + 1, (i, j) => j == 0 ? 1.0 : columns[j - 1][i]);
        var xtx = x.TransposeThisAndMultiply(x);
        for (var j = 1; j < xtx.ColumnCount; j++) xtx[j, j] += 1e-9;   // keeps it solvable when two dose columns coincide
        var inverse = xtx.Inverse();
        var beta = inverse * x.TransposeThisAndMultiply(Vector<double>.Build.Dense(d));
        var residual = Vector<double>.Build.Dense(d) - x * beta;
        var dof = Math.Max(1, n - x.ColumnCount);
        var sigma2 = residual.DotProduct(residual) / dof;
        return (beta[0], Math.Sqrt(sigma2 * inverse[0, 0]));
    }
}
