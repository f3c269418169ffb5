using System.Globalization;
using System.Text;
using Kepegawaian.Reports.Weekly;

namespace Kepegawaian.Reports.Export;

/// <summary>
/// <see cref="Machine"/>: <c>,</c> separator, <c>.</c> decimals, full precision, empty suppressed cells.
/// <see cref="Indonesian"/>: for people in Indonesian Excel/LibreOffice — <c>;</c> separator, <c>,</c>
/// decimals, numbers rounded to the decimals the report shows, <c>&lt;5</c> for a suppressed cell,
/// written with a UTF-8 BOM.
/// </summary>
public enum CsvStyle { Machine, Indonesian }

/// <summary>The one CSV writer of the CLI and the report tables (RFC 4180 quoting, formula injection neutralised).</summary>
public static class CsvWriter
{
    public static char Separator(CsvStyle style) => style == CsvStyle.Indonesian ? ';' : ',';

    /// <summary>UTF-8 with a BOM for the Indonesian style (Excel reads UTF-8 only then), without for the machine style.</summary>
    public static Encoding Encoding(CsvStyle style) => new UTF8Encoding(style == CsvStyle.Indonesian);

    /// <summary>
    /// A text field: a leading = + - @ tab or CR gets an apostrophe so a spreadsheet does not run it
    /// as a formula (OWASP CSV injection); quoted when it holds ; , " or a line break.
    /// </summary>
    public static string Text(string value)
    {
        value = SpreadsheetSafe.Text(value);
        if (value.IndexOfAny([',', ';', '"', '\n', '\r']) < 0) return value;
        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>One cell; <paramref name="decimals"/> is what the report shows (Indonesian style rounds to it).</summary>
    public static string Cell(object? value, CsvStyle style, int? decimals = null)
    {
        var id = style == CsvStyle.Indonesian;
        var nf = id ? IndonesianNumbers : CultureInfo.InvariantCulture.NumberFormat;
        return value switch
        {
            null => "",
            SuppressedCell s => id ? Text(s.ToString()) : "",
            double d when double.IsNaN(d) || double.IsInfinity(d) => "",
            double d => id && decimals is { } k ? Math.Round(d, k, MidpointRounding.AwayFromZero).ToString("F" + k, nf) : d.ToString("R", nf),
            float f => Cell((double)f, style, decimals),
            decimal m => id && decimals is { } k ? Math.Round(m, k, MidpointRounding.AwayFromZero).ToString("F" + k, nf) : m.ToString(nf),
            bool b => b ? "true" : "false",
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            DateTimeOffset t => t.ToString("yyyy-MM-dd HH:mm:sszzz", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, nf),
            _ => Text(value.ToString() ?? ""),
        };
    }

    public static void Write(TextWriter output, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows, CsvStyle style,
        Func<int, int?>? decimals = null)
    {
        var sep = Separator(style).ToString();
        output.Write(string.Join(sep, header.Select(Text)) + "\r\n");
        foreach (var row in rows)
            output.Write(string.Join(sep, row.Select((c, i) => Cell(c, style, decimals?.Invoke(i)))) + "\r\n");
    }

    /// <summary>A report table, with <c>kode_unit</c> beside the unit name when the table carries unit keys.</summary>
    public static string Table(ReportTable table, CsvStyle style)
    {
        var sw = new StringWriter(CultureInfo.InvariantCulture);
        var (header, rows, map) = table.WithKeys();
        Write(sw, header, rows, style, i => map[i] is { } src ? table.DecimalsOf(src) : null);
        return sw.ToString();
    }

    private static readonly NumberFormatInfo IndonesianNumbers = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = "", NegativeSign = "-" };
}
