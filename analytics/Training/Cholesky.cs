using System.Numerics;

namespace Kepegawaian.Analytics.Training;

/// <summary>
/// Cholesky factor and solve of a symmetric positive-definite matrix held column-major, only its lower triangle read:
/// MathNet.Numerics 5.0's managed <c>CholeskyFactor</c> and <c>CholeskySolveFactored</c> operation for operation, so a matrix
/// gets the same bits as from <c>Matrix.Cholesky().Solve</c> (CholeskyTests), but in place on a reused buffer (MathNet
/// allocated two 190×190 matrices per Newton step, on the large-object heap) and with the column update
/// a[j, i] −= m[i]·m[j] done four elements at a time. Element-wise vector multiply and subtract round exactly as the scalar
/// code does. Zero multipliers are skipped (x − 0·y = x for finite y), which is what makes the propensity fit's sparse
/// elimination order cheap; that order (a permutation of the matrix) is why the fit's last bits differ from MathNet's.
/// </summary>
internal static class Cholesky
{
    /// <summary>Overwrites the lower triangle of <paramref name="a"/> (order × order, column-major) with L, A = L·Lᵀ.</summary>
    public static void FactorLower(Span<double> a, int order, Span<double> column)
    {
        for (var ij = 0; ij < order; ij++)
        {
            var pivot = a[ij * order + ij];
            if (!(pivot > 0.0)) throw new ArgumentException("Matrix must be positive definite.");
            pivot = Math.Sqrt(pivot);
            a[ij * order + ij] = pivot;
            column[ij] = pivot;
            for (var i = ij + 1; i < order; i++)
            {
                a[ij * order + i] /= pivot;
                column[i] = a[ij * order + i];
            }
            for (var j = ij + 1; j < order; j++)
            {
                var m = column[j];
                if (m == 0) continue;   // x − 0·y = x: the zeros a sparse elimination order leaves cost nothing
                var target = a.Slice(j * order + j, order - j);
                var source = column.Slice(j, order - j);
                var i = 0;
                if (Vector.IsHardwareAccelerated)
                {
                    var mv = new Vector<double>(m);
                    for (; i <= target.Length - Vector<double>.Count; i += Vector<double>.Count)
                        (new Vector<double>(target[i..]) - new Vector<double>(source[i..]) * mv).CopyTo(target[i..]);
                }
                for (; i < target.Length; i++) target[i] -= source[i] * m;
            }
        }
    }

    /// <summary>Solves L·Lᵀ·x = b in place (b becomes x), L from <see cref="FactorLower"/>.</summary>
    public static void SolveLower(ReadOnlySpan<double> a, int order, Span<double> b)
    {
        for (var i = 0; i < order; i++)
        {
            var sum = b[i];
            for (var k = i - 1; k >= 0; k--) sum -= a[k * order + i] * b[k];
            b[i] = sum / a[i * order + i];
        }
        for (var i = order - 1; i >= 0; i--)
        {
            var sum = b[i];
            for (var k = i + 1; k < order; k++) sum -= a[i * order + k] * b[k];
            b[i] = sum / a[i * order + i];
        }
    }
}
