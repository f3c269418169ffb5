using SkiaSharp;

namespace Kepegawaian.Reports.Weekly;

/// <summary>
/// The weekly report as PDF (SkiaSharp <c>SKDocument.CreatePdf</c>), A4 portrait, points. Main part: the
/// executive page, then each area's text and charts (the ScottPlot charts drawn as vectors); annex: every
/// table, worst rows first, headers repeated on each continuation page. Pages are laid out first and drawn
/// afterwards, so every page can say "Halaman n dari m" and carry the data-through stamp.
/// </summary>
public sealed class PdfReportRenderer : IDisposable
{
    private const float PageW = 595, PageH = 842, Margin = 40, Footer = 28, ContentW = PageW - 2 * Margin;
    private const float Bottom = PageH - Margin - Footer;
    /// <summary>Charts are drawn a little narrower than the text so that two fit a page with their headings.</summary>
    private const float ChartW = ContentW * 0.84f;

    private static readonly SKColor Grey = new(0x55, 0x5F, 0x6A), Rule = new(0xD0, 0xD5, 0xDA), HeaderBg = new(0xEE, 0xF1, 0xF4);

    private readonly SKTypeface regular = SKTypeface.FromFamilyName("DejaVu Sans") ?? SKTypeface.Default;
    private readonly SKTypeface bold = SKTypeface.FromFamilyName("DejaVu Sans", SKFontStyle.Bold) ?? SKTypeface.Default;
    private readonly List<List<Action<SKCanvas>>> pages = [];
    private List<Action<SKCanvas>> page = [];
    private float y;
    private int annexStart;
    /// <summary>Scale of the brief's action lines; below 1 (down to 0,75) when the brief at full size would run onto page 2.</summary>
    private float k = 1f;

    public static void Write(WeeklyReport report, string path)
    {
        using var pdf = new PdfReportRenderer();
        pdf.Layout(report);
        using var stream = File.Create(path);
        pdf.Draw(stream, report);
    }

    private void Layout(WeeklyReport report)
    {
        var t = report.Text;
        NewPage();
        Brief(report);
        // The brief ran onto a second page: lay it out again with tighter action lines, step by step, so page 1 is the
        // whole brief (a week with every "Perlu tindakan" group full ran two lines over at the first step).
        foreach (var tighter in new[] { 0.86f, 0.8f, 0.75f })
        {
            if (pages.Count == 0) break;
            pages.Clear();
            page = [];
            y = Margin;
            k = tighter;
            Brief(report);
        }
        k = 1f;
        foreach (var section in report.Sections)
        {
            // A section starts on a fresh page only when its heading and first chart would not fit.
            Ensure(60 + ChartHeight);
            y += 6;
            Text(section.Title, 14, bold);
            foreach (var p in section.Paragraphs) Text(p, 9.5f, regular);
            foreach (var chart in section.Charts)
            {
                Ensure(ChartHeight + 6);
                var top = y;
                var scale = ChartW / Charts.ChartStyle.Width;
                page.Add(c =>
                {
                    c.Save();
                    c.Translate(Margin + (ContentW - ChartW) / 2, top);
                    c.Scale(scale);
                    chart.Plot.Render(c, Charts.ChartStyle.Width, Charts.ChartStyle.Height);
                    c.Restore();
                });
                y += ChartHeight + 6;
            }
        }
        NewPage();
        annexStart = pages.Count + 1; // 1-based number of the annex's first page
        Text(HtmlReportRenderer.AnnexTitle(t), 14, bold);
        Text(HtmlReportRenderer.AnnexNote(t), 8.5f, regular, Grey);
        foreach (var table in report.AllTables) Table(table, t);
        Flush();
    }

    private static float ChartHeight => Charts.ChartStyle.Height * ChartW / Charts.ChartStyle.Width;

