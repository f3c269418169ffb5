using Kepegawaian.Etl.Loading;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace Kepegawaian.Etl.Hosting;

/// <summary>
/// <c>Etl:Watch</c>: a file landing in the inbox is scanned within seconds instead of at the next cron slot (issue 14 §2).
/// Events are debounced: the scan is asked for once the inbox has been quiet for <c>Etl:SettleSeconds</c> (then the
/// files pass the scan's settle check), or at the latest <see cref="MaxDelay"/> after the first event of a burst, so a
/// steady stream of arrivals cannot postpone it for ever. The scan itself is the scheduled <see cref="EtlJob"/>, fired
/// through <see cref="EtlScanRequest"/>. Whatever goes wrong here is logged and leaves the cron in charge; it never
/// stops <c>serve</c>.
/// </summary>
public sealed class InboxWatcher(ISchedulerFactory schedulers, IOptions<EtlOptions> options, TimeProvider time, ILogger<InboxWatcher> logger)
    : IHostedService, IAsyncDisposable
{
    /// <summary>Longest wait after the first event of a burst; files still being written then are re-scanned by the job.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(10);

    /// <summary>How often a lost watch (inbox missing, watcher error) is re-armed.</summary>
    public static readonly TimeSpan RearmInterval = TimeSpan.FromMinutes(1);

    private readonly Lock gate = new();
    private readonly CancellationTokenSource stopping = new();
    private FileSystemWatcher? watcher;
    private ITimer? debounce;
    private ITimer? rearm;
    private DateTimeOffset? burstStart;

    private TimeSpan Quiet => TimeSpan.FromSeconds(Math.Max(options.Value.SettleSeconds, 0.25));

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            debounce = time.CreateTimer(_ => Fire(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            rearm = time.CreateTimer(_ => Rearm(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            if (!Arm()) rearm.Change(RearmInterval, Timeout.InfiniteTimeSpan);
        }
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        lock (gate)
        {
            if (stopping.IsCancellationRequested) return;
            stopping.Cancel();
            watcher?.Dispose();
            watcher = null;
        }
        if (debounce is not null) await debounce.DisposeAsync();
        if (rearm is not null) await rearm.DisposeAsync();
        stopping.Dispose();
    }

    /// <summary>Starts watching the inbox; false (logged) when it cannot, e.g. the inbox is missing or inotify's limit is reached.</summary>
    private bool Arm()
    {
        var inbox = Path.GetFullPath(options.Value.Inbox);
        FileSystemWatcher? w = null;
        try
        {
            // Top level only, as the scanner reads it: processed/ and failed/ (where the scan itself writes) are not watched.
            w = new FileSystemWatcher(inbox)
            {
                IncludeSubdirectories = false,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            w.Created += (_, e) => Seen(e.Name);
            w.Changed += (_, e) => Seen(e.Name);
            w.Renamed += (_, e) => Seen(e.Name); // a writer's "upload.part" → "cuti_2026.csv"
            var armed = w;
            w.Error += (_, e) => Failed(armed, e.GetException());
            w.EnableRaisingEvents = true;
            watcher = w;
            logger.LogInformation("Watching inbox {Inbox}; a new file is scanned once it has settled", inbox);
            return true;
        }
        catch (Exception ex) when (ex is ArgumentException or IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            w?.Dispose();
            logger.LogWarning("Inbox {Inbox} cannot be watched ({Reason}); files load on Etl:Cron, watching is retried every {Retry}",
                inbox, ex.Message, RearmInterval);
            return false;
        }
    }

    private void Rearm()
    {
        lock (gate)
        {
            if (stopping.IsCancellationRequested || watcher is not null) return;
            if (!Arm()) { rearm?.Change(RearmInterval, Timeout.InfiniteTimeSpan); return; }
        }
        Seen(null); // files may have landed while nobody watched
    }

    /// <summary>A buffer overflow (events lost) or the inbox gone: scan once for what may have been missed, re-arm later.</summary>
    private void Failed(FileSystemWatcher failed, Exception error)
    {
        logger.LogWarning("Inbox watcher failed ({Reason}); files load on Etl:Cron until it is re-armed in {Retry}", error.Message, RearmInterval);
        lock (gate)
        {
            if (stopping.IsCancellationRequested || !ReferenceEquals(watcher, failed)) return;
            failed.Dispose();
            watcher = null;
            rearm?.Change(RearmInterval, Timeout.InfiniteTimeSpan);
        }
        Seen(null);
    }

    private void Seen(string? name)
    {
        // Names the scanner never loads: hidden partial downloads, and its own subfolders appearing.
        if (name is not null && (name.StartsWith('.') || name is InboxScanner.Processed or InboxScanner.Failed)) return;
        lock (gate)
        {
            if (stopping.IsCancellationRequested) return;
            var now = time.GetUtcNow();
            burstStart ??= now;
            var due = Min(now + Quiet, burstStart.Value + MaxDelay) - now;
            debounce?.Change(due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan);
        }
    }

    private void Fire()
    {
        lock (gate)
        {
            if (stopping.IsCancellationRequested) return;
            burstStart = null;
        }
        _ = RequestAsync();
    }

    private async Task RequestAsync()
    {
        try
        {
            var scheduler = await schedulers.GetScheduler(stopping.Token);
            await EtlScanRequest.RequestAsync(scheduler, EtlScanRequest.Watch, time.GetUtcNow(), stopping.Token);
            logger.LogInformation("New file(s) in the inbox: scan requested");
        }
        catch (OperationCanceledException) { }
        catch (ObjectDisposedException) { } // stopped meanwhile
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Inbox scan could not be requested; the file loads on Etl:Cron");
        }
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
