using System.Text.Json.Serialization;

namespace Kepegawaian.Etl;

/// <summary>What to load: every file of <see cref="Inbox"/> (spec §3).</summary>
public sealed record EtlRequest(string Inbox)
{
    public IProgress<EtlProgress>? Progress { get; init; }

    /// <summary>
    /// Test hook: called at each <see cref="EtlFaultPoint"/> of every file. Throw
    /// <see cref="SimulatedCrashException"/> to simulate a kill at that moment (the runner does not handle it).
    /// </summary>
    [JsonIgnore]
    public Action<EtlFaultPoint, string>? FaultHook { get; init; }

    /// <summary>
    /// A file whose size or modification time changes within this interval, or that was modified less
    /// than this long ago, is still being written: it is left in the inbox for the next scan. Zero (the
    /// default here) loads whatever is there; the scheduled job uses <c>Etl:SettleSeconds</c> (2 s).
    /// </summary>
    public TimeSpan SettleInterval { get; init; }

    /// <summary>A kinerja predikat that contradicts the PermenPANRB 6/2022 matrix: kept with a warning (default) or rejected (<c>Etl:PredikatPolicy</c>).</summary>
    public PredikatPolicy PredikatPolicy { get; init; } = PredikatPolicy.KeepAndWarn;

    /// <summary>
    /// The configured extra non-working days (<c>Analytics:ExtraHolidays</c>, <c>YYYY-MM-DD[,nama]</c>): the same list the
    /// analytics count with, so a profile's <c>workingDays</c> recount and the processing times agree on the calendar.
    /// </summary>
    public IReadOnlyList<string> ExtraHolidays { get; init; } = [];
}

/// <summary>Moments of a file's load where a test may inject a crash.</summary>
public enum EtlFaultPoint
{
    /// <summary>
    /// After the valid rows reached staging (TEMP tables): before the file's transaction opens, or inside it for a
    /// profile's later part (FileLoader.Stage).
    /// </summary>
    AfterStaging,
    /// <summary>Inside the file's transaction, after facts and rejects were written, before commit.</summary>
    BeforeCommit,
    /// <summary>After the commit, before the file is moved to <c>processed/</c>.</summary>
    AfterCommit,
}

/// <summary>Thrown by a <see cref="EtlRequest.FaultHook"/> to simulate a process kill.</summary>
public sealed class SimulatedCrashException(string message) : Exception(message);

public sealed record EtlProgress(string File, string? Entity, string Stage, long RowsRead);

public sealed record EtlFileSummary(
    string File, string? Entity, string Status,
    long RowsRead, long RowsLoaded, long RowsUnchanged, long RowsRejected, string? Message)
{
    public const string Loaded = "loaded";
    public const string Duplicate = "duplicate";
    public const string Failed = "failed";
    /// <summary>The file names no entity; it stays in the inbox.</summary>
    public const string Ignored = "ignored";
    /// <summary>An unexpected error (e.g. disk full) rolled the file back; it stays in the inbox for the next run.</summary>
    public const string Error = "error";
    /// <summary>Still being written (see <see cref="EtlRequest.SettleInterval"/>); it stays in the inbox for the next scan.</summary>
    public const string Waiting = "waiting";
    /// <summary>Not a regular file (symlink, FIFO, device, folder): never opened, left where it is, warned about.</summary>
    public const string Skipped = "skipped";
    /// <summary>Committed, but the move to <c>processed/</c> failed: the next scan retries only the move.</summary>
    public const string NotMoved = "loaded_not_moved";
    /// <summary>Loaded in an earlier run whose move failed; moved now, nothing reloaded.</summary>
    public const string Moved = "moved";

    /// <summary>The file failed, errored or could not be moved: an operator must look.</summary>
    [JsonIgnore]
    public bool NeedsOperator => Status is Failed or Error or NotMoved;
}

public sealed record EtlRunSummary(long RunId, string Status, IReadOnlyList<EtlFileSummary> Files)
{
    public const string Succeeded = "succeeded";
    public const string Partial = "partial";
    public const string FailedStatus = "failed";

    public long RowsRead => Files.Sum(f => f.RowsRead);
    public long RowsLoaded => Files.Sum(f => f.RowsLoaded);
    public long RowsUnchanged => Files.Sum(f => f.RowsUnchanged);
    public long RowsRejected => Files.Sum(f => f.RowsRejected);

    /// <summary>True when a file failed or errored: the operator must look (exit code 2).</summary>
    [JsonIgnore]
    public bool NeedsOperator => Files.Any(f => f.NeedsOperator);
}