    private void Brief(WeeklyReport report)
    {
        var t = report.Text;
        var b = report.Brief;
        Text(report.Heading, 16, bold);
        Text($"{report.WeekLabel} · {b.DataThrough}", 11, bold, Grey);
        Text(b.DataStatus, 9.5f, regular);
        y += 4;
        // KPI cards, three per row.
        const int PerRow = 3;
        const float Gap = 8;
        var w = (ContentW - (PerRow - 1) * Gap) / PerRow;
        for (var i = 0; i < b.Kpis.Count; i += PerRow)
        {
            var row = b.Kpis.Skip(i).Take(PerRow).ToList();
            var heights = row.Select(k => CardHeight(k, w)).ToList();
            var h = heights.Max();
            Ensure(h + Gap);
            for (var j = 0; j < row.Count; j++) Card(row[j], Margin + j * (w + Gap), y, w, h);
            y += h + Gap;
        }
        y += 4;
        Text(t.T("Perlu tindakan minggu ini", "Needs action this week"), 13, bold);
        foreach (var g in b.Actions)
        {
            Ensure(30);
            Text(g.Title, 9.5f * k, bold);
            if (g.Items.Count == 0) Text("  " + g.Empty, 8.5f * k, regular, Grey);
            foreach (var a in g.Items) Bullet(a.Unit, a.Figure);
            if (g.More > 0) Text("  " + t.T($"dan {g.More} unit lain (lampiran)", $"and {g.More} more units (annex)"), 8.5f * k, regular, Grey);
        }
        y += 2;
        foreach (var note in b.Notes) Text(note, 8.5f * k, regular, Grey);
        Text(t.T("Tabel lengkap ada di lampiran mulai halaman {0}.", "Full tables are in the annex from page {0}."), 8.5f * k, regular, Grey, deferred: true);
    }

    private float CardHeight(KpiCard k, float w)
    {
        using var small = new SKFont(regular, 7.5f);
        using var value = new SKFont(bold, 11);
        using var title = new SKFont(bold, 8);
        return 8 + Wrap(k.Title, title, w - 12).Count * 10 + Wrap(k.Period, small, w - 12).Count * 9
            + Wrap(k.Value, value, w - 12).Count * 14 + Wrap(k.Change, small, w - 12).Count * 9 + 6;
    }

    private void Card(KpiCard k, float x, float top, float w, float h)
    {
        var accent = k.Tone switch { KpiTone.Good => new SKColor(0x1a, 0x98, 0x50), KpiTone.Bad => new SKColor(0xd7, 0x30, 0x27), _ => new SKColor(0x5b, 0x67, 0x70) };
        var title = new SKFont(bold, 8);
        var small = new SKFont(regular, 7.5f);
        var value = new SKFont(bold, 11);
        var lines = new List<(string Text, SKFont Font, float Step, SKColor Colour)>();
        lines.AddRange(Wrap(k.Title, title, w - 12).Select(l => (l, title, 10f, SKColors.Black)));
        lines.AddRange(Wrap(k.Period, small, w - 12).Select(l => (l, small, 9f, Grey)));
        lines.AddRange(Wrap(k.Value, value, w - 12).Select(l => (l, value, 14f, SKColors.Black)));
        lines.AddRange(Wrap(k.Change, small, w - 12).Select(l => (l, small, 9f, Grey)));
        page.Add(c =>
        {
            using var border = new SKPaint { Color = Rule, Style = SKPaintStyle.Stroke, StrokeWidth = 0.8f, IsAntialias = true };
            using var bar = new SKPaint { Color = accent };
            c.DrawRect(x, top, w, h, border);
            c.DrawRect(x, top, w, 3, bar);
            var ly = top + 6;
            foreach (var (text, font, step, colour) in lines)
            {
                using var paint = new SKPaint { Color = colour, IsAntialias = true };
                ly += step;
                c.DrawText(text, x + 6, ly - 2, SKTextAlign.Left, font, paint);
            }
            title.Dispose(); small.Dispose(); value.Dispose();
        });
    }

    private void Bullet(string unit, string figure)
    {
        var size = 8.5f * k;
        var step = 11 * k;
        using var r = new SKFont(regular, size);
        var lead = "•  " + unit + " — ";
        // The unit in bold, the number after it; a long line wraps under the text.
        var words = Wrap(lead + figure, r, ContentW - 14);
        Ensure(words.Count * step + 2);
        var top = y;
        var first = words[0];
        var boldPart = first.StartsWith(lead, StringComparison.Ordinal) ? lead : first;
        page.Add(c =>
        {
            using var bf = new SKFont(bold, size);
            using var rf = new SKFont(regular, size);
            using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            var ly = top + 9.5f * size / 8.5f;
            c.DrawText(boldPart, Margin + 8, ly, SKTextAlign.Left, bf, paint);
            if (boldPart.Length < first.Length)
                c.DrawText(first[boldPart.Length..], Margin + 8 + bf.MeasureText(boldPart), ly, SKTextAlign.Left, rf, paint);
            foreach (var line in words.Skip(1))
            {
                ly += step;
                c.DrawText(line, Margin + 18, ly, SKTextAlign.Left, rf, paint);
            }
        });
        y += words.Count * step + 1;
    }

