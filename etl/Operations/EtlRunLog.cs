using System.Text.Json.Serialization;
using DuckDB.NET.Data;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Etl.Operations;

/// <summary>One ETL run as operators see it (`kepegawaian runs`).</summary>
public sealed record EtlRunRow(
    [property: JsonPropertyName("run_id")] long RunId,
    [property: JsonPropertyName("started_at")] DateTime StartedAt,
    [property: JsonPropertyName("finished_at")] DateTime? FinishedAt,
    [property: JsonPropertyName("duration_s")] double DurationSeconds,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("files")] long Files,
    [property: JsonPropertyName("files_loaded")] long FilesLoaded,
    [property: JsonPropertyName("files_duplicate")] long FilesDuplicate,
    [property: JsonPropertyName("files_failed")] long FilesFailed,
    [property: JsonPropertyName("rows_read")] long RowsRead,
    [property: JsonPropertyName("rows_loaded")] long RowsLoaded,
    [property: JsonPropertyName("rows_unchanged")] long RowsUnchanged,
    [property: JsonPropertyName("rows_rejected")] long RowsRejected,
    [property: JsonPropertyName("message")] string? Message);

public static class EtlRunLog
{
    public static IReadOnlyList<EtlRunRow> Recent(DuckDBConnection connection, int limit = 20)
    {
        using var cmd = connection.Command(SqlResources.Read(typeof(EtlRunLog).Assembly, "operations/runs.sql"), ("limit", limit));
        using var r = cmd.ExecuteReader();
        var rows = new List<EtlRunRow>();
        while (r.Read())
            rows.Add(new EtlRunRow(
                r.GetInt64(0), r.GetDateTime(1), r.IsDBNull(2) ? null : r.GetDateTime(2), Convert.ToDouble(r.GetValue(3)),
                r.GetString(4), r.GetInt64(5), r.GetInt64(6), r.GetInt64(7), r.GetInt64(8),
                r.GetInt64(9), r.GetInt64(10), r.GetInt64(11), r.GetInt64(12),
                r.IsDBNull(13) ? null : r.GetString(13)));
        return rows;
    }
}
