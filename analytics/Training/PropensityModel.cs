using System.Buffers;

namespace Kepegawaian.Analytics.Training;

/// <summary>
/// A design matrix by rows, row-compressed: row i's non-zero entries are <see cref="Cols"/>/<see cref="Vals"/>[Start[i] ..
/// Start[i + 1]), column 0 being the intercept (value 1) and the covariates columns 1 … <see cref="Columns"/>; a row names its
/// columns in ascending order, each at most once. Three arrays per fit rather than two per row: the bootstrap builds a
/// design of ~12 000 rows 1 300 times per refresh.
/// </summary>
public sealed record SparseRows(int[] Start, int[] Cols, double[] Vals, int Columns)
{
    public int Count => Start.Length - 1;

    /// <summary>
    /// Throws unless every index is in range and each row's columns ascend (the fit reads them through pointers). The column
    /// arrays may be longer than the rows use (rented ones are).
    /// </summary>
    public void Validate()
    {
        // ≤ 46 340 columns, so that the (columns + 1)² Hessian and every index into it fit an int.
        if (Columns is < 0 or > 46_339) throw new ArgumentException($"{Columns} columns: at most 46 339");
        if (Start.Length == 0 || Start[0] != 0 || Start[^1] > Cols.Length || Start[^1] > Vals.Length)
            throw new ArgumentException("row starts outside the column arrays");
        for (var i = 0; i < Count; i++)
            if (Start[i + 1] < Start[i]) throw new ArgumentException($"row {i}: starts out of order");
        for (var i = 0; i < Count; i++)
            for (var a = Start[i]; a < Start[i + 1]; a++)
                if (Cols[a] < 0 || Cols[a] > Columns || (a > Start[i] && Cols[a] <= Cols[a - 1]))
                    throw new ArgumentException($"row {i}: columns must ascend within 0 … {Columns}");
    }
}

/// <summary>
/// Ridge-penalised logistic regression fitted by iteratively reweighted least squares (Newton):
/// P(treated | x). The penalty (not on the intercept) keeps coefficients finite when a unit or golongan dummy separates the groups.
/// A step that lowers the penalised log-likelihood is halved until it does not (step-halving, as R's glm.fit does on divergence):
/// full Newton steps overshoot when a level is held by treated employees only (e.g. the CPNS golongan in latsar) and then
/// grew to 10⁸ instead of converging, which left the logits, and so the matches, arbitrary.
/// </summary>
public static class PropensityModel
{
    public static double[] FitPredictLogit(SparseRows design, IReadOnlyList<bool> treated, double ridge, int maxIterations = 50) =>
        Predict(design, Fit(design, treated, ridge, maxIterations));

