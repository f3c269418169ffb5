using System.ComponentModel.DataAnnotations;

namespace Kepegawaian.Warehouse;

/// <summary>
/// Configuration section <c>Schedule</c> (spec §6): the time zone of every schedule, and of every
/// timestamp that arrives without an offset. Lives here because etl, analytics and reports share it.
/// </summary>
public sealed class ScheduleOptions : IValidatableObject
{
    public const string Section = "Schedule";

    [Required(AllowEmptyStrings = false)]
    public string TimeZone { get; set; } = "Asia/Jakarta";

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
            yield return new ValidationResult($"Schedule:TimeZone '{TimeZone}' is not a known time zone (e.g. Asia/Jakarta).", [nameof(TimeZone)]);
    }
}
