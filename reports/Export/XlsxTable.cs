using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Kepegawaian.Reports.Weekly;

namespace Kepegawaian.Reports.Export;

/// <summary>
/// The one XLSX table writer of the weekly report (<see cref="XlsxReportRenderer"/>) and the dashboard's "Unduh XLSX":
/// real numbers with number formats (<c>#,##0</c>, <c>#,##0.0</c>, <c>#,##0.00</c>, <c>#,##0.000</c>; Excel and
/// LibreOffice show them in the reader's locale, so an Indonesian reader sees <c>1.234,56</c>), column widths from the
/// content, a frozen header and auto-filter. A cell hidden by the small-cell rule (<see cref="SuppressedCell"/>) is a
/// blank numeric cell (grey fill, same number format) and the sheet ends with a note saying why. Text that a
/// spreadsheet would run as a formula is neutralised (<see cref="SpreadsheetSafe"/>).
/// </summary>
public static class XlsxTable
{
    // Style indices of Stylesheet(): 0 text, 1 bold, 2 header (bold, wrapped), 3–6 numbers with 0–3 decimals,
    // 7–10 the same as hidden (grey) cells, 11 footnote (italic).
    public const uint Bold = 1, Header = 2, Number0 = 3, Hidden0 = 7, Footnote = 11;

    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string SuppressionNote(ReportText t) =>
        t.T("Sel abu-abu kosong: angka disembunyikan karena menggambarkan kurang dari 5 pegawai, atau karena sel lain dapat dihitung darinya.",
            "Blank grey cell: hidden because it describes fewer than 5 employees, or because another hidden cell could be derived from it.");

    /// <summary>A new workbook in <paramref name="doc"/> with the shared stylesheet.</summary>
    public static WorkbookPart NewWorkbook(SpreadsheetDocument doc)
    {
        var wb = doc.AddWorkbookPart();
        wb.Workbook = new Workbook(new Sheets());
        wb.AddNewPart<WorkbookStylesPart>().Stylesheet = Stylesheet();
        return wb;
    }

    /// <summary>
    /// One table as a sheet: header row, a row per data row, and (when a cell is hidden) the suppression note two
    /// rows below; <paramref name="decimals"/> gives the decimals a column shows (0–3; negative: a plain number without
    /// grouping, e.g. a year).
    /// </summary>
    public static void AddTableSheet(WorkbookPart wb, string sheet, IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<object?>> rows,
        Func<int, int> decimals, ReportText t)
    {
        var sheetRows = new List<Row> { new(columns.Select((c, i) => TextCell(1, i, c, Header))) { RowIndex = 1 } };
        var widths = columns.Select(c => Math.Min(c.Length, 24) + 2.0).ToArray();
        var anyHidden = false;
        uint r = 2;
        foreach (var row in rows)
        {
            var cells = new List<Cell>();
            for (var i = 0; i < columns.Count; i++)
            {
                var general = decimals(i) < 0;   // a number shown as it is (a year: 2026, not 2.026)
                var d = Math.Clamp(decimals(i), 0, 3);
                var value = i < row.Count ? row[i] : null;
                switch (value)
                {
                    case null: break;
                    case SuppressedCell:
                        anyHidden = true;
                        cells.Add(new Cell { CellReference = Ref(r, i), StyleIndex = Hidden0 + (uint)d });
                        break;
                    case double x when double.IsNaN(x) || double.IsInfinity(x): break;
                    case double or float or decimal:
                        var number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                        cells.Add(NumberCell(r, i, number, general ? 0 : Number0 + (uint)d));
                        Widen(widths, i, number.ToString("N" + d, CultureInfo.InvariantCulture).Length);
                        break;
                    case long or int or short or byte:
                        cells.Add(NumberCell(r, i, Convert.ToDouble(value, CultureInfo.InvariantCulture), general ? 0 : Number0));
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
        AddSheet(wb, sheet, sheetRows, widths.Select(w => Math.Min(w, 60)).ToArray(), frozenRows: 1, filterColumns: r > 2 ? columns.Count : 0);
    }

    /// <summary>A one-sheet workbook of one table, in memory (the dashboard's downloads).</summary>
    public static byte[] Workbook(string sheet, IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<object?>> rows, Func<int, int> decimals, ReportText t)
    {
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var wb = NewWorkbook(doc);
            AddTableSheet(wb, SheetName(sheet, []), columns, rows, decimals, t);
            wb.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static void Widen(double[] widths, int i, int length) => widths[i] = Math.Max(widths[i], Math.Min(length, 58) + 2.0);

    public static void AddSheet(WorkbookPart wb, string name, IEnumerable<Row> rows, IReadOnlyList<double> widths, int frozenRows, int filterColumns)
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

    public static Row TextRow(uint row, uint style, params string[] values) =>
        new(values.Select((v, i) => TextCell(row, i, v, style))) { RowIndex = row };

    public static Cell TextCell(uint row, int col, string value, uint style) =>
        new(new InlineString(new Text(value) { Space = SpaceProcessingModeValues.Preserve }))
        { CellReference = Ref(row, col), DataType = CellValues.InlineString, StyleIndex = style };

    public static Cell NumberCell(uint row, int col, double value, uint style) =>
        new(new CellValue(value)) { CellReference = Ref(row, col), DataType = CellValues.Number, StyleIndex = style };

    public static string Ref(uint row, int col)
    {
        var name = "";
        for (var c = col + 1; c > 0; c = (c - 1) / 26) name = (char)('A' + (c - 1) % 26) + name;
        return name + row.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>A valid, unique sheet name: no <c>[]:*?/\</c>, at most 31 characters (28 + a " (2)" suffix when taken).</summary>
    public static string SheetName(string name, HashSet<string> taken)
    {
        var clean = new string(name.Where(c => c is not ('[' or ']' or ':' or '*' or '?' or '/' or '\\')).ToArray()).Trim();
        clean = clean.Length > 28 ? clean[..28] : clean.Length == 0 ? "Tabel" : clean;
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
