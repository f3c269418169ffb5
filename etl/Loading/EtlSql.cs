using DuckDB.NET.Data;
using Kepegawaian.Etl.Validation;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Etl.Loading;

/// <summary>The embedded SQL models of the ETL (<c>etl/Sql/staging</c>, <c>etl/Sql/core</c>).</summary>
internal static class EtlSql
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Cache = new();

    public static string Get(string name) =>
        Cache.GetOrAdd(name, n => SqlResources.Read(typeof(EtlSql).Assembly, n));

    /// <summary>A model rendered for one entity (<see cref="EntitySql.Render"/>), cached like the raw models.</summary>
    public static string Get(string name, EntitySchema schema) =>
        Cache.GetOrAdd($"{name}|{schema.Entity}", _ => EntitySql.Render(Get(name), schema));

    public static void Run(DuckDBConnection connection, string name) => Execute(connection, Get(name));

    public static void Run(DuckDBConnection connection, string name, EntitySchema schema) => Execute(connection, Get(name, schema));

    /// <summary>The set-based checks of one entity's staged file (<see cref="EntitySql.StagingChecks"/>).</summary>
    public static void RunStagingChecks(DuckDBConnection connection, EntitySchema schema) =>
        Execute(connection, Cache.GetOrAdd($"staging/checks|{schema.Entity}", _ => EntitySql.StagingChecks(schema)));

    /// <summary>The staging tables of every entity, generated from the schemas (after <c>staging/tables.sql</c>).</summary>
    public static void CreateStagingTables(DuckDBConnection connection)
    {
        Run(connection, "staging/tables.sql");
        Execute(connection, Cache.GetOrAdd("staging/entities", _ => string.Join("\n", EntitySchemas.All.Select(s => EntitySql.StagingTable(s)))));
    }

    /// <summary>
    /// Empties the scratch tables a file's load shares (<c>core/cleanup.sql</c>) and recreates the entity's staging table:
    /// before a file is staged (a failed file staged outside its transaction leaves its rows) and at the end of its merge.
    /// </summary>
    public static void ResetStaging(DuckDBConnection connection, EntitySchema schema) =>
        Execute(connection, Cache.GetOrAdd($"staging/reset|{schema.Entity}", _ => Get("core/cleanup.sql") + "\n" + EntitySql.StagingTable(schema, replace: true)));

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
