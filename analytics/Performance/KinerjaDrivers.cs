using DuckDB.NET.Data;
using Kepegawaian.Warehouse;
using Microsoft.ML;
using Microsoft.ML.Trainers.LightGbm;

namespace Kepegawaian.Analytics.Performance;

public sealed record Driver(int Rank, string Feature, double MaeIncrease, double MaeIncreaseSd, double MaeModel, double MaeBaseline);

/// <summary>
/// Predictors of next-quarter performance ("prediktor kinerja"; the mart keeps its old name mart_kinerja_pendorong):
/// prediction, not cause — a highly ranked feature need not change performance when changed. A LightGbm regression of
/// next quarter's outcome on the features of mart_kinerja_fitur, trained on all but the last two target quarters (at most MaxTrainRows) and evaluated on them (at most MaxTestRows)
/// (time-ordered hold-out). Permutation Feature Importance (3 permutations, on at most PfiSampleSize hold-out rows)
/// ranks the features by how much the hold-out MAE rises when each is shuffled. The baseline is the
/// last-value forecast (next = now). Categorical unit and jenis_jabatan enter as integer codes (one slot each,
/// so PFI scores the whole variable); golongan as its rank (I/a = 1 … IV/e = 17; PPPK I … XVII = 1 … 17).
/// </summary>
public static class KinerjaDrivers
{
    public const int MinRows = 200;

    /// <summary>Training rows (a fixed-seed random sample beyond this): 16-leaf trees on 14 features gain nothing from more.</summary>
    public const int MaxTrainRows = 50_000;

    /// <summary>Hold-out rows the MAEs are computed on (a seeded random sample beyond this; 2 × 15 000 at city scale is all of it).</summary>
    public const int MaxTestRows = 200_000;

    /// <summary>Hold-out rows PFI permutes (a random sample beyond this; the ranking of 14 features is stable well below it).</summary>
    public const int PfiSampleSize = 5000;

    private static readonly string[] FeatureNames =
    [
        "kinerja_sekarang", "kinerja_lalu", "jp_4q", "n_latsar_4q", "n_manajerial_4q", "n_teknis_4q", "n_fungsional_4q",
        "n_sosial_kultural_4q", "n_e_learning_4q", "cuti_hari_4q", "masa_kerja_tahun", "golongan", "jenis_jabatan", "kode_unit",
    ];

    private sealed class Row
    {
        public float Label { get; set; }

        [Microsoft.ML.Data.VectorType(14)]
        public float[] Features { get; set; } = [];
    }

    public static IReadOnlyList<Driver> Rank(DuckDBConnection connection, KinerjaOptions options)
    {
        var source = Source.Open(connection);
        if (source.Rows < MinRows || source.Quarters.Count < 4) return [];
        var cut = source.Quarters[^2];
        var train = source.Load($"indeks_triwulan < {cut}", MaxTrainRows, options.Seed);
        var test = source.Load($"indeks_triwulan >= {cut}", MaxTestRows, options.Seed);
        if (train.Count < MinRows / 2 || test.Count < 30) return [];

        var ml = new MLContext(seed: options.Seed);
        var trainer = ml.Regression.Trainers.LightGbm(new LightGbmRegressionTrainer.Options
        {
            NumberOfLeaves = 16,
            MinimumExampleCountPerLeaf = 20,
            LearningRate = 0.05,
            NumberOfIterations = 200,
            NumberOfThreads = 1,   // deterministic for a seed
            Seed = options.Seed,
        });
        var model = trainer.Fit(ml.Data.LoadFromEnumerable(train));
        var testData = ml.Data.LoadFromEnumerable(test);
        var maeModel = ml.Regression.Evaluate(model.Transform(testData)).MeanAbsoluteError;
        var maeBaseline = test.Average(t => Math.Abs(t.Label - t.Features[0]));

        // The data already holds the "Features" column the predictor reads: that is the transformed data PFI needs.
        // PFI on a fixed-seed random sample of the hold-out (the MAEs above use all of the hold-out rows loaded): each of the 14 × 3
        // permutations re-scores every row, which at 15 000 employees took ~7 s on 20 000 rows.
        var pfiData = ml.Data.LoadFromEnumerable(Sample(test, PfiSampleSize, options.Seed));
        var pfi = ml.Regression.PermutationFeatureImportance(model, pfiData, labelColumnName: "Label", permutationCount: 3);
        return pfi.Select((m, i) => (Name: FeatureNames[i], Mean: m.MeanAbsoluteError.Mean, Sd: m.MeanAbsoluteError.StandardDeviation))
            .OrderByDescending(x => x.Mean)
            .Select((x, i) => new Driver(i + 1, x.Name, x.Mean, x.Sd, maeModel, maeBaseline))
            .ToList();
    }

    /// <summary>At most <paramref name="size"/> items drawn without replacement (seeded), in their original order.</summary>
    private static List<T> Sample<T>(List<T> items, int size, int seed)
    {
        if (items.Count <= size) return items;
        var index = Enumerable.Range(0, items.Count).ToArray();
        new Random(seed).Shuffle(index);
        return index.Take(size).Order().Select(i => items[i]).ToList();
    }

