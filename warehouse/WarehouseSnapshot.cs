using DuckDB.NET.Data;
using Microsoft.Extensions.Options;

namespace Kepegawaian.Warehouse;

/// <summary>
/// The read-only copy of the warehouse that `serve` publishes beside the file (<c>&lt;db&gt;.snapshot</c>) after
/// start-up and after every scan and refresh, so the read-only commands answer while `serve` holds the live
/// file (DuckDB lets one process hold a file read-write, and then no other may even read it).
/// Published with DuckDB's own <c>COPY FROM DATABASE</c> (one consistent transaction, safe while other
/// connections of the same process write) into <c>&lt;db&gt;.snapshot.tmp</c>, then renamed over the old
/// copy in one step: a reader opens either the previous complete copy or the new one, never a half-written one.
/// </summary>
public static class WarehouseSnapshot
{
    private const string Alias = "kepegawaian_snapshot";

    // ATTACH is instance-wide: two publishes of one process must not share the alias at once.
    private static readonly Lock PublishLock = new();

    public static string PathFor(string databasePath) => System.IO.Path.GetFullPath(databasePath) + ".snapshot";

    /// <summary>Copies the warehouse behind <paramref name="connection"/> (a read-write connection to <paramref name="databasePath"/>) and swaps the copy in; returns how long it took.</summary>
    public static TimeSpan Publish(DuckDBConnection connection, string databasePath)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var target = PathFor(databasePath);
        var tmp = target + ".tmp";
        lock (PublishLock)
        {
            DeleteWithWal(tmp);
            var source = connection.Scalar<string>("SELECT current_database()")!;
            connection.Execute($"ATTACH '{tmp.Replace("'", "''", StringComparison.Ordinal)}' AS {Alias}");
            try
            {
                connection.Execute(SqlResources.Read(typeof(WarehouseSnapshot).Assembly, "marts/snapshot_copy.sql")
                    .Replace("{source}", Quote(source), StringComparison.Ordinal)
                    .Replace("{target}", Alias, StringComparison.Ordinal));
                connection.Execute($"CHECKPOINT {Alias}");
            }
            finally
            {
                connection.Execute($"DETACH {Alias}");
            }
            // A WAL beside the old copy must never be replayed onto the new one.
            File.Delete(target + ".wal");
            File.Move(tmp, target, overwrite: true);
        }
        return watch.Elapsed;
    }

    /// <summary>The published copy of <paramref name="database"/>, opened read-only, when one exists; else null.</summary>
    public static WarehouseDatabase? Find(string databasePath) => File.Exists(PathFor(databasePath)) ? For(databasePath) : null;

    /// <summary>The published copy of <paramref name="databasePath"/> as a read-only database, whether or not it exists yet.</summary>
    public static WarehouseDatabase For(string databasePath) =>
        new(Options.Create(new WarehouseOptions { Path = PathFor(databasePath), ReadOnly = true }));

    /// <summary>When the copy at <paramref name="snapshotPath"/> was taken (UTC).</summary>
    public static DateTime TakenAtUtc(string snapshotPath) => File.GetLastWriteTimeUtc(snapshotPath);

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static void DeleteWithWal(string path)
    {
        File.Delete(path);
        File.Delete(path + ".wal");
    }
}
