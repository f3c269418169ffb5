using DuckDB.NET.Data;

namespace Kepegawaian.Testing;

/// <summary>Every row of a query as object arrays (DBNull as null), for tests that compare tables.</summary>
public static class DuckDbRows
{
    public static List<object?[]> Rows(this DuckDBConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        var rows = new List<object?[]>();
        while (r.Read())
        {
            var row = new object?[r.FieldCount];
            for (var i = 0; i < r.FieldCount; i++) row[i] = r.IsDBNull(i) ? null : r.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }
}
