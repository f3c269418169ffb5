using System.Runtime.InteropServices;

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

/// <summary>
/// A participant eligible for a group's estimate: their first lulus record of it, found without building the unit.
/// <paramref name="Employee"/> is their index in <see cref="TrainingData.Panel"/>.
/// </summary>
internal readonly record struct Participant(string Nip, int Cohort, bool HasBaseline, int Employee);

/// <summary>Builds treated units and not-yet-treated control candidates for a training group.</summary>
internal static class ImpactSample
{
    /// <summary>
    /// Each employee's first lulus record of the group, with complete pre and post windows; dropped when another lulus
    /// record of the group overlaps the window (the estimand is one completion). Only who and when: at 1 M employees a group
    /// has up to ~0.5 M of them, of which <see cref="DiklatOptions.MaxTreated"/> are drawn and built (<see cref="TreatedUnit"/>).
    /// </summary>
    public static List<Participant> Treated(TrainingData data, TrainingGroup group)
    {
        // Each employee's first lulus record (the earliest end; of equal ends the first in record order), employees in the
        // order of their first lulus record. An employee outside the panel has no outcome, so is never a participant.
        var panel = Employees(data);
        var (members, employees) = (data.Members(group), MemberEmployees(data, panel, group));
        var firsts = new List<(TrainingRecord Record, int Employee)>();
        var at = new Dictionary<int, int>();
        for (var k = 0; k < members.Count; k++)
        {
            var (t, e) = (members[k], employees[k]);
            if (!t.Lulus || e < 0) continue;
            ref var i = ref CollectionsMarshal.GetValueRefOrAddDefault(at, e, out var seen);
            if (!seen) { i = firsts.Count; firsts.Add((t, e)); }
            else if (t.Selesai < firsts[i].Record.Selesai) firsts[i] = (t, e);
        }
        var result = new List<Participant>();
        foreach (var (first, e) in firsts)
        {
            var qe = first.QuarterSelesai;
            var s = panel.Series[e];
            if (!AnotherInWindow(panel.Records[e], group, first, qe) && Complete(s, qe)) result.Add(new(first.Nip, qe, HasBaseline(s, qe), e));
        }
        return result;
    }

    /// <summary>The treated unit of a participant of <see cref="Treated"/>.</summary>
    public static ImpactUnit TreatedUnit(TrainingData data, Participant p) => Build(Employees(data), p.Employee, p.Cohort, AllJenis(data))! with { Treated = true };

    /// <summary>
    /// Not-yet-treated controls of cohort qe (Callaway &amp; Sant'Anna 2021): complete windows, no record of the group
    /// overlapping the window and no lulus record of the group before it — never trained in the group, or only later.
    /// Written into <paramref name="employees"/> (their index in <see cref="TrainingData.Panel"/>, in panel order);
    /// returns how many. <see cref="Unit"/> builds the units that are drawn.
    /// </summary>
    /// <param name="blocked">The group's records as cohorts they rule out (<see cref="Blocked"/>), found once for all its cohorts.</param>
    /// <param name="withBaseline">Only employees with a baseline outcome (a quarter in qe−4 … qe−2).</param>
    public static int NotYetTreated(TrainingData data, BlockedCohorts blocked, int qe, bool withBaseline, int[] employees)
    {
        var window = Window(data, qe);
        var n = 0;
        for (var i = 0; i < window.Employees.Length; i++)
        {
            if (withBaseline && !window.HasBaseline[i]) continue;
            var e = window.Employees[i];
            if (!blocked.RulesOut(e, qe)) employees[n++] = e;
        }
        return n;
    }

    /// <summary>The control unit of employee <paramref name="employee"/> (panel index) of <see cref="NotYetTreated"/> in cohort qe.</summary>
    public static ImpactUnit Unit(TrainingData data, int employee, int qe) => Build(Employees(data), employee, qe, AllJenis(data))!;

    /// <summary>
    /// The cohorts each employee's records of the group rule out as a control: solving <see cref="Overlaps"/> for qe, a record
    /// overlaps the windows of cohorts start quarter − 2 … end quarter + 1; a lulus record rules out every cohort from its start
    /// quarter − 2 on (overlapping, or completed before), any other record the cohorts it overlaps.
    /// </summary>
    public static BlockedCohorts Blocked(TrainingData data, TrainingGroup group)
    {
        var (members, employees) = (data.Members(group), MemberEmployees(data, Employees(data), group));
        var blocked = new BlockedCohorts();
        for (var k = 0; k < members.Count; k++)
            if ((members[k], employees[k]) is var (t, e) && e >= 0)
                blocked.Add(e, t.QuarterMulai - 2, t.Lulus ? int.MaxValue : t.QuarterSelesai + 1);
        return blocked;
    }

