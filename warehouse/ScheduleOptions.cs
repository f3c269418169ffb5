using System.ComponentModel.DataAnnotations;

namespace Kepegawaian.Warehouse;

/// <summary>
/// Configuration section <c>Schedule</c> (spec §6): the time zone of every schedule, and of every
/// timestamp that arrives without an offset. Lives here because etl, analytics and reports share it:
/// this is the one source of the zone (<see cref="Zone"/>, <see cref="LocalZone"/>).
/// </summary>
public sealed class ScheduleOptions : IValidatableObject
{
    public const string Section = "Schedule";

    public const string DefaultTimeZone = "Asia/Jakarta";

    [Required(AllowEmptyStrings = false)]
    public string TimeZone { get; set; } = DefaultTimeZone;

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
            yield return new ValidationResult($"Schedule:TimeZone '{TimeZone}' is not a known time zone (e.g. Asia/Jakarta).", [nameof(TimeZone)]);
    }
}

/// <summary>
/// Wall-clock time in the configured <c>Schedule:TimeZone</c>. Every warehouse TIMESTAMP is a wall-clock
/// time in that zone without an offset (V001), so instants are converted here, in one place.
/// </summary>
public static class LocalZone
{
    /// <summary>The zone when nothing is configured (<see cref="ScheduleOptions.DefaultTimeZone"/>).</summary>
    public static TimeZoneInfo Default => TimeZoneInfo.FindSystemTimeZoneById(ScheduleOptions.DefaultTimeZone);

    /// <summary>The zone of <paramref name="schedule"/>, or <see cref="Default"/> when there is none (tests, tools).</summary>
    public static TimeZoneInfo Of(ScheduleOptions? schedule) => schedule?.Zone ?? Default;

    /// <summary>Instant → wall-clock time in <paramref name="zone"/> (kind Unspecified, as DuckDB stores it).</summary>
    public static DateTime WallClock(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(instant, zone).DateTime, DateTimeKind.Unspecified);

    /// <summary>Wall-clock time in <paramref name="zone"/> → instant.</summary>
    public static DateTimeOffset Instant(DateTime wallClock, TimeZoneInfo zone)
    {
        var local = DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>
    /// The label users read after a time: the Indonesian abbreviation (WIB, WITA, WIT) for the zones of
    /// Indonesia, else the zone id.
    /// </summary>
    public static string Label(TimeZoneInfo zone) => zone.Id switch
    {
        "Asia/Jakarta" or "Asia/Pontianak" => "WIB",
        "Asia/Makassar" or "Asia/Ujung_Pandang" => "WITA",
        "Asia/Jayapura" => "WIT",
        _ => zone.Id,
    };
}
