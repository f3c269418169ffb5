using Kepegawaian.Analytics.Common;
using Kepegawaian.Reports.Charts;
using ScottPlot;

namespace Kepegawaian.Reports.Weekly;

/// <summary>A chart of a report; the same <see cref="Plot"/> is drawn into the PNG (HTML) and the PDF.</summary>
public sealed class ReportChart(string name, string title, Plot plot)
{
    private byte[]? png;
    public string Name { get; } = name;
    public string Title { get; } = title;
    public Plot Plot { get; } = plot;
    public byte[] Png => png ??= ChartStyle.Png(Plot);
}

/// <summary>
/// A table of aggregates. Cells are strings, numbers or null; a suppressed small cell is a
/// <see cref="SuppressedCell"/>. Numbers are formatted by each renderer (HTML/PDF in the report
/// language, XLSX as numbers). <see cref="Keys"/>: the kode_unit of each row when column 0 names a
/// unit; XLSX and CSV put it beside the name.
/// </summary>
public sealed record ReportTable(string Name, string Title, IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows, IReadOnlyList<int>? Decimals = null,
    IReadOnlyList<string?>? Keys = null)
{
    public int DecimalsOf(int column) => Decimals is { } d && column < d.Count ? d[column] : 2;

    /// <summary>Columns and rows with <c>kode_unit</c> inserted after the unit name; Source maps each column back (null: the key).</summary>
    public (IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows, IReadOnlyList<int?> Source) WithKeys()
    {
        if (Keys is null || Keys.Count != Rows.Count)
            return (Columns, Rows, Enumerable.Range(0, Columns.Count).Select(i => (int?)i).ToList());
        var source = new List<int?> { 0, null };
        source.AddRange(Enumerable.Range(1, Columns.Count - 1).Select(i => (int?)i));
        var columns = source.Select(i => i is { } k ? Columns[k] : "kode_unit").ToList();
        var rows = Rows.Select((r, n) => source.Select(i => i is { } k ? (k < r.Length ? r[k] : null) : Keys[n]).ToArray()).ToList();
        return (columns, rows, source);
    }
    /// <summary>
    /// A row with no figure at all (every number suppressed): left out of the printed annex, which counts
    /// them instead (the XLSX keeps every row).
    /// </summary>
    public static bool IsEmptyRow(object?[] row) =>
        !row.Any(c => c is double or long or int) && row.Skip(1).Any(c => c is string s && s.StartsWith('<'));

    public IReadOnlyList<object?[]> PrintedRows => Rows.Where(r => !IsEmptyRow(r)).ToList();
}

public sealed record ReportSection(string Id, string Title, IReadOnlyList<string> Paragraphs, IReadOnlyList<ReportChart> Charts, IReadOnlyList<ReportTable> Tables);

/// <summary>
/// The weekly report (spec §1): the executive page first, then a short section per area (text and charts);
/// every table (the alerts first) goes to the annex, worst rows first.
/// </summary>
public sealed record WeeklyReport(
    Periode Week, ReportText Text, string Title, DateTimeOffset GeneratedAt,
    ExecutiveBrief Brief, ReportTable Alerts, IReadOnlyList<ReportSection> Sections)
{
    /// <summary>Plain-text lines of the executive page (the .txt beside the report).</summary>
    public IReadOnlyList<string> Summary => Brief.Lines(Text);

    /// <summary>"Minggu ke-47 (16–22 November 2026)".</summary>
    public string WeekLabel => Text.Period(Week);

    /// <summary>The page heading without the week (the week goes on the line below it).</summary>
    public string Heading => Text.T("Laporan Mingguan Kepegawaian Kota Palembang", "Weekly Civil Service Report, Kota Palembang");

    public IEnumerable<ReportTable> AllTables => Sections.SelectMany(s => s.Tables).Prepend(Alerts);
    public IEnumerable<ReportChart> AllCharts => Sections.SelectMany(s => s.Charts);
    public string FileStem => $"laporan-mingguan-{Week}";
}

/// <summary>
/// The files of one written report. <see cref="EmailHtml"/> is the e-mail body and <see cref="SummaryText"/>
/// the plain-text summary whose first line is the title (the e-mail subject), so a delivery retry can
/// resend exactly the report the other recipients got without rebuilding it.
/// </summary>
public sealed record WeeklyReportFiles(Periode Week, string Directory, string Html, string Pdf, string Xlsx, string EmailHtml, string SummaryText,
    IReadOnlyList<string> Charts, IReadOnlyList<string> Csv)
{
    public IEnumerable<string> All => new[] { Html, Pdf, Xlsx, EmailHtml, SummaryText }.Concat(Charts).Concat(Csv);

    public string Subject => File.ReadLines(SummaryText).First();

    /// <summary>The files of a report already written into <paramref name="directory"/>, or null.</summary>
    public static WeeklyReportFiles? TryLoad(string directory, Periode week)
    {
        var stem = Path.Combine(directory, $"laporan-mingguan-{week}");
        var files = new WeeklyReportFiles(week, directory, stem + ".html", stem + ".pdf", stem + ".xlsx", stem + ".email.html", stem + ".txt",
            Dir(Path.Combine(directory, "grafik"), "*.png"), Dir(Path.Combine(directory, "tabel"), "*.csv"));
        return new[] { files.Html, files.Pdf, files.Xlsx, files.EmailHtml, files.SummaryText }.All(File.Exists) ? files : null;
    }

    private static IReadOnlyList<string> Dir(string path, string pattern) =>
        System.IO.Directory.Exists(path) ? System.IO.Directory.GetFiles(path, pattern).Order(StringComparer.Ordinal).ToList() : [];
}
