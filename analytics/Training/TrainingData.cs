using DuckDB.NET.Data;
using Kepegawaian.Analytics.Common;
using Kepegawaian.Analytics.Performance;

namespace Kepegawaian.Analytics.Training;

/// <summary>An employee's quarterly outcome with the unit, golongan and jenis_jabatan of that quarter.</summary>
public readonly record struct QuarterObservation(double Outcome, string Unit, string Golongan, string Jabatan);

/// <summary>One fact_diklat row.</summary>
public sealed record TrainingRecord(string Nip, string Kode, string Jenis, DateOnly Mulai, DateOnly Selesai, int Jp, string Status,
    double? Reaksi, double? PreTest, double? PostTest)
{
    public int QuarterMulai => Quarters.Index(Mulai);
    public int QuarterSelesai => Quarters.Index(Selesai);
    public bool Lulus => Status == "lulus";
}

public static class Quarters
{
    /// <summary>year·4 + quarter − 1: consecutive quarters differ by one.</summary>
    public static int Index(DateOnly d) => d.Year * 4 + (d.Month - 1) / 3;

    public static string Name(int index) => $"{index / 4}-Q{index % 4 + 1}";
}

/// <summary>Everything the impact estimator reads, loaded once: the employee × quarter panel and the training records.</summary>
public sealed class TrainingData
{
    public TrainingData(IReadOnlyDictionary<string, QuarterSeries> panel, IReadOnlyList<TrainingRecord> trainings, string measure)
    {
        Panel = panel;
        Trainings = trainings;
        Measure = measure;
        ByEmployee = trainings.GroupBy(t => t.Nip).ToDictionary(g => g.Key, g => (IReadOnlyList<TrainingRecord>)g.OrderBy(t => t.Mulai).ToList());
        members = new(() => (trainings.GroupBy(t => t.Jenis).ToDictionary(g => g.Key, g => g.ToArray()),
            trainings.GroupBy(t => t.Kode).ToDictionary(g => g.Key, g => g.ToArray())));
    }

    private readonly Lazy<(Dictionary<string, TrainingRecord[]> Jenis, Dictionary<string, TrainingRecord[]> Kode)> members;

    /// <summary>
    /// The group's records, in <see cref="Trainings"/> order. Found in one pass for every group: at 1 M employees each scan of
    /// the ~4 M records (objects all over the heap) took ~0.5 s, and every group's estimate and Kirkpatrick levels scanned
    /// them several times.
    /// </summary>
    public IReadOnlyList<TrainingRecord> Members(TrainingGroup group) =>
        (group.Kind == TrainingGroup.Jenis ? members.Value.Jenis : members.Value.Kode).TryGetValue(group.Name, out var list) ? list : [];

    /// <summary>Each employee's quarters, in NIP order.</summary>
    public IReadOnlyDictionary<string, QuarterSeries> Panel { get; }
    public IReadOnlyList<TrainingRecord> Trainings { get; }
    public IReadOnlyDictionary<string, IReadOnlyList<TrainingRecord>> ByEmployee { get; }

    /// <summary>nilai_skp, or the ordinal predikat score when nilai_skp is missing in more than 10 % of quarters.</summary>
    public string Measure { get; }

    /// <summary>
    /// Loads from mart_kinerja_pegawai (run <see cref="KinerjaMarts.Refresh"/> or DiklatMarts first) and fact_diklat. Rows are
    /// streamed into compact series and repeated strings are shared: at 1 M employees × 3 years the panel has ~12 M
    /// quarters, and one object with its own strings per quarter held 15–18 GB.
    /// </summary>
    public static TrainingData Load(DuckDBConnection connection)
    {
        var (rows, withNilai) = MartReader.Read(connection,
            "SELECT count(*), count(nilai_skp) FROM mart_kinerja_pegawai WHERE jenis_periode = 'triwulan'",
            r => (r.GetInt64(0), r.GetInt64(1)))[0];
        var useNilai = rows > 0 && withNilai >= 0.9 * rows;
        var strings = new Dictionary<string, string>(StringComparer.Ordinal);
        string Shared(string s) => strings.TryGetValue(s, out var shared) ? shared : strings[s] = s;

        var panel = new Dictionary<string, QuarterSeries>(StringComparer.Ordinal);
        var covariates = new QuarterSeries.Builder();
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = $"""
                SELECT nip, indeks_triwulan, {(useNilai ? "nilai_skp" : "skor")}, kode_unit, golongan, jenis_jabatan
                FROM mart_kinerja_pegawai WHERE jenis_periode = 'triwulan' AND {(useNilai ? "nilai_skp" : "skor")} IS NOT NULL
                ORDER BY nip, indeks_triwulan
                """;
            using var r = cmd.ExecuteReader();
            string? nip = null;
            while (r.Read())
            {
                var next = r.GetString(0);
                if (next != nip)
                {
                    if (nip is not null) panel[nip] = covariates.Build();
                    nip = next;
                }
                covariates.Add(Convert.ToInt32(r.GetValue(1)), r.NullableDouble(2)!.Value,
                    new(0, Shared(r.GetString(3)), Shared(r.NullableString(4) ?? "?"), Shared(r.NullableString(5) ?? "?")));
            }
            if (nip is not null) panel[nip] = covariates.Build();
        }

