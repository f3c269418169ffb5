using System.Globalization;
using System.IO.Compression;
using System.Xml.Linq;

namespace Kepegawaian.Reports.Tests;

/// <summary>
/// The first sheet of an .xlsx read straight from its zip XML (not through the OpenXml SDK that writes it):
/// each cell's type, value, number format and whether it has a fill, plus the column widths.
/// </summary>
internal sealed class XlsxSheet
{
    private static readonly XNamespace S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    public sealed record XCell(string Ref, string? Type, string? Value, string? Text, int NumFmtId, string? FormatCode, bool Filled)
    {
        public bool IsNumber => Type is null or "n";
        public double Number => double.Parse(Value!, CultureInfo.InvariantCulture);
    }

    public required string SheetName { get; init; }
    public required IReadOnlyDictionary<int, IReadOnlyList<XCell>> Rows { get; init; }
    public required IReadOnlyList<double> Widths { get; init; }
    public required bool FrozenHeader { get; init; }

    public IReadOnlyList<string> Header => Rows[1].Select(c => c.Text ?? "").ToList();

    /// <summary>The cell of a data row (1-based sheet row) under a header name, or null when the cell is absent.</summary>
    public XCell? Cell(int row, string column)
    {
        var col = ColumnName(Header.ToList().IndexOf(column));
        return Rows.TryGetValue(row, out var cells) ? cells.FirstOrDefault(c => c.Ref == col + row.ToString(CultureInfo.InvariantCulture)) : null;
    }

    public static XlsxSheet Read(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        XDocument Load(string name) { using var s = zip.GetEntry(name)!.Open(); return XDocument.Load(s); }
        var styles = Load("xl/styles.xml");
        var formats = styles.Descendants(S + "numFmt").ToDictionary(f => (int)f.Attribute("numFmtId")!, f => (string)f.Attribute("formatCode")!);
        formats.TryAdd(3, "#,##0");
        formats.TryAdd(4, "#,##0.00");
        var xfs = styles.Root!.Element(S + "cellXfs")!.Elements(S + "xf").Select(x => ((int?)x.Attribute("numFmtId") ?? 0, ((int?)x.Attribute("fillId") ?? 0) > 1)).ToList();
        var workbook = Load("xl/workbook.xml");
        var sheet = Load("xl/worksheets/" + zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal))
            .Select(e => e.Name).Order().First());
        var rows = sheet.Descendants(S + "row").ToDictionary(r => (int)r.Attribute("r")!, r => (IReadOnlyList<XCell>)r.Elements(S + "c").Select(c =>
        {
            var (fmt, filled) = xfs[(int?)c.Attribute("s") ?? 0];
            var text = c.Element(S + "is")?.Element(S + "t")?.Value;
            return new XCell((string)c.Attribute("r")!, (string?)c.Attribute("t"), c.Element(S + "v")?.Value, text, fmt, formats.GetValueOrDefault(fmt), filled);
        }).ToList());
        return new XlsxSheet
        {
            SheetName = (string)workbook.Descendants(S + "sheet").First().Attribute("name")!,
            Rows = rows,
            Widths = sheet.Descendants(S + "col").Select(c => double.Parse((string)c.Attribute("width")!, CultureInfo.InvariantCulture)).ToList(),
            FrozenHeader = sheet.Descendants(S + "pane").Any(p => (string?)p.Attribute("state") == "frozen" && (string?)p.Attribute("ySplit") == "1"),
        };
    }

    private static string ColumnName(int index)
    {
        var name = "";
        for (var c = index + 1; c > 0; c = (c - 1) / 26) name = (char)('A' + (c - 1) % 26) + name;
        return name;
    }
}
