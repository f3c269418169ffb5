namespace Kepegawaian.Analytics.Training;

/// <summary>
/// One employee in one cohort of <see cref="TrainingImpact"/>: cohort = quarter qe in which the training ended.
/// Pre = mean of qe−1 and qe (the effect is measured from the first quarter after completion, so the quarter of
/// completion is still "before"); post = mean of qe+1 and qe+2; baseline = mean of the quarters qe−4 … qe−2 that exist
/// (matching on it, not on the pre window, keeps regression to the mean out of ΔY),
/// (null for new employees, e.g. CPNS before latsar). OtherDose = change, from pre to post, in completed trainings of
/// other groups (distinct jenis × year, one column per jenis of <see cref="ImpactSample.AllJenis"/>), so their effects can be adjusted
/// for instead of discarding everyone who took one.
/// </summary>
internal sealed record ImpactUnit(string Nip, int Cohort, bool Treated, double Pre, double Post, double? Baseline, double? PreChange,
    QuarterObservation Covariates, double[] OtherDose)
{
    public double Delta => Post - Pre;
}

/// <summary>Builds treated units and not-yet-treated control candidates for a training group.</summary>
internal static class ImpactSample
{
    /// <summary>
    /// Each employee's first lulus record of the group, with complete pre and post windows; dropped when another lulus
    /// record of the group overlaps the window (the estimand is one completion).
    /// </summary>
    public static List<ImpactUnit> Treated(TrainingData data, TrainingGroup group)
    {
        var result = new List<ImpactUnit>();
        foreach (var first in data.Of(group).Where(t => t.Lulus).GroupBy(t => t.Nip).Select(g => g.MinBy(t => t.Selesai)!))
        {
            var qe = first.QuarterSelesai;
            if (InWindow(data, first.Nip, qe).Any(t => t != first && t.Lulus && group.Contains(t))) continue;
            if (Window(data, qe).TryGetValue(first.Nip, out var u)) result.Add(u with { Treated = true });
        }
        return result;
    }

    /// <summary>
    /// Not-yet-treated controls of cohort qe (Callaway &amp; Sant'Anna 2021): complete windows, no record of the group
    /// overlapping the window and no lulus record of the group before it — never trained in the group, or only later.
    /// </summary>
    public static List<ImpactUnit> NotYetTreated(TrainingData data, TrainingGroup group, int qe)
    {
        var (windowStart, windowEnd) = (QuarterStart(qe - 1), QuarterStart(qe + 3));
        // Only employees with a record of the group can be excluded: check those, not every employee's whole history.
        var excluded = data.Of(group).Where(t => t.Mulai < windowEnd && (t.Lulus || t.Selesai >= windowStart)).Select(t => t.Nip).ToHashSet();
        return [.. Window(data, qe).Values.Where(u => !excluded.Contains(u.Nip))];
    }

    /// <summary>Jenis of the OtherDose columns (<see cref="Window"/>), in order.</summary>
    public static string[] AllJenis(TrainingData data) => [.. data.Trainings.Select(t => t.Jenis).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>Records overlapping [start of qe−1, end of qe+2].</summary>
    private static IEnumerable<TrainingRecord> InWindow(TrainingData data, string nip, int qe)
    {
        var (start, end) = (QuarterStart(qe - 1), QuarterStart(qe + 3));
        return data.ByEmployee.TryGetValue(nip, out var list) ? list.Where(t => t.Mulai < end && t.Selesai >= start) : [];
    }

    /// <summary>Per TrainingData and cohort: every employee with complete windows (as a control), built once for all groups.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<TrainingData, Dictionary<int, Dictionary<string, ImpactUnit>>> Cache = new();

    private static Dictionary<string, ImpactUnit> Window(TrainingData data, int qe)
    {
        var cache = Cache.GetOrCreateValue(data);
        lock (cache)
        {
            if (cache.TryGetValue(qe, out var cached)) return cached;
            var completions = Completions.GetValue(data, Completed);
            var jenisCount = AllJenis(data).Length;
            var units = new Dictionary<string, ImpactUnit>();
            foreach (var (nip, series) in data.Panel)
                if (Build(nip, series, qe, completions.TryGetValue(nip, out var c) ? c : [], jenisCount) is { } u)
                    units[nip] = u;
            return cache[qe] = units;
        }
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<TrainingData, Dictionary<string, (int Jenis, int Quarter)[]>> Completions = new();

    /// <summary>
    /// Per employee, each distinct (jenis, year) with a lulus record: the jenis' index in <see cref="AllJenis"/> and the
    /// earliest completion quarter of that year (from then on it counts as a completed training of the jenis).
    /// </summary>
    private static Dictionary<string, (int Jenis, int Quarter)[]> Completed(TrainingData data)
    {
        var index = AllJenis(data).Select((j, i) => (j, i)).ToDictionary(x => x.j, x => x.i);
        return data.ByEmployee.ToDictionary(e => e.Key, e => e.Value.Where(t => t.Lulus).GroupBy(t => (t.Jenis, t.Selesai.Year))
            .Select(g => (index[g.Key.Jenis], g.Min(t => t.QuarterSelesai))).ToArray());
    }

    private static ImpactUnit? Build(string nip, Dictionary<int, QuarterObservation> s, int qe, (int Jenis, int Quarter)[] completed, int jenisCount)
    {
        if (!s.TryGetValue(qe - 1, out var p1) || !s.TryGetValue(qe, out var p2)) return null;
        if (!s.TryGetValue(qe + 1, out var a1) || !s.TryGetValue(qe + 2, out var a2)) return null;
        double sum = 0; var n = 0;
        for (var q = qe - 4; q <= qe - 2; q++)
            if (s.TryGetValue(q, out var b)) { sum += b.Outcome; n++; }
        double? baseline = n > 0 ? sum / n : null;
        // Completed trainings of a jenis in effect in quarter q: distinct years with a lulus record ended before q;
        // dose = their mean over the post quarters minus their mean over the pre quarters.
        var dose = new double[jenisCount];
        foreach (var (j, m) in completed)
            dose[j] += ((m < qe + 1 ? 1 : 0) + (m < qe + 2 ? 1 : 0) - (m < qe - 1 ? 1 : 0) - (m < qe ? 1 : 0)) / 2.0;
        return new ImpactUnit(nip, qe, false, (p1.Outcome + p2.Outcome) / 2, (a1.Outcome + a2.Outcome) / 2, baseline,
            p2.Outcome - p1.Outcome, p2, dose);
    }

    public static DateOnly QuarterStart(int index) => new(index / 4, index % 4 * 3 + 1, 1);
}
