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
        var (beta, logit) = PropensityModel.Fit(design, width, treated, options.Ridge, weights, start);
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

        int ByLogit(int a, int b) => logit[a].CompareTo(logit[b]) is var c and not 0 ? c : a.CompareTo(b);
        var result = new List<Pair>();
        foreach (var (cohortTreated, cohortControls) in cohorts)
        {
            var controls = cohortControls.Where(i => weight(i) > 0).ToArray();
            Array.Sort(controls, ByLogit);
            var keys = controls.Select(i => logit[i]).ToArray();
            var left = controls.Select(weight).ToArray();
            var treatedOrder = cohortTreated.Where(i => weight(i) > 0).ToArray();
            Array.Sort(treatedOrder, (a, b) => ByLogit(b, a));
            var matches = treatedOrder.SelectMany(i => Enumerable.Repeat(i, weight(i))).Select(i => new Pair(i, [])).ToList();
            for (var round = 0; round < options.ControlsPerTreated; round++)
                foreach (var m in matches)
                {
                    if (m.C.Count < round) continue;   // found nothing in an earlier round
                    var t = logit[m.T];
                    var pos = Array.BinarySearch(keys, t);
                    if (pos < 0) pos = ~pos;
                    int best = -1; var bestDistance = double.MaxValue;
                    for (var i = pos - 1; i >= 0 && t - keys[i] <= caliper; i--)
                        if (left[i] > 0) { best = i; bestDistance = t - keys[i]; break; }
                    for (var i = pos; i < keys.Length && keys[i] - t <= caliper && keys[i] - t < bestDistance; i++)
                        if (left[i] > 0) { best = i; break; }
                    if (best < 0) continue;
                    left[best]--;
                    m.C.Add(controls[best]);
                }
            result.AddRange(matches.Where(m => m.C.Count > 0));
        }
        return result;
    }
}
