using DuckDB.NET.Data;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Etl.Loading;

/// <summary>The embedded SQL models of the ETL (<c>etl/Sql/staging</c>, <c>etl/Sql/core</c>).</summary>
internal static class EtlSql
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Cache = new();

    public static string Get(string name) =>
        Cache.GetOrAdd(name, n => SqlResources.Read(typeof(EtlSql).Assembly, n));

    public static void Run(DuckDBConnection connection, string name)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = Get(name);
        cmd.ExecuteNonQuery();
    }
}
