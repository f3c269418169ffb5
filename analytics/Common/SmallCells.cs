namespace Kepegawaian.Analytics.Common;

/// <summary>A published total and the cells that add up to it (indices into the counts of one output).</summary>
public sealed record CountLine(int? Total, IReadOnlyList<int> Parts);

/// <summary>
/// The one small-cell rule of every output (CLI, weekly report, dashboard): no published figure
/// describes 1 to MinCellSize−1 employees, directly or by subtraction (spec §4 "Small cells").
/// <list type="number">
/// <item>Primary: a count of 1..min−1 is hidden (0 is shown: it names nobody).</item>
/// <item>Complementary, per line (a total and its parts, e.g. a unit's predikat counts and its
/// employees): a line with exactly one hidden cell, or whose hidden parts add up to 1..min−1
/// while its total is shown, also hides its smallest shown non-zero part (the total when no
/// part is left). Repeated over all lines (rows and columns) until nothing changes.</item>
/// </list>
/// So total − shown parts is 0 or ≥ min, and no hidden cell equals a shown figure minus others.
/// </summary>
public static class SmallCells
{
    public const int DefaultMinCellSize = 5;

    public static bool IsSmall(long count, int minCellSize) => count > 0 && count < minCellSize;

    /// <summary>Which of <paramref name="counts"/> to hide, given the lines published with them.</summary>
    public static bool[] Suppress(IReadOnlyList<long> counts, IReadOnlyList<CountLine> lines, int minCellSize)
    {
        var hidden = counts.Select(c => IsSmall(c, minCellSize)).ToArray();
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var line in lines)
            {
                var cells = line.Total is { } t ? line.Parts.Prepend(t) : line.Parts;
                var hiddenCount = cells.Count(i => hidden[i]);
                if (hiddenCount == 0) continue;
                var hiddenParts = line.Parts.Where(i => hidden[i]).Sum(i => counts[i]);
                var totalShown = line.Total is { } tt && !hidden[tt];
                if (hiddenCount > 1 && !(totalShown && IsSmall(hiddenParts, minCellSize))) continue;
                var next = line.Parts.Where(i => !hidden[i] && counts[i] > 0).OrderBy(i => counts[i]).ThenBy(i => i).Cast<int?>().FirstOrDefault()
                           ?? (totalShown && counts[line.Total!.Value] > 0 ? line.Total : null);
                if (next is not { } n) continue;
                hidden[n] = true;
                changed = true;
            }
        }
        return hidden;
    }

    /// <summary>One row: a total (hidden when small, and then every part) and parts that add up to it.</summary>
    public static RowSuppression Row(int minCellSize, long total, params long[] parts)
    {
        var counts = parts.Prepend(total).ToArray();
        var hidden = Suppress(counts, [new CountLine(0, Enumerable.Range(1, parts.Length).ToList())], minCellSize);
        if (hidden[0]) Array.Fill(hidden, true);
        return new RowSuppression(IsSmall(total, minCellSize), hidden[0], hidden.Skip(1).ToArray());
    }
}

/// <summary>
/// The outcome for one row. <see cref="Small"/>: the row describes fewer than MinCellSize employees,
/// so its means and estimates are hidden too; <see cref="Total"/>/<see cref="Parts"/>: hidden counts.
/// </summary>
public sealed record RowSuppression(bool Small, bool Total, IReadOnlyList<bool> Parts)
{
    public bool Part(int index) => Parts[index];
    public bool AnyPart => Parts.Any(p => p);
}
