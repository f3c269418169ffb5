using System.Diagnostics;
using DuckDB.NET.Data;
using Kepegawaian.Etl.Reading;
using Kepegawaian.Etl.Reading.Profiles;
using Kepegawaian.Etl.Validation;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Etl.Loading;

internal sealed record FileCounts(long RowsRead, long RowsLoaded, long RowsUnchanged, long RowsRejected, IReadOnlyList<string> Warnings);

/// <summary>One file's rows in its staging table (and the validator's rejects in <c>stg_reject</c>), not yet checked or merged.</summary>
/// <param name="NowLocal">The wall clock the rows were validated against; also the load's time in the ledger (<c>ctx</c>).</param>
internal sealed record StagedFile(InboxFile File, EntitySchema Schema, long RowsRead, IReadOnlyList<string> Warnings, DateTime NowLocal);

/// <summary>
/// Loads ONE file in two steps. <see cref="Stage"/>: read → validate (C#, per row, on its own thread) → stage (Appender, on
/// the connection's thread; <see cref="StagePipeline"/>) into TEMP tables, which never reach the warehouse file.
/// <see cref="Merge"/>, inside the caller's transaction: set-based checks (SQL) → merge (SQL) → rejects ledger → etl_file
/// audit row.
/// </summary>
internal sealed class FileLoader(DuckDBConnection connection, EtlRequest request, long runId, TimeProvider time, TimeZoneInfo zone)
{
    private const int ProgressEvery = 100_000;

    /// <summary>
    /// Stages a file, inside or outside a transaction. Outside is faster: DuckDB scans rows appended inside an open
    /// transaction (its local storage) at about half the speed of committed ones, and the checks and merge read the staged
    /// rows several times (4.7 M kinerja rows at 1 M employees: the insert into the fact 9.8 → 5.3 s, bench/README.md).
    /// </summary>
    public StagedFile Stage(InboxFile file, CancellationToken ct)
    {
        var schema = EntitySchemas.For(file.Entity!);
        // Scratch left by a file whose transaction rolled back after it was staged outside of it.
        EtlSql.ResetStaging(connection, schema);
        var nowLocal = LocalZone.WallClock(time.GetUtcNow(), zone);
        long read;
        var warnings = new List<string>();
        using (var source = Open(file))
        {
            var validator = new RowValidator(schema, new RowContext(DateOnly.FromDateTime(nowLocal), zone, request.PredikatPolicy), source.Header, sparseHeader: file.Format is "jsonl" or "json");
            if (validator.MatchedColumns == 0)
                throw new FileRejectedException(
                    $"Baris judul (header) tidak ada: baris pertama ('{string.Join(",", source.Header).Truncate(120)}') tidak memuat satu pun kolom {schema.Entity} ({string.Join(", ", validator.MissingColumns)}); tidak ada baris yang dimuat.");
            if (validator.DuplicateColumns.Count > 0)
                throw new FileRejectedException(
                    $"Kolom ganda di baris judul: {string.Join(", ", validator.DuplicateColumns)} muncul lebih dari sekali; hapus salah satunya. Tidak ada baris yang dimuat.");
            if (validator.MissingColumns.Count > 0)
                throw new FileRejectedException(
                    $"Kolom wajib tidak ada: {string.Join(", ", validator.MissingColumns.Select(c => file.Profile?.SourceOf(c) ?? c))}. Berkas {schema.Entity} harus memuat kolom itu di baris judul; tidak ada baris yang dimuat.");
            read = Stage(source, schema, validator, file, ct);
            if (UnknownColumnsWarning(schema.Entity, validator.UnknownColumns) is { } warning) warnings.Add(warning);
            // Names only, never values: these columns were not read at all.
            // A companion (also) reads a few columns of its parent's file; the parent names the file's unread columns.
            if (source is ProfiledRecordSource { Unmapped.Count: > 0 } profiled && !file.Profile!.IsCompanion
                && UnknownColumnsWarning($"profil {file.Profile!.Name} ({schema.Entity})", profiled.Unmapped) is { } unmapped)
                warnings.Add(unmapped);
            if (source is ProfiledRecordSource { Skipped: > 0 } skipping)
                warnings.Add(string.Create(System.Globalization.CultureInfo.GetCultureInfo("id-ID"),
                    $"{skipping.Skipped:N0} baris dilewati menurut aturan skip profil {file.Profile!.Name} (bukan peristiwa {schema.Entity}); tidak dihitung sebagai dibaca."));
        }
        request.FaultHook?.Invoke(EtlFaultPoint.AfterStaging, file.Name);
        ct.ThrowIfCancellationRequested();
        return new StagedFile(file, schema, read, warnings, nowLocal);
    }

