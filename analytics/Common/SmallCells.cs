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
        Complete(counts, lines, minCellSize, hidden, _ => true, null);
        return hidden;
    }

    /// <summary>
    /// The same rule for an output published beside another that already shows some of the same counts (e.g. a unit's
    /// headcount per jabatan group: the retirement table shows it, the education table shows it again).
    /// <paramref name="elsewhere"/>[i] is null for a cell only this output publishes, true for one the other output shows and
    /// false for one it hides (hidden here from the start). A cell that follows from what is public whatever this output
    /// hides — shown elsewhere, a zero, or the last unknown of a line whose total and other parts all follow (repeated until
    /// nothing changes) — is never chosen as a complement: hiding it would protect nothing. Among the candidates of a line,
    /// the one that starts the least in its other lines comes first: a cell whose other lines already hide something, then
    /// one whose lines can hide a further part, then one whose hiding would take a line's total (a whole row) with it;
    /// the smallest count breaks ties, as in the plain rule.
    /// </summary>
    public static bool[] SuppressBeside(IReadOnlyList<long> counts, IReadOnlyList<CountLine> lines, int minCellSize, IReadOnlyList<bool?> elsewhere)
    {
        var hidden = counts.Select((c, i) => IsSmall(c, minCellSize) || elsewhere[i] == false).ToArray();
        var known = Known(counts, lines, elsewhere);
        var linesOf = Enumerable.Range(0, counts.Count).Select(_ => new List<int>()).ToArray();
        for (var l = 0; l < lines.Count; l++)
            foreach (var i in Cells(lines[l])) linesOf[i].Add(l);
        bool Candidate(int i) => !hidden[i] && counts[i] > 0 && !known[i];
        // What hiding x (for line `from`) starts in each other line with a published total and nothing hidden yet: 1 a further
        // part to hide there, 2 only that line's total, 3 nothing (x would follow; Known rules most of these out).
        int Cost(int x, int from)
        {
            var worst = 0;
            foreach (var m in linesOf[x])
            {
                var line = lines[m];
                if (m == from || line.Total is null || Cells(line).Any(i => hidden[i])) continue;
                worst = Math.Max(worst, line.Parts.Any(i => i != x && Candidate(i)) ? 1 : line.Total is { } t && t != x && Candidate(t) ? 2 : 3);
            }
            return worst;
        }
        Complete(counts, lines, minCellSize, hidden, i => !known[i], Cost);
        return hidden;
    }

    /// <summary>The complementary step of the rule on <paramref name="hidden"/> (primary cells set), repeated until nothing changes.</summary>
    private static void Complete(IReadOnlyList<long> counts, IReadOnlyList<CountLine> lines, int minCellSize, bool[] hidden, Func<int, bool> free, Func<int, int, int>? cost)
    {
        bool Candidate(int i) => !hidden[i] && counts[i] > 0 && free(i);
        for (var changed = true; changed;)
        {
            changed = false;
            for (var l = 0; l < lines.Count; l++)
            {
                var line = lines[l];
                var hiddenCount = Cells(line).Count(i => hidden[i]);
                if (hiddenCount == 0) continue;
                var hiddenParts = line.Parts.Where(i => hidden[i]).Sum(i => counts[i]);
                var totalShown = line.Total is { } tt && !hidden[tt];
                if (hiddenCount > 1 && !(totalShown && IsSmall(hiddenParts, minCellSize))) continue;
                var next = line.Parts.Where(Candidate).OrderBy(i => cost?.Invoke(i, l) ?? 0).ThenBy(i => counts[i]).ThenBy(i => i).Cast<int?>().FirstOrDefault()
                           ?? (totalShown && Candidate(line.Total!.Value) ? line.Total : null);
                if (next is not { } n) continue;
                hidden[n] = true;
                changed = true;
            }
        }
    }

    /// <summary>The cells public whatever this output hides: shown elsewhere, zeros, and what follows from them by a line's sum.</summary>
    private static bool[] Known(IReadOnlyList<long> counts, IReadOnlyList<CountLine> lines, IReadOnlyList<bool?> elsewhere)
    {
        var known = counts.Select((c, i) => elsewhere[i] == true || (c == 0 && elsewhere[i] != false)).ToArray();
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var line in lines.Where(l => l.Total is not null))
            {
                var unknown = Cells(line).Where(i => !known[i]).Take(2).ToList();
                if (unknown.Count != 1) continue;
                known[unknown[0]] = true;
                changed = true;
            }
        }
        return known;
    }

    private static IEnumerable<int> Cells(CountLine line) => line.Total is { } t ? line.Parts.Prepend(t) : line.Parts;

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
