namespace Kepegawaian.Reports.Weekly;

/// <summary>
/// Neutralises text a spreadsheet would run as a formula (CSV/formula injection, OWASP):
/// a cell beginning with = + - @ (or tab/CR) gets a leading apostrophe.
/// CSV files are written by <see cref="Export.CsvWriter"/>.
/// </summary>
public static class SpreadsheetSafe
{
    public static string Text(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
}
