using DuckDB.NET.Data;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Analytics.Common;

/// <summary>
/// Replaces the content of a mart table (created by a migration or its schema .sql model) with
/// C#-computed rows, inside the caller's transaction, through the DuckDB appender.
/// </summary>
internal static class MartWriter
{
    public static void Replace<T>(DuckDBConnection connection, string table, IEnumerable<T> rows, Func<T, object?[]> columns) =>
        Append(connection, table, rows.Select(columns));

    public static void Append(DuckDBConnection connection, string table, IEnumerable<object?[]> rows)
    {
        connection.Execute($"DELETE FROM {table}");
        using var appender = connection.CreateAppender(table);
        foreach (var values in rows)
        {
            var row = appender.CreateRow();
            foreach (var value in values)
                AppendValue(row, value);
            row.EndRow();
        }
    }

    private static void AppendValue(IDuckDBAppenderRow row, object? value)
    {
        switch (value)
        {
            case null: row.AppendNullValue(); break;
            case string s: row.AppendValue(s); break;
            case bool b: row.AppendValue(b); break;
            case int i: row.AppendValue(i); break;
            case long l: row.AppendValue(l); break;
            case double d when double.IsNaN(d) || double.IsInfinity(d): row.AppendNullValue(); break;
            case double d: row.AppendValue(d); break;
            case decimal m: row.AppendValue(m); break;
            case DateOnly d: row.AppendValue(d); break;
            case DateTime t: row.AppendValue(t); break;
            default: throw new ArgumentException($"Unsupported mart value type {value.GetType()}.");
        }
    }
}