    /// <summary>Jenis of the OtherDose columns (<see cref="Build"/>), in order.</summary>
    public static string[] AllJenis(TrainingData data) =>
        JenisCache.GetValue(data, d => [.. d.Trainings.Select(t => t.Jenis).Distinct().Order(StringComparer.Ordinal)]);

    /// <summary>Whether the record overlaps the window of cohort qe, quarters qe−1 … qe+2.</summary>
    private static bool Overlaps(TrainingRecord t, int qe) => t.QuarterMulai <= qe + 2 && t.QuarterSelesai >= qe - 1;

    /// <summary>Whether another lulus record of the group, among the employee's <paramref name="records"/>, overlaps the window of cohort qe.</summary>
    private static bool AnotherInWindow(IReadOnlyList<TrainingRecord> records, TrainingGroup group, TrainingRecord first, int qe)
    {
        for (var i = 0; i < records.Count; i++)   // by index: foreach over the interface boxed an enumerator per participant
        {
            var t = records[i];
            if (Overlaps(t, qe) && t != first && t.Lulus && group.Contains(t)) return true;
        }
        return false;
    }

    /// <summary>
    /// The panel's employees by index (panel order): NIP, quarters and training records (<see cref="TrainingData.ByEmployee"/>),
    /// and the index of each NIP, per TrainingData. The estimates look employees up by index: at 1 M employees the lookups by
    /// NIP (hashing an 18-character string each time) were ~12 of the 44 CPU-seconds of the estimates outside the bootstrap.
    /// </summary>
    private sealed record PanelIndex(string[] Nips, QuarterSeries[] Series, IReadOnlyList<TrainingRecord>[] Records, Dictionary<string, int> Index)
    {
        /// <summary>Per group, the panel index of each of its records' employee (−1 outside the panel), in <see cref="TrainingData.Members"/> order.</summary>
        public System.Collections.Concurrent.ConcurrentDictionary<TrainingGroup, int[]> MemberEmployees { get; } = new();
    }

    /// <summary>The panel index of the employee of each of the group's records (−1: not in the panel), found once per group.</summary>
    private static int[] MemberEmployees(TrainingData data, PanelIndex panel, TrainingGroup group) =>
        panel.MemberEmployees.GetOrAdd(group, g =>
        {
            var members = data.Members(g);
            var employees = new int[members.Count];
            for (var k = 0; k < members.Count; k++)
                employees[k] = panel.Index.TryGetValue(members[k].Nip, out var e) ? e : -1;
            return employees;
        });

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<TrainingData, PanelIndex> IndexCache = new();

    /// <remarks>Built under a lock: groups are estimated in parallel, and GetValue alone may build the 1 M-entry index once per
    /// thread. Once built it is read without the lock: <see cref="Unit"/> asks for it per candidate drawn, and at 1 M employees
    /// the threads spent 9.5 s of a refresh waiting for each other there.</remarks>
    private static PanelIndex Employees(TrainingData data)
    {
        if (IndexCache.TryGetValue(data, out var built)) return built;
        lock (IndexCache)
            return IndexCache.GetValue(data, d =>
            {
                var (nips, series, records) = (new string[d.Panel.Count], new QuarterSeries[d.Panel.Count], new IReadOnlyList<TrainingRecord>[d.Panel.Count]);
                var index = new Dictionary<string, int>(nips.Length, StringComparer.Ordinal);
                var i = 0;
                foreach (var (nip, s) in d.Panel)
                {
                    nips[i] = nip;
                    series[i] = s;
                    records[i] = d.ByEmployee.TryGetValue(nip, out var list) ? list : [];
                    index[nip] = i++;
                }
                return new PanelIndex(nips, series, records, index);
            });
    }

    /// <summary>The employees (panel index, in panel order) with complete windows in a cohort, and whether each has a baseline.</summary>
    private sealed record CohortWindow(int[] Employees, bool[] HasBaseline);

    /// <summary>
    /// Per TrainingData and cohort, found once for all groups. Only indices are kept: the units of every employee in every
    /// cohort held gigabytes at 1 M employees.
    /// </summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<TrainingData, Dictionary<int, CohortWindow>> Cache = new();

    private static CohortWindow Window(TrainingData data, int qe)
    {
        var cache = Cache.GetOrCreateValue(data);
        lock (cache)
        {
            if (cache.TryGetValue(qe, out var cached)) return cached;
            var series = Employees(data).Series;
            var (employees, hasBaseline) = (new List<int>(), new List<bool>());
            for (var e = 0; e < series.Length; e++)
                if (Complete(series[e], qe)) { employees.Add(e); hasBaseline.Add(HasBaseline(series[e], qe)); }
            return cache[qe] = new([.. employees], [.. hasBaseline]);
        }
    }

