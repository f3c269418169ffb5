using System.Text.Json.Serialization;
using DuckDB.NET.Data;
using Kepegawaian.Etl.Loading;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Etl.Operations;

/// <summary>
/// What an operator checks at 07:00: when did the last load succeed, did the last run finish, is a file
/// failing scan after scan, and is anything waiting in the inbox that should have been picked up already (stale)?
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
    [property: JsonPropertyName("warnings")] IReadOnlyList<string>? Warnings = null)
{
    /// <summary>Files in the inbox that failed at least <c>Etl:FailedScansUnhealthy</c> scans in a row.</summary>
    [JsonPropertyName("failing_files")]
    public IReadOnlyList<FailingFile> FailingFiles { get; init; } = [];

    /// <summary>Inbox entries that are not regular files (symlinks, FIFOs, folders): never loaded.</summary>
    [JsonPropertyName("entries_skipped")]
    public int EntriesSkipped { get; init; }

    /// <summary>Mart areas older than the last committed load.</summary>
    [JsonPropertyName("marts_stale")]
    public IReadOnlyList<string> MartsStale { get; init; } = [];

    /// <summary>
    /// Under `serve`: a scan or mart refresh is running or queued, so stale marts are on their way to being
    /// rebuilt (information, not a problem). Null where nobody knows (the CLI reading a snapshot).
    /// </summary>
    [JsonPropertyName("refreshing")]
    public bool? Refreshing { get; init; }

    /// <summary>Under `serve`: why the last mart refresh failed; null when it succeeded.</summary>
    [JsonPropertyName("last_refresh_error")]
    public string? LastRefreshError { get; init; }
}

public sealed record FailingFile(
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("failed_scans")] long FailedScans);

public static class EtlHealth
{
    /// <summary>
    /// Healthy when the last run finished and did not fail, no file in the inbox failed
    /// <paramref name="failedScansUnhealthy"/> scans in a row, no inbox file has waited longer than
    /// <paramref name="staleAfter"/> (a scan should have taken it), and <paramref name="moreChecks"/> (e.g.
    /// marts older than the last load) finds nothing. A run still 'running' after <paramref name="staleAfter"/>
    /// is stuck. Times are wall clock in <paramref name="zone"/> (<c>Schedule:TimeZone</c>), like the warehouse's.
    /// </summary>
    public static EtlHealthReport Check(DuckDBConnection connection, string inbox, TimeSpan staleAfter, DateTime nowLocal, TimeZoneInfo zone,
        int failedScansUnhealthy = 3, Func<DuckDBConnection, IEnumerable<string>>? moreChecks = null)
    {
        DateTime? lastSuccess, lastRun;
        string? lastStatus;
        using (var cmd = connection.Command(SqlResources.Read(typeof(EtlHealth).Assembly, "operations/last_success.sql")))
        using (var r = cmd.ExecuteReader())
        {
            r.Read();
            lastSuccess = r.IsDBNull(0) ? null : r.GetDateTime(0);
            lastRun = r.IsDBNull(1) ? null : r.GetDateTime(1);
            lastStatus = r.IsDBNull(2) ? null : r.GetString(2);
        }

        var (waiting, skipped) = Inbox(inbox, zone);
        var label = LocalZone.Label(zone);
        DateTime? oldest = waiting.Count == 0 ? null : waiting.Values.Min();
        var stale = oldest is { } o && nowLocal - o > staleAfter;
        var failing = FailingFiles(connection, failedScansUnhealthy).Where(f => waiting.ContainsKey(f.File)).ToList();

        var problems = new List<string>();
        if (lastRun is null) problems.Add("Belum pernah ada pemuatan ETL. / No ETL run yet.");
        if (lastStatus is "failed" or "partial") problems.Add($"Pemuatan terakhir berstatus '{lastStatus}'; lihat 'kepegawaian runs' dan 'kepegawaian rejects'.");
        if (lastStatus is "abandoned" or "cancelled")
            problems.Add($"Run ETL terakhir tidak selesai (status '{lastStatus}'). / The last ETL run did not finish.");
        if (lastStatus == "running" && lastRun is { } started && nowLocal - started > staleAfter)
            problems.Add($"Run ETL yang dimulai {started:yyyy-MM-dd HH:mm} {label} masih berstatus 'running' (lebih dari {staleAfter.TotalMinutes:0} menit); proses macet atau mati. / The last run is stuck.");
        if (failing.Count > 0)
            problems.Add($"{failing.Count} berkas gagal pada {failedScansUnhealthy} pemindaian berturut-turut atau lebih: {string.Join(", ", failing.Take(5).Select(f => $"{f.File} ({f.FailedScans}×)"))}. / Files failing every scan.");
        if (stale) problems.Add($"{waiting.Count} berkas menunggu di inbox sejak {oldest:yyyy-MM-dd HH:mm} {label} (lebih dari {staleAfter.TotalMinutes:0} menit). / Inbox is stale.");
        if (moreChecks is not null) problems.AddRange(moreChecks(connection));

        return new EtlHealthReport(problems.Count == 0, lastSuccess, lastRun, lastStatus, inbox, waiting.Count, oldest, stale, problems)
        {
            FailingFiles = failing,
            EntriesSkipped = skipped,
        };
    }

    private static List<FailingFile> FailingFiles(DuckDBConnection connection, int n)
    {
        using var cmd = connection.Command(SqlResources.Read(typeof(EtlHealth).Assembly, "operations/failing_files.sql"), ("n", n));
        using var r = cmd.ExecuteReader();
        var files = new List<FailingFile>();
        while (r.Read()) files.Add(new FailingFile(r.GetString(0), r.GetInt64(1)));
        return files;
    }

    /// <summary>Modification times (wall clock in the zone) of the regular files waiting at the top level of the inbox, and how many entries are skipped.</summary>
    private static (Dictionary<string, DateTime> Waiting, int Skipped) Inbox(string inbox, TimeZoneInfo zone)
    {
        if (!Directory.Exists(inbox)) return ([], 0);
        var scan = InboxScanner.Scan(inbox);
        var waiting = new Dictionary<string, DateTime>();
        foreach (var f in scan.Files)
            waiting[f.Name] = TimeZoneInfo.ConvertTimeFromUtc(File.GetLastWriteTimeUtc(f.Path), zone);
        return (waiting, scan.Skipped.Count);
    }
}
