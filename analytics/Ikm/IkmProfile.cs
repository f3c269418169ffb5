using DuckDB.NET.Data;
using Kepegawaian.Analytics.Common;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Analytics.Ikm;

/// <summary>
/// One respondent-profile cell. Cells with fewer than MinCellSize respondents are suppressed:
/// <see cref="Responden"/> and <see cref="Ikm"/> are null and <see cref="RespondenTeks"/> reads "&lt;5" (spec §4).
/// The categories of a dimension add up to the unit's respondents, so <see cref="SmallCells"/> also
/// hides a second count (complementary: <see cref="Responden"/> null, "disembunyikan", IKM kept).
/// </summary>
public sealed record IkmProfileCell(
    string Level, string KodeUnit, string JenisPeriode, string Periode,
    string Dimensi, string Kategori, long? Responden, string RespondenTeks, decimal? Ikm, string? Mutu);

public static class IkmProfile
{
    public static IReadOnlyList<IkmProfileCell> Compute(DuckDBConnection connection, int minCellSize = 5, IkmFilter? filter = null)
    {
        filter ??= new IkmFilter();
        var cells = new List<IkmProfileCell>();
        var raw = new List<long>();
        using var cmd = connection.Command(MartSql.Read("ikm_profil"));
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var (level, kode, periode) = (r.GetString(0), r.GetString(1), r.GetString(3));
            if (filter.Level is { } l && l != level) continue;
            if (filter.Periode is { } p && p != periode) continue;
            if (filter.KodeUnit is { } k && k != kode) continue;
            var n = r.GetInt64(7);
            raw.Add(n);
            var suppressed = n < minCellSize;
            decimal? ikm = null;
            if (!suppressed)
            {
                var sums = new long[IkmScale.ElementCount];
                var counts = new long[IkmScale.ElementCount];
                for (var i = 0; i < IkmScale.ElementCount; i++)
                {
                    sums[i] = r.GetInt64(8 + 2 * i);
                    counts[i] = r.GetInt64(9 + 2 * i);
                }
                ikm = IkmScale.Ikm(sums, counts);
            }
            cells.Add(new IkmProfileCell(level, kode, r.GetString(2), periode, r.GetString(5), r.GetString(6),
                suppressed ? null : n, suppressed ? $"<{minCellSize}" : n.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ikm, ikm is { } v ? IkmScale.Grade(v).Mutu : null));
        }
        return Complementary(cells, raw, minCellSize);
    }

    private static List<IkmProfileCell> Complementary(List<IkmProfileCell> cells, List<long> raw, int minCellSize)
    {
        var counts = new List<long>(raw);
        var lines = new List<CountLine>();
        foreach (var g in cells.Select((c, i) => (c, i)).GroupBy(x => (x.c.Level, x.c.KodeUnit, x.c.JenisPeriode, x.c.Periode, x.c.Dimensi)))
        {
            var parts = g.Select(x => x.i).ToList();
            counts.Add(parts.Sum(i => raw[i])); // the unit's respondents, published in the IKM table
            lines.Add(new CountLine(counts.Count - 1, parts));
        }
        var hidden = SmallCells.Suppress(counts, lines, minCellSize);
        return cells.Select((c, i) => hidden[i] && c.Responden is not null ? c with { Responden = null, RespondenTeks = "disembunyikan" } : c).ToList();
    }
}