    private static bool HasBaseline(QuarterSeries s, int qe) => s.TryGetValue(qe - 4, out _) || s.TryGetValue(qe - 3, out _) || s.TryGetValue(qe - 2, out _);

    private static bool Complete(QuarterSeries s, int qe) =>
        s.TryGetValue(qe - 1, out _) && s.TryGetValue(qe, out _) && s.TryGetValue(qe + 1, out _) && s.TryGetValue(qe + 2, out _);

    /// <summary>Jenis of the OtherDose columns, per TrainingData.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<TrainingData, string[]> JenisCache = new();

    private static ImpactUnit? Build(PanelIndex panel, int employee, int qe, string[] jenis)
    {
        var s = panel.Series[employee];
        if (!s.TryGetValue(qe - 1, out var p1) || !s.TryGetValue(qe, out var p2)) return null;
        if (!s.TryGetValue(qe + 1, out var a1) || !s.TryGetValue(qe + 2, out var a2)) return null;
        double sum = 0; var n = 0;
        for (var q = qe - 4; q <= qe - 2; q++)
            if (s.TryGetValue(q, out var b)) { sum += b.Outcome; n++; }
        // Rounded so that equal baselines are equal doubles whatever order their quarters were summed in (88.56666666666668
        // against …666): otherwise last-bit noise ordered equal logits and decided matches (Matching.Tie).
        double? baseline = n > 0 ? Math.Round(sum / n, 9) : null;
        var dose = new double[jenis.Length];
        var list = panel.Records[employee];
        if (list.Count > 0)
        {
            // The lulus records' jenis, quarter and year, worked out once rather than for every jenis and quarter.
            var done = list.Count <= 64 ? stackalloc (int Jenis, int Quarter, int Year)[list.Count] : new (int, int, int)[list.Count];
            var m = 0;
            for (var i = 0; i < list.Count; i++)
                if (list[i] is { Lulus: true } t) done[m++] = (Array.IndexOf(jenis, t.Jenis), t.QuarterSelesai, t.Selesai.Year);
            done = done[..m];
            for (var j = 0; j < jenis.Length; j++)
                dose[j] = (Completed(done, j, qe + 1) + Completed(done, j, qe + 2) - Completed(done, j, qe - 1) - Completed(done, j, qe)) / 2.0;
        }
        return new ImpactUnit(panel.Nips[employee], qe, false, (p1.Outcome + p2.Outcome) / 2, (a1.Outcome + a2.Outcome) / 2, baseline,
            p2.Outcome - p1.Outcome, p2, dose);
    }

    /// <summary>Completed trainings of jenis j in effect in quarter q: distinct years with a lulus record ended before q.</summary>
    private static int Completed(ReadOnlySpan<(int Jenis, int Quarter, int Year)> done, int j, int q)
    {
        var n = 0;
        for (var i = 0; i < done.Length; i++)
        {
            if (done[i].Jenis != j || done[i].Quarter >= q) continue;
            var seen = false;
            for (var k = 0; k < i && !seen; k++) seen = done[k].Jenis == j && done[k].Quarter < q && done[k].Year == done[i].Year;
            if (!seen) n++;
        }
        return n;
    }

}

/// <summary>
/// The cohorts a group's records rule out as a control, per employee (panel index): intervals of cohort quarters. Most
/// employees have one record of a group, so the first interval is kept apart from the rare further ones.
/// </summary>
internal sealed class BlockedCohorts
{
    private readonly Dictionary<int, (int From, int To)> first = [];
    private readonly Dictionary<int, List<(int From, int To)>> more = [];

    public void Add(int employee, int from, int to)
    {
        if (first.TryAdd(employee, (from, to))) return;
        if (!more.TryGetValue(employee, out var list)) more[employee] = list = [];
        list.Add((from, to));
    }

    /// <summary>Whether one of the employee's records rules out cohort qe.</summary>
    public bool RulesOut(int employee, int qe)
    {
        if (!first.TryGetValue(employee, out var interval)) return false;
        if (interval.From <= qe && qe <= interval.To) return true;
        return more.TryGetValue(employee, out var list) && Any(list, qe);
    }

    // Not List.Exists with a lambda: capturing qe made every call allocate a closure, even when it returned above (at 1 M
    // employees 8 GB over a refresh, this being called for every employee of every cohort of every group).
    private static bool Any(List<(int From, int To)> intervals, int qe)
    {
        foreach (var (from, to) in intervals)
            if (from <= qe && qe <= to) return true;
        return false;
    }
}
