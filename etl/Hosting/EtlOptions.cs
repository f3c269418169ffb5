using System.ComponentModel.DataAnnotations;

namespace Kepegawaian.Etl.Hosting;

/// <summary>Configuration section <c>Etl</c> (spec §6).</summary>
public sealed class EtlOptions
{
    public const string Section = "Etl";

    /// <summary>Folder scanned by the ETL job.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Inbox { get; set; } = "inbox";

    /// <summary>Inbox scan schedule, a Quartz cron expression in <c>Schedule:TimeZone</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Cron { get; set; } = "0 0/15 * * * ?";

    /// <summary>
    /// Under <c>serve</c>, watch the inbox and scan as soon as a file landing there has settled, instead of waiting
    /// for the next <see cref="Cron"/> slot (issue 14 §2). Off where the file system sends no change events (an SMB/NFS
    /// share written by another machine): the cron then stays the only scan, as it is the fallback anyway.
    /// </summary>
    public bool Watch { get; set; } = true;

    /// <summary>A file waiting in the inbox longer than this makes the health check report a stale inbox.</summary>
    [Range(1, 7 * 24 * 60)]
    public int StaleAfterMinutes { get; set; } = 60;

    /// <summary>
    /// Seconds a file must stay unchanged (size and modification time) before the scan loads it, so a
    /// file still being copied into the inbox waits for the next scan. 0 turns the check off.
    /// </summary>
    [Range(0, 3600)]
    public double SettleSeconds { get; set; } = 2;

    /// <summary>
    /// Folder of the operator's own source profiles (<c>*.json</c>, README "Sumber data"), added to the shipped
    /// ones; a file of the same name replaces a shipped profile. Empty: shipped profiles only.
    /// </summary>
    public string? ProfileDir { get; set; }

    /// <summary>A file still in the inbox that failed this many scans in a row makes the health check unhealthy.</summary>
    [Range(1, 1000)]
    public int FailedScansUnhealthy { get; set; } = 3;

    /// <summary>
    /// A kinerja row whose predikat contradicts the PermenPANRB 6/2022 matrix: <c>KeepAndWarn</c> (default: load
    /// it with the source's predikat, record a row warning, count it in <c>mart_kualitas_data</c>) or
    /// <c>Reject</c>. An unknown value stops the service naming the key.
    /// </summary>
    [EnumDataType(typeof(PredikatPolicy), ErrorMessage = "Etl:PredikatPolicy harus KeepAndWarn atau Reject.")]
    public PredikatPolicy PredikatPolicy { get; set; } = PredikatPolicy.KeepAndWarn;
}
