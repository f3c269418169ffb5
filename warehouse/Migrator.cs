using System.Reflection;
using System.Text.RegularExpressions;
using DuckDB.NET.Data;

namespace Kepegawaian.Warehouse;

/// <summary>
/// Applies versioned schema migrations (<c>Sql/migrations/V###__name.sql</c>, embedded) once each.
/// The set of applied versions is kept in <c>schema_version</c>, so re-running is a no-op and an
/// older file is upgraded in place. Each migration runs in its own transaction.
/// </summary>
public static partial class Migrator
{
    public static IReadOnlyList<Migration> All { get; } = Discover(typeof(Migrator).Assembly);

    /// <summary>Applies every pending migration up to <paramref name="targetVersion"/> (all when null); returns how many ran.</summary>
    public static int Migrate(DuckDBConnection connection, int? targetVersion = null)
    {
        Execute(connection, """
            CREATE TABLE IF NOT EXISTS schema_version (
                version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)
            """);
        var applied = AppliedVersions(connection);
        var count = 0;
        foreach (var migration in All.Where(m => !applied.Contains(m.Version) && m.Version <= (targetVersion ?? int.MaxValue)))
        {
            using var tx = connection.BeginTransaction();
            Execute(connection, migration.Sql);
            using (var cmd = connection.CreateCommand())
            {
                cmd.CommandText = "INSERT INTO schema_version VALUES ($v, $n, now()::TIMESTAMP)";
                cmd.Parameters.Add(new DuckDBParameter("v", migration.Version));
                cmd.Parameters.Add(new DuckDBParameter("n", migration.Name));
                cmd.ExecuteNonQuery();
            }
            tx.Commit();
            count++;
        }
        return count;
    }

    public static HashSet<int> AppliedVersions(DuckDBConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT version FROM schema_version";
        using var reader = cmd.ExecuteReader();
        var set = new HashSet<int>();
        while (reader.Read()) set.Add(reader.GetInt32(0));
        return set;
    }

    private static IReadOnlyList<Migration> Discover(Assembly assembly) =>
        SqlResources.List(assembly, "migrations")
            .Select(name => (name, match: MigrationName().Match(name)))
            .Where(x => x.match.Success)
            .Select(x => new Migration(int.Parse(x.match.Groups[1].Value), x.match.Groups[2].Value, SqlResources.Read(assembly, x.name)))
            .OrderBy(m => m.Version)
            .ToList();

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    [GeneratedRegex(@"^migrations/V(\d+)__([A-Za-z0-9_]+)\.sql$")]
    private static partial Regex MigrationName();
}

public sealed record Migration(int Version, string Name, string Sql);
