using Kepegawaian.Analytics.Training;

namespace Kepegawaian.Analytics.Tests.Training;

/// <summary>Covariate balance after matching, against hand-computed standardized mean differences.</summary>
public sealed class BalanceTests
{
    [Fact]
    public void Smd_of_a_continuous_covariate_uses_the_pooled_sample_sd()
    {
        // T = 1 2 3 (mean 2, s² 1), C = 1 2 4 (mean 7/3, s² 7/3): (1/3) / √((1 + 7/3) / 2) = 0.258199
        Assert.Equal(0.258199, Balance.Smd([1, 2, 3], [1, 2, 4]), 6);
        Assert.Equal(0, Balance.Smd([5, 5], [5, 5]));
    }

    [Fact]
    public void A_rare_unit_is_left_out_so_the_warning_reflects_real_imbalance()
    {
        // T: 10 in A, 9 in B, 1 in R; C: 10 in A, 10 in B. Baseline, pre, golongan, jabatan identical.
        // R (1 employee): T mean 0.05, s² 0.05; C 0 → 0.05 / √0.025 = 0.316228 — chance, one person.
        // B: T 0.45 (s² 4.95/19), C 0.5 (s² 5/19) → 0.05 / √(9.95/38) = 0.097713.
        static BalanceRow Row(string unit, int i) => new(Baseline: i % 2, Pre: i % 2, unit, "III/a", "pelaksana");
        var treated = Enumerable.Range(0, 20).Select(i => Row(i < 10 ? "A" : i < 19 ? "B" : "R", i)).ToList();
        var controls = Enumerable.Range(0, 20).Select(i => Row(i < 10 ? "A" : "B", i)).ToList();

        var (all, allAt) = Balance.MaxSmd(treated, controls, minLevelSize: 1);
        Assert.Equal((0.316228, "kode_unit=R"), (Math.Round(all, 6), allAt));

        var (kept, keptAt) = Balance.MaxSmd(treated, controls, minLevelSize: 10);
        Assert.Equal((0.097713, "kode_unit=B"), (Math.Round(kept, 6), keptAt));
    }
}