    /// <summary>Checks and merges a staged file and writes its ledger and audit row, inside the caller's transaction.</summary>
    public FileCounts Merge(StagedFile staged, long fileId, DateTime startedLocal, string contentHash, long sizeBytes)
    {
        var (file, schema, read) = (staged.File, staged.Schema, staged.RowsRead);
        var warnings = staged.Warnings.ToList();
        connection.Execute("INSERT INTO ctx VALUES ($run, $file, $name, $entity, $now, $keep)",
            ("run", runId), ("file", fileId), ("name", file.Name), ("entity", schema.Entity),
            ("now", staged.NowLocal), ("keep", file.Profile?.KeepKnown ?? false));

        EtlSql.RunStagingChecks(connection, schema);
        RecoverRawText(file);
        request.Progress?.Report(new EtlProgress(file.Name, file.Entity, "checked", read));
        // Mutasi also open employee versions (SCD2), so facts join to the unit/golongan/jabatan of their date.
        foreach (var (model, modelSchema) in EntitySql.MergeModels(schema)) EtlSql.Run(connection, model, modelSchema);
        request.Progress?.Report(new EtlProgress(file.Name, file.Entity, "merged", read));

        long loaded, unchanged;
        using (var cmd = connection.Command(EtlSql.Get("core/counts.sql", schema)))
        using (var reader = cmd.ExecuteReader())
        {
            reader.Read();
            loaded = reader.GetInt64(0);
            unchanged = reader.GetInt64(1);
        }
        if (file.Profile is { } profile) NameSourceColumns(profile);
        EtlSql.Run(connection, "core/rejects.sql");
        var rejected = connection.Scalar<long>("SELECT count(*) FROM stg_reject");
        var warned = connection.Scalar<long>("SELECT count(*) FROM stg_warning");

        // Nothing is lost (spec §3.8): every row read is loaded, unchanged or rejected — exactly once.
        if (read != loaded + unchanged + rejected)
            throw new InvalidOperationException(
                $"Rekonsiliasi gagal untuk {file.Name}: dibaca {read} ≠ dimuat {loaded} + tidak berubah {unchanged} + ditolak {rejected}.");

        connection.Execute("""
            INSERT INTO etl_file (file_id, run_id, file_name, entity, format, content_hash, size_bytes, status,
                                  rows_read, rows_loaded, rows_unchanged, rows_rejected, started_at, finished_at, message)
            VALUES ($id, $run, $name, $entity, $format, $hash, $size, 'loaded', $read, $loaded, $unchanged, $rejected, $started, $finished, NULL)
            """,
            ("id", fileId), ("run", runId), ("name", file.Name), ("entity", schema.Entity), ("format", file.Format),
            ("hash", contentHash), ("size", sizeBytes), ("read", read), ("loaded", loaded), ("unchanged", unchanged),
            ("rejected", rejected), ("started", startedLocal), ("finished", LocalZone.WallClock(time.GetUtcNow(), zone)));
        // Row findings are listed per row in etl_row_warning (`kepegawaian rejects --warnings`); the file gets one line.
        if (warned > 0)
            warnings.Add(string.Create(System.Globalization.CultureInfo.GetCultureInfo("id-ID"),
                $"{warned:N0} baris dimuat dengan peringatan (mis. predikat tidak sesuai matriks PermenPANRB 6/2022); lihat `kepegawaian rejects --warnings`."));
        foreach (var w in warnings)
            connection.Execute("INSERT INTO etl_warning VALUES ($id, $run, $name, $msg)", ("id", fileId), ("run", runId), ("name", file.Name), ("msg", w));
        EtlSql.ResetStaging(connection, schema);
        return new FileCounts(read, loaded, unchanged, rejected, warnings);
    }

