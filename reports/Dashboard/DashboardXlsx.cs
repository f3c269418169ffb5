using Kepegawaian.Reports.Export;
using Kepegawaian.Reports.Weekly;

namespace Kepegawaian.Reports.Dashboard;

/// <summary>
/// "Unduh XLSX" of a dashboard table: the rows the JSON API sends (same filters, already small-cell suppressed) as a
/// one-sheet workbook through the report's <see cref="XlsxTable"/> — numbers as numbers with the decimals the table
/// shows, <c>kode_unit</c> beside the unit name (the rows carry it), a hidden <c>&lt;5</c> as a blank grey numeric cell
/// with the suppression note under the table.
/// </summary>
public static class DashboardXlsx
{
    public static byte[] Table(string sheet, IReadOnlyList<IReadOnlyDictionary<string, object?>> rows, ReportText text, int minCell)
    {
        var header = rows.SelectMany(r => r.Keys).Distinct().ToList();
        var hidden = ReportText.Suppressed(minCell);
        var cells = rows.Select(r => (IReadOnlyList<object?>)header.Select(k => r.TryGetValue(k, out var v) ? Cell(v, hidden, minCell) : null).ToList());
        // A year is a label (2026, not 2.026): a plain number; whole numbers get #,##0 and fractions the table's decimals (2 when unknown).
        return XlsxTable.Workbook(sheet, header, cells, i => header[i] == "tahun" ? -1 : DashboardPage.DecimalsOf(header[i]) ?? 2, text);
    }

    private static object? Cell(object? value, string hidden, int minCell) => value is string s && s == hidden ? new SuppressedCell(minCell) : value;
}
