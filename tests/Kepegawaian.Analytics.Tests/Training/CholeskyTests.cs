using Kepegawaian.Analytics.Training;
using MathNet.Numerics.LinearAlgebra;

namespace Kepegawaian.Analytics.Tests.Training;

/// <summary>The IRLS's in-place Cholesky gives MathNet's answer to the last bit (the propensity scores, and so the matches, must not move).</summary>
public sealed class CholeskyTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 2)]     // not a multiple of the vector width
    [InlineData(64, 3)]
    [InlineData(191, 4)]   // the size of a city's propensity model
    public void Solving_X_WX_gives_MathNet_s_bits(int order, int seed)
    {
        var rng = new Random(seed);
        // A ridge-penalised X'WX like the IRLS builds: 0/1 dummies, weights in (0, 1/4], ones on the diagonal.
        var x = Matrix<double>.Build.Dense(3 * order, order, (_, j) => j == 0 || rng.NextDouble() < 0.2 ? 1.0 : 0.0);
        var w = Matrix<double>.Build.DenseDiagonal(3 * order, 3 * order, i => 0.25 * rng.NextDouble() + 1e-9);
        var h = x.TransposeThisAndMultiply(w * x) + Matrix<double>.Build.DenseIdentity(order);
        var g = Vector<double>.Build.Dense(order, _ => rng.NextDouble() - 0.5);

        var expected = h.Cholesky().Solve(g).ToArray();

        var lower = h.ToColumnMajorArray();
        for (var j = 0; j < order; j++)
            for (var i = 0; i < j; i++) lower[j * order + i] = double.NaN;   // the upper triangle must not be read
        var actual = g.ToArray();
        Cholesky.FactorLower(lower, order, new double[order]);
        Cholesky.SolveLower(lower, order, actual);

        Assert.Equal(expected.Select(BitConverter.DoubleToInt64Bits), actual.Select(BitConverter.DoubleToInt64Bits));
    }

    [Fact]
    public void A_matrix_that_is_not_positive_definite_is_refused()
    {
        double[] a = [1, 2, 2, 1];   // eigenvalues 3 and −1
        Assert.Throws<ArgumentException>(() => Cholesky.FactorLower(a, 2, new double[2]));
    }
}
