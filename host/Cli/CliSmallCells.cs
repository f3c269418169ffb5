using Kepegawaian.Analytics.Common;
using Kepegawaian.Reports.Options;

namespace Kepegawaian.Service.Cli;

/// <summary>
/// Applies <see cref="SmallCells"/> to CLI result rows (as name → value cells): a hidden count, and
/// every estimate of a row describing fewer than <c>Reports:MinCellSize</c> employees, becomes null
/// (empty in CSV and the table). Rows of one group are a grid: each row is a total and its parts,
/// and each count column adds up over the group to a total published elsewhere (the unit, the city).
/// </summary>
public static class CliSmallCells
{
    public static int MinCellSize => CliConfiguration.Get<ReportOptions>(ReportOptions.Section).MinCellSize;

    /// <summary>A row's count layout: its total, its shown parts, and parts implied as total − shown (e.g. not compliant).</summary>
    public sealed record Layout(string Total, string[] Parts, string[] Estimates, string[]? ShareOfFirstPart = null, bool ImpliedRest = false);

    public static readonly Layout Kinerja = new("n", ["n_sangat_baik", "n_baik", "n_butuh_perbaikan", "n_kurang", "n_sangat_kurang"], ["mean_nilai_skp", "mean_skor"]);
    public static readonly Layout Jp = new("pegawai", ["patuh"], [], ["share_patuh"], ImpliedRest: true);
    public static readonly Layout Ringkas = new("n", ["n_diputus", "n_tertunda"], ["share_online", "median_jam", "p90_jam", "median_hari_kerja", "p90_hari_kerja"]);
    public static readonly Layout Tertunda = new("n_jatuh_tempo", ["n_tertunda"], [], ["share_tertunda"], ImpliedRest: true);

    /// <summary>Suppresses <paramref name="rows"/> group by group (rows sharing <paramref name="group"/>), returns them.</summary>
    public static List<Dictionary<string, object?>> Apply(List<Dictionary<string, object?>> rows, Layout layout, Func<Dictionary<string, object?>, string> group, int? minCellSize = null)
    {
        var min = minCellSize ?? MinCellSize;
        foreach (var g in rows.GroupBy(group)) ApplyGrid(g.ToList(), layout, min);
        return rows;
    }

    private static long Count(object? v) => v is null ? 0 : Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture);

    private static void ApplyGrid(List<Dictionary<string, object?>> rows, Layout layout, int min)
    {
        var width = 1 + layout.Parts.Length + (layout.ImpliedRest ? 1 : 0);
        var counts = new List<long>();
        foreach (var r in rows)
        {
            var total = Count(r[layout.Total]);
            var parts = layout.Parts.Select(p => Count(r[p])).ToList();
            counts.Add(total);
            counts.AddRange(parts);
            if (layout.ImpliedRest) counts.Add(total - parts.Sum());
        }
        var lines = new List<CountLine>();
        for (var i = 0; i < rows.Count; i++)
            lines.Add(new CountLine(i * width, Enumerable.Range(i * width + 1, width - 1).ToList()));
        if (rows.Count > 1)
            for (var c = 0; c < width; c++)
            {
                counts.Add(Enumerable.Range(0, rows.Count).Sum(i => counts[i * width + c])); // the column's total, published elsewhere
                lines.Add(new CountLine(counts.Count - 1, Enumerable.Range(0, rows.Count).Select(i => i * width + c).ToList()));
            }
        var hidden = SmallCells.Suppress(counts, lines, min);
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            if (hidden[i * width]) r[layout.Total] = null;
            for (var p = 0; p < layout.Parts.Length; p++)
                if (hidden[i * width + 1 + p])
                {
                    r[layout.Parts[p]] = null;
                    if (p == 0) foreach (var s in layout.ShareOfFirstPart ?? []) r[s] = null;
                }
            if (SmallCells.IsSmall(counts[i * width], min))
                foreach (var e in layout.Estimates.Concat(layout.ShareOfFirstPart ?? [])) r[e] = null;
        }
    }

    /// <summary>Rows whose own group size <paramref name="n"/> is small lose the count and <paramref name="estimates"/>; other counts small on their own are hidden too.</summary>
    public static List<Dictionary<string, object?>> ApplyRows(List<Dictionary<string, object?>> rows, string n, string[] estimates, string[] otherCounts, int? minCellSize = null)
    {
        var min = minCellSize ?? MinCellSize;
        foreach (var r in rows)
        {
            if (SmallCells.Row(min, Count(r[n])).Small)
            {
                r[n] = null;
                foreach (var e in estimates) r[e] = null;
            }
            foreach (var o in otherCounts)
                if (SmallCells.Row(min, Count(r[o])).Small) r[o] = null;
        }
        return rows;
    }
}
