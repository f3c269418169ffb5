using System.Security.Cryptography;
using DuckDB.NET.Data;
using Kepegawaian.Etl.Loading;
using Kepegawaian.Etl.Reading;
using Kepegawaian.Warehouse;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kepegawaian.Etl;

/// <summary>
/// Loads every file of an inbox once (spec §3, §3.8): one DuckDB transaction per file, idempotent by
/// content hash, files moved to <c>processed/</c> only after their commit (or to <c>failed/</c> with a
/// <c>.error.txt</c> when unreadable). Called by the CLI (<c>kepegawaian etl</c>), the Quartz job and the bench.
/// </summary>
public sealed class EtlRunner(WarehouseDatabase database, TimeProvider? time = null, ILogger<EtlRunner>? logger = null)
{
    private readonly TimeProvider time = time ?? TimeProvider.System;
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
        // Facts have no meaningful physical order; letting DuckDB insert in parallel saves time.
        connection.Execute("SET preserve_insertion_order = false");
        EtlSql.Run(connection, "staging/tables.sql");
        // Only one process can hold the file read-write, so a run still 'running' now was killed.
        connection.Execute("UPDATE etl_run SET status = 'aborted', message = 'proses berhenti sebelum selesai' WHERE status = 'running'");
        var runId = connection.Scalar<long>("SELECT nextval('seq_etl_run')");
        connection.Execute("INSERT INTO etl_run (run_id, started_at, status, inbox, machine) VALUES ($id, $at, 'running', $inbox, $machine)",
            ("id", runId), ("at", Now()), ("inbox", Path.GetFullPath(request.Inbox)), ("machine", Environment.MachineName));
        log.LogInformation("ETL run {RunId} started on {Inbox}", runId, request.Inbox);

        var results = new List<EtlFileSummary>();
        try
        {
            var (ready, busy) = SettleFilter.Split(InboxScanner.Scan(request.Inbox), request.SettleInterval, ct);
            foreach (var file in ready)
            {
                ct.ThrowIfCancellationRequested();
                request.Progress?.Report(new EtlProgress(file.Name, file.Entity, "start", 0));
                var result = ProcessFile(connection, request, runId, file, ct);
                log.LogInformation("{File}: {Status} read {Read} loaded {Loaded} unchanged {Unchanged} rejected {Rejected}",
                    result.File, result.Status, result.RowsRead, result.RowsLoaded, result.RowsUnchanged, result.RowsRejected);
                request.Progress?.Report(new EtlProgress(file.Name, file.Entity, result.Status, result.RowsRead));
                results.Add(result);
            }
            results.AddRange(busy.Select(Waiting));
        }
        catch (OperationCanceledException)
        {
            // The current file rolled back and stays in the inbox; the committed ones are kept.
            connection.Execute("UPDATE etl_run SET finished_at = $at, status = 'cancelled', message = $msg WHERE run_id = $id",
                ("at", Now()), ("msg", $"dibatalkan setelah {results.Count} berkas"), ("id", runId));
            throw;
        }