    private long Stage(IRecordSource source, EntitySchema schema, RowValidator validator, InboxFile file, CancellationToken ct)
    {
        // A profiled source checks the field count against the source file's own header itself.
        var strictFieldCount = file.Format == "csv" && file.Profile is null;
        using var staged = new StagingAppender(connection, schema);
        using var rejects = connection.CreateAppender("temp", "main", "stg_reject");
        long reported = 0;
        var read = new StagePipeline(source, validator, strictFieldCount).Run(batch =>
        {
            foreach (var (line, r, raw) in batch.Rejects)
                rejects.CreateRow()
                    .AppendValue(line)
                    .AppendValue(r.Column.Length == 0 ? null : r.Column)
                    .AppendValue(r.Code)
                    .AppendValue(r.Message)
                    .AppendValue(raw.Prefix)
                    .AppendValue(raw.Length)
                    .AppendValue(raw.Sha256)
                    .EndRow();
            staged.Append(batch);
            if (batch.ReadSoFar / ProgressEvery > reported / ProgressEvery)
                request.Progress?.Report(new EtlProgress(file.Name, file.Entity, "read", batch.ReadSoFar));
            reported = batch.ReadSoFar;
        }, ct);
        staged.Close();
        request.Progress?.Report(new EtlProgress(file.Name, file.Entity, "staged", read));
        return read;
    }

    /// <summary>
    /// Rows rejected by the set-based checks were staged without their raw text (keeping it for every
    /// row would cost an allocation per row): read the file once more for just those lines.
    /// </summary>
    private void RecoverRawText(InboxFile file)
    {
        var lines = new HashSet<long>();
        using (var cmd = connection.Command("SELECT line_number FROM stg_reject WHERE raw_text IS NULL"))
        using (var reader = cmd.ExecuteReader())
            while (reader.Read()) lines.Add(reader.GetInt64(0));
        if (lines.Count == 0) return;
        using var source = Open(file);
        using var raw = connection.CreateAppender("temp", "main", "stg_raw");
        while (lines.Count > 0 && source.Read())
            if (lines.Remove(source.LineNumber))
            {
                var text = source.Raw();
                raw.CreateRow().AppendValue(source.LineNumber).AppendValue(text.Prefix).AppendValue(text.Length).AppendValue(text.Sha256).EndRow();
            }
    }

    // The one working-day calendar with the configured extra days, for profiles that recount durations (workingDays).
    private readonly Lazy<WorkingCalendar> calendar = new(() => WorkingCalendar.Load(request.ExtraHolidays));

    private IRecordSource Open(InboxFile file) =>
        file.Profile is { } profile
            ? ProfiledRecordSource.Open(file.Path, file.Format!, profile, profile.Crosswalk.Count > 0 ? ProfileCrosswalks.Load(connection) : null, calendar.Value)
            : RecordSources.Open(file.Path, file.Format!);

    /// <summary>
    /// The checks name contract columns; the operator fixes the SOURCE file, so the ledger names the source
    /// column (or the profile key or file name that supplied the value).
    /// </summary>
    private void NameSourceColumns(SourceProfile profile)
    {
        // One statement: a source column may carry another contract column's name, and must not be renamed twice.
        var pairs = profile.Targets.Select((t, i) => (Target: t, Source: profile.SourceOf(t), I: i)).Where(p => p.Source != p.Target).ToList();
        if (pairs.Count == 0) return;
        var rows = string.Join(", ", pairs.Select(p => $"($t{p.I}, $s{p.I})"));
        var parameters = pairs.SelectMany(p => new (string, object?)[] { ($"t{p.I}", p.Target), ($"s{p.I}", p.Source) }).ToArray();
        foreach (var table in new[] { "stg_reject", "stg_warning" })
            connection.Execute($"UPDATE {table} SET column_name = m.source FROM (VALUES {rows}) m(target, source) WHERE {table}.column_name = m.target", parameters);
    }

    /// <summary>One warning for any number of unknown columns: the count and the first few names (issue 10 item 2).</summary>
    internal static string? UnknownColumnsWarning(string entity, IReadOnlyList<string> unknown)
    {
        const int shown = 3;
        if (unknown.Count == 0) return null;
        if (unknown.Count == 1) return $"Kolom '{unknown[0].Truncate(60)}' tidak dikenal untuk {entity}; diabaikan.";
        var id = System.Globalization.CultureInfo.GetCultureInfo("id-ID");
        var names = string.Join(", ", unknown.Take(shown).Select(c => c.Truncate(40)));
        var more = unknown.Count > shown ? string.Create(id, $", … (+{unknown.Count - shown:N0})") : "";
        return string.Create(id, $"{unknown.Count:N0} kolom tidak dikenal untuk {entity}; diabaikan: {names}{more}.");
    }
}

internal static class TextExtensions
{
    public static string Truncate(this string s, int max) => s.Length <= max ? s : s[..max] + "…";
}
