using DuckDB.NET.Data;

namespace Kepegawaian.Analytics.Performance;

/// <summary>Appends C#-computed rows to a mart table created by its schema .sql file.</summary>
internal static class MartWriter
{
    public static void Append(DuckDBConnection connection, string table, IEnumerable<object?[]> rows)
    {
        connection.Execute2($"DELETE FROM {table}");
        using var appender = connection.CreateAppender(table);
        foreach (var values in rows)
        {
            var row = appender.CreateRow();
            foreach (var v in values)
            {
                switch (v)
                {
                    case null: row.AppendNullValue(); break;
                    case string s: row.AppendValue(s); break;
                    case double d when double.IsNaN(d) || double.IsInfinity(d): row.AppendNullValue(); break;
                    case double d: row.AppendValue(d); break;
                    case int i: row.AppendValue(i); break;
                    case long l: row.AppendValue(l); break;
                    case bool b: row.AppendValue(b); break;
                    default: throw new ArgumentException($"Unsupported mart value type {v.GetType()}.");
                }
            }
            row.EndRow();
        }
    }

    private static void Execute2(this DuckDBConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
