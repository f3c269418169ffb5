using DuckDB.NET.Data;
using MathNet.Numerics.LinearAlgebra;

namespace Kepegawaian.Analytics.Tests.Training;

/// <summary>
/// Reference estimator written independently of the production one: two-way fixed effects OLS on the employee × quarter
/// panel, y_iq = α_i + λ_q + Σ_j β_j D_ijq + e, where D_ijq counts the distinct years with a lulus training of jenis j
/// that ended before quarter q starts. Employee effects are absorbed by demeaning every column within employee
/// (Frisch–Waugh; exact for an unbalanced panel because the quarter dummies are demeaned too); SEs clustered by employee.
/// Reads straight from fact_kinerja and fact_diklat.
/// </summary>
public static class TwoWayFixedEffects
{
    public static IReadOnlyDictionary<string, (double Beta, double Se)> Fit(DuckDBConnection c)
    {
        var rows = new List<(string Nip, int Q, double Y)>();
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = "SELECT nip, year(periode_mulai) * 4 + quarter(periode_mulai) - 1, nilai_skp FROM fact_kinerja WHERE jenis_periode = 'triwulanan' AND nilai_skp IS NOT NULL ORDER BY 1, 2";
            using var r = cmd.ExecuteReader();
            while (r.Read()) rows.Add((r.GetString(0), Convert.ToInt32(r.GetValue(1)), Convert.ToDouble(r.GetValue(2))));
        }
        var ended = new Dictionary<string, List<(string Jenis, int Q, int Year)>>();
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = "SELECT nip, jenis_pelatihan, year(tanggal_selesai) * 4 + quarter(tanggal_selesai) - 1, year(tanggal_selesai) FROM fact_diklat WHERE status = 'lulus'";
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                if (!ended.TryGetValue(r.GetString(0), out var list)) ended[r.GetString(0)] = list = [];
                list.Add((r.GetString(1), Convert.ToInt32(r.GetValue(2)), Convert.ToInt32(r.GetValue(3))));
            }
        }
        var jenis = ended.Values.SelectMany(l => l.Select(x => x.Jenis)).Distinct().Order(StringComparer.Ordinal).ToArray();
        var quarters = rows.Select(x => x.Q).Distinct().Order().ToArray();
        var k = jenis.Length + quarters.Length - 1;   // first quarter is the reference
        var x = new List<double[]>(rows.Count);
        var y = new List<double>(rows.Count);
        var cluster = new List<int>(rows.Count);
        var id = 0;
        foreach (var person in rows.GroupBy(r => r.Nip))
        {
            var obs = person.ToList();
            if (obs.Count < 2) continue;
            var block = obs.Select(o =>
            {
                var v = new double[k];
                var list = ended.TryGetValue(o.Nip, out var l) ? l : [];
                for (var j = 0; j < jenis.Length; j++)
                    v[j] = list.Where(t => t.Jenis == jenis[j] && t.Q < o.Q).Select(t => t.Year).Distinct().Count();
                var qi = Array.IndexOf(quarters, o.Q);
                if (qi > 0) v[jenis.Length + qi - 1] = 1;
                return v;
            }).ToList();
            var meanY = obs.Average(o => o.Y);
            var meanX = Enumerable.Range(0, k).Select(j => block.Average(v => v[j])).ToArray();
            for (var i = 0; i < obs.Count; i++)
            {
                x.Add(block[i].Select((v, j) => v - meanX[j]).ToArray());
                y.Add(obs[i].Y - meanY);
                cluster.Add(id);
            }
            id++;
        }
        var design = Matrix<double>.Build.DenseOfRowArrays(x);
        var yv = Vector<double>.Build.DenseOfEnumerable(y);
        var bread = design.TransposeThisAndMultiply(design).Inverse();
        var beta = bread * design.TransposeThisAndMultiply(yv);
        var e = yv - design * beta;
        // Cluster-robust (CR1) meat: Σ_g (X_g' e_g)(X_g' e_g)'.
        var meat = Matrix<double>.Build.Dense(k, k);
        var score = new double[k];
        for (var i = 0; i < x.Count; i++)
        {
            for (var j = 0; j < k; j++) score[j] += x[i][j] * e[i];
            if (i + 1 == x.Count || cluster[i + 1] != cluster[i])
            {
                for (var a = 0; a < k; a++)
                    for (var b = 0; b < k; b++) meat[a, b] += score[a] * score[b];
                Array.Clear(score);
            }
        }
        var g = (double)id;
        var v = bread * meat * bread * (g / (g - 1)) * ((x.Count - 1.0) / (x.Count - k));
        return jenis.Select((j, i) => (j, i)).ToDictionary(p => p.j, p => (beta[p.i], Math.Sqrt(v[p.i, p.i])));
    }
}
