using System.ComponentModel.DataAnnotations;

namespace Kepegawaian.Reports.Options;

/// <summary>Configuration section <c>Delivery</c> (spec §6) plus the retry policy of the ledger.</summary>
public sealed class DeliveryOptions
{
    public const string Section = "Delivery";

    /// <summary>
    /// Quartz cron in <c>Schedule:TimeZone</c>, Monday 07:00 local by default. There is no delivery zone of its
    /// own: the schedule, the report week and the ledger's times all follow <c>Schedule:TimeZone</c>.
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    public string Cron { get; set; } = "0 0 7 ? * MON";

    /// <summary>
    /// E-mail recipients: a plain string is a city recipient; an object with <c>Address</c> and <c>Unit</c> (kode_unit) also
    /// gets that unit's section (<see cref="DeliveryRecipient"/>).
    /// </summary>
    public List<DeliveryRecipient> Recipients { get; set; } = [];

    /// <summary>Also copy each report into this folder (empty = no folder channel).</summary>
    public string Folder { get; set; } = "";

    /// <summary>Attempts per recipient before the ledger gives up on it.</summary>
    [Range(1, 50, ErrorMessage = "Delivery:MaxAttempts must be between 1 and 50.")]
    public int MaxAttempts { get; set; } = 6;

    /// <summary>First retry delay; doubles with each further attempt (capped at 6 h).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "06:00:00", ErrorMessage = "Delivery:RetryBackoff must be between 00:00:00 and 06:00:00.")]
    public TimeSpan RetryBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A claim older than this is a stuck run: it is marked failed and may be retried.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Delivery:ClaimTimeout must be between 00:00:01 and 1.00:00:00.")]
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(10);
}