    /// <summary>The coefficients (intercept first) that maximise the penalised log-likelihood, to a Newton step below 1e-8.</summary>
    /// <param name="weights">Frequency weights (row i stands for weights[i] identical rows; null = 1 each): a bootstrap replicate
    /// is fitted over the distinct employees it drew, not over every copy. A weight of 1 multiplies exactly, so the
    /// unweighted fit is unchanged. Each must be positive and finite.</param>
    /// <remarks>The design is validated once and then read through pointers: it must not change while the fit runs.</remarks>
    /// <param name="initial">Where Newton starts (one finite coefficient per column, intercept first); null: the intercept at the
    /// treated share's logit, the rest 0. A start from which Newton does not converge falls back to that default, so a start
    /// changes the iterations, never which maximum is returned (the penalised likelihood is strictly concave).</param>
    public static double[] Fit(SparseRows design, IReadOnlyList<bool> treated, double ridge, int maxIterations = 50, double[]? weights = null,
        double[]? initial = null)
    {
        var n = design.Count;
        var p = design.Columns + 1;
        design.Validate();
        if (treated.Count != n) throw new ArgumentException($"{treated.Count} treated flags for {n} rows", nameof(treated));
        if (weights is not null && (weights.Length != n || !weights.All(w => w > 0 && double.IsFinite(w))))
            throw new ArgumentException($"weights: one positive finite weight per row ({n})", nameof(weights));
        if (initial is not null && (initial.Length != p || !initial.All(double.IsFinite)))
            throw new ArgumentException($"initial: one finite coefficient per column ({p})", nameof(initial));
        // Rented (the first n entries are read): the bootstrap fits ~1 300 times per refresh.
        var y = ArrayPool<double>.Shared.Rent(n);
        var ones = weights is null ? ArrayPool<double>.Shared.Rent(n) : null;
        try
        {
            for (var i = 0; i < n; i++) y[i] = treated[i] ? 1.0 : 0.0;
            if (ones is not null) Array.Fill(ones, 1.0, 0, n);
            var c = weights ?? ones!;
            if (initial is not null && Newton(design, y, c, ridge, maxIterations, (double[])initial.Clone()) is (var fitted, true))
                return fitted;
            var beta = new double[p];
            var (yc, cc) = (0.0, 0.0);
            for (var i = 0; i < n; i++) { yc += c[i] * y[i]; cc += c[i]; }
            var prior = yc / cc;
            beta[0] = Math.Log(prior / (1 - prior));
            return Newton(design, y, c, ridge, maxIterations, beta).Beta;
        }
        finally
        {
            ArrayPool<double>.Shared.Return(y);
            if (ones is not null) ArrayPool<double>.Shared.Return(ones);
        }
    }

    /// <summary>
    /// Newton steps from <paramref name="beta"/> (updated in place) until one is below 1e-8 (converged); when the step halving
    /// stalls or the iterations run out, the best point evaluated (not converged).
    /// </summary>
    private static (double[] Beta, bool Converged) Newton(SparseRows design, double[] y, double[] c, double ridge, int maxIterations, double[] beta)
    {
        // The design is mostly 0/1 dummies (≤ 6 non-zeros per row of ~190 columns), so X'WX and Xβ are
        // accumulated over each row's non-zeros: O(n·k²) instead of the dense O(n·p²) per Newton step.
        var p = beta.Length;
        // Column-major X'WX, lower triangle only (all the Cholesky reads), and the gradient; reused by every step.
        var h = new double[p * p];
        var g = new double[p];
        var column = new double[p];
        var step = new double[p];
        var accepted = new double[p];   // the last point whose objective did not drop: what is returned unless converged
        var (scale, previous) = (1.0, double.NegativeInfinity);
        int[]? order = null;   // elimination order, from the first X'WX (its non-zero pattern is the same in every step)
        var (hp, gp) = (new double[p * p], new double[p]);
        for (var iter = 0; iter < maxIterations; iter++)
        {
            Array.Clear(h);
            Array.Clear(g);
            var objective = Accumulate(design, y, c, beta, h, g);
            for (var j = 1; j < p; j++) objective -= ridge / 2 * beta[j] * beta[j];
            // The last step overshot (beyond rounding): take half of it back and evaluate there instead.
            if (objective < previous - 1e-9 * Math.Abs(previous))
            {
                scale /= 2;
                var back = 0.0;
                for (var j = 0; j < p; j++)
                {
                    beta[j] -= scale * step[j];
                    back = Math.Max(back, Math.Abs(scale * step[j]));
                }
                if (back < 1e-8) return (accepted, false);
                continue;
            }
            previous = objective;
            Array.Copy(beta, accepted, p);
            for (var j = 1; j < p; j++) { h[j * p + j] += ridge; g[j] -= ridge * beta[j]; }
            order ??= EliminationOrder(h, p);
            Permute(h, g, p, order, hp, gp);
            Cholesky.FactorLower(hp, p, column);
            Cholesky.SolveLower(hp, p, gp);   // gp is now the Newton step, in elimination order
            var largest = 0.0;
            for (var j = 0; j < p; j++)
            {
                step[j] = gp[order[j]];
                beta[j] += step[j];
                largest = Math.Max(largest, Math.Abs(step[j]));
            }
            scale = 1.0;
            if (largest < 1e-8) return (beta, true);
        }
        // Out of iterations (not seen on the demo city: at most 21 there): the best point evaluated, never an unchecked step.
        return (accepted, false);
    }

