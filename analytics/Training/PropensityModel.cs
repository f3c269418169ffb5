using MathNet.Numerics.LinearAlgebra;

namespace Kepegawaian.Analytics.Training;

/// <summary>
/// Ridge-penalised logistic regression fitted by iteratively reweighted least squares (Newton) on
/// MathNet matrices: P(treated | x). Columns of <paramref name="x"/> exclude the intercept; the
/// penalty keeps beta finite when a unit or golongan dummy separates the groups.
/// </summary>
public static class PropensityModel
{
    public static double[] FitPredictLogit(Matrix<double> x, IReadOnlyList<bool> treated, double ridge, int maxIterations = 25) =>
        FitPredictLogit(SparseRows(x), x.ColumnCount, treated, ridge, maxIterations);

    /// <param name="rows">Each row's non-zero entries, column 0 being the intercept (value 1) and x's columns 1 … columns.</param>
    public static double[] FitPredictLogit((int[] Cols, double[] Vals)[] rows, int columns, IReadOnlyList<bool> treated, double ridge, int maxIterations = 25) =>
        Fit(rows, columns, treated, ridge, null, null, maxIterations).Logit;

    /// <summary>
    /// The fit with frequency <paramref name="weights"/> (a bootstrap replicate: row i drawn weights[i] times, the same sums
    /// as duplicating it; null = 1 each) started from <paramref name="start"/> (the full-sample coefficients, so a replicate
    /// converges in a few Newton steps instead of ~8; null = intercept at the logit of the treated share).
    /// </summary>
    /// <returns>The coefficients (intercept first) and each row's fitted logit.</returns>
    public static (double[] Beta, double[] Logit) Fit((int[] Cols, double[] Vals)[] rows, int columns, IReadOnlyList<bool> treated, double ridge,
        int[]? weights, double[]? start, int maxIterations = 25, double tolerance = 1e-8)
    {
        // The design is mostly 0/1 dummies (≤ 6 non-zeros per row of ~100 columns), so X'WX and Xβ are
        // accumulated over each row's non-zeros: O(n·k²) instead of the dense O(n·p²) per Newton step.
        var n = rows.Length;
        var p = columns + 1;
        var beta = start is not null ? (double[])start.Clone() : new double[p];
        if (start is null)
        {
            double sumW = 0, sumY = 0;
            for (var i = 0; i < n; i++)
            {
                var wi = weights?[i] ?? 1;
                sumW += wi;
                if (treated[i]) sumY += wi;
            }
            var prior = sumY / sumW;
            beta[0] = Math.Log(prior / (1 - prior));
        }
        for (var iter = 0; iter < maxIterations; iter++)
        {
            // Raw arrays and a hand-written Cholesky: MathNet's indexer and allocations cost more than the arithmetic here.
            var h = new double[p * p];
            var g = new double[p];
            for (var i = 0; i < n; i++)
            {
                var f = weights?[i] ?? 1;
                if (f == 0) continue;
                var (cols, vals) = rows[i];
                var eta = Eta(cols, vals, beta);
                var mu = 1 / (1 + Math.Exp(-eta));
                var w = f * Math.Max(mu * (1 - mu), 1e-9);
                var r = f * ((treated[i] ? 1.0 : 0.0) - mu);
                for (var a = 0; a < cols.Length; a++)
                {
                    g[cols[a]] += vals[a] * r;
                    var wa = vals[a] * w;
                    for (var b = 0; b < cols.Length; b++)
                        if (cols[b] <= cols[a]) h[cols[a] * p + cols[b]] += wa * vals[b];   // lower triangle is all Cholesky reads
                }
            }
            for (var j = 1; j < p; j++) { h[j * p + j] += ridge; g[j] -= ridge * beta[j]; }
            var step = CholeskySolve(h, g, p);
            var largest = 0.0;
            for (var j = 0; j < p; j++) { beta[j] += step[j]; largest = Math.Max(largest, Math.Abs(step[j])); }
            if (largest < tolerance) break;
        }
        var logit = new double[n];
        for (var i = 0; i < n; i++) logit[i] = Eta(rows[i].Cols, rows[i].Vals, beta);
        return (beta, logit);
    }

    /// <summary>Solves H x = g for a symmetric positive definite H given by its lower triangle (row-major, overwritten).</summary>
    private static double[] CholeskySolve(double[] h, double[] g, int p)
    {
        for (var j = 0; j < p; j++)
        {
            var rowJ = j * p;
            var d = h[rowJ + j];
            for (var k = 0; k < j; k++) d -= h[rowJ + k] * h[rowJ + k];
            d = Math.Sqrt(d);
            h[rowJ + j] = d;
            for (var i = j + 1; i < p; i++)
            {
                var rowI = i * p;
                var v = h[rowI + j];
                for (var k = 0; k < j; k++) v -= h[rowI + k] * h[rowJ + k];
                h[rowI + j] = v / d;
            }
        }
        var x = (double[])g.Clone();
        for (var i = 0; i < p; i++)
        {
            for (var k = 0; k < i; k++) x[i] -= h[i * p + k] * x[k];
            x[i] /= h[i * p + i];
        }
        for (var i = p - 1; i >= 0; i--)
        {
            for (var k = i + 1; k < p; k++) x[i] -= h[k * p + i] * x[k];
            x[i] /= h[i * p + i];
        }
        return x;
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
