namespace Kepegawaian.Analytics.Training;

/// <summary>
/// A design matrix by rows, row-compressed: row i's non-zero entries are <see cref="Cols"/>/<see cref="Vals"/>[Start[i] ..
/// Start[i + 1]), column 0 being the intercept (value 1) and the covariates columns 1 … <see cref="Columns"/>; a row names each
/// column at most once. Three arrays per fit rather than two per row: the bootstrap builds a design of ~20 000 rows 1 300
/// times per refresh.
/// </summary>
public sealed record SparseRows(int[] Start, int[] Cols, double[] Vals, int Columns)
{
    public int Count => Start.Length - 1;
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
    public static double[] Fit(SparseRows design, IReadOnlyList<bool> treated, double ridge, int maxIterations = 50)
    {
        // The design is mostly 0/1 dummies (≤ 6 non-zeros per row of ~190 columns), so X'WX and Xβ are
        // accumulated over each row's non-zeros: O(n·k²) instead of the dense O(n·p²) per Newton step.
        var n = design.Count;
        var p = design.Columns + 1;
        var (start, cols, vals) = (design.Start, design.Cols, design.Vals);
        var y = new double[n];
        for (var i = 0; i < n; i++) y[i] = treated[i] ? 1.0 : 0.0;
        var beta = new double[p];
        var prior = y.Average();
        beta[0] = Math.Log(prior / (1 - prior));
        // Column-major X'WX, lower triangle only (all the Cholesky reads), and the gradient; reused by every step.
        var h = new double[p * p];
        var g = new double[p];
        var column = new double[p];
        var step = new double[p];
        var accepted = new double[p];   // the last point whose objective did not drop: what is returned unless converged
        var (scale, previous) = (1.0, double.NegativeInfinity);
        for (var iter = 0; iter < maxIterations; iter++)
        {
            Array.Clear(h);
            Array.Clear(g);
            var objective = 0.0;
            for (var i = 0; i < n; i++)
            {
                var eta = Eta(design, i, beta);
                var e = Math.Exp(-eta);
                var mu = 1 / (1 + e);
                // log-likelihood y·η − log(1 + e^η) = −(1 − y)·η − log(1 + e^−η), without overflow for very negative η
                objective -= (1 - y[i]) * eta + (eta > -30 ? Math.Log(1 + e) : -eta);
                var w = Math.Max(mu * (1 - mu), 1e-9);
                var r = y[i] - mu;
                for (var a = start[i]; a < start[i + 1]; a++)
                {
                    g[cols[a]] += vals[a] * r;
                    var wa = vals[a] * w;
                    for (var b = start[i]; b <= a; b++)
                    {
                        var (row, col) = cols[a] >= cols[b] ? (cols[a], cols[b]) : (cols[b], cols[a]);
                        h[col * p + row] += wa * vals[b];
                    }
                }
            }
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
                if (back < 1e-8) return accepted;
                continue;
            }
            previous = objective;
            Array.Copy(beta, accepted, p);
            for (var j = 1; j < p; j++) { h[j * p + j] += ridge; g[j] -= ridge * beta[j]; }
            Cholesky.FactorLower(h, p, column);
            Cholesky.SolveLower(h, p, g);   // g is now the Newton step
            var largest = 0.0;
            for (var j = 0; j < p; j++)
            {
                step[j] = g[j];
                beta[j] += g[j];
                largest = Math.Max(largest, Math.Abs(g[j]));
            }
            scale = 1.0;
            if (largest < 1e-8) return beta;
        }
        // Out of iterations (not seen on the demo city: at most 21 there): the best point evaluated, never an unchecked step.
        return accepted;
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
