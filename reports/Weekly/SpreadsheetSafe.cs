using System.Text;

namespace Kepegawaian.Reports.Weekly;

/// <summary>
/// Neutralises text a spreadsheet would run as a formula (CSV/formula injection, OWASP):
/// a cell beginning with = + - @ (or tab/CR) gets a leading apostrophe.
/// </summary>
public static class SpreadsheetSafe
{
    public static string Text(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    public static string CsvCell(string value)
    {
        value = Text(value);
        if (value.IndexOfAny([',', ';', '"', '\n', '\r']) < 0) return value;
        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>CSV with invariant numbers (machine-readable), text cells neutralised.</summary>
    public static string Csv(ReportTable table)
    {
        var sb = new StringBuilder();
        sb.AppendLine(string.Join(",", table.Columns.Select(CsvCell)));
        foreach (var row in table.Rows)
            sb.AppendLine(string.Join(",", row.Select(c => c switch
            {
                null => "",
                double d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
                _ => CsvCell(c.ToString() ?? ""),
            })));
        return sb.ToString();
    }
}