        var bad = results.Count(r => r.Status is EtlFileSummary.Failed or EtlFileSummary.Error);
        var good = results.Count(r => r.Status is EtlFileSummary.Loaded or EtlFileSummary.Duplicate);
        var status = bad == 0 ? EtlRunSummary.Succeeded : good > 0 ? EtlRunSummary.Partial : EtlRunSummary.FailedStatus;
        connection.Execute("UPDATE etl_run SET finished_at = $at, status = $status, message = $msg WHERE run_id = $id",
            ("at", Now()), ("status", status), ("msg", $"{results.Count} berkas, {bad} gagal"), ("id", runId));
        return new EtlRunSummary(runId, status, results);
    }

    private EtlFileSummary ProcessFile(DuckDBConnection connection, EtlRequest request, long runId, InboxFile file, CancellationToken ct)
    {
        var started = Now();
        var (hash, size) = Hash(file.Path);
        var fileId = connection.Scalar<long>("SELECT nextval('seq_etl_file')");

        if (file.Entity is null)
        {
            var message = $"Nama berkas '{file.Name}' tidak diawali nama entitas ({string.Join(", ", Warehouse.Domain.Codes.Entities)}); berkas dibiarkan di inbox.";
            log.LogWarning("{Message}", message);
            // Recorded once per name and content, so a stray file doesn't add an audit row every scan.
            if (connection.Scalar<long>("SELECT count(*) FROM etl_file WHERE content_hash = $h AND file_name = $n AND status = 'ignored'", ("h", hash), ("n", file.Name)) == 0)
                Record(connection, fileId, runId, file, hash, size, EtlFileSummary.Ignored, started, message, warning: true);
            return new EtlFileSummary(file.Name, null, EtlFileSummary.Ignored, 0, 0, 0, 0, message);
        }

        if (connection.Scalar<long>("SELECT count(*) FROM etl_file WHERE content_hash = $h AND status = 'loaded'", ("h", hash)) > 0)
        {
            // Same bytes already loaded (also: killed after commit but before the move): a no-op.
            const string message = "Isi berkas sudah pernah dimuat (hash SHA-256 sama); tidak ada yang dimuat ulang.";
            Record(connection, fileId, runId, file, hash, size, EtlFileSummary.Duplicate, started, message);
            InboxScanner.MoveTo(file.Path, InboxScanner.Processed, runId);
            return new EtlFileSummary(file.Name, file.Entity, EtlFileSummary.Duplicate, 0, 0, 0, 0, message);
        }

        var transaction = connection.BeginTransaction();
        try
        {
            if (file.Format is null)
                throw new UnreadableFileException($"Format berkas '{Path.GetExtension(file.Name)}' tidak didukung (csv, xlsx, jsonl).");
            var counts = new FileLoader(connection, request, runId, time).Load(file, fileId, started, hash, size, ct);
            request.FaultHook?.Invoke(EtlFaultPoint.BeforeCommit, file.Name);
            transaction.Commit();
            transaction.Dispose();
            request.FaultHook?.Invoke(EtlFaultPoint.AfterCommit, file.Name);
            InboxScanner.MoveTo(file.Path, InboxScanner.Processed, runId);
            var note = counts.Warnings.Count > 0 ? string.Join(" ", counts.Warnings) : null;
            return new EtlFileSummary(file.Name, file.Entity, EtlFileSummary.Loaded,
                counts.RowsRead, counts.RowsLoaded, counts.RowsUnchanged, counts.RowsRejected, note);
        }
        catch (Exception ex) when (ex is UnreadableFileException or FileRejectedException)
        {
            Rollback(transaction);
            var message = $"Berkas tidak dapat dimuat: {ex.Message}";
            log.LogError("{File}: {Message}", file.Name, message);
            Record(connection, fileId, runId, file, hash, size, EtlFileSummary.Failed, started, message);
            var moved = InboxScanner.MoveTo(file.Path, InboxScanner.Failed, runId);
            File.WriteAllText(moved + ".error.txt",
                $"{message}{Environment.NewLine}Perbaiki berkas lalu taruh kembali di inbox; run ETL {runId}, {started.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)} WIB.{Environment.NewLine}");
            return new EtlFileSummary(file.Name, file.Entity, EtlFileSummary.Failed, 0, 0, 0, 0, message);
        }
        catch (Exception ex) when (ex is not (SimulatedCrashException or OperationCanceledException))
        {
            // Not the file's fault (disk full, a bug): roll back, keep it in the inbox for the next run.
            Rollback(transaction);
            var message = $"Kesalahan tak terduga; berkas dibiarkan di inbox dan dicoba lagi pada run berikutnya: {ex.Message}";
            log.LogError(ex, "{File}: unexpected error", file.Name);
            Record(connection, fileId, runId, file, hash, size, EtlFileSummary.Error, started, message);
            return new EtlFileSummary(file.Name, file.Entity, EtlFileSummary.Error, 0, 0, 0, 0, message);
        }
        catch
        {
            Rollback(transaction);
            throw;
        }
    }

    private EtlFileSummary Waiting(InboxFile file)
    {
        var message = "Berkas masih berubah (sedang ditulis?); dibiarkan di inbox dan dimuat pada pemindaian berikutnya. / Still being written; left for the next scan.";
        log.LogInformation("{File}: still being written, left for the next scan", file.Name);
        return new EtlFileSummary(file.Name, file.Entity, EtlFileSummary.Waiting, 0, 0, 0, 0, message);
    }

    private static void Rollback(DuckDBTransaction transaction)
    {
        try { transaction.Rollback(); } catch (InvalidOperationException) { } catch (DuckDBException) { }
        transaction.Dispose();
    }

    private void Record(DuckDBConnection connection, long fileId, long runId, InboxFile file, string hash, long size,
        string status, DateTime started, string message, bool warning = false)
    {
        using var tx = connection.BeginTransaction();
        connection.Execute("""
            INSERT INTO etl_file (file_id, run_id, file_name, entity, format, content_hash, size_bytes, status, started_at, finished_at, message)
            VALUES ($id, $run, $name, $entity, $format, $hash, $size, $status, $started, $finished, $msg)
            """,
            ("id", fileId), ("run", runId), ("name", file.Name), ("entity", file.Entity), ("format", file.Format),
            ("hash", hash), ("size", size), ("status", status), ("started", started), ("finished", Now()), ("msg", message));
        if (warning)
            connection.Execute("INSERT INTO etl_warning VALUES ($id, $run, $name, $msg)", ("id", fileId), ("run", runId), ("name", file.Name), ("msg", message));
        tx.Commit();
    }

    private static (string Hash, long Size) Hash(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return (Convert.ToHexStringLower(SHA256.HashData(stream)), stream.Length);
    }

    private DateTime Now() => EtlClock.Wib(time.GetUtcNow().UtcDateTime);
}
