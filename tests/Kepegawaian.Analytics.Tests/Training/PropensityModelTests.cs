using System.IO.Compression;
using Kepegawaian.Analytics.Training;
using MathNet.Numerics.LinearAlgebra;

namespace Kepegawaian.Analytics.Tests.Training;

/// <summary>
/// The propensity IRLS gives the logits of its first, MathNet-matrix form where plain Newton steps converge, to 1e-12 (the
/// factor eliminates in another order, so the last bits differ: logits that are equal stay equal, but two that differ by
/// ~1e-14 may swap order, which can change a match; on the demo city none did), fits frequency weights as the copied rows,
/// and reaches the optimum where plain Newton steps do not converge.
/// </summary>
public sealed class PropensityModelTests
{
    [Theory]
    [InlineData(1, true)]
    [InlineData(2, false)]
    [InlineData(3, true)]
    public void Logits_are_those_of_the_MathNet_Newton_steps(int seed, bool withBaseline)
    {
        var (design, treated) = Design(seed, withBaseline, n: 2500);
        var expected = Reference(design, treated, ridge: 1.0);
        var actual = PropensityModel.FitPredictLogit(design, treated, ridge: 1.0);
        Assert.InRange(expected.Zip(actual).Max(x => Math.Abs(x.First - x.Second)), 0, 1e-12);
    }

    /// <summary>A bootstrap replicate is fitted over the employees it drew, each weighted by how often: that is the fit over the copies.</summary>
    [Theory]
    [InlineData(4, true)]
    [InlineData(5, false)]
    public void Frequency_weights_give_the_fit_over_the_copied_rows(int seed, bool withBaseline)
    {
        var (design, treated) = Design(seed, withBaseline, n: 2500);
        var rng = new Random(seed);
        var copies = Enumerable.Range(0, design.Count).Select(_ => rng.Next(1, 4)).ToArray();
        var rows = Enumerable.Range(0, design.Count).SelectMany(i => Enumerable.Repeat(i, copies[i])).ToArray();
        var (start, cols, vals) = (new List<int> { 0 }, new List<int>(), new List<double>());
        foreach (var i in rows)
        {
            for (var a = design.Start[i]; a < design.Start[i + 1]; a++) { cols.Add(design.Cols[a]); vals.Add(design.Vals[a]); }
            start.Add(cols.Count);
        }
        var copied = new SparseRows([.. start], [.. cols], [.. vals], design.Columns);

        var expected = PropensityModel.Fit(copied, [.. rows.Select(i => treated[i])], ridge: 1.0);
        var actual = PropensityModel.Fit(design, treated, ridge: 1.0, weights: [.. copies.Select(c => (double)c)]);

        Assert.InRange(expected.Zip(actual).Max(x => Math.Abs(x.First - x.Second)), 0, 1e-12);
    }

    /// <summary>The fit reads the rows through pointers, so a design with a column out of range or out of order is refused first.</summary>
    [Theory]
    [InlineData(new[] { 0, 2, 1 })]
    [InlineData(new[] { 0, 1, 3 })]
    [InlineData(new[] { 0, 1, 1 })]
    public void A_design_whose_row_columns_do_not_ascend_within_range_is_refused(int[] row)
    {
        var design = new SparseRows([0, 2, 2 + row.Length], [0, 1, .. row], [1, 0.5, .. row.Select(_ => 1.0)], Columns: 2);
        Assert.Throws<ArgumentException>(() => PropensityModel.Fit(design, [true, false], ridge: 1.0));
    }

    [Fact]
    public void Row_starts_out_of_order_too_many_columns_or_weights_not_one_per_row_are_refused()
    {
        var design = new SparseRows([0, 2, 3], [0, 1, 0], [1, 0.5, 1], Columns: 1);
        Assert.Throws<ArgumentException>(() => PropensityModel.Fit(design with { Start = [0, 3, 2] }, [true, false], ridge: 1.0));
        Assert.Throws<ArgumentException>(() => PropensityModel.Fit(design with { Columns = 65_536 }, [true, false], ridge: 1.0));
        Assert.Throws<ArgumentException>(() => PropensityModel.Fit(design, [true, false], ridge: 1.0, weights: [1, 2, 3]));
        Assert.Throws<ArgumentException>(() => PropensityModel.Fit(design, [true, false], ridge: 1.0, weights: [1, 0]));
        Assert.Throws<ArgumentException>(() => PropensityModel.Fit(design, [true, false, true], ridge: 1.0));
    }

