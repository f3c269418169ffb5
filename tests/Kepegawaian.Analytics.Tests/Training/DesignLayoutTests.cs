using Kepegawaian.Analytics.Training;

namespace Kepegawaian.Analytics.Tests.Training;

/// <summary>
/// A bootstrap replicate's propensity fit starts from the full sample's model moved into the replicate's columns: its own
/// reference levels (the first present, which may be a level the full model had a coefficient for) and its own baseline
/// scale. Every unit of the replicate must get the logit the full model gave it.
/// </summary>
public sealed class DesignLayoutTests
{
    [Theory]
    [InlineData(1, true)]
    [InlineData(2, false)]
    [InlineData(3, true)]
    [InlineData(4, true)]
    public void A_model_moved_into_a_replicates_columns_gives_every_unit_the_same_logit(int seed, bool useBaseline)
    {
        var rng = new Random(seed);
        int[] levels = [30, 6, 4, 5];   // unit, golongan, jabatan, cohort
        const int n = 400;
        var rank = levels.Select(count => Enumerable.Range(0, n).Select(_ => rng.Next(count)).ToArray()).ToArray();
        var baseline = Enumerable.Range(0, n).Select(_ => Math.Round(60 + 40 * rng.NextDouble(), 1)).ToArray();
        var all = Enumerable.Range(0, n).ToArray();
        // A replicate: a draw with replacement, here without anyone of the full model's reference unit and golongan, so
        // the replicate's reference levels are levels the full model has coefficients for; some other levels are absent.
        var pool = all.Where(u => rank[0][u] != 0 && rank[1][u] != 0).ToArray();
        var drawn = Enumerable.Range(0, n / 3).Select(_ => pool[rng.Next(pool.Length)]).ToArray();

        var full = Layout(all, all, rank, levels, baseline, useBaseline);
        var replicate = Layout([.. drawn.Distinct().Order()], drawn, rank, levels, baseline, useBaseline);
        var beta = Enumerable.Range(0, full.Columns + 1).Select(_ => rng.NextDouble() * 4 - 2).ToArray();
        var start = new Propensity(beta, full).StartFor(replicate);

        Assert.Equal(replicate.Columns + 1, start.Length);
        foreach (var u in drawn)
            Assert.Equal(Logit(beta, full, u, rank, baseline), Logit(start, replicate, u, rank, baseline), 1e-12);
        Assert.True(replicate.Reference[0] > 0 && replicate.Reference[1] > 0);   // the case that matters
        Assert.Equal(-1, replicate.ColumnOf[0][0]);   // absent from the replicate
    }

    /// <summary>The estimator's layout rule: baseline standardised over every copy drawn, then per categorical a column for each present level but the first.</summary>
    private static DesignLayout Layout(int[] distinct, int[] copies, int[][] rank, int[] levels, double[] baseline, bool useBaseline)
    {
        var next = 1;
        var (column, scale) = (0, (M: 0.0, S: 1.0));
        if (useBaseline)
        {
            var values = copies.Select(u => baseline[u]).ToArray();
            var mean = values.Average();
            scale = (mean, Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1)));
            column = next++;
        }
        var columnOf = new int[levels.Length][];
        var reference = new int[levels.Length];
        for (var k = 0; k < levels.Length; k++)
        {
            var present = distinct.Select(u => rank[k][u]).ToHashSet();
            reference[k] = present.Count == 0 ? -1 : present.Min();
            columnOf[k] = [.. Enumerable.Range(0, levels[k]).Select(r => present.Contains(r) && r != reference[k] ? next++ : -1)];
        }
        return new DesignLayout(column, scale, columnOf, reference, next - 1);
    }

    private static double Logit(double[] beta, DesignLayout layout, int u, int[][] rank, double[] baseline)
    {
        var eta = beta[0];
        if (layout.BaselineColumn > 0) eta += beta[layout.BaselineColumn] * (baseline[u] - layout.Scale.M) / layout.Scale.S;
        for (var k = 0; k < rank.Length; k++)
            if (layout.ColumnOf[k][rank[k][u]] is var c and >= 0) eta += beta[c];
        return eta;
    }
}
