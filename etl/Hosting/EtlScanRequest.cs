using Quartz;

namespace Kepegawaian.Etl.Hosting;

/// <summary>
/// One-shot scans of the inbox besides <c>Etl:Cron</c>: run by the scheduler like the cron's, so
/// <c>[DisallowConcurrentExecution]</c>, the settle check, the refresh after the load and, clustered, the job store's
/// choice of node all apply. Each reason has one fixed trigger key, so requests that come faster than scans (a burst
/// of inbox events, the same request from several nodes) fold into one pending scan instead of queueing one each.
/// </summary>
public static class EtlScanRequest
{
    /// <summary>The inbox watcher saw a file arrive.</summary>
    public static readonly TriggerKey Watch = new("etl-watch", "etl");

    /// <summary>A scan left files that were still being written; look again once they can have settled.</summary>
    public static readonly TriggerKey Settle = new("etl-settle", "etl");

    /// <summary>Asks for a scan at <paramref name="startAt"/> (the scheduler's clock), replacing a pending request of the same key.</summary>
    public static async Task RequestAsync(IScheduler scheduler, TriggerKey key, DateTimeOffset startAt, CancellationToken ct = default)
    {
        // A one-shot simple trigger: late (scheduler busy, node down) it fires as soon as it can.
        var trigger = TriggerBuilder.Create().WithIdentity(key).ForJob(EtlJob.Key).StartAt(startAt).Build();
        // Rescheduling also covers a trigger whose scan is running right now: Quartz keeps the new fire time instead of
        // deleting the trigger when that scan completes, so a file that landed after the scan listed the inbox is not lost.
        if (await scheduler.RescheduleJob(key, trigger, ct) is not null) return;
        try { await scheduler.ScheduleJob(trigger, cancellationToken: ct); }
        catch (ObjectAlreadyExistsException)
        {
            // Scheduled meanwhile by another caller or node: that request covers this one, unless it is already firing.
            await scheduler.RescheduleJob(key, trigger, ct);
        }
    }
}
