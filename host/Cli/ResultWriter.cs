using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

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
                WriteCsv(output, rows);
                break;
            default:
                WriteTable(output, rows);
                break;
        }
    }

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
        var cells = rows.Select(r => columns.Select(c => c.Get(r)).ToArray()).ToList();
        var widths = columns.Select((c, i) => Math.Max(c.Name.Length, cells.Count == 0 ? 0 : cells.Max(r => r[i].Length))).ToArray();
        output.WriteLine(string.Join("  ", columns.Select((c, i) => c.Name.PadRight(widths[i]))).TrimEnd());
        output.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in cells)
            output.WriteLine(string.Join("  ", row.Select((v, i) => v.PadRight(widths[i]))).TrimEnd());
    }

    private static void WriteCsv<T>(TextWriter output, IReadOnlyList<T> rows)
    {
        var columns = Columns<T>();
        output.WriteLine(string.Join(",", columns.Select(c => CsvCell(c.Name))));
        foreach (var row in rows)
            output.WriteLine(string.Join(",", columns.Select(c => CsvCell(c.Get(row)))));
    }

    /// <summary>Quotes when needed and neutralises formula-like cells (= + - @) for spreadsheet safety.</summary>
    public static string CsvCell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '@' or '\t' or '\r'
            || (value.Length > 1 && value[0] == '-' && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
            value = "'" + value;
        if (value.IndexOfAny([',', '"', '\n', '\r']) < 0) return value;
        var sb = new StringBuilder(value.Length + 2).Append('"');
        foreach (var ch in value) sb.Append(ch == '"' ? "\"\"" : ch.ToString());
        return sb.Append('"').ToString();
    }
}