    // ------------------------------------------------------------------ tables
    private void Table(ReportTable table, ReportText t)
    {
        var rows = table.PrintedRows;
        if (rows.Count == 0)
        {
            Ensure(60);
            Text(table.Title, 10.5f, bold);
            Text(t.T("Tidak ada baris.", "No rows."), 8.5f, regular, Grey);
            return;
        }
        var n = table.Columns.Count;
        var size = n > 9 ? 6.5f : 7.5f;
        var cells = rows.Select(r => r.Select((c, i) => HtmlReportRenderer.Format(c, table.DecimalsOf(i), t)).ToArray()).ToList();
        var numeric = Enumerable.Range(0, n).Select(i => rows.Any(r => r[i] is double or long or int)).ToArray();
        var widths = ColumnWidths(table.Columns, cells, size);
        // The title, the (possibly tall) header and the first row on one page: a title never ends a page without its table.
        Ensure(Math.Max(60, 18 + RowHeight(table.Columns.ToArray(), widths, size, bold) + 12 + RowHeight(cells[0], widths, size, regular)));
        Text(table.Title, 10.5f, bold);
        Header(table, widths, size, continued: false, t);
        foreach (var row in cells)
        {
            var h = RowHeight(row, widths, size, regular);
            if (y + h > Bottom)
            {
                NewPage();
                Header(table, widths, size, continued: true, t);
            }
            Row(row, widths, size, regular, numeric, background: null);
        }
        if (rows.Count < table.Rows.Count) Text(HtmlReportRenderer.HiddenRows(table.Rows.Count - rows.Count, t), 7.5f, regular, Grey);
        y += 6;
    }

    private void Header(ReportTable table, float[] widths, float size, bool continued, ReportText t)
    {
        if (continued) Text(table.Title + " " + t.T("(lanjutan)", "(continued)"), 8, bold, Grey);
        var h = RowHeight(table.Columns.ToArray(), widths, size, bold);
        Ensure(h + 12);
        Row(table.Columns.ToArray(), widths, size, bold, new bool[widths.Length], HeaderBg);
    }

    /// <summary>
    /// Widths follow the content: every column gets what its longest cell needs when the page allows; when it
    /// does not, only the widest columns (names, reasons) give way, so short words such as "Kurang Baik" and
    /// numbers never wrap.
    /// </summary>
    private float[] ColumnWidths(IReadOnlyList<string> columns, List<string[]> cells, float size)
    {
        using var font = new SKFont(regular, size);
        using var boldFont = new SKFont(bold, size);
        var n = columns.Count;
        var want = new float[n];
        var min = new float[n];
        for (var i = 0; i < n; i++)
        {
            // The longest word of the header or of a cell (a code like MANJ-PERUBAHAN cannot wrap): narrower, it runs into the next column.
            var longestWord = Math.Max(columns[i].Split(' ').Max(w => boldFont.MeasureText(w)),
                cells.Count == 0 ? 0 : cells.Max(r => r[i].Split(' ').Max(w => font.MeasureText(w)))) + 8;
            var content = cells.Count == 0 ? 0 : cells.Max(r => font.MeasureText(r[i])) + 8;
            min[i] = Math.Min(longestWord, 80);
            want[i] = Math.Max(content, min[i]);
        }
        if (want.Sum() <= ContentW)
        {
            // Spare room goes to the text columns (the first, names), numbers stay tight.
            var spare = ContentW - want.Sum();
            want[0] += spare;
            return want;
        }
        // Columns that fit their share keep their width; the long ones (names, reasons) split the rest by the
        // square root of what they want, so a 600 pt reason gets more room than a 130 pt name without starving it.
        var width = (float[])want.Clone();
        var flexible = Enumerable.Range(0, n).ToHashSet();
        while (flexible.Count > 0)
        {
            var room = ContentW - Enumerable.Range(0, n).Where(i => !flexible.Contains(i)).Sum(i => width[i]);
            var weight = flexible.Sum(i => MathF.Sqrt(want[i]));
            var fits = flexible.Where(i => want[i] <= room * MathF.Sqrt(want[i]) / weight).ToList();
            if (fits.Count == 0)
            {
                foreach (var i in flexible) width[i] = Math.Max(min[i], room * MathF.Sqrt(want[i]) / weight);
                break;
            }
            foreach (var i in fits) { width[i] = want[i]; flexible.Remove(i); }
        }
        return width;
    }

