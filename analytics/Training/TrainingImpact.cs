using Kepegawaian.Analytics.Common;

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
/// Staggered-adoption matched difference-in-differences for one training group (spec §4):
/// <list type="bullet">
/// <item>Treated: every employee's first <c>lulus</c> record of the group; cohort = quarter qe of completion; outcome change
/// ΔY = mean(qe+1, qe+2) − mean(qe−1, qe) (<see cref="ImpactUnit"/>).</item>
/// <item>Controls of cohort qe: not-yet-treated employees (no record of the group in the window, no lulus record of it
/// before) — never trained in the group or trained later (Callaway &amp; Sant'Anna 2021).</item>
/// <item>Propensity: ridge logistic model (IRLS, MathNet) on the baseline outcome (qe−4 … qe−2; left out when fewer than
/// <see cref="DiklatOptions.MinBaselineShare"/> of the treated have one, e.g. new CPNS in latsar) and dummies for unit,
/// golongan, jenis_jabatan and cohort; greedy nearest-neighbour matching of up to <see cref="DiklatOptions.ControlsPerTreated"/> controls
/// per treated on the logit within the cohort, without replacement, caliper 0.2 SD of the logit.</item>
/// <item>ATT = intercept of the OLS of ΔY_treated − mean ΔY of its controls on the same differences of other trainings completed in
/// the window (<see cref="ImpactUnit.OtherDose"/>), so nobody is discarded for having taken another course.</item>
/// <item>CI and p from a bootstrap over employees (B = <see cref="DiklatOptions.BootstrapReplicates"/>, seeded) that re-fits
/// the propensity model and re-matches in every replicate, so the CI includes their uncertainty.</item>
/// <item>Not published (status says why) when the baseline outcome stays imbalanced after matching (SMD &gt;
/// <see cref="DiklatOptions.MaxSmdFail"/>).</item>
/// </list>
/// </summary>
public static class TrainingImpact
{
    private sealed record Fit(double Att, double Se, List<Matched> Pairs);

