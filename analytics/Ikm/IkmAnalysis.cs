using DuckDB.NET.Data;
using Kepegawaian.Analytics.Common;
using Kepegawaian.Warehouse;
using MathNet.Numerics.Distributions;

namespace Kepegawaian.Analytics.Ikm;

/// <summary>
/// Which IKM groups to return; null means all. <paramref name="Sampai"/>: count only responses surveyed before this day
/// (exclusive), so a running period holds nothing after a report week; null = every response.
/// </summary>
public sealed record IkmFilter(string? Level = null, string? Periode = null, string? KodeUnit = null, DateOnly? Sampai = null);

/// <summary>
/// IKM per unit, unit × jenis_layanan, kecamatan (with its kelurahan) and city, per quarter, semester
/// and year (PermenPANRB 14/2017). Reads only (SELECT), so it works on a read-only warehouse.
/// </summary>
public static class IkmAnalysis
{
    /// <summary>
    /// All IKM groups, filtered. Confidence interval (95 %): each respondent gets a score = mean of
    /// the elements they answered × 25; the interval is IKM ± t(0.975, n−1) × sd/√n over those
    /// scores. Without blank answers the mean of these scores equals IKM exactly (mean of means over
    /// a full table), so the score is the respondent's own contribution to IKM; respondents are
    /// independent draws, which is what a t-interval needs, and the SKM sample sizes (≥ 30 in
    /// practice) make the mean close to normal despite the bounded 1–4 scale. A bootstrap would give
    /// the same width at these sizes for far more work. Groups with fewer than 2 scored respondents
    /// get no interval. Bounds are clamped to the scale 25–100 and rounded to 2 decimals.
    /// </summary>
    public static IReadOnlyList<IkmResult> Compute(DuckDBConnection connection, IkmFilter? filter = null)
    {
        filter ??= new IkmFilter();
        var rows = new List<IkmResult>();
        using var cmd = connection.Command(MartSql.Read("ikm_agregat"), ("sampai", filter.Sampai));
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var level = r.GetString(0);
            var kode = r.GetString(1);
            var periode = r.GetString(5);
            if (filter.Level is { } l && l != level) continue;
            if (filter.Periode is { } p && p != periode) continue;
            if (filter.KodeUnit is { } k && k != kode) continue;
            rows.Add(Build(r));
        }
        return rows;
    }

    private static IkmResult Build(DuckDBDataReader r)
    {
        var sums = new long[IkmScale.ElementCount];
        var counts = new long[IkmScale.ElementCount];
        for (var i = 0; i < IkmScale.ElementCount; i++)
        {
            sums[i] = r.GetInt64(8 + 2 * i);
            counts[i] = r.GetInt64(9 + 2 * i);
        }
        var nScored = r.GetInt64(26);
        double? sd = r.IsDBNull(27) ? null : r.GetDouble(27);
        long? populasi = r.IsDBNull(28) ? null : r.GetInt64(28);
        var responden = r.GetInt64(7);

        var ikm = IkmScale.Ikm(sums, counts);
        var exact = IkmScale.IkmExact(sums, counts);
        var grade = ikm is { } v ? IkmScale.Grade(v) : null;
        double? se = sd is { } s && nScored >= 2 ? s / Math.Sqrt(nScored) : null;
        decimal? ciLow = null, ciHigh = null;
        if (exact is { } x && se is { } e)
        {
            var t = StudentT.InvCDF(0, 1, nScored - 1, 0.975);
            ciLow = Round2(Math.Max(25, x - t * e));
            ciHigh = Round2(Math.Min(100, x + t * e));
        }
        var minimum = IkmScale.KrejcieMorganMinimum(populasi);

        return new IkmResult(
            Level: r.GetString(0),
            KodeUnit: r.GetString(1),
            NamaUnit: r.IsDBNull(2) ? r.GetString(1) : r.GetString(2),
            JenisLayanan: r.IsDBNull(3) ? null : r.GetString(3),
            JenisPeriode: r.GetString(4),
            Periode: r.GetString(5),
            PeriodeMulai: r.GetFieldValue<DateOnly>(6),
            Responden: responden,
            Nrr: Enumerable.Range(0, IkmScale.ElementCount).Select(i => IkmScale.Nrr(sums[i], counts[i])).ToArray(),
            Ikm: ikm,
            Mutu: grade?.Mutu,
            Kinerja: grade?.Kinerja,
            CiLow: ciLow,
            CiHigh: ciHigh,
            StandardError: se,
            Populasi: populasi,
            SampelMinimum: minimum,
            SampelCukup: minimum is { } m ? responden >= m : null)
        { IkmExact = exact, RespondenSkor = nScored };
    }

    internal static decimal Round2(double value) => Math.Round((decimal)value, 2, MidpointRounding.AwayFromZero);

    /// <summary>
    /// Change of each group's IKM from the previous period of the same kind. The change exceeds
    /// sampling noise (<see cref="IkmTrend.Signifikan"/>) when the 95 % interval of the difference,
    /// Δ ± 1.96 × √(se₁² + se₀²) (independent samples, normal approximation), excludes 0.
    /// </summary>
    public static IReadOnlyList<IkmTrend> Trends(IReadOnlyList<IkmResult> results)
    {
        var index = results.ToDictionary(x => (x.GroupKey, x.Periode));
        var trends = new List<IkmTrend>();
        foreach (var cur in results.OrderBy(x => x.Level).ThenBy(x => x.KodeUnit).ThenBy(x => x.JenisLayanan).ThenBy(x => x.JenisPeriode).ThenBy(x => x.PeriodeMulai))
        {
            index.TryGetValue((cur.GroupKey, PreviousOf(cur.Periode)), out var prev);
            decimal? diff = cur.Ikm - prev?.Ikm;
            decimal? lo = null, hi = null;
            var significant = false;
            if (prev is not null && cur.IkmExact is { } a && prev.IkmExact is { } b && cur.StandardError is { } sa && prev.StandardError is { } sb)
            {
                var half = 1.959963984540054 * Math.Sqrt(sa * sa + sb * sb);
                lo = Round2(a - b - half);
                hi = Round2(a - b + half);
                significant = a - b - half > 0 || a - b + half < 0;
            }
            trends.Add(new IkmTrend(cur.Level, cur.KodeUnit, cur.NamaUnit, cur.JenisLayanan, cur.JenisPeriode, cur.Periode, cur.PeriodeMulai,
                cur.Ikm, prev?.Ikm, diff, lo, hi, significant, cur.Mutu, prev?.Mutu));
        }
        return trends;
    }

    /// <summary>Each unit's lowest-NRR elements per period (ties: lower element number first), with the previous period's NRR.</summary>
    public static IReadOnlyList<IkmWeakElement> WeakElements(IReadOnlyList<IkmResult> results, int count = 3)
    {
        var units = results.Where(x => x.Level == IkmLevel.Unit).ToList();
        var index = units.ToDictionary(x => (x.GroupKey, x.Periode));
        var list = new List<IkmWeakElement>();
        foreach (var cur in units.OrderBy(x => x.KodeUnit).ThenBy(x => x.JenisPeriode).ThenBy(x => x.PeriodeMulai))
        {
            index.TryGetValue((cur.GroupKey, PreviousOf(cur.Periode)), out var prev);
            var ranked = Enumerable.Range(0, IkmScale.ElementCount)
                .Where(i => cur.Nrr[i] is not null)
                .OrderBy(i => cur.Nrr[i]!.Value).ThenBy(i => i)
                .Take(count);
            var rank = 0;
            foreach (var i in ranked)
            {
                var before = prev?.Nrr[i];
                list.Add(new IkmWeakElement(cur.KodeUnit, cur.JenisPeriode, cur.Periode, $"u{i + 1}", IkmScale.ElementNames[i],
                    cur.Nrr[i]!.Value, before, cur.Nrr[i] - before, ++rank));
            }
        }
        return list;
    }

    private static string PreviousOf(string periode) => Periode.Parse(periode).Previous().ToString();

}