    private static float RowHeight(string[] cells, float[] widths, float size, SKTypeface face)
    {
        using var font = new SKFont(face, size);
        return cells.Select((c, i) => Wrap(c, font, widths[i] - 4).Count).Max() * (size + 2) + 4;
    }

    private void Row(string[] cells, float[] widths, float size, SKTypeface face, bool[] numeric, SKColor? background)
    {
        using var measure = new SKFont(face, size);
        var lines = cells.Select((c, i) => Wrap(c, measure, widths[i] - 4)).ToList();
        var h = lines.Max(l => l.Count) * (size + 2) + 4;
        var top = y;
        page.Add(c =>
        {
            using var font = new SKFont(face, size);
            using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            if (background is { } bg)
            {
                using var fill = new SKPaint { Color = bg };
                c.DrawRect(Margin, top, ContentW, h, fill);
            }
            var x = Margin;
            for (var i = 0; i < cells.Length; i++)
            {
                for (var k = 0; k < lines[i].Count; k++)
                {
                    var ly = top + (k + 1) * (size + 2);
                    if (numeric[i]) c.DrawText(lines[i][k], x + widths[i] - 6, ly, SKTextAlign.Right, font, paint);
                    else c.DrawText(lines[i][k], x + 2, ly, SKTextAlign.Left, font, paint);
                }
                x += widths[i];
            }
            using var rule = new SKPaint { Color = Rule, StrokeWidth = 0.5f };
            c.DrawLine(Margin, top + h, Margin + ContentW, top + h, rule);
        });
        y += h;
    }

    // ------------------------------------------------------------------ text and pages
    private void Text(string text, float size, SKTypeface face, SKColor? color = null, bool deferred = false)
    {
        using var measure = new SKFont(face, size);
        foreach (var line in Wrap(text, measure, ContentW))
        {
            Ensure(size * 1.5f);
            y += size * 1.15f;
            var at = y;
            page.Add(c =>
            {
                using var font = new SKFont(face, size);
                using var paint = new SKPaint { Color = color ?? SKColors.Black, IsAntialias = true };
                var s = deferred ? string.Format(System.Globalization.CultureInfo.InvariantCulture, line, annexStart) : line;
                c.DrawText(s, Margin, at, SKTextAlign.Left, font, paint);
            });
            y += size * 0.35f;
        }
        y += 2;
    }

    private static List<string> Wrap(string text, SKFont font, float width)
    {
        var lines = new List<string>();
        var current = "";
        foreach (var word in text.Split(' '))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (font.MeasureText(candidate) <= width || current.Length == 0) current = candidate;
            else { lines.Add(current); current = word; }
        }
        lines.Add(current);
        return lines;
    }

    private void Ensure(float height)
    {
        if (y + height > Bottom) NewPage();
    }

    private void NewPage()
    {
        Flush();
        page = [];
        y = Margin;
    }

    private void Flush()
    {
        if (page.Count > 0 && !pages.Contains(page)) pages.Add(page);
    }

    private void Draw(Stream stream, WeeklyReport report)
    {
        var t = report.Text;
        using var document = SKDocument.CreatePdf(stream, new SKDocumentPdfMetadata { Title = report.Title, Creator = "Kepegawaian.Analytics", RasterDpi = 150 });
        using var font = new SKFont(regular, 7.5f);
        using var paint = new SKPaint { Color = Grey, IsAntialias = true };
        using var rule = new SKPaint { Color = Rule, StrokeWidth = 0.5f };
        for (var i = 0; i < pages.Count; i++)
        {
            var canvas = document.BeginPage(PageW, PageH);
            foreach (var draw in pages[i]) draw(canvas);
            // Every page: what it is, how current the data are, where it sits.
            var footerY = PageH - Margin + 6;
            canvas.DrawLine(Margin, footerY - 10, PageW - Margin, footerY - 10, rule);
            var part = i + 1 >= annexStart ? t.T("Lampiran", "Annex") + " · " : "";
            canvas.DrawText($"{t.Period(report.Week)} · {report.Brief.DataThrough}", Margin, footerY, SKTextAlign.Left, font, paint);
            canvas.DrawText(part + t.T($"Halaman {i + 1} dari {pages.Count}", $"Page {i + 1} of {pages.Count}"), PageW - Margin, footerY, SKTextAlign.Right, font, paint);
            document.EndPage();
        }
        document.Close();
    }

    public void Dispose()
    {
        regular.Dispose();
        bold.Dispose();
    }
}
