namespace Kepegawaian.Analytics.Training;

/// <summary>A training group: a jenis_pelatihan or a kode_pelatihan.</summary>
public sealed record TrainingGroup(string Name, string Kind)
{
    public const string Jenis = "jenis";
    public const string Kode = "kode";

    public bool Contains(TrainingRecord t) => Kind == Jenis ? t.Jenis == Name : t.Kode == Name;
}

/// <summary>Point estimate with a 95 % CI.</summary>
public sealed record Estimate(double Value, double CiLow, double CiHigh, double PValue, int N);

/// <summary>Kirkpatrick level 3 result of <see cref="TrainingImpact.Estimate"/> (spec §4). Numbers are null when Status says why.</summary>
public sealed record ImpactResult(
    TrainingGroup Group,
    string Status,
    bool Estimated,
    Estimate? Att,
    int NTreated,
    int NControl,
    int NTreatedEligible,
    int NUnmatched,
    double? MaxSmd,
    double? CohensD,
    Estimate? Pretrend,
    string? Pool,
    double? Naive,
    IReadOnlyList<(int Relative, Estimate Estimate)> EventStudy);

/// <summary>
/// Matched difference-in-differences for one training group (spec §4):
/// <list type="bullet">
/// <item>Treated: employees whose first <c>lulus</c> record of the group starts in quarter qs and ends in qe;
/// pre window qs−2, qs−1; post window qe+1, qe+2 (quarter-aligned); outcome change ΔY = mean(post) − mean(pre).</item>
/// <item>Controls of a cohort (qs, qe): employees with no record of the group overlapping [start of qs−2, end of qe+2];
/// the clean pool (no training at all there) when it holds ≥ CleanPoolRatio candidates per treated in every cohort,
/// else the pool without the group's training (reported in Pool).</item>
/// <item>Propensity: ridge logistic model (IRLS, MathNet) on pre outcome and dummies for unit, golongan,
/// jenis_jabatan and cohort; greedy 1:1 nearest-neighbour matching on the logit within the cohort,
/// without replacement (a control employee is used once per group), caliper 0.2 SD of the logit;
/// treated without a control inside the caliper are dropped and counted.</item>
/// <item>ATT = mean over pairs of ΔY_treated − ΔY_control; 95 % CI and p-value from the paired t distribution
/// (pairs are independent because no control is reused; the propensity model's own uncertainty is ignored).</item>
/// </list>
/// </summary>
public static class TrainingImpact
{
    private sealed record Unit(string Nip, int Cohort, int Qs, int Qe, bool Treated, double Pre, double Post, double Baseline,
        double? PreChange, QuarterObservation Covariates)
    {
        public double Delta => Post - Pre;
    }

