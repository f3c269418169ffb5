using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

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

    // Style indices of the stylesheet below.
    private const uint Bold = 1, Wrap = 2, Number0 = 3, Hidden0 = 7, Footnote = 11;

    public static void Write(WeeklyReport report, string path)
    {
        if (File.Exists(path)) File.Delete(path);
        using var doc = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var wb = doc.AddWorkbookPart();
        wb.Workbook = new Workbook(new Sheets());
        var styles = wb.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Stylesheet();
        var t = report.Text;
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        var tables = report.AllTables.Select(table => (Table: table, Sheet: SheetName(table, t, taken))).ToList();
        var summary = new List<Row>
        {
            TextRow(1, Bold, report.Title),
            TextRow(2, 0, t.T($"Dibuat {t.Date(DateOnly.FromDateTime(report.GeneratedAt.DateTime))}", $"Generated {t.Date(DateOnly.FromDateTime(report.GeneratedAt.DateTime))}")),
        };
        uint r = 4;
        foreach (var line in report.Summary) summary.Add(TextRow(r++, Wrap, line));
        r++;
        summary.Add(TextRow(r++, Bold, t.T("Lembar", "Sheet"), t.T("Isi", "Contents"), t.T("Baris", "Rows")));
        foreach (var (table, sheet) in tables)
            summary.Add(new Row(TextCell(r, 0, sheet, 0), TextCell(r, 1, table.Title, 0), NumberCell(r, 2, table.Rows.Count, Number0)) { RowIndex = r++ });
        r++;
        summary.Add(TextRow(r, Footnote, SuppressionNote(t)));
        AddSheet(wb, t.T("Ringkasan", "Summary"), summary, [60, 70, 10], frozenRows: 0, filterColumns: 0);

        foreach (var (table, sheet) in tables) WriteTable(wb, table, sheet, t);
        wb.Workbook.Save();
    }

    private static string SuppressionNote(ReportText t) =>
        t.T("Sel abu-abu kosong: angka disembunyikan karena menggambarkan kurang dari 5 pegawai, atau karena sel lain dapat dihitung darinya.",
            "Blank grey cell: hidden because it describes fewer than 5 employees, or because another hidden cell could be derived from it.");

    private static void WriteTable(WorkbookPart wb, ReportTable table, string sheet, ReportText t)
    {
        var (columns, rows, source) = table.WithKeys();
        var sheetRows = new List<Row> { new(columns.Select((c, i) => TextCell(1, i, c, Wrap))) { RowIndex = 1 } };
        var widths = columns.Select(c => Math.Min(c.Length, 24) + 2.0).ToArray();
        var anyHidden = false;
        uint r = 2;
        foreach (var row in rows)
        {
            var cells = new List<Cell>();
            for (var i = 0; i < columns.Count; i++)
            {
                var decimals = source[i] is { } k ? table.DecimalsOf(k) : 0;
                var value = i < row.Length ? row[i] : null;
                switch (value)
                {
                    case null: break;
                    case SuppressedCell:
                        anyHidden = true;
                        cells.Add(new Cell { CellReference = Ref(r, i), StyleIndex = Hidden0 + (uint)Math.Clamp(decimals, 0, 3) });
                        break;
                    case double d when double.IsNaN(d) || double.IsInfinity(d): break;
                    case double or float or decimal:
                        cells.Add(NumberCell(r, i, Convert.ToDouble(value, CultureInfo.InvariantCulture), Number0 + (uint)Math.Clamp(decimals, 0, 3)));
                        Widen(widths, i, (Convert.ToDouble(value, CultureInfo.InvariantCulture).ToString("N" + Math.Clamp(decimals, 0, 3), CultureInfo.InvariantCulture)).Length);
                        break;
                    case long or int:
                        cells.Add(NumberCell(r, i, Convert.ToDouble(value, CultureInfo.InvariantCulture), Number0));
                        Widen(widths, i, Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString("N0", CultureInfo.InvariantCulture).Length);
                        break;
                    case bool b:
                        cells.Add(TextCell(r, i, b ? t.T("ya", "yes") : t.T("tidak", "no"), 0));
                        break;
                    default:
                        var s = SpreadsheetSafe.Text(value.ToString() ?? "");
                        cells.Add(TextCell(r, i, s, 0));
                        Widen(widths, i, s.Length);
                        break;
                }
            }
            sheetRows.Add(new Row(cells) { RowIndex = r++ });
        }
        if (anyHidden) sheetRows.Add(TextRow(r + 1, Footnote, SuppressionNote(t)));
        AddSheet(wb, sheet, sheetRows, widths.Select(w => Math.Min(w, 60)).ToArray(), frozenRows: 1, filterColumns: rows.Count > 0 ? columns.Count : 0);
    }

    private static void Widen(double[] widths, int i, int length) => widths[i] = Math.Max(widths[i], Math.Min(length, 58) + 2.0);

    private static void AddSheet(WorkbookPart wb, string name, IEnumerable<Row> rows, IReadOnlyList<double> widths, int frozenRows, int filterColumns)
    {
        var part = wb.AddNewPart<WorksheetPart>();
        var ws = new Worksheet();
        if (frozenRows > 0)
            ws.Append(new SheetViews(new SheetView(new Pane
            {
                VerticalSplit = frozenRows, TopLeftCell = $"A{frozenRows + 1}", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen,
            }) { WorkbookViewId = 0 }));
        ws.Append(new Columns(widths.Select((w, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = w, CustomWidth = true })));
        var data = new SheetData(rows);
        ws.Append(data);
        var lastDataRow = data.Elements<Row>().Where(r => r.Elements<Cell>().Any(c => c.StyleIndex?.Value != Footnote)).Select(r => r.RowIndex!.Value).DefaultIfEmpty(1u).Max();
        if (filterColumns > 0) ws.Append(new AutoFilter { Reference = $"A1:{Ref(lastDataRow, filterColumns - 1)}" });
        part.Worksheet = ws;
        var sheets = wb.Workbook.Sheets!;
        sheets.Append(new Sheet { Id = wb.GetIdOfPart(part), SheetId = (uint)sheets.ChildElements.Count + 1, Name = name });
    }

    private static Row TextRow(uint row, uint style, params string[] values) =>
        new(values.Select((v, i) => TextCell(row, i, v, style))) { RowIndex = row };

    private static Cell TextCell(uint row, int col, string value, uint style) =>
        new(new InlineString(new Text(value) { Space = SpaceProcessingModeValues.Preserve }))
        { CellReference = Ref(row, col), DataType = CellValues.InlineString, StyleIndex = style };

    private static Cell NumberCell(uint row, int col, double value, uint style) =>
        new(new CellValue(value)) { CellReference = Ref(row, col), DataType = CellValues.Number, StyleIndex = style };

    private static string Ref(uint row, int col)
    {
        var name = "";
        for (var c = col + 1; c > 0; c = (c - 1) / 26) name = (char)('A' + (c - 1) % 26) + name;
        return name + row.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Readable and unique: the Indonesian (or English) name of a known table, else its title.</summary>
    private static string SheetName(ReportTable table, ReportText t, HashSet<string> taken)
    {
        var name = SheetNames.TryGetValue(table.Name, out var n) ? t.T(n.Id, n.En) : table.Title.Split(',')[0];
        var clean = new string(name.Where(c => c is not ('[' or ']' or ':' or '*' or '?' or '/' or '\\')).ToArray()).Trim();
        clean = clean.Length > 28 ? clean[..28] : clean;
        var candidate = clean;
        for (var i = 2; !taken.Add(candidate); i++) candidate = $"{clean} ({i})";
        return candidate;
    }

    private static Stylesheet Stylesheet()
    {
        // numFmtId 3 = #,##0 and 4 = #,##0.00 are built in; 164/165 are ours.
        var numFmts = new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = "#,##0.0" },
            new NumberingFormat { NumberFormatId = 165, FormatCode = "#,##0.000" });
        var fonts = new Fonts(new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Italic(), new FontSize { Val = 10 }, new FontName { Val = "Calibri" }));
        var fills = new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFE7E6E6" }) { PatternType = PatternValues.Solid }));
        var borders = new Borders(new Border());
        uint[] formats = [3, 164, 4, 165];
        var xfs = new CellFormats(
            new CellFormat(),                                                                                  // 0 text
            new CellFormat { FontId = 1, ApplyFont = true },                                                   // 1 bold
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { FontId = 1, ApplyFont = true, ApplyAlignment = true }); // 2 header
        foreach (var f in formats) xfs.Append(new CellFormat { NumberFormatId = f, ApplyNumberFormat = true });                            // 3–6 numbers
        foreach (var f in formats) xfs.Append(new CellFormat { NumberFormatId = f, FillId = 2, ApplyNumberFormat = true, ApplyFill = true }); // 7–10 hidden
        xfs.Append(new CellFormat { FontId = 2, ApplyFont = true });                                           // 11 footnote
        return new Stylesheet(numFmts, fonts, fills, borders, new CellStyleFormats(new CellFormat()), xfs);
    }
}
