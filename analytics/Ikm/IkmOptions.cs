using System.ComponentModel.DataAnnotations;

namespace Kepegawaian.Analytics.Ikm;

/// <summary>Settings of the IKM analytics, bound from the <c>Analytics</c> configuration section.</summary>
public sealed class IkmOptions
{
    public const string Section = "Analytics";

    /// <summary>Smallest respondent group shown unsuppressed in profile breakdowns (spec §4 small cells).</summary>
    [Range(1, 1000)]
    public int MinCellSize { get; set; } = 5;

    /// <summary>How many of the lowest-NRR elements are listed per unit and period.</summary>
    [Range(1, 9)]
    public int WeakElementCount { get; set; } = 3;
}