    public static ImpactResult Estimate(TrainingData data, TrainingGroup group, DiklatOptions options)
    {
        var treatedAll = TreatedUnits(data, group, options);
        var eligible = treatedAll.Count;
        ImpactResult Fail(string status, string? pool = null, int nControl = 0) =>
            new(group, status, false, null, eligible, nControl, eligible, 0, null, null, null, pool, null, []);
        if (eligible < options.MinTreated)
            return Fail($"terlalu kecil: {eligible} peserta lulus dengan data kinerja lengkap (perlu ≥ {options.MinTreated})");

        var (treated, candidates, pool) = Candidates(data, group, treatedAll, options);
        eligible = treated.Count;
        if (candidates.Count < options.MinControls)
            return Fail($"kontrol terlalu sedikit: {candidates.Count} (perlu ≥ {options.MinControls})", pool, candidates.Count);

        var naive = treated.Average(u => u.Post) - candidates.Average(u => u.Post);
        var all = treated.Concat(candidates).ToList();
        var logit = PropensityModel.FitPredictLogit(Covariates.Design(all), all.Select(u => u.Treated).ToList(), options.Ridge);
        var pairs = Match(all, logit, options.CaliperSd);
        var unmatched = eligible - pairs.Count;
        var nControl = pairs.Count;
        if (pairs.Count < options.MinTreated)
            return Fail($"terlalu kecil setelah pencocokan: {pairs.Count} pasangan (perlu ≥ {options.MinTreated})", pool, nControl)
                with { NUnmatched = unmatched, Naive = naive };

        var att = Paired(pairs.Select(p => p.T.Delta - p.C.Delta).ToList());
        static BalanceRow Row(Unit u) => new(u.Baseline, u.Pre, u.Covariates.Unit, u.Covariates.Golongan, u.Covariates.Jabatan);
        var (maxSmd, worst) = Balance.MaxSmd([.. pairs.Select(p => Row(p.T))], [.. pairs.Select(p => Row(p.C))], options.MinBalanceLevelSize);
        var sdT = StdDev(pairs.Select(p => p.T.Delta)); var sdC = StdDev(pairs.Select(p => p.C.Delta));
        var pooledSd = Math.Sqrt((sdT * sdT + sdC * sdC) / 2);
        var placeboDiffs = pairs.Where(p => p.T.PreChange is not null && p.C.PreChange is not null)
            .Select(p => p.T.PreChange!.Value - p.C.PreChange!.Value).ToList();
        var pretrend = placeboDiffs.Count >= 3 ? Paired(placeboDiffs) : null;
        var events = EventStudy(data, pairs);

        var notes = new List<string>();
        if (maxSmd > options.MaxSmdWarning) notes.Add($"peringatan: keseimbangan kovariat kurang (max SMD {maxSmd:0.000} > {options.MaxSmdWarning:0.0##}, pada {worst})");
        if (pretrend is not null && pretrend.PValue < 0.05) notes.Add("peringatan: uji tren-awal (plasebo) signifikan");
        if (unmatched > 0) notes.Add($"{unmatched} peserta tanpa pasangan dalam caliper");
        if (pool != "bersih") notes.Add("kontrol bersih terlalu sedikit: dipakai pegawai tanpa pelatihan kelompok ini");
        var status = notes.Count == 0 ? "ok" : "ok; " + string.Join("; ", notes);
        return new ImpactResult(group, status, true, att, pairs.Count, nControl, eligible, unmatched, maxSmd,
            pooledSd > 0 ? att.Value / pooledSd : null, pretrend, pool, naive, events);
    }

    /// <summary>
    /// Each employee's first lulus record of the group, with complete windows; dropped when a second lulus record of the
    /// group starts inside the window (the estimand is one completion). Clean = no other training in the window.
    /// </summary>
    private static List<(Unit Unit, bool Clean)> TreatedUnits(TrainingData data, TrainingGroup group, DiklatOptions options)
    {
        var result = new List<(Unit, bool)>();
        foreach (var first in data.Trainings.Where(t => t.Lulus && group.Contains(t)).GroupBy(t => t.Nip).Select(g => g.MinBy(t => t.Mulai)!))
        {
            var (qs, qe) = (first.QuarterMulai, first.QuarterSelesai);
            var inWindow = InWindow(data, first.Nip, qs, qe).Where(t => t != first).ToList();
            if (inWindow.Any(t => t.Lulus && group.Contains(t))) continue;
            if (Outcomes(data, first.Nip, qs, qe, treated: true, options) is { } u) result.Add((u, inWindow.All(group.Contains)));
        }
        return result;
    }

    /// <summary>Training records overlapping [start of qs−2, end of qe+2].</summary>
    private static IEnumerable<TrainingRecord> InWindow(TrainingData data, string nip, int qs, int qe)
    {
        var start = QuarterStart(qs - 2);
        var end = QuarterStart(qe + 3);   // exclusive
        return data.ByEmployee.TryGetValue(nip, out var list) ? list.Where(t => t.Mulai < end && t.Selesai >= start) : [];
    }

    private static Unit? Outcomes(TrainingData data, string nip, int qs, int qe, bool treated, DiklatOptions options)
    {
        if (!data.Panel.TryGetValue(nip, out var series)) return null;
        var pre = Mean(series, qs - 2, qs - 1);
        var post = Mean(series, qe + 1, qe + 2);
        if (pre is null || post is null) return null;
        var baseline = options.MatchOnPreWindow ? pre : Mean(series, qs - 4, qs - 3);
        if (baseline is null) return null;
        var covariates = series.TryGetValue(qs - 1, out var last) ? last : series[qs - 2];
        double? preChange = series.TryGetValue(qs - 1, out var a) && series.TryGetValue(qs - 2, out var b) ? a.Outcome - b.Outcome : null;
        return new Unit(nip, Cohort(qs, qe), qs, qe, treated, pre.Value, post.Value, baseline.Value, preChange, covariates);
    }