    public static ImpactResult Estimate(TrainingData data, TrainingGroup group, DiklatOptions options, CancellationToken ct = default)
    {
        var treatedAll = ImpactSample.Treated(data, group);
        var eligible = treatedAll.Count;
        ImpactResult Fail(string status, string? pool = null, int nControl = 0) =>
            new(group, status, false, null, eligible, nControl, eligible, 0, null, null, null, pool, null, []);
        if (eligible < options.MinTreated)
            return Fail($"terlalu kecil: {eligible} peserta lulus dengan nilai kinerja pada triwulan selesai, sebelumnya dan dua sesudahnya (perlu ≥ {options.MinTreated})");

        var useBaseline = treatedAll.Count(u => u.Baseline is not null) >= options.MinBaselineShare * eligible;
        var treated = useBaseline ? treatedAll.Where(u => u.Baseline is not null).ToList() : treatedAll;
        var pool = useBaseline ? "belum_dilatih" : "belum_dilatih; tanpa nilai awal";
        var candidates = Candidates(data, group, treated, useBaseline, options);
        eligible = treated.Count;
        if (candidates.Count < options.MinControls)
            return Fail($"kontrol terlalu sedikit: {candidates.Count} pegawai belum dilatih (perlu ≥ {options.MinControls})", pool, candidates.Count);

        var jenisOfGroup = group.Kind == TrainingGroup.Jenis ? group.Name : data.Trainings.First(group.Contains).Jenis;
        var allJenis = ImpactSample.AllJenis(data);
        var doseColumns = Enumerable.Range(0, allJenis.Length).Where(j => allJenis[j] != jenisOfGroup).ToArray();
        var naive = treated.Average(u => u.Post) - candidates.Average(u => u.Post);
        var covariates = new Covariates(treated.Concat(candidates));
        var fit = Core(treated, candidates, useBaseline, doseColumns, options, covariates);
        if (fit is null || fit.Pairs.Count < options.MinTreated)
            return Fail($"terlalu kecil setelah pencocokan: {fit?.Pairs.Count ?? 0} pasangan (perlu ≥ {options.MinTreated})", pool, fit?.Pairs.Count ?? 0)
                with { Naive = naive };
        var pairs = fit.Pairs;
        var unmatched = eligible - pairs.Count;

        // Balance on what the matching controls: the baseline outcome (when used) and unit/golongan/jabatan. The pre-window
        // level is not a matching target of a DiD (the persistent level cancels in ΔY; matching on it would bring regression
        // to the mean into ΔY); parallel trends are checked by the placebo below.
        BalanceRow Row(ImpactUnit u) => new(useBaseline ? u.Baseline : null, null, u.Covariates.Unit, u.Covariates.Golongan, u.Covariates.Jabatan);
        var controls = pairs.SelectMany(p => p.C).ToList();
        var (maxSmd, worst) = Balance.MaxSmd([.. pairs.Select(p => Row(p.T))], [.. controls.Select(Row)], options.MinBalanceLevelSize);
        var outcomeSmd = useBaseline ? Balance.Smd([.. pairs.Select(p => p.T.Baseline!.Value)], [.. controls.Select(u => u.Baseline!.Value)]) : 0;
        if (outcomeSmd > options.MaxSmdFail)
            return Fail($"keseimbangan tidak tercapai: SMD kinerja awal {outcomeSmd:0.000} > {options.MaxSmdFail:0.0##} setelah pencocokan", pool, controls.Count)
                with { NTreated = pairs.Count, NUnmatched = unmatched, MaxSmd = maxSmd, Naive = naive };

        var att = Interval(fit, Bootstrap(treated, candidates, useBaseline, doseColumns, options, group, covariates, ct), pairs.Count);
        var sdT = StdDev(pairs.Select(p => p.T.Delta)); var sdC = StdDev(controls.Select(u => u.Delta));
        var pooledSd = Math.Sqrt((sdT * sdT + sdC * sdC) / 2);
        var placeboDiffs = pairs.Select(p => p.T.PreChange!.Value - p.C.Average(u => u.PreChange!.Value)).ToList();
        var pretrend = placeboDiffs.Count >= 3 ? Paired(placeboDiffs) : null;
        var events = EventStudy(data, pairs);

        var notes = new List<string>();
        if (maxSmd > options.MaxSmdWarning) notes.Add($"peringatan: keseimbangan kovariat kurang (max SMD {maxSmd:0.000} > {options.MaxSmdWarning:0.0##}, pada {worst})");
        if (pretrend is not null && pretrend.PValue < 0.05) notes.Add("peringatan: uji tren-awal (plasebo) signifikan");
        if (unmatched > 0) notes.Add($"{unmatched} peserta tanpa pasangan dalam caliper");
        if (!useBaseline) notes.Add($"dicocokkan tanpa kinerja awal: kurang dari {options.MinBaselineShare:P0} peserta punya penilaian sebelum triwulan qe−1 (awal data atau pegawai baru seperti CPNS); tingkat kinerja tidak perlu setara karena DiD memakai perubahan");
        var status = notes.Count == 0 ? "ok" : "ok; " + string.Join("; ", notes);
        return new ImpactResult(group, status, true, att, pairs.Count, controls.Count, eligible, unmatched, maxSmd,
            pooledSd > 0 ? att.Value / pooledSd : null, pretrend, pool, naive, events);
    }

    /// <summary>Not-yet-treated candidates of each cohort, at most MaxCandidatesPerTreated per treated (seeded draw).</summary>
    private static List<ImpactUnit> Candidates(TrainingData data, TrainingGroup group, List<ImpactUnit> treated, bool useBaseline, DiklatOptions options)
    {
        var rng = new Random(options.Seed);
        var result = new List<ImpactUnit>();
        foreach (var cohort in treated.GroupBy(u => u.Cohort).OrderBy(g => g.Key))
        {
            var list = ImpactSample.NotYetTreated(data, group, cohort.Key).Where(u => !useBaseline || u.Baseline is not null).ToList();
            var cap = options.MaxCandidatesPerTreated * cohort.Count();
            result.AddRange(list.Count <= cap ? list : list.OrderBy(_ => rng.Next()).Take(cap));
        }
        return result;
    }

