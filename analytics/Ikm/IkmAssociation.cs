using DuckDB.NET.Data;
using Kepegawaian.Analytics.Common;
using Kepegawaian.Warehouse;
using MathNet.Numerics.Statistics;

namespace Kepegawaian.Analytics.Ikm;

/// <summary>A unit's yearly IKM beside its mean performance and 20 JP training coverage.</summary>
public sealed record IkmAssociationRow(
    string KodeUnit, string NamaUnit, int Tahun, decimal? Ikm, long Responden,
    double? RataNilaiSkp, double? RataSkorPredikat, long? NDinilai,
    long? NPegawai, long? N20Jp, double? Cakupan20Jp);

/// <summary>
/// Pearson correlation across units between IKM and one variable in a year, with a 95 % Fisher-z
/// interval: tanh(atanh r ± 1.96/√(n−3)). An association between units, not a causal effect.
/// </summary>
public sealed record IkmCorrelation(int Tahun, string Variabel, int NUnit, double? R, double? CiLow, double? CiHigh, string Catatan);

public static class IkmAssociation
{
    public const string Note = "Asosiasi antarunit, bukan hubungan sebab-akibat.";
    public static readonly IReadOnlyList<string> Variables = ["rata_nilai_skp", "rata_skor_predikat", "cakupan_20jp"];

    public static IReadOnlyList<IkmAssociationRow> Rows(DuckDBConnection connection, IReadOnlyList<IkmResult>? ikm = null)
    {
        ikm ??= IkmAnalysis.Compute(connection, new IkmFilter(Level: IkmLevel.Unit));
        var yearly = ikm.Where(x => x.Level == IkmLevel.Unit && x.JenisPeriode == "tahun")
            .ToDictionary(x => (x.KodeUnit, x.PeriodeMulai.Year));
        var rows = new List<IkmAssociationRow>();
        using var cmd = connection.Command(MartSql.Read("ikm_asosiasi"));
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var kode = r.GetString(0);
            var tahun = Convert.ToInt32(r.GetValue(1), System.Globalization.CultureInfo.InvariantCulture);
            if (!yearly.TryGetValue((kode, tahun), out var result)) continue; // units without a survey that year
            rows.Add(new IkmAssociationRow(kode, result.NamaUnit, tahun, result.Ikm, result.Responden,
                Dbl(r, 5), Dbl(r, 6), Lng(r, 7), Lng(r, 2), Lng(r, 3), Dbl(r, 4)));
        }
        return rows;
    }

    public static IReadOnlyList<IkmCorrelation> Correlations(IReadOnlyList<IkmAssociationRow> rows)
    {
        var list = new List<IkmCorrelation>();
        foreach (var year in rows.Select(x => x.Tahun).Distinct().Order())
            foreach (var variable in Variables)
            {
                var pairs = rows.Where(x => x.Tahun == year && x.Ikm is not null && Value(x, variable) is not null)
                    .Select(x => ((double)x.Ikm!.Value, Value(x, variable)!.Value)).ToList();
                list.Add(Correlate(year, variable, pairs));
            }
        return list;
    }

    /// <summary>Pearson r with its Fisher-z 95 % interval; needs n ≥ 4 and some spread in both variables.</summary>
    public static IkmCorrelation Correlate(int year, string variable, IReadOnlyList<(double X, double Y)> pairs)
    {
        var n = pairs.Count;
        if (n < 4) return new(year, variable, n, null, null, null, $"Terlalu sedikit unit (n = {n} < 4). " + Note);
        var xs = pairs.Select(p => p.X).ToArray();
        var ys = pairs.Select(p => p.Y).ToArray();
        if (xs.Distinct().Count() < 2 || ys.Distinct().Count() < 2)
            return new(year, variable, n, null, null, null, "Tidak ada variasi antarunit. " + Note);
        var r = Correlation.Pearson(xs, ys);
        var z = Math.Atanh(Math.Clamp(r, -0.9999999, 0.9999999));
        var half = 1.959963984540054 / Math.Sqrt(n - 3);
        return new(year, variable, n, r, Math.Tanh(z - half), Math.Tanh(z + half), Note);
    }

    private static double? Value(IkmAssociationRow x, string variable) => variable switch
    {
        "rata_nilai_skp" => x.RataNilaiSkp,
        "rata_skor_predikat" => x.RataSkorPredikat,
        "cakupan_20jp" => x.Cakupan20Jp,
        _ => throw new ArgumentOutOfRangeException(nameof(variable)),
    };

    private static double? Dbl(DuckDBDataReader r, int i) => r.IsDBNull(i) ? null : Convert.ToDouble(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
    private static long? Lng(DuckDBDataReader r, int i) => r.IsDBNull(i) ? null : Convert.ToInt64(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
}