        var trainings = new List<TrainingRecord>();
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = """
                SELECT nip, kode_pelatihan, jenis_pelatihan, tanggal_mulai, tanggal_selesai, jp, status,
                       nilai_reaksi, nilai_pre_test, nilai_post_test
                FROM fact_diklat
                ORDER BY nip, tanggal_mulai, tanggal_selesai, kode_pelatihan, id_diklat
                """;
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var nip = r.GetString(0);
                if (trainings.Count > 0 && trainings[^1].Nip == nip) nip = trainings[^1].Nip;
                trainings.Add(new TrainingRecord(nip, Shared(r.GetString(1)), Shared(r.GetString(2)),
                    r.GetFieldValue<DateOnly>(3), r.GetFieldValue<DateOnly>(4), Convert.ToInt32(r.GetValue(5)), Shared(r.GetString(6)),
                    r.NullableDouble(7), r.NullableDouble(8), r.NullableDouble(9)));
            }
        }
        return new TrainingData(panel, trainings, useNilai ? "nilai_skp" : "skor");
    }
}

/// <summary>
/// One employee's observed quarters: outcomes by quarter from the first observed one (NaN where there is none) and the
/// quarter's unit, golongan and jabatan as an index into a table of the combinations seen, shared by every series.
/// </summary>
public sealed class QuarterSeries
{
    private readonly int first;
    private readonly double[] outcome;
    private readonly int[] covariate;
    private readonly List<QuarterObservation> table;

    private QuarterSeries(int first, double[] outcome, int[] covariate, List<QuarterObservation> table) =>
        (this.first, this.outcome, this.covariate, this.table) = (first, outcome, covariate, table);

    public bool TryGetValue(int quarter, out QuarterObservation observation)
    {
        var i = quarter - first;
        if ((uint)i >= (uint)outcome.Length || double.IsNaN(outcome[i])) { observation = default; return false; }
        observation = table[covariate[i]] with { Outcome = outcome[i] };
        return true;
    }

    /// <summary>A series from quarter → observation (tests).</summary>
    public static QuarterSeries Of(IReadOnlyDictionary<int, QuarterObservation> quarters)
    {
        var builder = new Builder();
        foreach (var (q, o) in quarters.OrderBy(x => x.Key)) builder.Add(q, o.Outcome, o);
        return builder.Build();
    }

    /// <summary>Builds series one after another, quarters in ascending order, sharing one covariate table.</summary>
    public sealed class Builder
    {
        private readonly List<QuarterObservation> table = [];
        private readonly Dictionary<QuarterObservation, int> index = [];
        private readonly List<(int Quarter, double Outcome, int Covariate)> pending = [];

        /// <param name="covariates">The quarter's unit, golongan and jabatan; its Outcome is not read.</param>
        public void Add(int quarter, double outcome, QuarterObservation covariates)
        {
            var key = covariates with { Outcome = 0 };
            if (!index.TryGetValue(key, out var c)) { index[key] = c = table.Count; table.Add(key); }
            if (pending.Count > 0 && quarter < pending[^1].Quarter)
                throw new ArgumentException($"quarters must ascend: {quarter} after {pending[^1].Quarter}", nameof(quarter));
            if (pending.Count > 0 && quarter == pending[^1].Quarter) pending[^1] = (quarter, outcome, c);   // the last row of a quarter wins
            else pending.Add((quarter, outcome, c));
        }

        public QuarterSeries Build()
        {
            var first = pending.Count > 0 ? pending[0].Quarter : 0;
            var length = pending.Count > 0 ? pending[^1].Quarter - first + 1 : 0;
            var outcome = new double[length];
            var covariate = new int[length];
            Array.Fill(outcome, double.NaN);
            foreach (var (q, y, c) in pending) (outcome[q - first], covariate[q - first]) = (y, c);
            pending.Clear();
            return new QuarterSeries(first, outcome, covariate, table);
        }
    }
}
