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

    /// <summary>Quarters (the latest and those before it) over which an alert's IKM trend is fitted.</summary>
    [Range(3, 16)]
    public int AlertQuarters { get; set; } = 8;

    /// <summary>Fewest quarters with responses in that window for a trend to be tested at all.</summary>
    [Range(3, 16)]
    public int AlertMinQuarters { get; set; } = 4;

    /// <summary>
    /// Benjamini–Hochberg false-discovery rate: a decline is an alert when its q-value is at most this, so on
    /// average at most this share of a period's alerts are false.
    /// </summary>
    [Range(0.001, 0.5)]
    public double AlertFdr { get; set; } = 0.05;}
