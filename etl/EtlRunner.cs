using System.Globalization;
using System.Security.Cryptography;
using DuckDB.NET.Data;
using Kepegawaian.Etl.Loading;
using Kepegawaian.Etl.Reading;
using Kepegawaian.Etl.Reading.Profiles;
using Kepegawaian.Warehouse;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Kepegawaian.Etl;

/// <summary>
/// Loads every file of an inbox once (spec §3, §3.8): one DuckDB transaction per file, idempotent by
/// content hash, files moved to <c>processed/</c> only after their commit (or to <c>failed/</c> with a
/// <c>.error.txt</c> when unreadable). One bad entry never stops a run (issue 10 item 1): entries that
/// are not regular files are skipped unopened, every step of a file is recorded for that file, and the
/// run always ends with a final status. Called by the CLI (<c>kepegawaian etl</c>), the Quartz job and the bench.
/// </summary>
public sealed class EtlRunner(WarehouseDatabase database, TimeProvider? time = null, ILogger<EtlRunner>? logger = null,
    IOptions<ScheduleOptions>? schedule = null, SourceProfiles? profiles = null)
{
    // Source profiles (issue 13): the shipped ones unless the host loaded Etl:ProfileDir as well.
    private readonly SourceProfiles profiles = profiles ?? SourceProfiles.Shipped;
    private readonly TimeProvider time = time ?? TimeProvider.System;
    // Schedule:TimeZone: run and file times are recorded, and offset-less timestamps read, in this zone.
    private readonly TimeZoneInfo zone = LocalZone.Of(schedule?.Value);
    private readonly ILogger log = (ILogger?)logger ?? NullLogger.Instance;

    public ValueTask<EtlRunSummary> RunAsync(EtlRequest request, CancellationToken ct = default)
    {
        // DuckDB calls are synchronous; run off the caller's thread so a UI or host stays responsive.
        return new ValueTask<EtlRunSummary>(Task.Run(() => Run(request, ct), ct));
    }

    private EtlRunSummary Run(EtlRequest request, CancellationToken ct)
    {
        if (!Directory.Exists(request.Inbox))
            throw new DirectoryNotFoundException($"Folder inbox '{Path.GetFullPath(request.Inbox)}' tidak ada.");
        using var connection = database.OpenAndMigrate();
        using var memory = database.LimitForLoad(connection);
        if (memory.Applied is { } limit) log.LogInformation("ETL run: DuckDB memory_limit {Limit} while loading (Warehouse:LoadMemoryLimit)", limit);
        if (memory.Refused is { } refused) log.LogWarning("ETL run: Warehouse:LoadMemoryLimit not applied, loading under DuckDB's default: {Reason}", refused);
        // Facts have no meaningful physical order; letting DuckDB insert in parallel saves time.
        connection.Execute("SET preserve_insertion_order = false");
        EtlSql.CreateStagingTables(connection);
        // Only one process can hold the file read-write, so a run still 'running' now belongs to a dead process.
        connection.Execute("UPDATE etl_run SET status = 'abandoned', message = 'proses berhenti sebelum run selesai (dihentikan paksa atau mati); ditutup oleh run berikutnya' WHERE status = 'running'");
        var runId = connection.Scalar<long>("SELECT nextval('seq_etl_run')");
        connection.Execute("INSERT INTO etl_run (run_id, started_at, status, inbox, machine) VALUES ($id, $at, 'running', $inbox, $machine)",
            ("id", runId), ("at", Now()), ("inbox", Path.GetFullPath(request.Inbox)), ("machine", Environment.MachineName));
        log.LogInformation("ETL run {RunId} started on {Inbox}", runId, request.Inbox);

        var results = new List<EtlFileSummary>();
        string? status = null; // null: the process "died" (a simulated kill leaves the run as a real kill would)
        var message = "";
        try
        {
            var scan = InboxScanner.Scan(request.Inbox, profiles);
            foreach (var entry in scan.Skipped)
                results.Add(Skip(connection, runId, entry));
            var (ready, busy) = SettleFilter.Split(scan.Files, request.SettleInterval, ct);
            foreach (var file in ready)
            {
                ct.ThrowIfCancellationRequested();
                request.Progress?.Report(new EtlProgress(file.Name, file.Entity, "start", 0));
                var also = new List<EtlFileSummary>();
                var result = ProcessFile(connection, request, runId, file, also, ct);
                foreach (var r in also.Append(result))
                    log.LogInformation("{File}: {Status} read {Read} loaded {Loaded} unchanged {Unchanged} rejected {Rejected}",
                        r.File, r.Status, r.RowsRead, r.RowsLoaded, r.RowsUnchanged, r.RowsRejected);
                results.AddRange(also);
                results.Add(result);
                request.Progress?.Report(new EtlProgress(file.Name, file.Entity, result.Status, result.RowsRead));
            }
            results.AddRange(busy.Select(Waiting));

            var bad = results.Count(r => r.NeedsOperator);
            var good = results.Count(r => r.Status is EtlFileSummary.Loaded or EtlFileSummary.Duplicate or EtlFileSummary.Moved or EtlFileSummary.NotMoved);
            status = bad == 0 ? EtlRunSummary.Succeeded : good > 0 ? EtlRunSummary.Partial : EtlRunSummary.FailedStatus;
            message = $"{results.Count} berkas, {bad} gagal";
            return new EtlRunSummary(runId, status, results);
        }
        catch (OperationCanceledException)
        {
            // The current file rolled back and stays in the inbox; the committed ones are kept.
            (status, message) = ("cancelled", $"dibatalkan setelah {results.Count} berkas");
            throw;
        }
        catch (SimulatedCrashException)
        {
            status = null;
            throw;
        }
        catch (Exception ex)
        {
            (status, message) = (EtlRunSummary.FailedStatus, $"run berhenti setelah {results.Count} berkas: {ex.Message}");
            log.LogError(ex, "ETL run {RunId} stopped", runId);
            throw;
        }
        finally
        {
            if (status is not null) Finish(connection, runId, status, message);
        }
    }

    private void Finish(DuckDBConnection connection, long runId, string status, string message)
    {
        try
        {
            connection.Execute("UPDATE etl_run SET finished_at = $at, status = $status, message = $msg WHERE run_id = $id",
                ("at", Now()), ("status", status), ("msg", message), ("id", runId));
        }
        catch (DuckDBException ex)
        {
            // The warehouse itself is broken; the next run closes this one as abandoned.
            log.LogError(ex, "ETL run {RunId}: final status {Status} not recorded", runId, status);
        }
    }

    /// <summary>What is known about one file's attempt, so a failure at any step is recorded once, for that file.</summary>
    private sealed class Attempt(long fileId, DateTime started)
    {
        public long FileId { get; } = fileId;
        public DateTime Started { get; } = started;
        public string Hash { get; set; } = "";
        public long Size { get; set; }
        public bool Recorded { get; set; }
    }

    /// <param name="also">Receives the summaries of the entities the file's profile also feeds (<c>also</c>), when it loads.</param>
    private EtlFileSummary ProcessFile(DuckDBConnection connection, EtlRequest request, long runId, InboxFile file, List<EtlFileSummary> also, CancellationToken ct)
    {
        var attempt = new Attempt(connection.Scalar<long>("SELECT nextval('seq_etl_file')"), Now());
        try
        {
            return Load(connection, request, runId, file, attempt, also, ct);
        }
        catch (Exception ex) when (ex is not (SimulatedCrashException or OperationCanceledException))
        {
            // Not the file's content (stat, hash, open, disk full, a bug): it stays in the inbox for the next run.
            var message = $"Kesalahan tak terduga; berkas dibiarkan di inbox dan dicoba lagi pada run berikutnya: {ex.Message}";
            log.LogError(ex, "{File}: unexpected error", file.Name);
            if (!attempt.Recorded)
                Record(connection, attempt, runId, file, EtlFileSummary.Error, message);
            return new EtlFileSummary(file.Name, file.Entity, EtlFileSummary.Error, 0, 0, 0, 0, message);
        }
    }

    private EtlFileSummary Load(DuckDBConnection connection, EtlRequest request, long runId, InboxFile file, Attempt attempt, List<EtlFileSummary> also, CancellationToken ct)
    {
        (attempt.Hash, attempt.Size) = Hash(file.Path);

        if (file.Entity is null)
        {
            var message = $"Nama berkas '{file.Name}' tidak diawali nama entitas ({string.Join(", ", Warehouse.Domain.Codes.Entities)}); berkas dibiarkan di inbox.";
            log.LogWarning("{Message}", message);
            // Recorded once per name and content, so a stray file doesn't add an audit row every scan.
            if (connection.Scalar<long>("SELECT count(*) FROM etl_file WHERE content_hash = $h AND file_name = $n AND status = 'ignored'", ("h", attempt.Hash), ("n", file.Name)) == 0)
                Record(connection, attempt, runId, file, EtlFileSummary.Ignored, message, warning: true);
            return new EtlFileSummary(file.Name, file.Entity, EtlFileSummary.Ignored, 0, 0, 0, 0, message);
        }

        // Loaded (or recorded as a duplicate) earlier, but the move to processed/ failed: only the move is retried.
        var unmoved = connection.Scalar<long?>(
            "SELECT max(f.file_id) FROM etl_file f JOIN etl_file_move m USING (file_id) WHERE f.content_hash = $h AND f.status IN ('loaded', 'duplicate')", ("h", attempt.Hash));
        if (unmoved is { } earlier)
            return RetryMove(connection, runId, file, earlier);

        if (connection.Scalar<long>("SELECT count(*) FROM etl_file WHERE content_hash = $h AND status = 'loaded'", ("h", attempt.Hash)) > 0)
        {
            // Same bytes already loaded (also: killed after commit but before the move): a no-op.
            const string message = "Isi berkas sudah pernah dimuat (hash SHA-256 sama); tidak ada yang dimuat ulang.";
            Record(connection, attempt, runId, file, EtlFileSummary.Duplicate, message);
            var duplicate = new EtlFileSummary(file.Name, file.Entity, EtlFileSummary.Duplicate, 0, 0, 0, 0, message);
            return MoveCommitted(connection, runId, file, attempt.FileId, duplicate);
        }

        FileCounts counts;
        var companions = new List<EtlFileSummary>();
        DuckDBTransaction? transaction = null;
        InboxFile[] parts = [];
        try
        {
            if (file.Format is null)
                throw new UnreadableFileException($"Format berkas '{Path.GetExtension(file.Name)}' tidak didukung (csv, xlsx, jsonl).");
            if (file.ProfileConflict is { } conflict) throw new UnreadableFileException(conflict);
            var loader = new FileLoader(connection, request, runId, time, zone);
            // The same file read for another entity first (a profile's 'also', e.g. SIASN UNOR columns → unit_kerja), in this
            // transaction: the file's rows may reference its rows, and a fault in either leaves the warehouse as it was.
            // Each entity gets its own etl_file row (same name and hash), so its counts reconcile on their own.
            parts = [.. (file.Profile?.Companions ?? []).Select(c => file with { Entity = c.Entity, Profile = c }), file];
            // The first part is staged before the transaction opens (staging is TEMP, and scans twice as fast committed,
            // FileLoader.Stage); a later part shares the scratch tables, so it is staged after the one before it merged.
            var staged = loader.Stage(parts[0], ct);
            transaction = connection.BeginTransaction();
            for (var i = 0; i < parts.Length - 1; i++)
            {
                var id = connection.Scalar<long>("SELECT nextval('seq_etl_file')");
                var c = loader.Merge(staged, id, attempt.Started, attempt.Hash, attempt.Size);
                companions.Add(new EtlFileSummary(file.Name, parts[i].Entity, EtlFileSummary.Loaded, c.RowsRead, c.RowsLoaded, c.RowsUnchanged,
                    c.RowsRejected, c.Warnings.Count > 0 ? string.Join(" ", c.Warnings) : null));
                staged = loader.Stage(parts[i + 1], ct);
            }
            counts = loader.Merge(staged, attempt.FileId, attempt.Started, attempt.Hash, attempt.Size);
            request.FaultHook?.Invoke(EtlFaultPoint.BeforeCommit, file.Name);
            transaction.Commit();
            attempt.Recorded = true; // FileLoader wrote the 'loaded' row inside the transaction
        }
        catch (Exception ex) when (ex is UnreadableFileException or FileRejectedException)
        {
            Rollback(transaction);
            ReleaseStaging(connection, parts);
            return Reject(connection, runId, file, attempt, $"Berkas tidak dapat dimuat: {ex.Message}");
        }
        catch
        {
            Rollback(transaction);
            ReleaseStaging(connection, parts);
            throw;
        }
        transaction.Dispose();
        also.AddRange(companions);
        var summary = new EtlFileSummary(file.Name, file.Entity, EtlFileSummary.Loaded, counts.RowsRead, counts.RowsLoaded,
            counts.RowsUnchanged, counts.RowsRejected, counts.Warnings.Count > 0 ? string.Join(" ", counts.Warnings) : null);
        return MoveCommitted(connection, runId, file, attempt.FileId, summary, request);
    }

    /// <summary>
    /// After the commit the data is in: a failed move is "loaded, not moved" (never rolled back, never
    /// recorded twice); the next scan finds the same hash and retries only the move.
    /// </summary>
    private EtlFileSummary MoveCommitted(DuckDBConnection connection, long runId, InboxFile file, long fileId, EtlFileSummary done, EtlRequest? request = null)
    {
        try
        {
            request?.FaultHook?.Invoke(EtlFaultPoint.AfterCommit, file.Name);
            InboxScanner.MoveTo(file.Path, InboxScanner.Processed, runId);
            return done;
        }
        catch (Exception ex) when (ex is not (SimulatedCrashException or OperationCanceledException))
        {
            return NotMoved(connection, file, fileId, done, ex);
        }
    }

    private EtlFileSummary RetryMove(DuckDBConnection connection, long runId, InboxFile file, long fileId)
    {
        var loadedIn = connection.Scalar<long>("SELECT run_id FROM etl_file WHERE file_id = $id", ("id", fileId));
        var done = new EtlFileSummary(file.Name, file.Entity, EtlFileSummary.Moved, 0, 0, 0, 0,
            $"Sudah dimuat pada run {loadedIn}; kini dipindahkan ke processed/ (tidak dimuat ulang).");
        try
        {
            InboxScanner.MoveTo(file.Path, InboxScanner.Processed, runId);
            connection.Execute("DELETE FROM etl_file_move WHERE file_id = $id", ("id", fileId));
            log.LogInformation("{File}: moved to processed/ (loaded in run {Run})", file.Name, loadedIn);
            return done;
        }
        catch (Exception ex) when (ex is not (SimulatedCrashException or OperationCanceledException))
        {
            return NotMoved(connection, file, fileId, done, ex);
        }
    }

    private EtlFileSummary NotMoved(DuckDBConnection connection, InboxFile file, long fileId, EtlFileSummary done, Exception ex)
    {
        log.LogError(ex, "{File}: loaded but not moved to processed/", file.Name);
        using (var tx = connection.BeginTransaction())
        {
            var attempts = connection.Scalar<int?>("SELECT max(move_attempts) FROM etl_file_move WHERE file_id = $id", ("id", fileId)) ?? 0;
            connection.Execute("DELETE FROM etl_file_move WHERE file_id = $id", ("id", fileId));
            connection.Execute("INSERT INTO etl_file_move VALUES ($id, $e, $n, $at)", ("id", fileId), ("e", ex.Message), ("n", attempts + 1), ("at", Now()));
            tx.Commit();
        }
        var message = $"Dimuat, tetapi belum dipindahkan ke processed/ ({ex.Message}); pemindahan dicoba lagi pada pemindaian berikutnya tanpa dimuat ulang. / Loaded, not moved.";
        return done with { Status = EtlFileSummary.NotMoved, Message = message };
    }

    /// <summary>The file itself is bad: recorded as failed, moved to failed/ with an error file; each step may fail on its own.</summary>
    private EtlFileSummary Reject(DuckDBConnection connection, long runId, InboxFile file, Attempt attempt, string message)
    {
        log.LogError("{File}: {Message}", file.Name, message);
        Record(connection, attempt, runId, file, EtlFileSummary.Failed, message);
        try
        {
            var moved = InboxScanner.MoveTo(file.Path, InboxScanner.Failed, runId);
            var errorFile = Path.Combine(Path.GetDirectoryName(moved)!, InboxScanner.FitName(Path.GetFileName(moved), ".error.txt"));
            File.WriteAllText(errorFile,
                $"{message}{Environment.NewLine}Berkas: {Path.GetFileName(moved)}{Environment.NewLine}Perbaiki berkas lalu taruh kembali di inbox; run ETL {runId}, {attempt.Started.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} {LocalZone.Label(zone)}.{Environment.NewLine}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            log.LogError(ex, "{File}: could not be moved to failed/ or its error file not written", file.Name);
            message += $" (Berkas tidak dapat dipindahkan ke failed/ atau berkas galat tidak dapat ditulis: {ex.Message})";
            connection.Execute("UPDATE etl_file SET message = $m WHERE file_id = $id", ("m", message), ("id", attempt.FileId));
        }
        return new EtlFileSummary(file.Name, file.Entity, EtlFileSummary.Failed, 0, 0, 0, 0, message);
    }

    private EtlFileSummary Skip(DuckDBConnection connection, long runId, SkippedEntry entry)
    {
        log.LogWarning("{Message}", entry.Reason);
        // One warning per name and reason, not one per scan.
        if (connection.Scalar<long>("SELECT count(*) FROM etl_file WHERE file_name = $n AND status = 'skipped' AND message = $m",
                ("n", entry.File.Name), ("m", entry.Reason)) == 0)
        {
            var attempt = new Attempt(connection.Scalar<long>("SELECT nextval('seq_etl_file')"), Now());
            Record(connection, attempt, runId, entry.File, EtlFileSummary.Skipped, entry.Reason, warning: true);
        }
        return new EtlFileSummary(entry.File.Name, entry.File.Entity, EtlFileSummary.Skipped, 0, 0, 0, 0, entry.Reason);
    }

    private EtlFileSummary Waiting(InboxFile file)
    {
        var message = "Berkas masih berubah (sedang ditulis?); dibiarkan di inbox dan dimuat pada pemindaian berikutnya. / Still being written; left for the next scan.";
        log.LogInformation("{File}: still being written, left for the next scan", file.Name);
        return new EtlFileSummary(file.Name, file.Entity, EtlFileSummary.Waiting, 0, 0, 0, 0, message);
    }

    /// <summary>
    /// Staged rows are committed to the TEMP tables before the file's transaction, so a rollback does not free them: a
    /// failed file's are dropped here rather than held in memory until the next file of the entity (best effort; the next
    /// Stage resets them anyway).
    /// </summary>
    private static void ReleaseStaging(DuckDBConnection connection, IEnumerable<InboxFile> parts)
    {
        foreach (var entity in parts.Select(p => p.Entity).OfType<string>().Distinct())
            try { EtlSql.ResetStaging(connection, Validation.EntitySchemas.For(entity)); }
            catch (Exception ex) when (ex is DuckDBException or InvalidOperationException) { }
    }

    private static void Rollback(DuckDBTransaction? transaction)
    {
        if (transaction is null) return;
        try { transaction.Rollback(); } catch (InvalidOperationException) { } catch (DuckDBException) { }
        transaction.Dispose();
    }

    private void Record(DuckDBConnection connection, Attempt attempt, long runId, InboxFile file, string status, string message, bool warning = false)
    {
        using var tx = connection.BeginTransaction();
        connection.Execute("""
            INSERT INTO etl_file (file_id, run_id, file_name, entity, format, content_hash, size_bytes, status, started_at, finished_at, message)
            VALUES ($id, $run, $name, $entity, $format, $hash, $size, $status, $started, $finished, $msg)
            """,
            ("id", attempt.FileId), ("run", runId), ("name", file.Name), ("entity", file.Entity), ("format", file.Format),
            ("hash", attempt.Hash), ("size", attempt.Size), ("status", status), ("started", attempt.Started), ("finished", Now()), ("msg", message));
        if (warning)
            connection.Execute("INSERT INTO etl_warning VALUES ($id, $run, $name, $msg)", ("id", attempt.FileId), ("run", runId), ("name", file.Name), ("msg", message));
        tx.Commit();
        attempt.Recorded = true;
    }

    private static (string Hash, long Size) Hash(string path)
    {
        using var stream = InboxFileSystem.OpenRead(path);
        return (Convert.ToHexStringLower(SHA256.HashData(stream)), stream.Length);
    }

    private DateTime Now() => LocalZone.WallClock(time.GetUtcNow(), zone);
}
