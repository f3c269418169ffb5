using System.Diagnostics;
using DuckDB.NET.Data;
using Microsoft.Extensions.Options;

namespace Kepegawaian.Warehouse;

/// <summary>
/// The read-only copy of the warehouse that `serve` publishes beside the file (<c>&lt;db&gt;.snapshot</c>) after
/// start-up and after every scan and refresh, so the read-only commands answer while `serve` holds the live
/// file (DuckDB lets one process hold a file read-write, and then no other may even read it).
/// Normally a byte copy of the file right after a CHECKPOINT (seconds for the 2 GB warehouse of a million
/// employees, where <c>COPY FROM DATABASE</c> took 75–82 s, issue 14); when a checkpoint of another connection
/// rewrote the file during the copy, or there is no file to copy, DuckDB's own <c>COPY FROM DATABASE</c>
/// (one consistent transaction, safe while other connections of the same process write). Either goes to
/// <c>&lt;db&gt;.snapshot.tmp</c>, then is renamed over the old copy in one step: a reader opens either the
/// previous complete copy or the new one, never a half-written one.
/// </summary>
public static class WarehouseSnapshot
{
    private const string Alias = "kepegawaian_snapshot";

    // ATTACH is instance-wide: two publishes of one process must not share the alias at once.
    private static readonly Lock PublishLock = new();

    public static string PathFor(string databasePath) => System.IO.Path.GetFullPath(databasePath) + ".snapshot";

    /// <summary>Copies the warehouse behind <paramref name="connection"/> (a read-write connection to <paramref name="databasePath"/>) and swaps the copy in; says how long it took and how.</summary>
    public static SnapshotPublished Publish(DuckDBConnection connection, string databasePath)
    {
        var watch = Stopwatch.StartNew();
        var target = PathFor(databasePath);
        var tmp = target + ".tmp";
        lock (PublishLock)
        {
            DeleteWithWal(tmp);
            var byteCopy = TryCopyCheckpointedFile(connection, tmp);
            if (!byteCopy)
            {
                DeleteWithWal(tmp);
                CopyDatabase(connection, tmp);
            }
            // A WAL beside the old copy must never be replayed onto the new one.
            File.Delete(target + ".wal");
            File.Move(tmp, target, overwrite: true);
            return new SnapshotPublished(watch.Elapsed, byteCopy);
        }
    }

    /// <summary>
    /// After a CHECKPOINT the file alone holds every committed row (later commits go to the WAL, which the copy
    /// leaves out: it is the database as of the checkpoint). A checkpoint writes the file only at its end and in
    /// blocks the previous one does not use, so the byte copy is a whole database unless some write touched the
    /// file while it was read — then its size or write time moved, and the caller falls back.
    /// </summary>
    private static bool TryCopyCheckpointedFile(DuckDBConnection connection, string tmp)
    {
        var file = connection.Scalar<string>("SELECT path FROM duckdb_databases() WHERE database_name = current_database()");
        if (string.IsNullOrEmpty(file) || !File.Exists(file)) return false;
        try
        {
            connection.Execute("CHECKPOINT");
        }
        catch (DuckDBException)
        {
            return false;   // refused (DuckDB 1.5 checkpoints beside open transactions, older versions did not)
        }
        var before = Stamp(file);
        return CopyOutOfProcess(file, tmp) && Stamp(file) == before;
    }

    /// <summary>
    /// With <c>cp</c>, not File.Copy: DuckDB holds the file with a POSIX (fcntl) lock, which closing any descriptor of the
    /// file in this process would drop, letting another process open the live warehouse read-write.
    /// </summary>
    private static bool CopyOutOfProcess(string from, string to)
    {
        var start = new ProcessStartInfo("cp") { UseShellExecute = false, RedirectStandardError = true };
        foreach (var argument in new[] { "--", from, to }) start.ArgumentList.Add(argument);
        try
        {
            using var cp = Process.Start(start)!;
            cp.StandardError.ReadToEnd();
            cp.WaitForExit();
            return cp.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;   // no cp on this machine
        }
    }

    private static (long Length, DateTime WrittenUtc) Stamp(string file)
    {
        var info = new FileInfo(file);
        return (info.Length, info.LastWriteTimeUtc);
    }

    private static void CopyDatabase(DuckDBConnection connection, string tmp)
    {
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

/// <summary>How a snapshot was published: a byte copy of the checkpointed file, or (false) DuckDB's COPY FROM DATABASE.</summary>
public readonly record struct SnapshotPublished(TimeSpan Took, bool ByteCopy);
