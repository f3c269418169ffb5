using Kepegawaian.Analytics.Training;
using Kepegawaian.Testing;
using Kepegawaian.Warehouse;
using Xunit.Abstractions;

namespace Kepegawaian.Analytics.Tests.Training;

public sealed class TrainingImpactTests(ITestOutputHelper output)
{
    private static readonly TrainingSimulation.Group Manajerial = new("manajerial", 4.0, Selective: true, Share: 0.2);
    private static readonly TrainingSimulation.Group Sosial = new("sosial_kultural", 0.0, Selective: true, Share: 0.2);

    [Fact]
    public void Matched_did_recovers_the_injected_effect_and_zero_where_there_is_none()
    {
        using var wh = new TempWarehouse();
        using var c = wh.Open();
        TrainingSimulation.Build(1500, seed: 1, Manajerial, Sosial).WriteTo(c);
        DiklatMarts.Refresh(c);

        foreach (var (jenis, effect) in new[] { ("manajerial", 4.0), ("sosial_kultural", 0.0) })
        {
            using var cmd = c.Command("SELECT att, ci_low, ci_high, n_treated, n_control, max_smd, pool, naive, status, pretrend_p FROM mart_diklat_dampak WHERE kelompok = $k AND jenis_kelompok = 'jenis'", ("k", jenis));
            using var r = cmd.ExecuteReader();
            Assert.True(r.Read());
            output.WriteLine($"{jenis}: att {r.GetDouble(0):0.000} [{r.GetDouble(1):0.000}, {r.GetDouble(2):0.000}] n {r.GetInt32(3)}/{r.GetInt32(4)} smd {r.GetDouble(5):0.000} pool {r.GetString(6)} naive {r.GetDouble(7):0.000} pretrend_p {r.GetDouble(9):0.000} status {r.GetString(8)}");
            Assert.InRange(effect, r.GetDouble(1), r.GetDouble(2));
            Assert.True(r.GetInt32(3) >= 30);
            Assert.StartsWith("belum_dilatih", r.GetString(6));   // not-yet-treated controls
            // Selection on ability: the unmatched post-period comparison is biased well beyond the effect.
            Assert.True(r.GetDouble(7) - effect > 2.0, $"naive {r.GetDouble(7)} should be biased upward");
            Assert.True(r.GetDouble(5) < 0.15, "balance after matching");   // the status warns above 0.1
        }
        // The event study is flat before training and jumps by the effect after it.
        var before = c.Scalar<double>("SELECT estimate FROM mart_diklat_event WHERE kelompok = 'manajerial' AND relatif_triwulan = -3");
        var after = c.Scalar<double>("SELECT estimate FROM mart_diklat_event WHERE kelompok = 'manajerial' AND relatif_triwulan = 2");
        Assert.InRange(before, -1.0, 1.0);
        Assert.InRange(after, 3.0, 5.0);

        // Fixed seeds and ordered inputs: a second refresh gives the same numbers.
        var first = c.Scalar<double>("SELECT att FROM mart_diklat_dampak WHERE kelompok = 'manajerial'");
        DiklatMarts.Refresh(c);
        Assert.Equal(first, c.Scalar<double>("SELECT att FROM mart_diklat_dampak WHERE kelompok = 'manajerial'"));
    }

    [Fact]
    public void Above_MaxTreated_a_random_sample_of_the_treated_is_estimated_with_a_ci_about_root_n_wider()
    {
        using var wh = new TempWarehouse();
        using var c = wh.Open();
        TrainingSimulation.Build(1500, seed: 1, Manajerial).WriteTo(c);
        var full = ManajerialRow(c, new DiklatOptions());
        var capped = ManajerialRow(c, new DiklatOptions { MaxTreated = 100 });
        output.WriteLine($"full: {full}\ncapped: {capped}");

        Assert.DoesNotContain("sampel acak", full.Status);
        Assert.Contains($"sampel acak 100 dari {full.NTreated + Unmatched(full.Status)} peserta", capped.Status);
        Assert.InRange(capped.NTreated, 30, 100);
        Assert.Equal(full.NPesertaLulus, capped.NPesertaLulus);   // who completed it is still counted in full
        Assert.InRange(4.0, capped.CiLow!.Value, capped.CiHigh!.Value);
        // A simple random third of the treated: the standard error grows by about √(n_full / n_capped) ≈ √3.
        var expected = Math.Sqrt((double)full.NTreated / capped.NTreated);
        var ratio = (capped.CiHigh.Value - capped.CiLow.Value) / (full.CiHigh!.Value - full.CiLow!.Value);
        Assert.InRange(ratio, 0.7 * expected, 1.4 * expected);
    }

    private static DiklatDampakRow ManajerialRow(DuckDB.NET.Data.DuckDBConnection c, DiklatOptions options)
    {
        DiklatMarts.Refresh(c, options);
        return DiklatQueries.Impact(c).Single(r => r.Kelompok == "manajerial");
    }

