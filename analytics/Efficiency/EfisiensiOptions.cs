using System.ComponentModel.DataAnnotations;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Analytics.Efficiency;

/// <summary>Settings of the efficiency analytics, bound from the <c>Analytics</c> configuration section.</summary>
public sealed class EfisiensiOptions : IValidatableObject
{
    public const string Section = "Analytics";

    /// <summary>
    /// Extra non-working days beside the shipped national holiday table, e.g. a local holiday or a new
    /// cuti bersama: <c>"2026-12-31"</c> or <c>"2026-12-31,Cuti bersama tambahan"</c>.
    /// </summary>
    public List<string> ExtraHolidays { get; set; } = [];

    /// <summary>A request still undecided after this many working days counts as pending (spec §4).</summary>
    [Range(0.0, 365.0)]
    public double PendingAfterWorkingDays { get; set; } = 3;

    /// <summary>Only requests submitted within this many calendar days before the reference instant count for the pending share.</summary>
    [Range(1, 3650)]
    public int PendingWindowDays { get; set; } = 90;

    /// <summary>Below this online share in two consecutive periods a unit is flagged as staying on paper.</summary>
    [Range(0.0, 1.0)]
    public double OnlineShareTarget { get; set; } = 0.5;

    /// <summary>
    /// Reference instant (wall clock in <c>Schedule:TimeZone</c>) for the pending share and the age of pending requests in the Kaplan–Meier
    /// processing times; null = the data-through time (latest submission or decision in fact_cuti), never the machine clock.
    /// </summary>
    public DateTime? ReferenceTime { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var errors = new List<ValidationResult>();
        try { WorkingCalendar.Load(ExtraHolidays); }
        catch (FormatException ex) { errors.Add(new ValidationResult(ex.Message, [$"{Section}:{nameof(ExtraHolidays)}"])); }
        return errors;
    }
}
