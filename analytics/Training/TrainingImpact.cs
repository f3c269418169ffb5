using System.Buffers;
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
    /// <summary>An ATT and its matches (by row of the sample's <paramref name="Rows"/>); <see cref="Pairs"/> as units.</summary>
    private sealed record Fit(double Att, double Se, Sample Sample, int[] Rows, List<(int Treated, List<int> Controls)> Matches, Propensity Model)
    {
        public List<Matched> Pairs => [.. Matches.Select(m => new Matched(Sample.Units[Rows[m.Treated]], [.. m.Controls.Select(c => Sample.Units[Rows[c]])]))];
    }

    public static ImpactResult Estimate(TrainingData data, TrainingGroup group, DiklatOptions options, CancellationToken ct = default)
    {
        var participants = ImpactSample.Treated(data, group);
        var eligible = participants.Count;
        ImpactResult Fail(string status, string? pool = null, int nControl = 0) =>
            new(group, status, false, null, eligible, nControl, eligible, 0, null, null, null, pool, null, []);
        if (eligible < options.MinTreated)
            return Fail($"terlalu kecil: {eligible} peserta lulus dengan nilai kinerja pada triwulan selesai, sebelumnya dan dua sesudahnya (perlu ≥ {options.MinTreated})");

        var useBaseline = participants.Count(p => p.HasBaseline) >= options.MinBaselineShare * eligible;
        if (useBaseline) participants = participants.FindAll(p => p.HasBaseline);
        var pool = useBaseline ? "belum_dilatih" : "belum_dilatih; tanpa nilai awal";
        eligible = participants.Count;
        var treated = Draw(participants, options.MaxTreated, options.Seed ^ StableHash("peserta:" + group.Kind + ":" + group.Name))
            .ConvertAll(p => ImpactSample.TreatedUnit(data, p));
        var candidates = Candidates(data, group, treated, useBaseline, options);
        if (candidates.Count < options.MinControls)
            return Fail($"kontrol terlalu sedikit: {candidates.Count} pegawai belum dilatih (perlu ≥ {options.MinControls})", pool, candidates.Count);

        var jenisOfGroup = group.Kind == TrainingGroup.Jenis ? group.Name : data.Members(group)[0].Jenis;
        var allJenis = ImpactSample.AllJenis(data);
        var doseColumns = Enumerable.Range(0, allJenis.Length).Where(j => allJenis[j] != jenisOfGroup).ToArray();
        var naive = treated.Average(u => u.Post) - candidates.Average(u => u.Post);
        var sample = new Sample(treated, candidates);
        var fit = Core(sample, [.. Enumerable.Range(0, sample.Units.Length)], useBaseline, doseColumns, options);
        if (fit is null || fit.Matches.Count < options.MinTreated)
            return Fail($"terlalu kecil setelah pencocokan: {fit?.Matches.Count ?? 0} pasangan (perlu ≥ {options.MinTreated})", pool, fit?.Matches.Count ?? 0)
                with { Naive = naive };
        var pairs = fit.Pairs;
        var unmatched = treated.Count - pairs.Count;

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

        var att = Interval(fit, Bootstrap(sample, useBaseline, doseColumns, options, group, fit.Model, ct), pairs.Count);
        var sdT = StdDev(pairs.Select(p => p.T.Delta)); var sdC = StdDev(controls.Select(u => u.Delta));
        var pooledSd = Math.Sqrt((sdT * sdT + sdC * sdC) / 2);
        var placeboDiffs = pairs.Select(p => p.T.PreChange!.Value - p.C.Average(u => u.PreChange!.Value)).ToList();
        var pretrend = placeboDiffs.Count >= 3 ? Paired(placeboDiffs) : null;
        var events = EventStudy(data, pairs);

        var notes = new List<string>();
        if (maxSmd > options.MaxSmdWarning) notes.Add($"peringatan: keseimbangan kovariat kurang (max SMD {maxSmd:0.000} > {options.MaxSmdWarning:0.0##}, pada {worst})");
        if (pretrend is not null && pretrend.PValue < 0.05) notes.Add("peringatan: uji tren-awal (plasebo) signifikan");
        if (treated.Count < eligible) notes.Add($"sampel acak {treated.Count} dari {eligible} peserta");
        if (unmatched > 0) notes.Add($"{unmatched} peserta tanpa pasangan dalam caliper");
        if (!useBaseline) notes.Add($"dicocokkan tanpa kinerja awal: kurang dari {options.MinBaselineShare:P0} peserta punya penilaian sebelum triwulan qe−1 (awal data atau pegawai baru seperti CPNS); tingkat kinerja tidak perlu setara karena DiD memakai perubahan");
        var status = notes.Count == 0 ? "ok" : "ok; " + string.Join("; ", notes);
        return new ImpactResult(group, status, true, att, pairs.Count, controls.Count, eligible, unmatched, maxSmd,
            pooledSd > 0 ? att.Value / pooledSd : null, pretrend, pool, naive, events);
    }

    /// <summary>
    /// At most <paramref name="max"/> of the treated, as a seeded simple random sample in their order: it estimates the same
    /// ATT, and the bootstrap over it gives the CI of the smaller sample.
    /// </summary>
    private static List<T> Draw<T>(List<T> treated, int max, int seed)
    {
        if (treated.Count <= max) return treated;
        var rng = new Random(seed);
        var index = Enumerable.Range(0, treated.Count).ToArray();
        for (var i = 0; i < max; i++)
        {
            var j = rng.Next(i, index.Length);
            (index[i], index[j]) = (index[j], index[i]);
        }
        Array.Sort(index, 0, max);
        return [.. index.Take(max).Select(i => treated[i])];
    }

    /// <summary>Not-yet-treated candidates of each cohort, at most MaxCandidatesPerTreated per treated (seeded draw).</summary>
    private static List<ImpactUnit> Candidates(TrainingData data, TrainingGroup group, List<ImpactUnit> treated, bool useBaseline, DiklatOptions options)
    {
        var rng = new Random(options.Seed);
        var blocked = ImpactSample.Blocked(data, group);
        var employees = ArrayPool<int>.Shared.Rent(data.Panel.Count);   // 4 MB at 1 M employees, per group
        try
        {
            var result = new List<ImpactUnit>();
            foreach (var cohort in treated.GroupBy(u => u.Cohort).OrderBy(g => g.Key))
            {
                var n = ImpactSample.NotYetTreated(data, blocked, cohort.Key, useBaseline, employees);
                var cap = options.MaxCandidatesPerTreated * cohort.Count();
                var drawn = n <= cap ? employees.AsSpan(0, n) : employees.AsSpan(0, RandomFirst(employees, n, cap, rng));
                foreach (var e in drawn) result.Add(ImpactSample.Unit(data, e, cohort.Key));
            }
            return result;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(employees);
        }
    }

    /// <summary>
    /// Moves to the front of <paramref name="items"/>, in order, the <paramref name="take"/> of its first <paramref name="n"/>
    /// items that get the smallest of n seeded random keys (ties by position) and returns <paramref name="take"/>: what
    /// <c>OrderBy(_ => rng.Next()).Take(take)</c> gives, keeping a heap of the smallest keys instead of sorting them all.
    /// </summary>
    internal static int RandomFirst(int[] items, int n, int take, Random rng)
    {
        if (take <= 0) return 0;   // Take(0) never enumerates, so it draws no keys
        var heap = new PriorityQueue<int, long>(take, Comparer<long>.Create((a, b) => b.CompareTo(a)));   // largest key on top
        for (var i = 0; i < n; i++)
        {
            var key = (long)rng.Next() << 32 | (uint)i;
            if (heap.Count < take) heap.Enqueue(i, key);
            else if (heap.TryPeek(out _, out var top) && key < top) heap.EnqueueDequeue(i, key);
        }
        var kept = new (long Key, int Item)[heap.Count];
        var k = 0;
        foreach (var (i, key) in heap.UnorderedItems) kept[k++] = (key, items[i]);
        Array.Sort(kept, (a, b) => a.Key.CompareTo(b.Key));
        for (k = 0; k < kept.Length; k++) items[k] = kept[k].Item;
        return kept.Length;
    }

    /// <summary>
    /// Propensity fit, matching and the dose-adjusted ATT on the sample's units <paramref name="rows"/> (all of them once, or a
    /// bootstrap replicate: a multiset, treated rows first, each part in draw order). The propensity model is fitted over
    /// the distinct units with their multiplicities as frequency weights, which is the fit over every copy: a replicate
    /// holds each drawn employee ~1.6 times on average.
    /// </summary>
    /// <param name="warm">The full sample's model: a replicate's fit starts from it (same maximum, fewer Newton steps).</param>
    private static Fit? Core(Sample sample, int[] rows, bool useBaseline, int[] doseColumns, DiklatOptions options, Propensity? warm = null)
    {
        var treatedRows = rows.Count(r => sample.Treated[r]);
        if (treatedRows < 3 || rows.Length - treatedRows < 3) return null;
        var (logit, model) = RowLogits(sample, rows, useBaseline, options, warm);
        var (cohort, isTreated) = (new int[rows.Length], new bool[rows.Length]);
        for (var i = 0; i < rows.Length; i++) (cohort[i], isTreated[i]) = (sample.Cohort[rows[i]], sample.Treated[rows[i]]);
        var matches = Matching.Greedy(cohort, isTreated, logit, options.CaliperSd, options.ControlsPerTreated);
        if (matches.Count < 3) return null;
        // Treated minus the mean of its controls, of ΔY and of each other training's dose (sums in control order), in one
        // pass over the matches.
        var d = new double[matches.Count];
        var doses = new double[doseColumns.Length][];
        for (var k = 0; k < doses.Length; k++) doses[k] = new double[matches.Count];
        for (var i = 0; i < matches.Count; i++)
        {
            var (t, cs) = (rows[matches[i].Treated], matches[i].Controls);
            var sum = 0.0;
            foreach (var c in cs) sum += sample.Delta[rows[c]];
            d[i] = sample.Delta[t] - sum / cs.Count;
            for (var k = 0; k < doses.Length; k++)
            {
                var j = doseColumns[k];
                sum = 0.0;
                foreach (var c in cs) sum += sample.Dose[rows[c] * sample.DoseColumns + j];
                doses[k][i] = sample.Dose[t * sample.DoseColumns + j] - sum / cs.Count;
            }
        }
        var columns = doses.Where(c => c.Any(v => v != 0)).ToList();
        var (att, se) = DoseAdjusted.Intercept(d, columns);
        return new Fit(att, se, sample, rows, matches, model);
    }

    /// <summary>
    /// The propensity logit of each of <paramref name="rows"/>, from the model fitted over the distinct units with their
    /// multiplicities as frequency weights. The largest arrays (the design's columns, the unit counts) are rented: a refresh
    /// fits ~1 300 times, and with the sort's buffers they were a third of what its estimates allocated (demo city 5.9 → 3.7 GB,
    /// 1 M employees 46 → 28 GB; the collector's gen-2 runs 80 → 35).
    /// </summary>
    private static (double[] Logit, Propensity Model) RowLogits(Sample sample, int[] rows, bool useBaseline, DiklatOptions options, Propensity? warm)
    {
        var counts = ArrayPool<int>.Shared.Rent(sample.Units.Length);
        try
        {
            Array.Clear(counts, 0, sample.Units.Length);
            foreach (var r in rows) counts[r]++;
            var distinct = new List<int>(rows.Length);
            for (var u = 0; u < sample.Units.Length; u++)
                if (counts[u] > 0) distinct.Add(u);
            var (design, layout) = sample.Design(distinct, rows, useBaseline);
            double[] beta, unitLogit;
            try
            {
                var treated = distinct.Select(u => sample.Treated[u]).ToArray();
                var weights = distinct.Count == rows.Length ? null : distinct.Select(u => (double)counts[u]).ToArray();
                beta = PropensityModel.Fit(design, treated, options.Ridge, weights: weights, initial: warm?.StartFor(layout));
                unitLogit = PropensityModel.Predict(design, beta);
            }
            finally
            {
                Sample.Return(design);
            }
            var position = counts;   // reused: from here the position of each distinct unit among them
            for (var i = 0; i < distinct.Count; i++) position[distinct[i]] = i;
            var logit = new double[rows.Length];
            for (var i = 0; i < rows.Length; i++) logit[i] = unitLogit[position[rows[i]]];
            return (logit, new Propensity(beta, layout));
        }
        finally
        {
            ArrayPool<int>.Shared.Return(counts);
        }
    }

    /// <summary>Bootstrap over employees: resample them with replacement (all their cohort units together), re-fit, re-match.</summary>
    private static List<double> Bootstrap(Sample sample, bool useBaseline, int[] doseColumns, DiklatOptions options, TrainingGroup group,
        Propensity full, CancellationToken ct)
    {
        if (options.BootstrapReplicates <= 0) return [];
        var byNip = Enumerable.Range(0, sample.Units.Length).GroupBy(i => sample.Units[i].Nip).Select(g => g.ToArray()).ToArray();
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
            var (size, treated) = (0, 0);
            foreach (var pick in draws[b])
                foreach (var u in byNip[pick])
                    (size, treated) = (size + 1, treated + (sample.Treated[u] ? 1 : 0));
            var rows = new int[size];
            var (t, c) = (0, treated);   // treated rows first, each part in draw order
            foreach (var pick in draws[b])
                foreach (var u in byNip[pick])
                    rows[sample.Treated[u] ? t++ : c++] = u;
            atts[b] = Core(sample, rows, useBaseline, doseColumns, options, full)?.Att;
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
        var series = pairs.Select(p => (T: data.Panel[p.T.Nip], C: p.C.Select(c => data.Panel[c.Nip]).ToArray())).ToArray();
        for (var k = -3; k <= 2; k++)
        {
            var diffs = new List<double>();
            for (var i = 0; i < pairs.Count; i++)
            {
                var (t, cs) = pairs[i];
                var yc = new List<double>(cs.Count);
                for (var j = 0; j < cs.Count; j++)
                    if (series[i].C[j].TryGetValue(cs[j].Cohort + k, out var y)) yc.Add(y.Outcome - cs[j].Pre);
                if (series[i].T.TryGetValue(t.Cohort + k, out var yt) && yc.Count > 0) diffs.Add(yt.Outcome - t.Pre - yc.Average());
            }
            if (diffs.Count >= 3) result.Add((k, Paired(diffs)));
        }
        return result;
    }

    /// <summary>
    /// A group's estimation sample (treated, then candidates) and its propensity design: intercept, standardised baseline
    /// (when used), and one dummy per level but the first (ordinal order) of unit, golongan, jabatan and cohort among the
    /// units present. Levels are ranked once here, so a bootstrap replicate builds its design from integers; the design
    /// equals one built from the replicate's own strings, because the ranks of the levels present keep their order.
    /// </summary>
    private sealed class Sample
    {
        private static readonly Func<ImpactUnit, string>[] Categorical =
        [
            u => u.Covariates.Unit,
            u => u.Covariates.Golongan,
            u => u.Covariates.Jabatan,
            u => u.Cohort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ];

        public ImpactUnit[] Units { get; }

        // Per unit, as arrays: a replicate reads them for ~18 000 rows, where following each unit's object was a cache miss.
        public bool[] Treated { get; }
        public int[] Cohort { get; }
        public double[] Delta { get; }
        public double[] Baseline { get; }   // NaN where there is none (a design without baseline never reads it)
        public double[] Dose { get; }   // OtherDose by unit, ImpactSample.AllJenis columns per unit
        public int DoseColumns { get; }
        private readonly int[][] ranks;   // per categorical, the level rank of each unit
        private readonly int[] levelCounts = new int[Categorical.Length];

        public Sample(List<ImpactUnit> treated, List<ImpactUnit> candidates)
        {
            Units = [.. treated, .. candidates];
            Treated = [.. Units.Select(u => u.Treated)];
            Cohort = [.. Units.Select(u => u.Cohort)];
            Delta = [.. Units.Select(u => u.Delta)];
            Baseline = [.. Units.Select(u => u.Baseline ?? double.NaN)];
            DoseColumns = Units.Length > 0 ? Units[0].OtherDose.Length : 0;
            Dose = [.. Units.SelectMany(u => u.OtherDose)];
            ranks = new int[Categorical.Length][];
            for (var k = 0; k < Categorical.Length; k++)
            {
                var rank = Units.Select(Categorical[k]).Distinct().Order(StringComparer.Ordinal).Select((level, r) => (level, r))
                    .ToDictionary(x => x.level, x => x.r);
                levelCounts[k] = rank.Count;
                ranks[k] = [.. Units.Select(u => rank[Categorical[k](u)])];
            }
        }

        /// <summary>
        /// The design rows of the <paramref name="distinct"/> units (ascending); the baseline is standardised over
        /// <paramref name="rows"/>, every copy in sample order, as a design of the copies would be. Its column arrays are
        /// rented (longer than the rows need): <see cref="Return"/> them.
        /// </summary>
        public (SparseRows Rows, DesignLayout Layout) Design(List<int> distinct, int[] rows, bool useBaseline)
        {
            var next = 1;
            var baselineColumn = 0;
            (double M, double S) scale = default;
            if (useBaseline)
            {
                var baseline = new double[rows.Length];
                for (var i = 0; i < rows.Length; i++) baseline[i] = Baseline[rows[i]];
                scale = (baseline.Average(), Math.Max(StdDev(baseline), 1e-9));
                baselineColumn = next++;
            }
            // Column of each level rank per categorical; -1 for the first level present (the reference) and absent levels.
            var columnOf = new int[Categorical.Length][];
            var reference = new int[Categorical.Length];
            for (var k = 0; k < Categorical.Length; k++)
            {
                var present = new bool[levelCounts[k]];
                foreach (var u in distinct) present[ranks[k][u]] = true;
                columnOf[k] = new int[levelCounts[k]];
                reference[k] = Array.IndexOf(present, true);
                for (var r = 0; r < present.Length; r++)
                    columnOf[k][r] = present[r] && r != reference[k] ? next++ : -1;
            }
            var start = new int[distinct.Count + 1];
            var cols = ArrayPool<int>.Shared.Rent(distinct.Count * (2 + Categorical.Length));
            var vals = ArrayPool<double>.Shared.Rent(distinct.Count * (2 + Categorical.Length));
            var at = 0;
            for (var i = 0; i < distinct.Count; i++)
            {
                var u = distinct[i];
                cols[at] = 0; vals[at++] = 1.0;
                if (useBaseline) { cols[at] = baselineColumn; vals[at++] = (Baseline[u] - scale.M) / scale.S; }
                for (var k = 0; k < Categorical.Length; k++)
                    if (columnOf[k][ranks[k][u]] is var column and >= 0) { cols[at] = column; vals[at++] = 1.0; }
                start[i + 1] = at;
            }
            return (new SparseRows(start, cols, vals, next - 1), new DesignLayout(baselineColumn, scale, columnOf, reference, next - 1));
        }

        /// <summary>Gives a design's column arrays (rented by <see cref="Design"/>) back once nothing reads it.</summary>
        public static void Return(SparseRows design)
        {
            ArrayPool<int>.Shared.Return(design.Cols);
            ArrayPool<double>.Shared.Return(design.Vals);
        }
    }
}