    /// <summary>
    /// One pass over the rows at β: returns the log-likelihood and adds X'WX (lower triangle, column-major) to h and X'(y − μ)
    /// to g, each row weighted by c. Through pointers: the bounds checks of the scattered h updates were a fifth of the fit.
    /// </summary>
    private static unsafe double Accumulate(SparseRows design, double[] y, double[] c, double[] beta, double[] h, double[] g)
    {
        var p = design.Columns + 1;
        var objective = 0.0;
        fixed (double* hP = h, gP = g, vals = design.Vals, b = beta)
        fixed (int* cols = design.Cols, start = design.Start)
        {
            for (var i = 0; i < design.Count; i++)
            {
                var (first, last) = (start[i], start[i + 1]);
                double eta = 0;
                for (var a = first; a < last; a++) eta += vals[a] * b[cols[a]];
                var e = Math.Exp(-eta);
                var mu = 1 / (1 + e);
                // log-likelihood y·η − log(1 + e^η) = −(1 − y)·η − log(1 + e^−η), without overflow for very negative η
                objective -= c[i] * ((1 - y[i]) * eta + (eta > -30 ? Math.Log(1 + e) : -eta));
                var w = c[i] * Math.Max(mu * (1 - mu), 1e-9);
                var r = c[i] * (y[i] - mu);
                for (var a = first; a < last; a++)
                {
                    gP[cols[a]] += vals[a] * r;
                    var wa = vals[a] * w;
                    var column = hP + cols[a];   // row cols[a] of h; its columns cols[b] ≤ cols[a] (ascending within a row)
                    for (var k = first; k <= a; k++) column[cols[k] * p] += wa * vals[k];
                }
            }
        }
        return objective;
    }

    /// <summary>
    /// Position of each column in the elimination order: fewest non-zeros in X'WX first, ties by column. Unit dummies never
    /// share a row, so eliminated first they leave each other's entries zero and the factor (which skips zeros) only
    /// works on the few dense columns (intercept, baseline, golongan, cohort): ~0.1 ms instead of ~0.4 ms at ~190 columns.
    /// </summary>
    private static int[] EliminationOrder(double[] h, int p)
    {
        var degree = new int[p];
        for (var col = 0; col < p; col++)
            for (var row = col + 1; row < p; row++)
                if (h[col * p + row] != 0) { degree[row]++; degree[col]++; }
        var columns = Enumerable.Range(0, p).OrderBy(j => degree[j]).ThenBy(j => j).ToArray();
        var position = new int[p];
        for (var k = 0; k < p; k++) position[columns[k]] = k;
        return position;
    }

    /// <summary>The lower triangle of h, and g, with column j moved to position order[j].</summary>
    private static void Permute(double[] h, double[] g, int p, int[] order, double[] hp, double[] gp)
    {
        for (var col = 0; col < p; col++)
        {
            gp[order[col]] = g[col];
            for (var row = col; row < p; row++)
            {
                var (r, c) = (order[row], order[col]);
                if (r < c) (r, c) = (c, r);
                hp[c * p + r] = h[col * p + row];
            }
        }
    }

    /// <summary>The linear predictor (logit) Xβ of every row.</summary>
    public static double[] Predict(SparseRows design, double[] beta)
    {
        var logit = new double[design.Count];
        for (var i = 0; i < logit.Length; i++) logit[i] = Eta(design, i, beta);
        return logit;
    }

    private static double Eta(SparseRows design, int row, double[] beta)
    {
        double eta = 0;
        for (var a = design.Start[row]; a < design.Start[row + 1]; a++) eta += design.Vals[a] * beta[design.Cols[a]];
        return eta;
    }
}

