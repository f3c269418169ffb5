using DuckDB.NET.Data;
using Kepegawaian.Analytics.Common;

namespace Kepegawaian.Analytics.Training;

/// <summary>An employee's quarterly outcome with the unit, golongan and jenis_jabatan of that quarter.</summary>
public sealed record QuarterObservation(double Outcome, string Unit, string Golongan, string Jabatan);

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
    public TrainingData(IReadOnlyDictionary<string, Dictionary<int, QuarterObservation>> panel, IReadOnlyList<TrainingRecord> trainings, string measure)
    {
        Panel = panel;
        Trainings = trainings;
        Measure = measure;
        ByEmployee = trainings.GroupBy(t => t.Nip).ToDictionary(g => g.Key, g => (IReadOnlyList<TrainingRecord>)g.OrderBy(t => t.Mulai).ToList());
    }

    public IReadOnlyDictionary<string, Dictionary<int, QuarterObservation>> Panel { get; }
    public IReadOnlyList<TrainingRecord> Trainings { get; }
    public IReadOnlyDictionary<string, IReadOnlyList<TrainingRecord>> ByEmployee { get; }

    /// <summary>nilai_skp, or the ordinal predikat score when nilai_skp is missing in more than 10 % of quarters.</summary>
    public string Measure { get; }

    /// <summary>Loads from mart_kinerja_pegawai (run <see cref="KinerjaMarts.Refresh"/> or DiklatMarts first) and fact_diklat.</summary>
    public static TrainingData Load(DuckDBConnection connection)
    {
        var rows = new List<(string Nip, int Q, double? Nilai, double? Skor, string Unit, string? Gol, string? Jab)>();
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = """
                SELECT nip, indeks_triwulan, nilai_skp, skor, kode_unit, golongan, jenis_jabatan
                FROM mart_kinerja_pegawai WHERE jenis_periode = 'triwulan'
                ORDER BY nip, indeks_triwulan
                """;
            using var r = cmd.ExecuteReader();
            while (r.Read())
                rows.Add((r.GetString(0), Convert.ToInt32(r.GetValue(1)), r.NullableDouble(2), r.NullableDouble(3), r.GetString(4), r.NullableString(5), r.NullableString(6)));
        }
        var withNilai = rows.Count(x => x.Nilai is not null);
        var useNilai = rows.Count > 0 && withNilai >= 0.9 * rows.Count;
        var panel = new Dictionary<string, Dictionary<int, QuarterObservation>>();
        foreach (var x in rows)
        {
            var y = useNilai ? x.Nilai : x.Skor;
            if (y is null) continue;
            if (!panel.TryGetValue(x.Nip, out var series)) panel[x.Nip] = series = [];
            series[x.Q] = new QuarterObservation(y.Value, x.Unit, x.Gol ?? "?", x.Jab ?? "?");
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
                trainings.Add(new TrainingRecord(r.GetString(0), r.GetString(1), r.GetString(2),
                    r.GetFieldValue<DateOnly>(3), r.GetFieldValue<DateOnly>(4), Convert.ToInt32(r.GetValue(5)), r.GetString(6),
                    r.NullableDouble(7), r.NullableDouble(8), r.NullableDouble(9)));
        }
        return new TrainingData(panel, trainings, useNilai ? "nilai_skp" : "skor");
    }
}
