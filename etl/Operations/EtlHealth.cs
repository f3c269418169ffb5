using System.Text.Json.Serialization;
using DuckDB.NET.Data;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Etl.Operations;

/// <summary>
/// What an operator checks at 07:00: when did the last load succeed, and is anything waiting in
/// the inbox that should have been picked up already (stale)?
/// </summary>
public sealed record EtlHealthReport(
    [property: JsonPropertyName("healthy")] bool Healthy,
    [property: JsonPropertyName("last_success_at")] DateTime? LastSuccessAt,
    [property: JsonPropertyName("last_run_at")] DateTime? LastRunAt,
    [property: JsonPropertyName("last_status")] string? LastStatus,
    [property: JsonPropertyName("inbox")] string Inbox,
    [property: JsonPropertyName("files_waiting")] int FilesWaiting,
    [property: JsonPropertyName("oldest_waiting_at")] DateTime? OldestWaitingAt,
    [property: JsonPropertyName("inbox_stale")] bool InboxStale,
    [property: JsonPropertyName("problems")] IReadOnlyList<string> Problems,
    [property: JsonPropertyName("warnings")] IReadOnlyList<string>? Warnings = null);

public static class EtlHealth
{
    /// <summary>
    /// Healthy when the last run did not fail and no inbox file has waited longer than
    /// <paramref name="staleAfter"/> (a scan should have taken it). Times are WIB wall clock.
    /// </summary>
    public static EtlHealthReport Check(DuckDBConnection connection, string inbox, TimeSpan staleAfter, DateTime nowWib, TimeZoneInfo wib)
    {
        using var cmd = connection.Command(SqlResources.Read(typeof(EtlHealth).Assembly, "operations/last_success.sql"));
        using var r = cmd.ExecuteReader();
        r.Read();
        DateTime? lastSuccess = r.IsDBNull(0) ? null : r.GetDateTime(0);
        DateTime? lastRun = r.IsDBNull(1) ? null : r.GetDateTime(1);
        var lastStatus = r.IsDBNull(2) ? null : r.GetString(2);

        var waiting = WaitingFiles(inbox, wib);
        DateTime? oldest = waiting.Count == 0 ? null : waiting.Min();
        var stale = oldest is { } o && nowWib - o > staleAfter;

        var problems = new List<string>();
        if (lastRun is null) problems.Add("Belum pernah ada pemuatan ETL. / No ETL run yet.");
        if (lastStatus is "failed" or "partial") problems.Add($"Pemuatan terakhir berstatus '{lastStatus}'; lihat 'kepegawaian runs' dan 'kepegawaian rejects'.");
        if (stale) problems.Add($"{waiting.Count} berkas menunggu di inbox sejak {oldest:yyyy-MM-dd HH:mm} WIB (lebih dari {staleAfter.TotalMinutes:0} menit). / Inbox is stale.");
        // Issue 10 item 3: a crash between load and refresh leaves marts behind the facts.
        if (MartFreshness.Check(connection).Warning is { } marts) problems.Add(marts);

        return new EtlHealthReport(problems.Count == 0, lastSuccess, lastRun, lastStatus, inbox, waiting.Count, oldest, stale, problems);
    }

    /// <summary>Modification times (WIB) of the files still waiting at the top level of the inbox.</summary>
    private static List<DateTime> WaitingFiles(string inbox, TimeZoneInfo wib)
    {
        if (!Directory.Exists(inbox)) return [];
        return Directory.EnumerateFiles(inbox)
            .Where(f => !Path.GetFileName(f).StartsWith('.'))
            .Select(f => TimeZoneInfo.ConvertTimeFromUtc(File.GetLastWriteTimeUtc(f), wib))
            .ToList();
    }
}