    private static int Cohort(int qs, int qe) => qs * 1000 + (qe - qs);

    private static double? Mean(Dictionary<int, QuarterObservation> series, int from, int to)
    {
        double sum = 0; var n = 0;
        for (var q = from; q <= to; q++)
            if (series.TryGetValue(q, out var o)) { sum += o.Outcome; n++; }
        return n == 0 ? null : sum / n;
    }

    /// <summary>
    /// Control candidates per cohort, and the pool: "bersih" (treated and controls without any other training in the
    /// window, so neither side carries other courses' effects) when it has ≥ MinTreated treated and ≥ CleanPoolRatio
    /// candidates per treated in every cohort; otherwise "tanpa_kelompok" (all treated; controls without this group's training).
    /// </summary>
    private static (List<Unit> Treated, List<Unit> Candidates, string Pool) Candidates(TrainingData data, TrainingGroup group,
        List<(Unit Unit, bool Clean)> treatedAll, DiklatOptions options)
    {
        var rng = new Random(options.Seed);
        var cleanTreated = treatedAll.Where(t => t.Clean).Select(t => t.Unit).ToList();
        var cohorts = treatedAll.Select(t => t.Unit).GroupBy(u => u.Cohort).ToList();
        var clean = new Dictionary<int, List<Unit>>();
        var noGroup = new Dictionary<int, List<Unit>>();
        foreach (var cohort in cohorts)
        {
            var (qs, qe) = (cohort.First().Qs, cohort.First().Qe);
            var c = new List<Unit>(); var g = new List<Unit>();
            foreach (var (u, overlapping) in WindowUnits(data, qs, qe, options))
            {
                if (overlapping.Any(group.Contains)) continue;
                g.Add(u);
                if (overlapping.Length == 0) c.Add(u);
            }
            clean[cohort.Key] = c; noGroup[cohort.Key] = g;
        }
        var cleanCohorts = cleanTreated.GroupBy(u => u.Cohort).ToList();
        var useClean = cleanTreated.Count >= options.MinTreated
            && cleanCohorts.All(k => clean[k.Key].Count >= options.CleanPoolRatio * k.Count())
            && cleanCohorts.Sum(k => clean[k.Key].Count) >= options.MinControls;
        var treated = useClean ? cleanTreated : treatedAll.Select(t => t.Unit).ToList();
        var chosen = useClean ? clean : noGroup;
        var result = new List<Unit>();
        foreach (var cohort in treated.GroupBy(u => u.Cohort))
        {
            var list = chosen[cohort.Key];
            var cap = options.MaxCandidatesPerTreated * cohort.Count();
            result.AddRange(list.Count <= cap ? list : list.OrderBy(_ => rng.Next()).Take(cap));
        }
        return (treated, result, useClean ? "bersih" : "tanpa_kelompok");
    }

    /// <summary>Per TrainingData: every group asks for the same few (qs, qe) windows, so each is built once.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<TrainingData, Dictionary<(int, int, bool), List<(Unit, TrainingRecord[])>>> WindowCache = new();

    /// <summary>Every employee (panel order) with complete outcome windows for (qs, qe), as a control, and its training records in the window.</summary>
    private static List<(Unit Unit, TrainingRecord[] Overlapping)> WindowUnits(TrainingData data, int qs, int qe, DiklatOptions options)
    {
        var cache = WindowCache.GetOrCreateValue(data);
        lock (cache)
        {
            var key = (qs, qe, options.MatchOnPreWindow);
            if (cache.TryGetValue(key, out var cached)) return cached;
            var list = new List<(Unit, TrainingRecord[])>();
            foreach (var nip in data.Panel.Keys)
                if (Outcomes(data, nip, qs, qe, treated: false, options) is { } u)
                    list.Add((u, InWindow(data, nip, qs, qe).ToArray()));
            return cache[key] = list;
        }
    }

    private static DateOnly QuarterStart(int index) => new(index / 4, index % 4 * 3 + 1, 1);

