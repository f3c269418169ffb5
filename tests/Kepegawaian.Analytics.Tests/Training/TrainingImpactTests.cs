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
            Assert.Equal("bersih", r.GetString(6));
            // Selection on ability: the unmatched post-period comparison is biased well beyond the effect.
            Assert.True(r.GetDouble(7) - effect > 2.0, $"naive {r.GetDouble(7)} should be biased upward");
            Assert.True(r.GetDouble(5) < 0.15, "balance after matching");   // the status warns above 0.1
        }
        // The event study is flat before training and jumps by the effect after it.
        var before = c.Scalar<double>("SELECT estimate FROM mart_diklat_event WHERE kelompok = 'manajerial' AND relatif_triwulan = -4");
        var after = c.Scalar<double>("SELECT estimate FROM mart_diklat_event WHERE kelompok = 'manajerial' AND relatif_triwulan = 2");
        Assert.InRange(before, -1.0, 1.0);
        Assert.InRange(after, 3.0, 5.0);

        // Fixed seeds and ordered inputs: a second refresh gives the same numbers.
        var first = c.Scalar<double>("SELECT att FROM mart_diklat_dampak WHERE kelompok = 'manajerial'");
        DiklatMarts.Refresh(c);
        Assert.Equal(first, c.Scalar<double>("SELECT att FROM mart_diklat_dampak WHERE kelompok = 'manajerial'"));
    }

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
