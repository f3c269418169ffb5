using System.Globalization;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Host.Tests.Faults;

/// <summary>
/// Row count and an order-independent content checksum per table, leaving out what legitimately
/// differs between two loads of the same files: surrogate keys, file/run ids and load timestamps.
/// </summary>
internal static class WarehouseFingerprint
{
    /// <summary>Table (or audit view) → the columns left out of its checksum.</summary>
    private static readonly (string Name, string Source)[] Tables =
    [
        ("dim_unit", "SELECT * EXCLUDE (etl_file_id, updated_at) FROM dim_unit"),
        ("dim_employee", "SELECT * EXCLUDE (employee_sk, etl_file_id) FROM dim_employee"),
        ("dim_training_course", "SELECT * FROM dim_training_course"),
        ("fact_mutasi", "SELECT * EXCLUDE (etl_file_id) FROM fact_mutasi"),
        ("fact_diklat", "SELECT * EXCLUDE (etl_file_id) FROM fact_diklat"),
        ("fact_kinerja", "SELECT * EXCLUDE (etl_file_id) FROM fact_kinerja"),
        ("fact_cuti", "SELECT * EXCLUDE (etl_file_id) FROM fact_cuti"),
        ("fact_skm", "SELECT * EXCLUDE (etl_file_id) FROM fact_skm"),
        ("fact_mutasi_history", "SELECT * EXCLUDE (etl_file_id, superseded_at, superseded_by_file) FROM fact_mutasi_history"),
        ("fact_diklat_history", "SELECT * EXCLUDE (etl_file_id, superseded_at, superseded_by_file) FROM fact_diklat_history"),
        ("fact_kinerja_history", "SELECT * EXCLUDE (etl_file_id, superseded_at, superseded_by_file) FROM fact_kinerja_history"),
        ("fact_cuti_history", "SELECT * EXCLUDE (etl_file_id, superseded_at, superseded_by_file) FROM fact_cuti_history"),
        ("fact_skm_history", "SELECT * EXCLUDE (etl_file_id, superseded_at, superseded_by_file) FROM fact_skm_history"),
        ("etl_reject", "SELECT * EXCLUDE (reject_id, run_id, file_id, created_at) FROM etl_reject"),
        // Rows kept with a warning (Etl:PredikatPolicy = KeepAndWarn): warned about exactly once, like a reject.
        ("etl_row_warning", "SELECT * EXCLUDE (warning_id, run_id, file_id, created_at) FROM etl_row_warning"),
        // Each file loaded exactly once, with the same four counts (a duplicate row after a kill
        // between commit and move is fine: it loaded nothing).
        ("etl_file(loaded)", "SELECT file_name, entity, content_hash, rows_read, rows_loaded, rows_unchanged, rows_rejected FROM etl_file WHERE status = 'loaded'"),
    ];

    public static IReadOnlyList<Table> Of(string databasePath)
    {
        using var connection = new WarehouseDatabase(databasePath).Open(readOnly: true);
        var result = new List<Table>();
        foreach (var (name, source) in Tables)
        {
            using var cmd = connection.CreateCommand();
            // hash(t) hashes the whole row as a struct; the sum is independent of row order but not of
            // duplicates, so a row loaded twice changes it.
            cmd.CommandText = $"SELECT count(*), coalesce(sum(hash(t)::HUGEINT), 0)::VARCHAR FROM ({source}) t";
            using var reader = cmd.ExecuteReader();
            reader.Read();
            result.Add(new Table(name, reader.GetInt64(0), reader.GetString(1)));
        }
        return result;
    }

    /// <summary>
    /// Every mart table (mart_build, the record of when each was built, left out), checksummed like the facts.
    /// Doubles are rounded to 6 decimals: DuckDB's parallel sums may differ in the last bits between two builds.
    /// </summary>
    public static IReadOnlyList<Table> Marts(string databasePath)
    {
        using var connection = new WarehouseDatabase(databasePath).Open(readOnly: true);
        var columns = new List<(string Table, string Column, string Type)>();
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = """
                SELECT table_name, column_name, data_type FROM information_schema.columns
                WHERE table_name LIKE 'mart\_%' ESCAPE '\' AND table_name <> 'mart_build'
                ORDER BY table_name, ordinal_position
                """;
            using var r = cmd.ExecuteReader();
            while (r.Read()) columns.Add((r.GetString(0), r.GetString(1), r.GetString(2)));
        }
        var result = new List<Table>();
        foreach (var table in columns.GroupBy(c => c.Table))
        {
            var select = string.Join(", ", table.Select(c => c.Type is "DOUBLE" or "FLOAT" ? $"round(\"{c.Column}\", 6) AS \"{c.Column}\"" : $"\"{c.Column}\""));
            using var cmd = connection.CreateCommand();
            cmd.CommandText = $"SELECT count(*), coalesce(sum(hash(t)::HUGEINT), 0)::VARCHAR FROM (SELECT {select} FROM {table.Key}) t";
            using var reader = cmd.ExecuteReader();
            reader.Read();
            result.Add(new Table(table.Key, reader.GetInt64(0), reader.GetString(1)));
        }
        return result;
    }

    /// <summary>Row count and checksum of one query's rows, computed like <see cref="Of"/>.</summary>
    public static Table Of(string databasePath, string name, string source)
    {
        using var connection = new WarehouseDatabase(databasePath).Open(readOnly: true);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT count(*), coalesce(sum(hash(t)::HUGEINT), 0)::VARCHAR FROM ({source}) t";
        using var reader = cmd.ExecuteReader();
        reader.Read();
        return new Table(name, reader.GetInt64(0), reader.GetString(1));
    }

    public static long Scalar(string databasePath, string sql)
    {
        using var connection = new WarehouseDatabase(databasePath).Open(readOnly: true);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public sealed record Table(string Name, long Rows, string Checksum);
}
