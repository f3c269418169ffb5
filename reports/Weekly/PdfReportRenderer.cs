using SkiaSharp;

namespace Kepegawaian.Reports.Weekly;

/// <summary>
/// The weekly report as PDF (SkiaSharp <c>SKDocument.CreatePdf</c>): the same summary, the same
/// ScottPlot charts drawn as vectors, and the tables. A4 portrait, points.
/// </summary>
public sealed class PdfReportRenderer : IDisposable
{
    private const float PageW = 595, PageH = 842, Margin = 40, ContentW = PageW - 2 * Margin;

    private readonly SKDocument document;
    private readonly SKTypeface regular = SKTypeface.FromFamilyName("DejaVu Sans") ?? SKTypeface.Default;
    private readonly SKTypeface bold = SKTypeface.FromFamilyName("DejaVu Sans", SKFontStyle.Bold) ?? SKTypeface.Default;
    private SKCanvas? canvas;
    private float y;

    private PdfReportRenderer(Stream stream)
    {
        document = SKDocument.CreatePdf(stream, new SKDocumentPdfMetadata { Title = "Laporan mingguan", Creator = "Kepegawaian.Analytics", RasterDpi = 150 });
    }

    public static void Write(WeeklyReport report, string path)
    {
        using var stream = File.Create(path);
        using var pdf = new PdfReportRenderer(stream);
        pdf.Draw(report);
    }

    private void Draw(WeeklyReport report)
    {
        var t = report.Text;
        NewPage();
        Text(report.Title, 18, bold);
        Text($"{t.Date(report.Week.Start)} – {t.Date(report.Week.End.AddDays(-1))}", 10, regular, SKColors.DimGray);
        y += 6;
        Text(t.T("Ringkasan minggu ini", "This week at a glance"), 13, bold);
        foreach (var line in report.Summary) Text("• " + line, 10, regular);
        y += 4;
        Table(report.Alerts, t);
        foreach (var section in report.Sections)
        {
            NewPage();
            Text(section.Title, 15, bold);
            foreach (var p in section.Paragraphs) Text(p, 10, regular);
            foreach (var chart in section.Charts)
            {
                var scale = ContentW / Charts.ChartStyle.Width;
                var h = Charts.ChartStyle.Height * scale;
                Ensure(h + 8);
                canvas!.Save();
                canvas.Translate(Margin, y);
                canvas.Scale(scale);
                chart.Plot.Render(canvas, Charts.ChartStyle.Width, Charts.ChartStyle.Height);
                canvas.Restore();
                y += h + 8;
            }
            foreach (var table in section.Tables) Table(table, t);
        }
        EndPage();
        document.Close();
    }

    private void Table(ReportTable table, ReportText t)
    {
        Text(table.Title, 11, bold);
        if (table.Rows.Count == 0)
        {
            Text(t.T("Tidak ada baris.", "No rows."), 9, regular, SKColors.DimGray);
            return;
        }
        // The first column (names) gets more room; long tables wrap to the next page.
        var n = table.Columns.Count;
        var first = n == 1 ? ContentW : Math.Min(150, ContentW * 0.3f);
        var other = n == 1 ? 0 : (ContentW - first) / (n - 1);
        var fontSize = n > 9 ? 6f : 8f;
        Row(table.Columns.ToArray(), first, other, fontSize, bold, header: true);
        foreach (var row in table.Rows)
            Row(row.Select((c, i) => HtmlReportRenderer.Format(c, table.DecimalsOf(i), t)).ToArray(), first, other, fontSize, regular, header: false);
        y += 6;
    }

    private void Row(string[] cells, float first, float other, float size, SKTypeface face, bool header)
    {
        using var font = new SKFont(face, size);
        using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        var lines = cells.Select((c, i) => Wrap(c, font, (i == 0 ? first : other) - 4)).ToList();
        var h = lines.Max(l => l.Count) * (size + 2) + 4;
        Ensure(h);
        if (header)
        {
            using var bg = new SKPaint { Color = new SKColor(0xEE, 0xF1, 0xF4) };
            canvas!.DrawRect(Margin, y, ContentW, h, bg);
        }
        var x = Margin;
        for (var i = 0; i < cells.Length; i++)
        {
            var w = i == 0 ? first : other;
            for (var k = 0; k < lines[i].Count; k++)
                canvas!.DrawText(lines[i][k], x + 2, y + (k + 1) * (size + 2), SKTextAlign.Left, font, paint);
            x += w;
        }
        using var rule = new SKPaint { Color = new SKColor(0xD0, 0xD5, 0xDA), StrokeWidth = 0.5f };
        canvas!.DrawLine(Margin, y + h, Margin + ContentW, y + h, rule);
        y += h;
    }

    private void Text(string text, float size, SKTypeface face, SKColor? color = null)
    {
        using var font = new SKFont(face, size);
        using var paint = new SKPaint { Color = color ?? SKColors.Black, IsAntialias = true };
        foreach (var line in Wrap(text, font, ContentW))
        {
            Ensure(size * 1.4f);
            y += size * 1.15f;
            canvas!.DrawText(line, Margin, y, SKTextAlign.Left, font, paint);
            y += size * 0.3f;
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
        if (y + height > PageH - Margin) NewPage();
    }

    private void NewPage()
    {
        EndPage();
        canvas = document.BeginPage(PageW, PageH);
        y = Margin;
    }

    private void EndPage()
    {
        if (canvas is null) return;
        document.EndPage();
        canvas = null;
    }

    public void Dispose()
    {
        document.Dispose();
        regular.Dispose();
        bold.Dispose();
    }
}
