namespace Kepegawaian.Analytics.Training;

/// <summary>One matched employee as the balance check sees them.</summary>
public sealed record BalanceRow(double? Baseline, double? Pre, string KodeUnit, string Golongan, string JenisJabatan);

/// <summary>
/// Covariate balance after matching: standardized mean difference |mean_T − mean_C| / √((s²_T + s²_C) / 2)
/// per covariate (Austin 2009), categorical covariates as one dummy per level.
/// </summary>
public static class Balance
{
    /// <summary>
    /// Largest SMD over baseline, pre-window outcome and the unit/golongan/jabatan dummies, with its covariate.
    /// A level held by fewer than <paramref name="minLevelSize"/> matched employees is left out: with ~150
    /// units, one employee more on one side of a rare unit moves its SMD past 0.1 by chance alone.
    /// </summary>
    public static (double Value, string Covariate) MaxSmd(IReadOnlyList<BalanceRow> treated, IReadOnlyList<BalanceRow> controls, int minLevelSize)
    {
        // An outcome column enters when every row has it (null = not a matching target, or new employees without one).
        var columns = new List<(string Name, double[] T, double[] C)>();
        foreach (var (name, selector) in new (string, Func<BalanceRow, double?>)[] { ("baseline", r => r.Baseline), ("pre", r => r.Pre) })
            if (treated.Concat(controls).All(r => selector(r) is not null))
                columns.Add((name, [.. treated.Select(r => selector(r)!.Value)], [.. controls.Select(r => selector(r)!.Value)]));
        foreach (var (name, selector) in new (string, Func<BalanceRow, string>)[]
                 { ("kode_unit", r => r.KodeUnit), ("golongan", r => r.Golongan), ("jenis_jabatan", r => r.JenisJabatan) })
        {
            var levels = treated.Concat(controls).GroupBy(selector).Where(g => g.Count() >= minLevelSize).Select(g => g.Key);
            foreach (var level in levels.Order(StringComparer.Ordinal))
                columns.Add(($"{name}={level}", [.. treated.Select(r => selector(r) == level ? 1.0 : 0.0)], [.. controls.Select(r => selector(r) == level ? 1.0 : 0.0)]));
        }
        return columns.Select(c => (Value: Smd(c.T, c.C), Covariate: c.Name)).MaxBy(x => x.Value);
    }

    public static double Smd(double[] treated, double[] controls)
    {
        var sd = Math.Sqrt((Variance(treated) + Variance(controls)) / 2);
        return sd > 0 ? Math.Abs(treated.Average() - controls.Average()) / sd : 0;
    }

    private static double Variance(double[] v) => v.Length < 2 ? 0 : MathNet.Numerics.Statistics.Statistics.Variance(v);
}