    /// <summary>Propensity fit, matching and the dose-adjusted ATT on one sample (the data or a bootstrap replicate).</summary>
    private static Fit? Core(List<ImpactUnit> treated, List<ImpactUnit> candidates, bool useBaseline, int[] doseColumns, DiklatOptions options,
        Covariates covariates)
    {
        var all = treated.Concat(candidates).ToList();
        if (treated.Count < 3 || candidates.Count < 3) return null;
        var logit = PropensityModel.FitPredictLogit(covariates.Design(all, useBaseline), all.Select(u => u.Treated).ToList(), options.Ridge);
        var pairs = Matching.Greedy(all, logit, options.CaliperSd, options.ControlsPerTreated);
        if (pairs.Count < 3) return null;
        var d = pairs.Select(p => p.T.Delta - p.C.Average(u => u.Delta)).ToArray();
        var columns = doseColumns.Select(j => pairs.Select(p => p.T.OtherDose[j] - p.C.Average(u => u.OtherDose[j])).ToArray())
            .Where(c => c.Any(v => v != 0)).ToList();
        var (att, se) = DoseAdjusted.Intercept(d, columns);
        return new Fit(att, se, pairs);
    }

    /// <summary>Bootstrap over employees: resample them with replacement (all their cohort units together), re-fit, re-match.</summary>
    private static List<double> Bootstrap(List<ImpactUnit> treated, List<ImpactUnit> candidates, bool useBaseline, int[] doseColumns,
        DiklatOptions options, TrainingGroup group, Covariates covariates, CancellationToken ct)
    {
        if (options.BootstrapReplicates <= 0) return [];
        var byNip = treated.Concat(candidates).GroupBy(u => u.Nip).Select(g => g.ToArray()).ToArray();
        // The draws come from one seeded sequence, in replicate order; only the re-fits run in parallel, so the
        // result does not depend on the number of cores.
        var rng = new Random(options.Seed ^ StableHash(group.Kind + ":" + group.Name));
        var draws = new int[options.BootstrapReplicates][];
        for (var b = 0; b < draws.Length; b++)
        {
            draws[b] = new int[byNip.Length];
            for (var i = 0; i < byNip.Length; i++) draws[b][i] = rng.Next(byNip.Length);
        }
        var atts = new double?[draws.Length];
        Parallel.For(0, draws.Length, ComputeThreads.Options(ct), b =>
        {
            var (t, c) = (new List<ImpactUnit>(treated.Count), new List<ImpactUnit>(candidates.Count));
            foreach (var pick in draws[b])
                foreach (var u in byNip[pick])
                    (u.Treated ? t : c).Add(u);
            atts[b] = Core(t, c, useBaseline, doseColumns, options, covariates)?.Att;
        });
        return [.. atts.OfType<double>()];
    }