    private static List<(Unit T, Unit C)> Match(List<Unit> all, double[] logit, double caliperSd)
    {
        var caliper = caliperSd * StdDev(logit);
        var pairs = new List<(Unit, Unit)>();
        var used = new HashSet<string>();
        var indexed = all.Select((u, i) => (Unit: u, Logit: logit[i])).ToList();
        foreach (var cohort in indexed.GroupBy(x => x.Unit.Cohort))
        {
            var controls = cohort.Where(x => !x.Unit.Treated).OrderBy(x => x.Logit).ToList();
            var keys = controls.Select(x => x.Logit).ToArray();
            // Hardest to match (highest propensity) first, so they get the scarce close controls.
            foreach (var t in cohort.Where(x => x.Unit.Treated).OrderByDescending(x => x.Logit))
            {
                var pos = Array.BinarySearch(keys, t.Logit);
                if (pos < 0) pos = ~pos;
                int best = -1; var bestDistance = double.MaxValue;
                for (var i = pos - 1; i >= 0 && t.Logit - keys[i] <= caliper; i--)
                    if (!used.Contains(controls[i].Unit.Nip)) { best = i; bestDistance = t.Logit - keys[i]; break; }
                for (var i = pos; i < keys.Length && keys[i] - t.Logit <= caliper && keys[i] - t.Logit < bestDistance; i++)
                    if (!used.Contains(controls[i].Unit.Nip)) { best = i; break; }
                if (best < 0) continue;
                used.Add(controls[best].Unit.Nip);
                pairs.Add((t.Unit, controls[best].Unit));
            }
        }
        return pairs;
    }

    /// <summary>Mean of paired differences with a t-interval and two-sided p-value (MathNet Student t).</summary>
    internal static Estimate Paired(IReadOnlyList<double> diffs)
    {
        var n = diffs.Count;
        var mean = diffs.Average();
        var se = StdDev(diffs) / Math.Sqrt(n);
        var t = MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, n - 1, 0.975);
        var p = se > 0 ? 2 * (1 - MathNet.Numerics.Distributions.StudentT.CDF(0, 1, n - 1, Math.Abs(mean / se))) : (mean == 0 ? 1 : 0);
        return new Estimate(mean, mean - t * se, mean + t * se, p, n);
    }

    internal static double StdDev(IEnumerable<double> values) => MathNet.Numerics.Statistics.Statistics.StandardDeviation(values);

    /// <summary>Effect per quarter relative to training: k &lt; 0 → qs + k, k = 0 → qs, k &gt; 0 → qe + k, each against the pre-window mean.</summary>
    private static IReadOnlyList<(int, Estimate)> EventStudy(TrainingData data, List<(Unit T, Unit C)> pairs)
    {
        var result = new List<(int, Estimate)>();
        for (var k = -4; k <= 4; k++)
        {
            var diffs = new List<double>();
            foreach (var (t, c) in pairs)
            {
                var q = k < 0 ? t.Qs + k : k == 0 ? t.Qs : t.Qe + k;
                if (data.Panel[t.Nip].TryGetValue(q, out var yt) && data.Panel[c.Nip].TryGetValue(q, out var yc))
                    diffs.Add((yt.Outcome - t.Pre) - (yc.Outcome - c.Pre));
            }
            if (diffs.Count >= 3) result.Add((k, Paired(diffs)));
        }
        return result;
    }

    /// <summary>Covariates of the propensity model and of the balance check.</summary>
    private static class Covariates
    {
        public static MathNet.Numerics.LinearAlgebra.Matrix<double> Design(List<Unit> units)
        {
            var pre = units.Select(u => u.Baseline).ToArray();
            var (m, s) = (pre.Average(), Math.Max(StdDev(pre), 1e-9));
            var columns = new List<double[]> { pre.Select(v => (v - m) / s).ToArray() };
            foreach (var selector in Categorical(includeCohort: true))
                columns.AddRange(Dummies(units.Select(selector).ToList(), dropFirst: true));
            return MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfColumnArrays(columns);
        }


        private static IEnumerable<Func<Unit, string>> Categorical(bool includeCohort)
        {
            yield return u => u.Covariates.Unit;
            yield return u => u.Covariates.Golongan;
            yield return u => u.Covariates.Jabatan;
            if (includeCohort) yield return u => u.Cohort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        private static IEnumerable<double[]> Dummies(List<string> values, bool dropFirst)
        {
            var levels = values.Distinct().Order(StringComparer.Ordinal).ToList();
            foreach (var level in dropFirst ? levels.Skip(1) : levels)
                yield return values.Select(v => v == level ? 1.0 : 0.0).ToArray();
        }
    }
}
