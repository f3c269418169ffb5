using MiniExcelLibs;

namespace Kepegawaian.Reports.Weekly;

/// <summary>The underlying tables of the report as one XLSX workbook, a sheet per table.</summary>
public static class XlsxReportRenderer
{
    public static void Write(WeeklyReport report, string path)
    {
        var sheets = new Dictionary<string, object>();
        foreach (var table in report.AllTables)
        {
            var name = SheetName(table.Name, sheets.Keys);
            var rows = table.Rows.Select(r =>
            {
                var dict = new Dictionary<string, object?>();
                for (var i = 0; i < table.Columns.Count; i++)
                    dict[UniqueColumn(table.Columns[i], dict.Keys)] = i < r.Length ? Cell(r[i]) : null;
                return dict;
            }).ToList();
            if (rows.Count == 0) rows.Add(table.Columns.ToDictionary(c => c, _ => (object?)null)); // keep the header
            sheets[name] = rows;
        }
        if (File.Exists(path)) File.Delete(path);
        MiniExcel.SaveAs(path, sheets);
    }

    private static object? Cell(object? value) => value switch
    {
        string s => SpreadsheetSafe.Text(s),
        double d when double.IsNaN(d) || double.IsInfinity(d) => null,
        _ => value,
    };

    private static string UniqueColumn(string name, IEnumerable<string> taken)
    {
        var set = taken.ToHashSet();
        var candidate = name;
        for (var i = 2; set.Contains(candidate); i++) candidate = $"{name} ({i})";
        return candidate;
    }

    private static string SheetName(string name, IEnumerable<string> taken)
    {
        var clean = new string(name.Where(c => c is not ('[' or ']' or ':' or '*' or '?' or '/' or '\\')).ToArray());
        clean = clean.Length > 31 ? clean[..31] : clean;
        return UniqueColumn(clean, taken);
    }
}