    /// <summary>
    /// The rows of mart_kinerja_fitur that have an outcome now and next quarter. Samples are drawn in SQL (the rows
    /// with the smallest seeded hash of nip × quarter), so only what the model uses crosses into .NET: at 1 M
    /// employees the table has 10 M rows. Unit and jenis_jabatan codes are their rank among the table's distinct values,
    /// the same in the training and the hold-out rows.
    /// </summary>
    private sealed class Source
    {
        private readonly DuckDBConnection connection;
        private readonly string now, last, next;
        private readonly Dictionary<string, int> jabatan, units;

        public long Rows { get; }
        public List<int> Quarters { get; }

        private string Outcome => $"{next} IS NOT NULL AND {now} IS NOT NULL";

        private Source(DuckDBConnection connection, bool useNilai)
        {
            this.connection = connection;
            (now, last, next) = useNilai ? ("nilai_skp", "nilai_skp_lalu", "nilai_skp_berikut") : ("skor", "skor_lalu", "skor_berikut");
            Quarters = Column<int>($"SELECT DISTINCT indeks_triwulan FROM mart_kinerja_fitur WHERE {Outcome} ORDER BY 1");
            Rows = connection.Scalar<long>($"SELECT count(*) FROM mart_kinerja_fitur WHERE {Outcome}");
            jabatan = Codes("coalesce(jenis_jabatan, '?')");
            units = Codes("kode_unit");
        }

        public static Source Open(DuckDBConnection connection) =>
            new(connection, connection.Scalar<long>("SELECT count(*) FROM mart_kinerja_fitur WHERE nilai_skp IS NOT NULL") > 0);

        /// <summary>At most <paramref name="limit"/> rows matching <paramref name="where"/>, a seeded random sample beyond it, ordered by nip and quarter.</summary>
        public List<Row> Load(string where, int limit, int seed)
        {
            using var cmd = connection.CreateCommand();
            // The sample is drawn on the keys alone, then its rows joined back: DuckDB's top-N carrying all 17 columns took
            // 3.6-5.3 s of the 50 000 training rows at 1 M employees, on the keys 1.0-1.2 s (the same rows).
            cmd.CommandText = $"""
                WITH sample AS (
                    SELECT nip, indeks_triwulan FROM mart_kinerja_fitur
                    WHERE {Outcome} AND {where}
                    ORDER BY hash(nip, indeks_triwulan, {seed})
                    LIMIT {limit})
                SELECT nip, indeks_triwulan, {next}::DOUBLE, {now}::DOUBLE, coalesce({last}, {now})::DOUBLE, jp_4q::DOUBLE, n_latsar_4q::DOUBLE,
                       n_manajerial_4q::DOUBLE, n_teknis_4q::DOUBLE, n_fungsional_4q::DOUBLE, n_sosial_kultural_4q::DOUBLE,
                       n_e_learning_4q::DOUBLE, cuti_hari_4q::DOUBLE, coalesce(masa_kerja_tahun, 0)::DOUBLE,
                       golongan, coalesce(jenis_jabatan, '?'), kode_unit
                FROM mart_kinerja_fitur JOIN sample USING (nip, indeks_triwulan)
                ORDER BY nip, indeks_triwulan
                """;
            using var r = cmd.ExecuteReader();
            var rows = new List<Row>();
            while (r.Read())
            {
                var f = new float[14];
                for (var i = 0; i < 11; i++) f[i] = (float)r.GetDouble(i + 3);
                f[11] = GolonganRank(r.IsDBNull(14) ? null : r.GetString(14));
                f[12] = jabatan[r.GetString(15)];
                f[13] = units[r.GetString(16)];
                rows.Add(new Row { Label = (float)r.GetDouble(2), Features = f });
            }
            return rows;
        }

        private Dictionary<string, int> Codes(string expression) =>
            Column<string>($"SELECT DISTINCT {expression} FROM mart_kinerja_fitur WHERE {Outcome} ORDER BY 1")
                .Select((value, code) => (value, code)).ToDictionary(x => x.value, x => x.code);

        private List<T> Column<T>(string sql)
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = sql;
            using var r = cmd.ExecuteReader();
            var values = new List<T>();
            while (r.Read()) values.Add((T)Convert.ChangeType(r.GetValue(0), typeof(T), System.Globalization.CultureInfo.InvariantCulture));
            return values;
        }
    }

    private static readonly string[] Roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII"];

    /// <summary>PNS I/a … IV/e → 1 … 17; PPPK I … XVII → 1 … 17; unknown → 0.</summary>
    public static float GolonganRank(string? golongan)
    {
        if (string.IsNullOrEmpty(golongan)) return 0;
        var parts = golongan.Split('/');
        var major = Array.IndexOf(Roman, parts[0].ToUpperInvariant()) + 1;
        if (parts.Length == 1) return major;
        var minor = parts[1].ToLowerInvariant()[0] - 'a';
        return major is >= 1 and <= 4 ? (major - 1) * 4 + minor + 1 : 0;
    }
}
