using DuckDB.NET.Data;
using Kepegawaian.Analytics.Performance;

namespace Kepegawaian.Analytics.Training;

/// <summary>Kirkpatrick levels 1, 2 and 4 for a training group (level 3 is <see cref="TrainingImpact"/>).</summary>
public static class Kirkpatrick
{
    /// <summary>Level 1: mean nilai_reaksi (1…5) over the group's lulus records that have one.</summary>
    public static (double? Mean, int N) Reaction(TrainingData data, TrainingGroup group)
    {
        var values = data.Members(group).Where(t => t.Lulus && t.Reaksi is not null).Select(t => t.Reaksi!.Value).ToList();
        return (values.Count == 0 ? null : values.Average(), values.Count);
    }

    /// <summary>Level 2: mean post − pre test gain with a paired t-interval (needs ≥ 3 records with both tests).</summary>
    public static Estimate? TestGain(TrainingData data, TrainingGroup group)
    {
        var gains = data.Members(group).Where(t => t.Lulus && t.PreTest is not null && t.PostTest is not null)
            .Select(t => t.PostTest!.Value - t.PreTest!.Value).ToList();
        return gains.Count >= 3 ? TrainingImpact.Paired(gains) : null;
    }

    /// <summary>
    /// Level 4, descriptive: for each year Y in which at least <c>LargeShareTrained</c> of a unit's staff
    /// completed the group, the unit's IKM change from Y−1 to Y+1 minus the mean change of the units
    /// below that share in the same year; averaged over those unit-years. Not a causal estimate.
    /// </summary>
    public static (double? Change, int Units) IkmChange(IkmInputs inputs, TrainingGroup group, DiklatOptions options)
    {
        var diffs = new List<double>();
        foreach (var year in inputs.Staff.Keys.Select(k => k.Year).Distinct())
        {
            var changes = inputs.Staff.Keys.Where(k => k.Year == year)
                .Select(k => (k.Unit, Change: Change(inputs, k.Unit, year), Share: Share(inputs, group, k.Unit, year)))
                .Where(x => x.Change is not null).ToList();
            var heavy = changes.Where(x => x.Share >= options.LargeShareTrained).ToList();
            var rest = changes.Where(x => x.Share < options.LargeShareTrained).ToList();
            if (heavy.Count == 0 || rest.Count == 0) continue;
            var baseline = rest.Average(x => x.Change!.Value);
            diffs.AddRange(heavy.Select(x => x.Change!.Value - baseline));
        }
        return (diffs.Count == 0 ? null : diffs.Average(), diffs.Count);
    }

    private static double? Change(IkmInputs inputs, string unit, int year) =>
        inputs.Ikm.TryGetValue((unit, year + 1), out var after) && inputs.Ikm.TryGetValue((unit, year - 1), out var before) ? after - before : null;

    private static double Share(IkmInputs inputs, TrainingGroup group, string unit, int year) =>
        inputs.Trained.TryGetValue((group.Kind, group.Name, unit, year), out var trained) ? (double)trained / inputs.Staff[(unit, year)] : 0;
}

/// <summary>Unit × year IKM, staff counts and trained counts (marts built by diklat_04_ikm.sql).</summary>
public sealed record IkmInputs(
    IReadOnlyDictionary<(string Unit, int Year), double> Ikm,
    IReadOnlyDictionary<(string Unit, int Year), long> Staff,
    IReadOnlyDictionary<(string Kind, string Group, string Unit, int Year), long> Trained)
{
    /// <remarks>Read in key order: the dictionaries' order is the order <see cref="Kirkpatrick.IkmChange"/> sums in, and a
    /// parallel GROUP BY returns its groups in any order (ikm_change then differed in its last bits between refreshes).</remarks>
    public static IkmInputs Load(DuckDBConnection c)
    {
        var ikm = new Dictionary<(string, int), double>();
        foreach (var r in Rows(c, "SELECT kode_unit, tahun, ikm FROM mart_diklat_ikm_unit ORDER BY ALL"))
            ikm[((string)r[0]!, Convert.ToInt32(r[1]))] = Convert.ToDouble(r[2]);
        var staff = new Dictionary<(string, int), long>();
        foreach (var r in Rows(c, "SELECT kode_unit, tahun, count(*) FROM mart_jp_pegawai GROUP BY ALL ORDER BY ALL"))
            staff[((string)r[0]!, Convert.ToInt32(r[1]))] = Convert.ToInt64(r[2]);
        var trained = new Dictionary<(string, string, string, int), long>();
        foreach (var r in Rows(c, "SELECT jenis_kelompok, kelompok, kode_unit, tahun, terlatih FROM mart_diklat_unit_terlatih ORDER BY ALL"))
            trained[((string)r[0]!, (string)r[1]!, (string)r[2]!, Convert.ToInt32(r[3]))] = Convert.ToInt64(r[4]);
        return new IkmInputs(ikm, staff, trained);
    }

    private static IEnumerable<object?[]> Rows(DuckDBConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var row = new object?[r.FieldCount];
            for (var i = 0; i < r.FieldCount; i++) row[i] = r.IsDBNull(i) ? null : r.GetValue(i);
            yield return row;
        }
    }
}
