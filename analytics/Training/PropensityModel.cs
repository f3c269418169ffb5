using MathNet.Numerics.LinearAlgebra;

namespace Kepegawaian.Analytics.Training;

/// <summary>
/// Ridge-penalised logistic regression fitted by iteratively reweighted least squares (Newton) on
/// MathNet matrices: P(treated | x). Columns of <paramref name="x"/> exclude the intercept; the
/// penalty keeps coefficients finite when a unit or golongan dummy separates the groups.
/// </summary>
public static class PropensityModel
{
    public static double[] FitPredictLogit(Matrix<double> x, IReadOnlyList<bool> treated, double ridge, int maxIterations = 25)
    {
        var n = x.RowCount;
        var design = Matrix<double>.Build.Dense(n, x.ColumnCount + 1, (i, j) => j == 0 ? 1.0 : x[i, j - 1]);
        var y = Vector<double>.Build.Dense(n, i => treated[i] ? 1.0 : 0.0);
        var p = design.ColumnCount;
        var penalty = Matrix<double>.Build.DenseDiagonal(p, p, i => i == 0 ? 0.0 : ridge);
        var beta = Vector<double>.Build.Dense(p);
        var prior = y.Average();
        beta[0] = Math.Log(prior / (1 - prior));
        for (var iter = 0; iter < maxIterations; iter++)
        {
            var eta = design * beta;
            var mu = eta.Map(e => 1 / (1 + Math.Exp(-e)));
            var w = mu.Map(m => Math.Max(m * (1 - m), 1e-9));
            var weighted = design.MapIndexed((i, _, v) => v * w[i]);
            var hessian = design.TransposeThisAndMultiply(weighted) + penalty;
            var gradient = design.TransposeThisAndMultiply(y - mu) - penalty * beta;
            var step = hessian.Cholesky().Solve(gradient);
            beta += step;
            if (step.AbsoluteMaximum() < 1e-8) break;
        }
        return (design * beta).ToArray();
    }
}
