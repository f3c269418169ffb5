namespace Kepegawaian.Analytics.Training;

/// <summary>
/// Adjusted p-values for a family of tests published together (one refresh of mart_diklat_dampak): with ~25
/// groups, unadjusted p &lt; 0.05 is expected in about one group even when no training works.
/// </summary>
public static class Multiplicity
{
    /// <summary>Holm (1979) step-down: controls the family-wise error rate. Null entries are not tested and stay null.</summary>
    public static double?[] Holm(IReadOnlyList<double?> p)
    {
        var (order, m) = Ordered(p);
        var result = new double?[p.Count];
        var running = 0.0;
        for (var k = 0; k < order.Length; k++)
        {
            running = Math.Max(running, Math.Min(1, (m - k) * p[order[k]]!.Value));
            result[order[k]] = running;
        }
        return result;
    }

    /// <summary>Benjamini–Hochberg (1995) q-values: control the false-discovery rate. Null entries stay null.</summary>
    public static double?[] BenjaminiHochberg(IReadOnlyList<double?> p)
    {
        var (order, m) = Ordered(p);
        var result = new double?[p.Count];
        var running = 1.0;
        for (var k = order.Length - 1; k >= 0; k--)
        {
            running = Math.Min(running, Math.Min(1, (double)m / (k + 1) * p[order[k]]!.Value));
            result[order[k]] = running;
        }
        return result;
    }

    private static (int[] Order, int M) Ordered(IReadOnlyList<double?> p)
    {
        var order = Enumerable.Range(0, p.Count).Where(i => p[i] is not null).OrderBy(i => p[i]!.Value).ThenBy(i => i).ToArray();
        return (order, order.Length);
    }
}
