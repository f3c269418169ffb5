using Kepegawaian.Analytics.Common;

namespace Kepegawaian.Reports.Weekly;

/// <summary>ISO report weeks in the schedule's time zone (<c>Schedule:TimeZone</c>, passed in by the caller).</summary>
public static class ReportWeeks
{
    /// <summary>The last ISO week that has fully ended at <paramref name="now"/> in <paramref name="zone"/>.</summary>
    public static Periode LastComplete(DateTimeOffset now, TimeZoneInfo zone)
    {
        var local = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        return Periode.Containing(PeriodeKind.Minggu, local).Previous();
    }

    /// <summary>Parses <c>YYYY-Www</c>; anything else is a usage error.</summary>
    public static Periode Parse(string text) =>
        Periode.TryParse(text, out var p) && p.Kind == PeriodeKind.Minggu
            ? p
            : throw new FormatException($"Minggu '{text}' tidak valid; tulis YYYY-Www, mis. 2026-W47. / Week must be YYYY-Www.");

    /// <summary>Start of the week as an instant in the zone (Monday 00:00 local).</summary>
    public static DateTimeOffset StartInstant(Periode week, TimeZoneInfo zone)
    {
        var local = week.Start.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>Monday 00:00 after the week, local: the earliest moment the week is complete.</summary>
    public static DateTimeOffset EndInstant(Periode week, TimeZoneInfo zone) => StartInstant(week.Next(), zone);
}
