using System.Diagnostics;
using DuckDB.NET.Data;
using Microsoft.Extensions.Options;

namespace Kepegawaian.Warehouse;

/// <summary>
/// The read-only copy of the warehouse that `serve` publishes beside the file (<c>&lt;db&gt;.snapshot</c>) after
/// start-up and after every scan and refresh, so the read-only commands answer while `serve` holds the live
/// file (DuckDB lets one process hold a file read-write, and then no other may even read it).
/// Normally a byte copy of the file right after a CHECKPOINT (seconds for the 2 GB warehouse of a million
/// employees, where <c>COPY FROM DATABASE</c> took 75–82 s, issue 14); when three tries fail (a checkpoint of
/// another connection finished during the copy, the CHECKPOINT was refused, no file), DuckDB's own <c>COPY FROM DATABASE</c>
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
            try
            {
                var fallback = ByteCopy(connection, tmp);
                if (fallback is not null)
                {
                    DeleteWithWal(tmp);
                    CopyDatabase(connection, tmp);
                }
                // A WAL beside the old copy must never be replayed onto the new one.
                File.Delete(target + ".wal");
                File.Move(tmp, target, overwrite: true);
                return new SnapshotPublished(watch.Elapsed, fallback);
            }
            catch
            {
                DeleteWithWal(tmp);   // a partial copy (disk full) must not keep its gigabytes until the next publish
                throw;
            }
        }
    }

    private const int ByteCopyAttempts = 3;
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromMinutes(10);

    /// <summary>The size of DuckDB's file headers (main header and the two alternating database headers).</summary>
    private const int HeaderBytes = 3 * 4096;

    /// <summary>Up to three byte copies of the live file (a checkpoint of another connection may get in the way); null when one succeeded, else why not.</summary>
    private static string? ByteCopy(DuckDBConnection connection, string tmp)
    {
        var file = connection.Scalar<string>("SELECT path FROM duckdb_databases() WHERE database_name = current_database()");
        if (string.IsNullOrEmpty(file) || !File.Exists(file)) return "no database file";   // nothing to retry
        string? failed = null;
        for (var attempt = 1; attempt <= ByteCopyAttempts; attempt++)
        {
            if (attempt > 1) Thread.Sleep(RetryDelay);
            DeleteWithWal(tmp);
            failed = TryCopyCheckpointedFile(connection, file, tmp);
            if (failed is null) return null;
        }
        return failed;
    }

    /// <summary>
    /// After a CHECKPOINT the file alone holds every committed row (later commits go to the WAL, which the copy leaves
    /// out: it is the database as of the checkpoint). A checkpoint writes only blocks the current header does not use and
    /// the new header last, and the old header's blocks become free only once the new header is written; so the copy is a
    /// whole database unless a checkpoint finished while it was read — then the live file's headers no longer equal the
    /// copy's (compared by <c>cmp</c>, out of process too) or its size moved. Returns null on success, else why not.
    /// </summary>
    private static string? TryCopyCheckpointedFile(DuckDBConnection connection, string file, string tmp)
    {
        try
        {
            connection.Execute("CHECKPOINT");
        }
        catch (DuckDBException ex)
        {
            return $"CHECKPOINT refused: {ex.Message}";   // another transaction holds the checkpoint lock (an UPDATE, DDL)
        }
        var size = new FileInfo(file).Length;
        if (Run("cp", "--", file, tmp) is { } cpFailed) return cpFailed;
        if (new FileInfo(file).Length != size) return "the file changed size during the copy";
        return Run("cmp", "-s", "-n", HeaderBytes.ToString(System.Globalization.CultureInfo.InvariantCulture), "--", file, tmp) is null
            ? null
            : "a checkpoint finished during the copy";
    }

    /// <summary>
    /// Runs a tool on the live file out of process, never File.Copy or a FileStream: DuckDB holds the file with a POSIX
    /// (fcntl) lock, which closing any descriptor of the file in this process would drop, letting another process open the
    /// live warehouse read-write. Returns null on exit code 0, else what went wrong.
    /// </summary>
    private static string? Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { UseShellExecute = false, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        try
        {
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(ToolTimeout))
            {
                process.Kill();
                return $"{tool} did not finish within {ToolTimeout.TotalMinutes} min";
            }
            return process.ExitCode == 0 ? null : $"{tool} exited {process.ExitCode}: {error.Result.Trim()}";
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return $"{tool} not found: {ex.Message}";
        }
    }

    private static void CopyDatabase(DuckDBConnection connection, string tmp)
    {
        var source = connection.Scalar<string>("SELECT current_database()")!;
        connection.Execute($"DETACH DATABASE IF EXISTS {Alias}");   // left attached by a publish whose DETACH failed
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

/// <summary>How a snapshot was published: a byte copy of the checkpointed file, or DuckDB's COPY FROM DATABASE because of <see cref="Fallback"/>.</summary>
public readonly record struct SnapshotPublished(TimeSpan Took, string? Fallback)
{
    public bool ByteCopy => Fallback is null;
}
