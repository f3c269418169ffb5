using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Kepegawaian.Reports.Export;

namespace Kepegawaian.Reports.Weekly;

/// <summary>
/// The report as one XLSX workbook: a "Ringkasan" (summary) sheet first, then a sheet per table
/// with a readable name, <c>kode_unit</c> beside unit names, real numbers with number formats
/// (<c>#,##0</c>, <c>#,##0.0</c>, <c>#,##0.00</c>, …; Excel shows them in the reader's locale), column
/// widths, a frozen header and auto-filter. A cell hidden by the small-cell rule is a blank
/// numeric cell (grey) and the sheet ends with a footnote saying why.
/// </summary>
public static class XlsxReportRenderer
{
    /// <summary>Sheet names for the report's tables (≤ 31 characters, Excel's limit).</summary>
    private static readonly Dictionary<string, (string Id, string En)> SheetNames = new()
    {
        ["peringatan"] = ("Peringatan", "Alerts"),
        ["ikm_unit"] = ("IKM per unit", "IKM by unit"),
        ["ikm_unsur_lemah"] = ("Unsur terlemah", "Weakest element"),
        ["kinerja_unit"] = ("Kinerja per unit", "Performance by unit"),
        ["kinerja_menurun"] = ("Kinerja menurun", "Declining performance"),
        ["diklat_jenis"] = ("Diklat per jenis", "Training by kind"),
        ["diklat_kursus"] = ("Diklat per mata diklat", "Training by course"),
        ["diklat_dampak"] = ("Catatan metode diklat", "Training method notes"),
        ["jp_unit"] = ("Kepatuhan 20 JP", "20 JP compliance"),
        ["cuti_waktu"] = ("Waktu proses cuti", "Leave processing time"),
    };

    public static void Write(WeeklyReport report, string path)
    {
        if (File.Exists(path)) File.Delete(path);
        using var doc = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var wb = XlsxTable.NewWorkbook(doc);
        var t = report.Text;
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        var tables = report.AllTables.Select(table => (Table: table, Sheet: SheetName(table, t, taken))).ToList();
        var summary = new List<Row>
        {
            XlsxTable.TextRow(1, XlsxTable.Bold, report.Title),
            XlsxTable.TextRow(2, 0, t.T($"Dibuat {t.Date(DateOnly.FromDateTime(report.GeneratedAt.DateTime))}", $"Generated {t.Date(DateOnly.FromDateTime(report.GeneratedAt.DateTime))}")),
        };
        uint r = 4;
        foreach (var line in report.Summary) summary.Add(XlsxTable.TextRow(r++, XlsxTable.Header, line));
        r++;
        summary.Add(XlsxTable.TextRow(r++, XlsxTable.Bold, t.T("Lembar", "Sheet"), t.T("Isi", "Contents"), t.T("Baris", "Rows")));
        foreach (var (table, sheet) in tables)
            summary.Add(new Row(XlsxTable.TextCell(r, 0, sheet, 0), XlsxTable.TextCell(r, 1, table.Title, 0), XlsxTable.NumberCell(r, 2, table.Rows.Count, XlsxTable.Number0)) { RowIndex = r++ });
        r++;
        summary.Add(XlsxTable.TextRow(r, XlsxTable.Footnote, XlsxTable.SuppressionNote(t)));
        XlsxTable.AddSheet(wb, t.T("Ringkasan", "Summary"), summary, [60, 70, 10], frozenRows: 0, filterColumns: 0);

        foreach (var (table, sheet) in tables)
        {
            var (columns, rows, source) = table.WithKeys();
            XlsxTable.AddTableSheet(wb, sheet, columns, rows, i => source[i] is { } k ? table.DecimalsOf(k) : 0, t);
        }
        wb.Workbook.Save();
    }

    /// <summary>Readable and unique: the Indonesian (or English) name of a known table, else its title.</summary>
    private static string SheetName(ReportTable table, ReportText t, HashSet<string> taken)
    {
        var name = SheetNames.TryGetValue(table.Name, out var n) ? t.T(n.Id, n.En) : table.Title.Split(',')[0];
        return XlsxTable.SheetName(name, taken);
    }
}
