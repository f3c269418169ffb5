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
        foreach (var first in data.Trainings.Where(t => t.Lulus && group.Contains(t)).GroupBy(t => t.Nip).Select(g => g.MinBy(t => t.Selesai)!))
        {
            var qe = first.QuarterSelesai;
            if (InWindow(data, first.Nip, qe).Any(t => t != first && t.Lulus && group.Contains(t))) continue;
            if (data.Panel.ContainsKey(first.Nip) && Build(data, first.Nip, qe, AllJenis(data)) is { } u) result.Add(u with { Treated = true });
        }
        return result;
    }

    /// <summary>
    /// Not-yet-treated controls of cohort qe (Callaway &amp; Sant'Anna 2021): complete windows, no record of the group
    /// overlapping the window and no lulus record of the group before it — never trained in the group, or only later.
    /// Their NIPs in panel order; <see cref="Unit"/> builds the units that are drawn.
    /// </summary>
    /// <param name="records">The group's records by employee (<see cref="RecordsByEmployee"/>), built once for all its cohorts.</param>
    /// <param name="withBaseline">Only employees with a baseline outcome (a quarter in qe−4 … qe−2).</param>
    public static List<string> NotYetTreated(TrainingData data, IReadOnlyDictionary<string, List<TrainingRecord>> records, int qe, bool withBaseline)
    {
        var (windowStart, windowEnd) = (QuarterStart(qe - 1), QuarterStart(qe + 3));
        var result = new List<string>();
        foreach (var (nip, hasBaseline) in Window(data, qe))
        {
            if (withBaseline && !hasBaseline) continue;
            if (records.TryGetValue(nip, out var list) && list.Any(t => t.Mulai < windowEnd && (t.Lulus || t.Selesai >= windowStart)))
                continue;
            result.Add(nip);
        }
        return result;
    }

    /// <summary>The control unit of an employee of <see cref="NotYetTreated"/> in cohort qe.</summary>
    public static ImpactUnit Unit(TrainingData data, string nip, int qe) => Build(data, nip, qe, AllJenis(data))!;

    /// <summary>Each employee's records of the group.</summary>
    public static Dictionary<string, List<TrainingRecord>> RecordsByEmployee(TrainingData data, TrainingGroup group) =>
        data.Trainings.Where(group.Contains).GroupBy(t => t.Nip).ToDictionary(g => g.Key, g => g.ToList());

    /// <summary>Jenis of the OtherDose columns (<see cref="Build"/>), in order.</summary>
    public static string[] AllJenis(TrainingData data) =>
        JenisCache.GetValue(data, d => [.. d.Trainings.Select(t => t.Jenis).Distinct().Order(StringComparer.Ordinal)]);

    /// <summary>Records overlapping [start of qe−1, end of qe+2].</summary>
    private static IEnumerable<TrainingRecord> InWindow(TrainingData data, string nip, int qe)
    {
        var (start, end) = (QuarterStart(qe - 1), QuarterStart(qe + 3));
        return data.ByEmployee.TryGetValue(nip, out var list) ? list.Where(t => t.Mulai < end && t.Selesai >= start) : [];
    }

    /// <summary>
    /// Per TrainingData and cohort: the employees with complete windows and whether they have a baseline, found once for all
    /// groups. Only NIPs are kept: the units of every employee in every cohort held gigabytes at 1 M employees.
    /// </summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<TrainingData, Dictionary<int, (string Nip, bool HasBaseline)[]>> Cache = new();

    private static (string Nip, bool HasBaseline)[] Window(TrainingData data, int qe)
    {
        var cache = Cache.GetOrCreateValue(data);
        lock (cache)
        {
            if (cache.TryGetValue(qe, out var cached)) return cached;
            var window = new List<(string, bool)>();
            foreach (var (nip, s) in data.Panel)
                if (Complete(s, qe)) window.Add((nip, s.TryGetValue(qe - 4, out _) || s.TryGetValue(qe - 3, out _) || s.TryGetValue(qe - 2, out _)));
            return cache[qe] = [.. window];
        }
    }

    private static bool Complete(QuarterSeries s, int qe) =>
        s.TryGetValue(qe - 1, out _) && s.TryGetValue(qe, out _) && s.TryGetValue(qe + 1, out _) && s.TryGetValue(qe + 2, out _);

    /// <summary>Jenis of the OtherDose columns, per TrainingData.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<TrainingData, string[]> JenisCache = new();

    private static ImpactUnit? Build(TrainingData data, string nip, int qe, string[] jenis)
    {
        var s = data.Panel[nip];
        if (!s.TryGetValue(qe - 1, out var p1) || !s.TryGetValue(qe, out var p2)) return null;
        if (!s.TryGetValue(qe + 1, out var a1) || !s.TryGetValue(qe + 2, out var a2)) return null;
        double sum = 0; var n = 0;
        for (var q = qe - 4; q <= qe - 2; q++)
            if (s.TryGetValue(q, out var b)) { sum += b.Outcome; n++; }
        // Rounded so that equal baselines are equal doubles whatever order their quarters were summed in (88.56666666666668
        // against …666): otherwise last-bit noise ordered equal logits and decided matches (Matching.Tie).
        double? baseline = n > 0 ? Math.Round(sum / n, 9) : null;
        var dose = new double[jenis.Length];
        if (data.ByEmployee.TryGetValue(nip, out var list))
            for (var j = 0; j < jenis.Length; j++)
                dose[j] = (Completed(list, jenis[j], qe + 1) + Completed(list, jenis[j], qe + 2)
                    - Completed(list, jenis[j], qe - 1) - Completed(list, jenis[j], qe)) / 2.0;
        return new ImpactUnit(nip, qe, false, (p1.Outcome + p2.Outcome) / 2, (a1.Outcome + a2.Outcome) / 2, baseline,
            p2.Outcome - p1.Outcome, p2, dose);
    }

    /// <summary>Completed trainings of a jenis in effect in quarter q: distinct years with a lulus record ended before q.</summary>
    private static int Completed(IReadOnlyList<TrainingRecord> list, string jenis, int q)
    {
        var years = list.Count <= 64 ? stackalloc int[list.Count] : new int[list.Count];
        var n = 0;
        foreach (var t in list)
            if (t.Lulus && t.QuarterSelesai < q && t.Jenis == jenis && !years[..n].Contains(t.Selesai.Year))
                years[n++] = t.Selesai.Year;
        return n;
    }

    public static DateOnly QuarterStart(int index) => new(index / 4, index % 4 * 3 + 1, 1);
}