    /// <summary>Rented column arrays are longer than the rows use; a values array shorter than the rows use is refused.</summary>
    [Fact]
    public void Column_arrays_longer_than_the_rows_use_are_read_and_a_values_array_shorter_is_refused()
    {
        var design = new SparseRows([0, 2, 3], [0, 1, 0], [1, 0.5, 1], Columns: 1);
        var beta = PropensityModel.Fit(design, [true, false], ridge: 1.0);
        Assert.Equal(beta, PropensityModel.Fit(design with { Cols = [0, 1, 0, 7, 7, 7, 7], Vals = [1, 0.5, 1, 9] }, [true, false], ridge: 1.0));
        Assert.Throws<ArgumentException>(() => PropensityModel.Fit(design with { Vals = [1, 0.5] }, [true, false], ridge: 1.0));
        Assert.Throws<ArgumentException>(() => PropensityModel.Fit(design with { Cols = [0, 1] }, [true, false], ridge: 1.0));
    }

    /// <summary>
    /// A latsar sample of the demo city (15 000 employees, seed default; 4 134 rows, 318 treated, 186 unit/golongan/jabatan/
    /// cohort dummies): the higher golongan hold controls only. Plain Newton steps grew to 10⁸ on it (the logits reached
    /// ±7.7·10⁸, so the caliper matched anyone within the cohort). The penalised log-likelihood is strictly concave, so a
    /// zero gradient identifies its maximum: X'(y − μ) − λβ (intercept not penalised) must vanish at the returned β.
    /// </summary>
    [Fact]
    public void A_latsar_design_where_plain_Newton_steps_diverge_reaches_the_penalised_maximum()
    {
        var (design, treated) = Read("Data/latsar-propensity-design.txt.gz");
        const double ridge = 1.0;
        Assert.True(Reference(design, treated, ridge).Max(Math.Abs) > 1e3, "the fixture no longer makes plain Newton steps diverge");
        var beta = PropensityModel.Fit(design, treated, ridge);
        var logit = PropensityModel.Predict(design, beta);

        var gradient = new double[beta.Length];
        for (var j = 1; j < beta.Length; j++) gradient[j] = -ridge * beta[j];
        for (var i = 0; i < design.Count; i++)
        {
            var r = (treated[i] ? 1.0 : 0.0) - 1 / (1 + Math.Exp(-logit[i]));
            for (var a = design.Start[i]; a < design.Start[i + 1]; a++) gradient[design.Cols[a]] += design.Vals[a] * r;
        }
        Assert.True(gradient.Max(Math.Abs) < 1e-6, $"max |gradient| {gradient.Max(Math.Abs):E2}");
        Assert.InRange(logit.Max(Math.Abs), 0, 20);
    }

    /// <summary>
    /// A start changes the Newton steps, not the maximum: from the maximum itself, and from a start so far off that Newton
    /// diverges from it on the latsar design (the fit then starts again from the treated share), the logits are the default
    /// fit's. A start that is not one finite number per column is refused.
    /// </summary>
    [Fact]
    public void A_fit_started_elsewhere_reaches_the_same_maximum()
    {
        var (design, treated) = Read("Data/latsar-propensity-design.txt.gz");
        var beta = PropensityModel.Fit(design, treated, ridge: 1.0);
        var logit = PropensityModel.Predict(design, beta);
        double Gap(double[] other) => logit.Zip(PropensityModel.Predict(design, other)).Max(x => Math.Abs(x.First - x.Second));

        Assert.InRange(Gap(PropensityModel.Fit(design, treated, ridge: 1.0, initial: beta)), 0, 1e-12);
        var faraway = Enumerable.Repeat(3.0, beta.Length).ToArray();
        Assert.InRange(Gap(PropensityModel.Fit(design, treated, ridge: 1.0, initial: faraway)), 0, 1e-9);
        Assert.Throws<ArgumentException>(() => PropensityModel.Fit(design, treated, ridge: 1.0, initial: beta[1..]));
        Assert.Throws<ArgumentException>(() => PropensityModel.Fit(design, treated, ridge: 1.0, initial: [.. beta[1..], double.NaN]));
    }

