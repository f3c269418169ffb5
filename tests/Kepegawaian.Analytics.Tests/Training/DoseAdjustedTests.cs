using Kepegawaian.Analytics.Training;
using MathNet.Numerics.LinearAlgebra;

namespace Kepegawaian.Analytics.Tests.Training;

/// <summary>The dose-adjusted ATT regression, by hand and against MathNet's matrix OLS to the last bit.</summary>
public sealed class DoseAdjustedTests
{
    [Fact]
    public void Without_doses_the_intercept_is_the_mean_and_its_se_the_standard_error()
    {
        // d = 1 2 3 6: mean 3, s² = (4 + 1 + 0 + 9) / 3 = 14/3, SE = √(14/3 / 4) = 1.080123
        var (att, se) = DoseAdjusted.Intercept([1, 2, 3, 6], []);
        Assert.Equal(3, att, 12);
        Assert.Equal(1.080123, se, 6);
    }

    [Fact]
    public void A_dose_s_effect_is_taken_out_of_the_intercept()
    {
        // d = 2 + 0.5·x exactly: intercept 2, residuals 0.
        var (att, se) = DoseAdjusted.Intercept([2, 2.5, 3, 2.5, 2], [[0, 1, 2, 1, 0]]);
        Assert.Equal(2, att, 9);
        Assert.Equal(0, se, 6);
    }

    [Theory]
    [InlineData(40, 0, 1)]
    [InlineData(500, 3, 2)]
    [InlineData(3000, 6, 3)]
    public void Gives_MathNet_s_bits(int n, int doses, int seed)
    {
        var rng = new Random(seed);
        var d = Enumerable.Range(0, n).Select(_ => rng.NextDouble() * 4 - 1).ToArray();
        var columns = Enumerable.Range(0, doses).Select(_ => Enumerable.Range(0, n).Select(_ => (double)rng.Next(-2, 3) / 3).ToArray()).ToList();

        // The matrix formulation the estimator used before it summed on its own thread.
        var x = Matrix<double>.Build.Dense(n, doses + 1, (i, j) => j == 0 ? 1.0 : columns[j - 1][i]);
        var xtx = x.TransposeThisAndMultiply(x);
        for (var j = 1; j < xtx.ColumnCount; j++) xtx[j, j] += 1e-9;
        var inverse = xtx.Inverse();
        var beta = inverse * x.TransposeThisAndMultiply(Vector<double>.Build.Dense(d));
        var residual = Vector<double>.Build.Dense(d) - x * beta;
        var se = Math.Sqrt(residual.DotProduct(residual) / Math.Max(1, n - x.ColumnCount) * inverse[0, 0]);

        var actual = DoseAdjusted.Intercept(d, columns);
        Assert.Equal(BitConverter.DoubleToInt64Bits(beta[0]), BitConverter.DoubleToInt64Bits(actual.Intercept));
        Assert.Equal(BitConverter.DoubleToInt64Bits(se), BitConverter.DoubleToInt64Bits(actual.Se));
    }
}