    /// <summary>Normal interval with the bootstrap SE (the OLS SE when there are fewer than 20 replicates).</summary>
    private static Estimate Interval(Fit fit, List<double> replicates, int n)
    {
        var se = replicates.Count >= 20 ? StdDev(replicates) : fit.Se;
        var z = MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, 0.975);
        var p = se > 0 ? 2 * (1 - MathNet.Numerics.Distributions.Normal.CDF(0, 1, Math.Abs(fit.Att / se))) : (fit.Att == 0 ? 1 : 0);
        return new Estimate(fit.Att, fit.Att - z * se, fit.Att + z * se, p, n);
    }

    private static int StableHash(string s)
    {
        var h = 17;
        foreach (var ch in s) h = unchecked(h * 31 + ch);
        return h;
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

    /// <summary>Effect per quarter relative to completion (qe + k, k = −3 … 2), each against the pre-window mean; not dose-adjusted.</summary>
    private static IReadOnlyList<(int, Estimate)> EventStudy(TrainingData data, List<Matched> pairs)
    {
        var result = new List<(int, Estimate)>();
        for (var k = -3; k <= 2; k++)
        {
            var diffs = new List<double>();
            foreach (var (t, cs) in pairs)
            {
                var yc = cs.Where(c => data.Panel[c.Nip].ContainsKey(c.Cohort + k)).Select(c => data.Panel[c.Nip][c.Cohort + k].Outcome - c.Pre).ToList();
                if (data.Panel[t.Nip].TryGetValue(t.Cohort + k, out var yt) && yc.Count > 0) diffs.Add(yt.Outcome - t.Pre - yc.Average());
            }
            if (diffs.Count >= 3) result.Add((k, Paired(diffs)));
        }
        return result;
    }

    /// <summary>Covariates of the propensity model, as sparse rows (intercept in column 0).</summary>
    /// <summary>
    /// The propensity design: intercept, standardised baseline (when used), and one dummy per level but the first (ordinal
    /// order) of unit, golongan, jabatan and cohort among the units present. Levels are ranked once per estimation sample
    /// (<see cref="Covariates(IEnumerable{ImpactUnit})"/>), so a bootstrap replicate builds its design from integers; the
    /// design equals one built from the replicate's own strings, because the ranks of the levels present keep their order.
    /// </summary>
    private sealed class Covariates
    {
        private static readonly Func<ImpactUnit, string>[] Categorical =
        [
            u => u.Covariates.Unit,
            u => u.Covariates.Golongan,
            u => u.Covariates.Jabatan,
            u => u.Cohort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ];

        private readonly Dictionary<ImpactUnit, int[]> ranks = new(ReferenceEqualityComparer.Instance);
        private readonly int[] levelCounts = new int[Categorical.Length];

        public Covariates(IEnumerable<ImpactUnit> sample)
        {
            var units = sample.Distinct(ReferenceEqualityComparer.Instance).Cast<ImpactUnit>().ToList();
            foreach (var u in units) ranks[u] = new int[Categorical.Length];
            for (var k = 0; k < Categorical.Length; k++)
            {
                var rank = units.Select(Categorical[k]).Distinct().Order(StringComparer.Ordinal).Select((level, r) => (level, r))
                    .ToDictionary(x => x.level, x => x.r);
                levelCounts[k] = rank.Count;
                foreach (var u in units) ranks[u][k] = rank[Categorical[k](u)];
            }
        }

        public SparseRows Design(List<ImpactUnit> units, bool useBaseline)
        {
            var unitRanks = units.Select(u => ranks[u]).ToArray();
            var next = 1;
            var baselineColumn = 0;
            double[]? baseline = null;
            (double M, double S) scale = default;
            if (useBaseline)
            {
                baseline = units.Select(u => u.Baseline!.Value).ToArray();
                scale = (baseline.Average(), Math.Max(StdDev(baseline), 1e-9));
                baselineColumn = next++;
            }
            // Column of each level rank per categorical; -1 for the first level present (the reference) and absent levels.
            var columnOf = new int[Categorical.Length][];
            for (var k = 0; k < Categorical.Length; k++)
            {
                var present = new bool[levelCounts[k]];
                foreach (var r in unitRanks) present[r[k]] = true;
                columnOf[k] = new int[levelCounts[k]];
                var first = true;
                for (var r = 0; r < present.Length; r++)
                {
                    if (!present[r] || first) { columnOf[k][r] = -1; first &= !present[r]; continue; }
                    columnOf[k][r] = next++;
                }
            }
            var start = new int[units.Count + 1];
            var cols = new int[units.Count * (2 + Categorical.Length)];
            var vals = new double[cols.Length];
            var at = 0;
            for (var i = 0; i < units.Count; i++)
            {
                cols[at] = 0; vals[at++] = 1.0;
                if (baseline is not null) { cols[at] = baselineColumn; vals[at++] = (baseline[i] - scale.M) / scale.S; }
                for (var k = 0; k < Categorical.Length; k++)
                    if (columnOf[k][unitRanks[i][k]] is var column and >= 0) { cols[at] = column; vals[at++] = 1.0; }
                start[i + 1] = at;
            }
            return new SparseRows(start, cols, vals, next - 1);
        }
    }
}