    /// <summary>One row per line, "treated column:value …", after a first line with the number of columns (intercept included).</summary>
    private static (SparseRows Design, bool[] Treated) Read(string path)
    {
        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        var columns = int.Parse(reader.ReadLine()!, System.Globalization.CultureInfo.InvariantCulture);
        var (start, cols, vals, treated) = (new List<int> { 0 }, new List<int>(), new List<double>(), new List<bool>());
        while (reader.ReadLine() is { } line)
        {
            var fields = line.Split(' ');
            treated.Add(fields[0] == "1");
            foreach (var entry in fields.Skip(1))
            {
                var (column, value) = (entry[..entry.IndexOf(':')], entry[(entry.IndexOf(':') + 1)..]);
                cols.Add(int.Parse(column, System.Globalization.CultureInfo.InvariantCulture));
                vals.Add(double.Parse(value, System.Globalization.CultureInfo.InvariantCulture));
            }
            start.Add(cols.Count);
        }
        return (new SparseRows([.. start], [.. cols], [.. vals], columns - 1), [.. treated]);
    }

    /// <summary>Intercept, a standardised baseline, and dummies for 40 units, 6 golongan and 3 cohorts (first level left out), like the estimator's.</summary>
    private static (SparseRows Design, bool[] Treated) Design(int seed, bool withBaseline, int n)
    {
        var rng = new Random(seed);
        var levels = new[] { 40, 6, 3 };
        var start = new List<int> { 0 };
        var (cols, vals) = (new List<int>(), new List<double>());
        var treated = new bool[n];
        var offset = withBaseline ? 2 : 1;
        for (var i = 0; i < n; i++)
        {
            cols.Add(0); vals.Add(1);
            var score = -1.0;
            if (withBaseline)
            {
                var b = rng.NextDouble() * 2 - 1;
                cols.Add(1); vals.Add(b);
                score += 0.8 * b;
            }
            var column = offset;
            foreach (var count in levels)
            {
                var level = rng.Next(count);
                if (level > 0) { cols.Add(column + level - 1); vals.Add(1); score += 0.05 * level; }
                column += count - 1;
            }
            treated[i] = rng.NextDouble() < 1 / (1 + Math.Exp(-score));
            start.Add(cols.Count);
        }
        return (new SparseRows([.. start], [.. cols], [.. vals], offset - 1 + levels.Sum(l => l - 1)), treated);
    }

    /// <summary>The IRLS as first written: the full X'WX in a fresh array each step, MathNet's Cholesky and vector arithmetic.</summary>
    private static double[] Reference(SparseRows d, bool[] treated, double ridge, int maxIterations = 25)
    {
        var (n, p) = (d.Count, d.Columns + 1);
        var y = treated.Select(t => t ? 1.0 : 0.0).ToArray();
        var beta = Vector<double>.Build.Dense(p);
        var prior = y.Average();
        beta[0] = Math.Log(prior / (1 - prior));
        double Eta(int i, double[] b) { double e = 0; for (var a = d.Start[i]; a < d.Start[i + 1]; a++) e += d.Vals[a] * b[d.Cols[a]]; return e; }
        for (var iter = 0; iter < maxIterations; iter++)
        {
            var coefficients = beta.ToArray();
            var h = new double[p * p];
            var g = new double[p];
            for (var i = 0; i < n; i++)
            {
                var mu = 1 / (1 + Math.Exp(-Eta(i, coefficients)));
                var w = Math.Max(mu * (1 - mu), 1e-9);
                var r = y[i] - mu;
                for (var a = d.Start[i]; a < d.Start[i + 1]; a++)
                {
                    g[d.Cols[a]] += d.Vals[a] * r;
                    var wa = d.Vals[a] * w;
                    for (var b = d.Start[i]; b < d.Start[i + 1]; b++) h[d.Cols[b] * p + d.Cols[a]] += wa * d.Vals[b];
                }
            }
            for (var j = 1; j < p; j++) { h[j * p + j] += ridge; g[j] -= ridge * beta[j]; }
            var step = Matrix<double>.Build.Dense(p, p, h).Cholesky().Solve(Vector<double>.Build.Dense(g));
            beta += step;
            if (step.AbsoluteMaximum() < 1e-8) break;
        }
        var fitted = beta.ToArray();
        return [.. Enumerable.Range(0, n).Select(i => Eta(i, fitted))];
    }
}
