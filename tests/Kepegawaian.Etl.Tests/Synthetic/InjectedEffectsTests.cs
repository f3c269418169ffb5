using System.Globalization;
using Kepegawaian.Etl.Synthetic;

namespace Kepegawaian.Etl.Tests.Synthetic;

/// <summary>
/// The documented effects are really in the data: a within-employee (fixed-effects) regression of quarterly
/// nilai_skp on the quarter index and on the number of completed jenis-years of each training type (counted from
/// the diklat files with the rule in <see cref="InjectedEffects.SkpEffectByJenis"/>) recovers the constants.
/// </summary>
public sealed class InjectedEffectsTests
{
    private static readonly string[] Jenis = ["latsar", "manajerial", "teknis", "fungsional", "sosial_kultural", "e_learning"];

    [Fact]
    public void Fixed_effects_regression_recovers_trend_and_training_effects()
    {
        using var g = new GeneratedInbox(badRows: 0, employees: 1500);
        var completions = g.Rows("diklat").Where(r => r["status"] == "lulus")
            .Select(r => (Nip: r["nip"], Jenis: Array.IndexOf(Jenis, r["jenis_pelatihan"]), Selesai: DateOnly.ParseExact(r["tanggal_selesai"], "yyyy-MM-dd", CultureInfo.InvariantCulture)))
            .ToLookup(c => c.Nip);

        var byEmployee = g.Rows("kinerja").Where(r => r["periode"].Contains('Q')).GroupBy(r => r["nip"]);
        const int k = 7; // quarter index + six training counts
        var xtx = new double[k, k];
        var xty = new double[k];
        foreach (var emp in byEmployee)
        {
            var obs = emp.Select(r =>
            {
                var year = int.Parse(r["periode"][..4], CultureInfo.InvariantCulture);
                var q = r["periode"][6] - '0';
                var start = new DateOnly(year, 3 * q - 2, 1);
                var x = new double[k];
                x[0] = (year - 2024) * 4 + q - 1;
                foreach (var c in completions[emp.Key].Where(c => c.Selesai < start).Select(c => (c.Jenis, c.Selesai.Year)).Distinct())
                    x[1 + c.Jenis] += 1;
                return (X: x, Y: double.Parse(r["nilai_skp"], CultureInfo.InvariantCulture));
            }).ToList();
            if (obs.Count < 2) continue;
            var meanX = Enumerable.Range(0, k).Select(j => obs.Average(o => o.X[j])).ToArray();
            var meanY = obs.Average(o => o.Y);
            foreach (var (x, y) in obs)
                for (var a = 0; a < k; a++)
                {
                    xty[a] += (x[a] - meanX[a]) * (y - meanY);
                    for (var b = 0; b < k; b++) xtx[a, b] += (x[a] - meanX[a]) * (x[b] - meanX[b]);
                }
        }
        var beta = Solve(xtx, xty);

        Assert.InRange(beta[0], InjectedEffects.TrendPerQuarter - 0.15, InjectedEffects.TrendPerQuarter + 0.15);
        Assert.InRange(beta[3], InjectedEffects.Teknis - 0.8, InjectedEffects.Teknis + 0.8);
        Assert.InRange(beta[4], InjectedEffects.Fungsional - 0.8, InjectedEffects.Fungsional + 0.8);
        Assert.InRange(beta[6], InjectedEffects.ELearning - 0.8, InjectedEffects.ELearning + 0.8);
        Assert.InRange(beta[5], InjectedEffects.SosialKultural - 1.2, InjectedEffects.SosialKultural + 1.2);
        Assert.InRange(beta[2], InjectedEffects.Manajerial - 2.0, InjectedEffects.Manajerial + 2.0);
    }

    /// <summary>Gaussian elimination with partial pivoting for the small normal equations.</summary>
    private static double[] Solve(double[,] a, double[] b)
    {
        var n = b.Length;
        var m = (double[,])a.Clone();
        var v = (double[])b.Clone();
        for (var c = 0; c < n; c++)
        {
            var p = Enumerable.Range(c, n - c).MaxBy(r => Math.Abs(m[r, c]));
            for (var j = 0; j < n; j++) (m[c, j], m[p, j]) = (m[p, j], m[c, j]);
            (v[c], v[p]) = (v[p], v[c]);
            for (var r = c + 1; r < n; r++)
            {
                var f = m[r, c] / m[c, c];
                for (var j = c; j < n; j++) m[r, j] -= f * m[c, j];
                v[r] -= f * v[c];
            }
        }
        var x = new double[n];
        for (var r = n - 1; r >= 0; r--)
        {
            var s = v[r];
            for (var j = r + 1; j < n; j++) s -= m[r, j] * x[j];
            x[r] = s / m[r, r];
        }
        return x;
    }
}