    private static int Unmatched(string status) =>
        System.Text.RegularExpressions.Regex.Match(status, @"(\d+) peserta tanpa pasangan") is { Success: true } m ? int.Parse(m.Groups[1].Value) : 0;

    [Fact]
    [Trait("Category", "Scenario")]
    public void Across_six_seeds_the_estimates_centre_on_the_truth_and_the_cis_mostly_cover_it()
    {
        var estimates = new List<(double Att, bool Covers)>();
        for (var seed = 1; seed <= 6; seed++)
        {
            using var wh = new TempWarehouse();
            using var c = wh.Open();
            TrainingSimulation.Build(1500, seed, Manajerial, Sosial).WriteTo(c);
            DiklatMarts.Refresh(c);
            using var cmd = c.Command("SELECT att, ci_low, ci_high FROM mart_diklat_dampak WHERE kelompok = 'manajerial'");
            using var r = cmd.ExecuteReader();
            Assert.True(r.Read());
            estimates.Add((r.GetDouble(0), r.GetDouble(1) <= 4.0 && 4.0 <= r.GetDouble(2)));
            output.WriteLine($"seed {seed}: att {r.GetDouble(0):0.000} [{r.GetDouble(1):0.000}, {r.GetDouble(2):0.000}]");
        }
        Assert.InRange(estimates.Average(e => e.Att), 3.75, 4.25);
        Assert.True(estimates.Count(e => e.Covers) >= 5);
    }

    [Fact]
    public void A_group_whose_baseline_stays_imbalanced_after_matching_is_not_published_and_leaves_the_holm_family()
    {
        using var wh = new TempWarehouse();
        using var c = wh.Open();
        TrainingSimulation.Build(1500, seed: 1, Manajerial, Sosial).WriteTo(c);
        // Any SMD above 0.000001 fails: both groups match on the baseline (16 quarters of history), neither is exactly balanced.
        DiklatMarts.Refresh(c, new DiklatOptions { MaxSmdFail = 0.000001, BootstrapReplicates = 0 });
        using var cmd = c.Command("SELECT status, att, ci_low, ci_high, p_value, p_holm, max_smd FROM mart_diklat_dampak WHERE jenis_kelompok = 'jenis'");
        using var r = cmd.ExecuteReader();
        var n = 0;
        while (r.Read())
        {
            n++;
            Assert.StartsWith("keseimbangan tidak tercapai", r.GetString(0));
            for (var i = 1; i <= 5; i++) Assert.True(r.IsDBNull(i));
            Assert.False(r.IsDBNull(6));   // the failing SMD is still shown
        }
        Assert.Equal(2, n);
    }

    [Fact]
    public void Holm_and_bh_are_stored_beside_p_over_every_published_estimate()
    {
        using var wh = new TempWarehouse();
        using var c = wh.Open();
        TrainingSimulation.Build(1500, seed: 2, Manajerial, Sosial).WriteTo(c);
        DiklatMarts.Refresh(c, new DiklatOptions { BootstrapReplicates = 0 });
        var rows = new List<(double P, double Holm, double Q)>();
        using (var cmd = c.Command("SELECT p_value, p_holm, q_bh FROM mart_diklat_dampak WHERE p_value IS NOT NULL ORDER BY p_value"))
        using (var r = cmd.ExecuteReader())
            while (r.Read()) rows.Add((r.GetDouble(0), r.GetDouble(1), r.GetDouble(2)));
        Assert.Equal(4, rows.Count);   // 2 jenis + their 2 courses (MANAJERIAL-01, SOSIAL_KULTURAL-01)
        // Holm by hand for m = 4 sorted p: max over k ≤ i of min(1, (4 − k)·p_k); BH: min over k ≥ i of min(1, 4/(k+1)·p_k).
        for (var i = 0; i < 4; i++)
        {
            var holm = Enumerable.Range(0, i + 1).Max(k => Math.Min(1, (4 - k) * rows[k].P));
            var q = Enumerable.Range(i, 4 - i).Min(k => Math.Min(1, 4.0 / (k + 1) * rows[k].P));
            Assert.Equal(holm, rows[i].Holm, 12);
            Assert.Equal(q, rows[i].Q, 12);
        }
    }

    [Fact]
    public void A_group_with_too_few_participants_gets_a_status_and_no_number()
    {
        using var wh = new TempWarehouse();
        using var c = wh.Open();
        TrainingSimulation.Build(300, seed: 3, new TrainingSimulation.Group("fungsional", 2.0, Selective: false, Share: 0.05)).WriteTo(c);
        DiklatMarts.Refresh(c);
        var n = c.Scalar<int>("SELECT n_treated FROM mart_diklat_dampak WHERE kelompok = 'fungsional'");
        Assert.True(n < 30);
        Assert.StartsWith("terlalu kecil", c.Scalar<string>("SELECT status FROM mart_diklat_dampak WHERE kelompok = 'fungsional'"));
        Assert.Null(c.Scalar<double?>("SELECT att FROM mart_diklat_dampak WHERE kelompok = 'fungsional'"));
    }
}
