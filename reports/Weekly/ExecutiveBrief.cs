namespace Kepegawaian.Reports.Weekly;

public enum KpiTone { Neutral, Good, Bad }

/// <summary>One headline figure: what, for which period, the value, and its change against the previous comparable period.</summary>
public sealed record KpiCard(string Title, string Period, string Value, string Change, KpiTone Tone = KpiTone.Neutral);

/// <summary>One line of "Perlu tindakan minggu ini": the unit and the number that puts it there.</summary>
public sealed record ActionItem(string Category, string Unit, string Figure);

/// <summary>Items of one category (worst first); <see cref="More"/> further units are in the annex.</summary>
public sealed record ActionGroup(string Title, IReadOnlyList<ActionItem> Items, int More, string Empty);

/// <summary>
/// The executive page, computed once and rendered by the HTML report, the PDF and the e-mail body:
/// whether data arrived, the headline figures, and the units that need action.
/// </summary>
public sealed record ExecutiveBrief(string DataStatus, string DataThrough, IReadOnlyList<KpiCard> Kpis, IReadOnlyList<ActionGroup> Actions)
{
    /// <summary>Footnotes of the whole report (e.g. what "B*" means), said once: the brief is in every output (HTML, PDF, e-mail, text, XLSX summary).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Plain-text lines (the .txt summary beside the report; the e-mail's text part).</summary>
    public IReadOnlyList<string> Lines(ReportText t)
    {
        var lines = new List<string> { DataStatus };
        lines.AddRange(Kpis.Select(k => $"{k.Title} ({k.Period}): {k.Value}" + (k.Change.Length > 0 ? $"; {k.Change}." : ".")));
        lines.Add(t.T("Perlu tindakan minggu ini:", "Needs action this week:"));
        foreach (var g in Actions)
        {
            if (g.Items.Count == 0) lines.Add($"- {g.Title}: {g.Empty}");
            foreach (var a in g.Items) lines.Add($"- {g.Title}: {a.Unit} — {a.Figure}");
            if (g.More > 0) lines.Add($"- {g.Title}: " + t.T($"dan {g.More} unit lain (lampiran)", $"and {g.More} more units (annex)"));
        }
        lines.AddRange(Notes);
        return lines;
    }
}
