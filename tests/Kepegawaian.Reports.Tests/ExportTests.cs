using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Kepegawaian.Analytics.Common;
using Kepegawaian.Reports.Export;
using Kepegawaian.Reports.Weekly;
using Kepegawaian.Testing;

namespace Kepegawaian.Reports.Tests;

/// <summary>CSV (Indonesian and machine) and XLSX exports of hand-made tables, read back independently.</summary>
public sealed class ExportTests
{
    private const string Tricky = "Kel Talang;=1+1";

    private static ReportTable Table() => new("kinerja_unit", "Kinerja per unit, 2026-Q3",
        ["Unit", "Pegawai", "Rata-rata nilai SKP", "Butuh Perbaikan"],
        [
            [Tricky, 1234L, 80.61538461538458, new SuppressedCell(5)],
            ["Dinas \"Satu\"\nbaris dua", 12L, -1.125, 7L],
        ],
        [0, 0, 2, 0], ["KEL-TALANG", "DINAS-1"]);

    [Fact]
    public void Indonesian_csv_uses_semicolons_decimal_commas_shown_decimals_and_survives_a_tricky_unit_name()
    {
        var text = CsvWriter.Table(Table(), CsvStyle.Indonesian);
        var rows = Rfc4180.Parse(text, ';');
        Assert.Equal(["Unit", "kode_unit", "Pegawai", "Rata-rata nilai SKP", "Butuh Perbaikan"], rows[0]);
        Assert.Equal([Tricky, "KEL-TALANG", "1234", "80,62", "<5"], rows[1]);          // one field again: the ; stayed inside quotes
        Assert.Contains("\"Kel Talang;=1+1\";KEL-TALANG;", text, StringComparison.Ordinal);   // so "=1+1" never starts a cell
        Assert.Equal(["Dinas \"Satu\"\nbaris dua", "DINAS-1", "12", "-1,13", "7"], rows[2]); // half away from zero, as shown
        Assert.Equal(3, rows.Count);
        Assert.Equal([0xEF, 0xBB, 0xBF], CsvWriter.Encoding(CsvStyle.Indonesian).GetPreamble());
    }

    [Fact]
    public void Machine_csv_keeps_commas_points_full_precision_and_leaves_hidden_cells_empty()
    {
        var rows = Rfc4180.Parse(CsvWriter.Table(Table(), CsvStyle.Machine), ',');
        Assert.Equal([Tricky, "KEL-TALANG", "1234", "80.61538461538458", ""], rows[1]);
        Assert.Equal("'=1+1", CsvWriter.Text("=1+1"));
        Assert.Equal("\"'-2;x\"", CsvWriter.Text("-2;x"));
        Assert.Equal("-1.125", rows[2][3]);
        Assert.Empty(CsvWriter.Encoding(CsvStyle.Machine).GetPreamble());
        Assert.Equal("'@SUM(A1)", CsvWriter.Text("@SUM(A1)"));
        Assert.Equal("'\tx", CsvWriter.Text("\tx"));
    }

    [Fact]
    public void Xlsx_has_a_summary_sheet_first_readable_names_number_formats_widths_and_blank_suppressed_cells()
    {
        using var folder = TempFolder.Create("xlsx");
        var text = ReportText.For("id");
        var alerts = new ReportTable("peringatan", "Peringatan", ["Unit"], [], null, []);
        var report = new WeeklyReport(Periode.Parse("2026-W46"), text, "Laporan", new DateTimeOffset(2026, 11, 16, 7, 0, 0, TimeSpan.FromHours(7)),
            new ExecutiveBrief("Ringkasan baris satu.", "Data per 15 November 2026", [], []), alerts, [new ReportSection("kinerja", "Kinerja", [], [], [Table()])]);
        var path = folder.File("r.xlsx");
        XlsxReportRenderer.Write(report, path);

        using var doc = SpreadsheetDocument.Open(path, false);
        var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));              // opens in Excel without a repair prompt
        var wb = doc.WorkbookPart!;
        var sheets = wb.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(["Ringkasan", "Peringatan", "Kinerja per unit"], sheets.Select(s => s.Name!.Value));
        var ws = ((WorksheetPart)wb.GetPartById(sheets[2].Id!)).Worksheet;
        var cells = ws.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!);
        string Str(string r) => cells[r].InlineString?.InnerText ?? cells[r].CellValue?.Text ?? "";
        string Fmt(string r)
        {
            var xf = wb.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)cells[r].StyleIndex!.Value);
            var id = xf.NumberFormatId?.Value ?? 0;
            return id switch
            {
                3 => "#,##0", 4 => "#,##0.00",
                _ => wb.WorkbookStylesPart.Stylesheet.NumberingFormats?.Elements<NumberingFormat>().FirstOrDefault(n => n.NumberFormatId! == id)?.FormatCode?.Value ?? "General",
            };
        }
        Assert.Equal(["Unit", "kode_unit", "Pegawai", "Rata-rata nilai SKP", "Butuh Perbaikan"], new[] { "A1", "B1", "C1", "D1", "E1" }.Select(Str));
        Assert.Equal("KEL-TALANG", Str("B2"));
        Assert.Equal(CellValues.Number, cells["C2"].DataType!.Value);
        Assert.Equal("1234", Str("C2"));
        Assert.Equal("#,##0", Fmt("C2"));
        Assert.Equal(80.61538461538458, double.Parse(Str("D2"), System.Globalization.CultureInfo.InvariantCulture), 12); // full value, shown as 80.62
        Assert.Equal("#,##0.00", Fmt("D2"));
        // Suppressed: a blank cell (no value, no text) with a number format, and a footnote below the table.
        Assert.Null(cells["E2"].CellValue);
        Assert.Null(cells["E2"].InlineString);
        Assert.Equal("#,##0", Fmt("E2"));
        Assert.Contains(ws.Descendants<Cell>(), c => c.InlineString?.InnerText.Contains("kurang dari 5 pegawai", StringComparison.Ordinal) == true);
        var widths = ws.Descendants<Column>().ToList();
        Assert.Equal(5, widths.Count);
        Assert.All(widths, w => Assert.True(w.Width!.Value >= 8 && w.CustomWidth!.Value));
        var summary = ((WorksheetPart)wb.GetPartById(sheets[0].Id!)).Worksheet.Descendants<Cell>().Select(c => c.InlineString?.InnerText).ToList();
        Assert.Contains("Ringkasan baris satu.", summary);
        Assert.Contains("Kinerja per unit", summary);
    }
}
