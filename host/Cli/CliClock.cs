using Kepegawaian.Warehouse;

namespace Kepegawaian.Service.Cli;

/// <summary>
/// "Now" for the one-shot commands: one <see cref="TimeProvider"/> (tests replace it) read in the
/// configured <c>Schedule:TimeZone</c>, so a default date (generate's end date, health's stale check)
/// means the same day as it does for `serve`.
/// </summary>
public static class CliClock
{
    public static TimeProvider Time { get; set; } = TimeProvider.System;

    public static TimeZoneInfo Zone => CliConfiguration.Get<ScheduleOptions>(ScheduleOptions.Section).Zone;

    /// <summary>Wall-clock time in the schedule's zone, the convention of every warehouse TIMESTAMP.</summary>
    public static DateTime LocalNow() => TimeZoneInfo.ConvertTime(Time.GetUtcNow(), Zone).DateTime;

    public static DateOnly Today() => DateOnly.FromDateTime(LocalNow());
}
