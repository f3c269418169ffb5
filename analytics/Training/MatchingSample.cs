namespace Kepegawaian.Analytics.Training;

/// <summary>
/// One group's estimation sample (treated, then candidates), prepared once for the full-sample fit and every bootstrap
/// replicate of <see cref="TrainingImpact"/>: propensity design rows, cohorts, ΔY and other-training doses as arrays. A
/// replicate is a vector of frequency weights over these units (an employee drawn k times puts weight k on each of its
/// cohort units): the same propensity sums and the same matching as the duplicated rows, without copying or rebuilding.
/// </summary>
internal sealed class MatchingSample
{
    private readonly (int[] Cols, double[] Vals)[] design;
    private readonly int width;
    private readonly bool[] treated;
    private readonly double[] delta;
    private readonly double[][] dose;                            // per dose column, per unit
    private readonly (int[] Treated, int[] Controls)[] cohorts;  // unit indices, cohorts ascending
    private readonly DiklatOptions options;

    public MatchingSample(List<ImpactUnit> treatedUnits, List<ImpactUnit> candidates, ((int[] Cols, double[] Vals)[] Rows, int Columns) design,
        int[] doseColumns, DiklatOptions options)
    {
        Units = [.. treatedUnits, .. candidates];
        (this.design, width) = design;
        this.options = options;
        treated = [.. Units.Select(u => u.Treated)];
        delta = [.. Units.Select(u => u.Delta)];
        dose = [.. doseColumns.Select(j => Units.Select(u => u.OtherDose[j]).ToArray())];
        cohorts = [.. Enumerable.Range(0, Units.Length).GroupBy(i => Units[i].Cohort).OrderBy(g => g.Key)
            .Select(g => (g.Where(i => treated[i]).ToArray(), g.Where(i => !treated[i]).ToArray()))];
        Employees = [.. Enumerable.Range(0, Units.Length).GroupBy(i => Units[i].Nip).Select(g => g.ToArray())];
    }

    public ImpactUnit[] Units { get; }

    /// <summary>Unit indices of each employee (the bootstrap's resampling cluster), in order of first appearance.</summary>
    public int[][] Employees { get; }

    /// <summary>A treated unit and its matched controls (unit indices; a control index repeats when its weight allows).</summary>
    public sealed record Pair(int T, List<int> C);

    public sealed record Result(double Att, double Se, List<Pair> Pairs, double[] Beta);

    /// <summary>Propensity fit, matching and the dose-adjusted ATT with frequency weights (null = the full sample).</summary>
    /// <param name="start">Coefficients to start the IRLS from (a replicate starts from the full-sample fit).</param>
    public Result? Fit(int[]? weights, double[]? start)
    {
        int Weight(int i) => weights?[i] ?? 1;
        var (nT, nC) = (0, 0);
        for (var i = 0; i < Units.Length; i++)
            if (treated[i]) nT += Weight(i); else nC += Weight(i);
        if (nT < 3 || nC < 3) return null;
        // A replicate stops at steps below 1e-6 on the logit scale (its matching cannot tell them apart; caliper ~0.1).
        var (beta, logit) = PropensityModel.Fit(design, width, treated, options.Ridge, weights, start, tolerance: weights is null ? 1e-8 : 1e-6);
        var pairs = Match(logit, Weight);
        if (pairs.Count < 3) return null;
        var d = pairs.Select(p => delta[p.T] - Mean(delta, p.C)).ToArray();
        var columns = dose.Select(x => pairs.Select(p => x[p.T] - Mean(x, p.C)).ToArray()).Where(c => c.Any(v => v != 0)).ToList();
        var (att, se) = DoseAdjusted.Intercept(d, columns);
        return new Result(att, se, pairs, beta);
    }

    private static double Mean(double[] values, List<int> indices)
    {
        double sum = 0;
        foreach (var i in indices) sum += values[i];
        return sum / indices.Count;
    }

    /// <summary>
    /// Greedy nearest-neighbour matching on the logit within the cohort, without replacement, caliper in logit SDs, up to
    /// ControlsPerTreated controls each, in rounds (everyone gets a first control before anyone a second); hardest to
    /// match (highest propensity) first in each round, so they get the scarce close controls. Controls sorted once per
    /// cohort, each treated finds its neighbours by binary search; a unit of weight k is k treated or k usable controls.
    /// </summary>
    private List<Pair> Match(double[] logit, Func<int, int> weight)
    {
        double sumW = 0, sum = 0, squares = 0;
        for (var i = 0; i < logit.Length; i++) { sumW += weight(i); sum += weight(i) * logit[i]; }
        var mean = sum / sumW;
        for (var i = 0; i < logit.Length; i++) squares += weight(i) * (logit[i] - mean) * (logit[i] - mean);
        var caliper = options.CaliperSd * Math.Sqrt(squares / (sumW - 1));   // sample SD over the (duplicated) units

        var result = new List<Pair>();
        foreach (var (cohortTreated, cohortControls) in cohorts)
        {
            var controls = cohortControls.Where(i => weight(i) > 0).ToArray();
            var keys = controls.Select(i => logit[i]).ToArray();
            Array.Sort(keys, controls);   // the same order for the same input (ties by introsort, deterministic)
            var left = controls.Select(weight).ToArray();
            // Nearest control with capacity left on each side, by path-compressed skip links: once most controls are used
            // (6 per treated), a linear scan past the used ones would make matching quadratic.
            var toLeft = Enumerable.Range(0, keys.Length).ToArray();
            var toRight = Enumerable.Range(0, keys.Length).ToArray();
            var treatedOrder = cohortTreated.Where(i => weight(i) > 0).ToArray();
            Array.Sort(treatedOrder, (a, b) => logit[b].CompareTo(logit[a]) is var c and not 0 ? c : a.CompareTo(b));
            var matches = treatedOrder.SelectMany(i => Enumerable.Repeat(i, weight(i))).Select(i => new Pair(i, [])).ToList();
            for (var round = 0; round < options.ControlsPerTreated; round++)
                foreach (var m in matches)
                {
                    if (m.C.Count < round) continue;   // found nothing in an earlier round
                    var t = logit[m.T];
                    var pos = Array.BinarySearch(keys, t);
                    if (pos < 0) pos = ~pos;
                    int best = -1; var bestDistance = double.MaxValue;
                    if (Find(toLeft, pos - 1) is var l and >= 0 && t - keys[l] <= caliper) { best = l; bestDistance = t - keys[l]; }
                    if (Find(toRight, pos) is var r and >= 0 && r < keys.Length && keys[r] - t <= caliper && keys[r] - t < bestDistance) best = r;
                    if (best < 0) continue;
                    if (--left[best] == 0) { toLeft[best] = best - 1; toRight[best] = best + 1; }
                    m.C.Add(controls[best]);
                }
            result.AddRange(matches.Where(m => m.C.Count > 0));
        }
        return result;
    }

    /// <summary>
    /// The first index from <paramref name="i"/> along the links (left or right) that points to itself (a control with
    /// capacity left); −1 or the length when there is none. Compresses the path it walked.
    /// </summary>
    private static int Find(int[] links, int i)
    {
        var root = i;
        while (root >= 0 && root < links.Length && links[root] != root) root = links[root];
        while (i >= 0 && i < links.Length && links[i] != i) (links[i], i) = (root, links[i]);
        return root;
    }
}
