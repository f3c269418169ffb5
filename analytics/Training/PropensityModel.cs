using MathNet.Numerics.LinearAlgebra;

namespace Kepegawaian.Analytics.Training;

/// <summary>
/// Ridge-penalised logistic regression fitted by iteratively reweighted least squares (Newton) on
/// MathNet matrices: P(treated | x). Columns of <paramref name="x"/> exclude the intercept; the
/// penalty keeps coefficients finite when a unit or golongan dummy separates the groups.
/// </summary>
public static class PropensityModel
{
    public static double[] FitPredictLogit(Matrix<double> x, IReadOnlyList<bool> treated, double ridge, int maxIterations = 25) =>
        FitPredictLogit(SparseRows(x), x.ColumnCount, treated, ridge, maxIterations);

    /// <param name="rows">Each row's non-zero entries, column 0 being the intercept (value 1) and x's columns 1 … columns.</param>
    public static double[] FitPredictLogit((int[] Cols, double[] Vals)[] rows, int columns, IReadOnlyList<bool> treated, double ridge, int maxIterations = 25)
    {
        // The design is mostly 0/1 dummies (≤ 6 non-zeros per row of ~100 columns), so X'WX and Xβ are
        // accumulated over each row's non-zeros: O(n·k²) instead of the dense O(n·p²) per Newton step.
        var n = rows.Length;
        var p = columns + 1;
        var y = new double[n];
        for (var i = 0; i < n; i++) y[i] = treated[i] ? 1.0 : 0.0;
        var beta = Vector<double>.Build.Dense(p);
        var prior = y.Average();
        beta[0] = Math.Log(prior / (1 - prior));
        for (var iter = 0; iter < maxIterations; iter++)
        {
            var coefficients = beta.ToArray();
            // Raw column-major arrays: MathNet's indexer costs more than the arithmetic in this loop.
            var h = new double[p * p];
            var g = new double[p];
            for (var i = 0; i < n; i++)
            {
                var (cols, vals) = rows[i];
                var eta = Eta(cols, vals, coefficients);
                var mu = 1 / (1 + Math.Exp(-eta));
                var w = Math.Max(mu * (1 - mu), 1e-9);
                var r = y[i] - mu;
                for (var a = 0; a < cols.Length; a++)
                {
                    g[cols[a]] += vals[a] * r;
                    var wa = vals[a] * w;
                    for (var b = 0; b < cols.Length; b++) h[cols[b] * p + cols[a]] += wa * vals[b];
                }
            }
            for (var j = 1; j < p; j++) { h[j * p + j] += ridge; g[j] -= ridge * beta[j]; }
            var hessian = Matrix<double>.Build.Dense(p, p, h);
            var step = hessian.Cholesky().Solve(Vector<double>.Build.Dense(g));
            beta += step;
            if (step.AbsoluteMaximum() < 1e-8) break;
        }
        var fitted = beta.ToArray();
        var logit = new double[n];
        for (var i = 0; i < n; i++) logit[i] = Eta(rows[i].Cols, rows[i].Vals, fitted);
        return logit;
    }

    private static double Eta(int[] cols, double[] vals, double[] beta)
    {
        double eta = 0;
        for (var a = 0; a < cols.Length; a++) eta += vals[a] * beta[cols[a]];
        return eta;
    }

    /// <summary>Each row's non-zero entries with the intercept as column 0.</summary>
    private static (int[] Cols, double[] Vals)[] SparseRows(Matrix<double> x)
    {
        var columns = x.ToColumnArrays();
        var cols = new List<int>[x.RowCount];
        var vals = new List<double>[x.RowCount];
        for (var i = 0; i < x.RowCount; i++) { cols[i] = [0]; vals[i] = [1.0]; }
        for (var j = 0; j < columns.Length; j++)
        {
            var column = columns[j];
            for (var i = 0; i < column.Length; i++)
                if (column[i] != 0) { cols[i].Add(j + 1); vals[i].Add(column[i]); }
        }
        var result = new (int[], double[])[x.RowCount];
        for (var i = 0; i < result.Length; i++) result[i] = (cols[i].ToArray(), vals[i].ToArray());
        return result;
    }
}
