using System.CommandLine;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Service.Cli.Commands;

/// <summary>
/// <c>kepegawaian rejects [--run ID] [--file NAME] [--reason CODE] [--warnings] [--format table|json|csv]</c>: the rejects
/// ledger, or with <c>--warnings</c> the rows loaded with a finding (<c>etl_row_warning</c>, e.g. a kinerja predikat kept
/// under <c>Etl:PredikatPolicy</c> = KeepAndWarn although it contradicts the PermenPANRB 6/2022 matrix).
/// </summary>
public static class RejectsCommand
{
    public static Command Create()
    {
        var run = new Option<long?>("--run") { Description = "Hanya run ETL ini / only this ETL run" };
        var file = new Option<string?>("--file") { Description = "Hanya berkas ini / only this file name" };
        var reason = new Option<string?>("--reason") { Description = "Hanya kode alasan ini, mis. NIP_TIDAK_DIKENAL / only this reason code" };
        var limit = new Option<int>("--limit") { Description = "Paling banyak N baris / at most N rows", DefaultValueFactory = _ => 1000 };
        limit.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--limit harus 1 atau lebih / must be 1 or more"); });
        var warnings = new Option<bool>("--warnings")
        {
            Description = "Baris yang DIMUAT dengan peringatan (mis. predikat tidak sesuai matriks, Etl:PredikatPolicy = KeepAndWarn), bukan yang ditolak / rows loaded with a warning instead of rejected rows",
        };
        var format = CommonOptions.Format();
        var command = new Command("rejects", "Tampilkan baris yang ditolak ETL (atau, dengan --warnings, dimuat dengan peringatan). / Show rows rejected by the ETL (or loaded with a warning).")
        {
            run, file, reason, limit, warnings, format,
        };
        command.SetAction((parse, _) =>
        {
            using var connection = ReadableWarehouse.Open(parse);
            if (parse.GetValue(warnings))
            {
                ResultWriter.Write(parse.InvocationConfiguration.Output,
                    Warnings(connection, parse.GetValue(run), parse.GetValue(file), parse.GetValue(reason), parse.GetValue(limit)), parse.GetValue(format));
                return Task.FromResult(CliApp.Ok);
            }
            using var cmd = connection.Command("""
                SELECT e.run_id, e.file_name, e.line_number, e.column_name, e.reason_code, e.message,
                       left(e.raw_text, 4096), coalesce(w.raw_length, strlen(e.raw_text)), w.raw_sha256
                FROM etl_reject e LEFT JOIN etl_reject_raw w USING (reject_id)
                WHERE ($run IS NULL OR e.run_id = $run)
                  AND ($file IS NULL OR e.file_name = $file)
                  AND ($reason IS NULL OR e.reason_code = upper($reason))
                ORDER BY e.run_id, e.file_id, e.line_number
                LIMIT $limit
                """,
                ("run", parse.GetValue(run)), ("file", parse.GetValue(file)), ("reason", parse.GetValue(reason)), ("limit", parse.GetValue(limit)));
            using var reader = cmd.ExecuteReader();
            var rows = new List<RejectRow>();
            while (reader.Read())
                rows.Add(new RejectRow(reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetInt64(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6),
                    reader.IsDBNull(7) ? null : reader.GetInt64(7), reader.IsDBNull(8) ? null : reader.GetString(8)));
            ResultWriter.Write(parse.InvocationConfiguration.Output, rows, parse.GetValue(format));
            return Task.FromResult(CliApp.Ok);
        });
        return command;
    }

    private static List<WarningRow> Warnings(DuckDB.NET.Data.DuckDBConnection connection, long? run, string? file, string? reason, int limit)
    {
        var rows = new List<WarningRow>();
        // A warehouse (or snapshot) from before V055 has no row warnings.
        if (connection.Scalar<long>("SELECT count(*) FROM information_schema.tables WHERE table_name = 'etl_row_warning'") == 0) return rows;
        using var cmd = connection.Command("""
            SELECT run_id, file_name, line_number, column_name, reason_code, message, expected
            FROM etl_row_warning
            WHERE ($run IS NULL OR run_id = $run)
              AND ($file IS NULL OR file_name = $file)
              AND ($reason IS NULL OR reason_code = upper($reason))
            ORDER BY run_id, file_id, line_number
            LIMIT $limit
            """, ("run", run), ("file", file), ("reason", reason), ("limit", limit));
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
            rows.Add(new WarningRow(reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetInt64(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6)));
        return rows;
    }

    /// <summary>A row loaded with a finding; <see cref="Expected"/> is what the rule expected (the matrix's predikat).</summary>
    public sealed record WarningRow(long RunId, string FileName, long? LineNumber, string? ColumnName, string ReasonCode, string Message, string? Expected);

    /// <summary>A rejected row; <see cref="RawText"/> is at most 4 096 characters, <see cref="RawLength"/> (UTF-8 bytes) and <see cref="RawSha256"/> describe the whole row.</summary>
    public sealed record RejectRow(long RunId, string FileName, long? LineNumber, string? ColumnName, string ReasonCode, string Message, string? RawText,
        long? RawLength, string? RawSha256);
}
