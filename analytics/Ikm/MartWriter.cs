using DuckDB.NET.Data;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Analytics.Ikm;

/// <summary>Replaces the content of a mart table (created by a migration) inside the caller's transaction.</summary>
internal static class MartWriter
{
    public static void Replace<T>(DuckDBConnection connection, string table, IEnumerable<T> rows, Func<T, object?[]> columns)
    {
        connection.Execute($"DELETE FROM {table}");
        using var appender = connection.CreateAppender(table);
        foreach (var item in rows)
        {
            var row = appender.CreateRow();
            foreach (var value in columns(item))
                Append(row, value);
            row.EndRow();
        }
    }

    private static void Append(IDuckDBAppenderRow row, object? value)
    {
        switch (value)
        {
            case null: row.AppendNullValue(); break;
            case string s: row.AppendValue(s); break;
            case bool b: row.AppendValue(b); break;
            case int i: row.AppendValue(i); break;
            case long l: row.AppendValue(l); break;
            case double d: row.AppendValue(d); break;
            case decimal m: row.AppendValue(m); break;
            case DateOnly d: row.AppendValue(d); break;
            case DateTime t: row.AppendValue(t); break;
            default: throw new ArgumentException($"Unsupported mart value type {value.GetType()}");
        }
    }
}
