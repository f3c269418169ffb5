using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Kepegawaian.Reports.Export;

namespace Kepegawaian.Service.Cli;

/// <summary>
/// Writes result rows as an aligned table, JSON or CSV. Column names are the snake_case field
/// names of spec §5, taken from <see cref="JsonPropertyNameAttribute"/> where present.
/// </summary>
public static class ResultWriter
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write<T>(TextWriter output, IReadOnlyList<T> rows, OutputFormat format)
    {
        switch (format)
        {
            case OutputFormat.Json:
                output.WriteLine(JsonSerializer.Serialize(rows, Json));
                break;
            case OutputFormat.Csv:
                WriteCsv(output, rows, CsvStyle.Machine);
                break;
            case OutputFormat.CsvId:
                WriteCsv(output, rows, CsvStyle.Indonesian);
                break;
            default:
                WriteTable(output, rows);
                break;
        }
    }

    /// <summary>Rows as ordered name → value cells (the JSON/CSV field names), e.g. to blank suppressed cells.</summary>
    public static List<Dictionary<string, object?>> Cells<T>(IEnumerable<T> rows)
    {
        var props = Props<T>();
        return rows.Select(r => props.ToDictionary(p => p.Name, p => p.Get(r!))).ToList();
    }

    /// <summary>Cell rows (see <see cref="Cells{T}"/>); <typeparamref name="T"/> names the columns when there are no rows.</summary>
    public static void WriteCells<T>(TextWriter output, IReadOnlyList<Dictionary<string, object?>> rows, OutputFormat format)
    {
        var names = Props<T>().Select(p => p.Name).ToList();
        switch (format)
        {
            case OutputFormat.Json:
                output.WriteLine(JsonSerializer.Serialize(rows, Json));
                break;
            case OutputFormat.Csv or OutputFormat.CsvId:
                var style = format == OutputFormat.CsvId ? CsvStyle.Indonesian : CsvStyle.Machine;
                if (style == CsvStyle.Indonesian) output.Write('\uFEFF');
                CsvWriter.Write(output, names, rows.Select(r => (IReadOnlyList<object?>)names.Select(n => CsvValue(r[n])).ToArray()), style,
                    i => rows.Any(r => r[names[i]] is string) ? null : 2);
                break;
            default:
                var cells = rows.Select(r => names.Select(n => Format(r[n])).ToArray()).ToList();
                var widths = names.Select((c, i) => Math.Max(c.Length, cells.Count == 0 ? 0 : cells.Max(r => r[i].Length))).ToArray();
                output.WriteLine(string.Join("  ", names.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
                output.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
                foreach (var row in cells)
                    output.WriteLine(string.Join("  ", row.Select((v, i) => v.PadRight(widths[i]))).TrimEnd());
                break;
        }
    }

    private static (string Name, Func<object, object?> Get)[] Props<T>() =>
        typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<JsonIgnoreAttribute>() is null)
            .Select(p => (p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name),
                          (Func<object, object?>)p.GetValue))
            .ToArray();

    private static (string Name, Func<T, string> Get)[] Columns<T>() =>
        typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<JsonIgnoreAttribute>() is null)
            .Select(p => (Name: p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name), Property: p))
            .Select(c => (c.Name, IsPValue(c.Name)
                ? (Func<T, string>)(row => FormatP(c.Property.GetValue(row) as double?))
                : row => Format(c.Property.GetValue(row))))
            .ToArray();

    /// <summary>p-value columns (p_value, p_holm, q_bh, pretrend_p): "0.##" would print p = 0.0004 as "0".</summary>
    private static bool IsPValue(string column) => column is "p_value" or "p_holm" or "q_bh" || column.EndsWith("_p", StringComparison.Ordinal);

    /// <summary>Three decimals; below 0.001 as "&lt; 0.001" (a p-value is never exactly zero).</summary>
    public static string FormatP(double? p) => p switch
    {
        null => "",
        < 0.001 => "< 0.001",
        { } v => v.ToString("0.000", CultureInfo.InvariantCulture),
    };

    private static string Format(object? value) => value switch
    {
        null => "",
        double d => d.ToString("0.##", CultureInfo.InvariantCulture),
        decimal m => m.ToString("0.##", CultureInfo.InvariantCulture),
        float f => f.ToString("0.##", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        System.Collections.IEnumerable e and not string => JsonSerializer.Serialize(value, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower }),
        _ => value.ToString() ?? "",
    };

    private static void WriteTable<T>(TextWriter output, IReadOnlyList<T> rows)
    {
        var columns = Columns<T>();
        // One table row per line: a newline or control character in a value is shown escaped.
        var cells = rows.Select(r => columns.Select(c => Output.TerminalSafe.Clean(c.Get(r))).ToArray()).ToList();
        var widths = columns.Select((c, i) => Math.Max(c.Name.Length, cells.Count == 0 ? 0 : cells.Max(r => r[i].Length))).ToArray();
        output.WriteLine(string.Join("  ", columns.Select((c, i) => c.Name.PadRight(widths[i]))).TrimEnd());
        output.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in cells)
            output.WriteLine(string.Join("  ", row.Select((v, i) => v.PadRight(widths[i]))).TrimEnd());
    }

    /// <summary>
    /// Through the report's <see cref="CsvWriter"/>: machine CSV at full precision, or (csv-id) <c>;</c>,
    /// decimal comma, 2 decimals as in the table view, a BOM; empty = hidden small cell or no value.
    /// </summary>
    private static void WriteCsv<T>(TextWriter output, IReadOnlyList<T> rows, CsvStyle style)
    {
        var props = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<JsonIgnoreAttribute>() is null).ToArray();
        var header = Columns<T>().Select(c => c.Name).ToList();
        if (style == CsvStyle.Indonesian) output.Write('\uFEFF');
        CsvWriter.Write(output, header, rows.Select(r => (IReadOnlyList<object?>)props.Select(p => CsvValue(p.GetValue(r))).ToArray()), style,
            i => props[i].PropertyType == typeof(string) ? null : 2);
    }

    private static object? CsvValue(object? value) =>
        value is System.Collections.IEnumerable and not string ? Format(value) : value;
}
