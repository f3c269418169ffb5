namespace Kepegawaian.Service.Jobs;

/// <summary>
/// Whether `serve` owes the marts a refresh: every scan is followed by one (<see cref="RefreshAfterLoadListener"/>),
/// so from a scan's start until the refresh after it ends, marts older than the last load are expected — /health
/// reports that as "refreshing", not as a fault. It is a fault when no refresh is on its way or the last one failed.
/// </summary>
public sealed class MartRefreshActivity
{
    private readonly Lock gate = new();
    private long requested;   // scans started so far; each one is followed by a refresh
    private long covered;     // scans whose following refresh has ended
    private int running;
    private string? lastError;

    /// <summary>A scan starts: a refresh will follow it.</summary>
    public void Requested()
    {
        lock (gate) requested++;
    }

    /// <summary>A refresh starts; it covers every scan started so far. Pass the result to <see cref="End"/>.</summary>
    public long Begin()
    {
        lock (gate)
        {
            running++;
            return requested;
        }
    }

    /// <summary>The refresh that began at <paramref name="covers"/> ended, failed when <paramref name="error"/> is set.</summary>
    public void End(long covers, Exception? error)
    {
        lock (gate)
        {
            running--;
            covered = Math.Max(covered, covers);
            lastError = error is null ? null : $"{error.GetType().Name}: {error.Message}";
        }
    }

    public MartRefreshState State
    {
        get { lock (gate) return new MartRefreshState(running > 0 || requested > covered, lastError); }
    }
}

/// <param name="InProgress">A scan or refresh is running, or a refresh is queued after a scan.</param>
/// <param name="LastError">The last refresh's failure, null when it succeeded (or none ran yet).</param>
public sealed record MartRefreshState(bool InProgress, string? LastError);
