using Kepegawaian.Warehouse;

namespace Kepegawaian.Service.Cli;

/// <summary>
/// "Now" for the one-shot commands: one <see cref="TimeProvider"/> read in the configured
/// <c>Schedule:TimeZone</c>, so a default date (generate's end date, health's stale check, the report
/// week) means the same day as it does for `serve`.
/// </summary>
public static class CliClock
{
    // Per async flow, so in-process CLI tests can pin their own clock while others run in parallel.
    private static readonly AsyncLocal<TimeProvider?> Pinned = new();

    public static TimeProvider Time => Pinned.Value ?? TimeProvider.System;

    /// <summary>Test seam: <see cref="Time"/> is <paramref name="time"/> in this async flow until disposed.</summary>
    public static IDisposable Use(TimeProvider time)
    {
        var previous = Pinned.Value;
        Pinned.Value = time;
        return new Restore(() => Pinned.Value = previous);
    }

    /// <summary><c>Schedule:TimeZone</c> of the CLI's configuration, validated like at `serve`'s start-up.</summary>
    public static TimeZoneInfo Zone => CliConfiguration.Get<ScheduleOptions>(ScheduleOptions.Section).Zone;

    /// <summary>The same zone as options, for components that take <c>IOptions&lt;ScheduleOptions&gt;</c>.</summary>
    public static Microsoft.Extensions.Options.IOptions<ScheduleOptions> Schedule =>
        Microsoft.Extensions.Options.Options.Create(CliConfiguration.Get<ScheduleOptions>(ScheduleOptions.Section));

    /// <summary>WIB, WITA, WIT or the zone id.</summary>
    public static string Label => LocalZone.Label(Zone);

    /// <summary>Wall-clock time in the schedule's zone, the convention of every warehouse TIMESTAMP.</summary>
    public static DateTime LocalNow() => LocalZone.WallClock(Time.GetUtcNow(), Zone);

    public static DateOnly Today() => DateOnly.FromDateTime(LocalNow());

    internal sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}
