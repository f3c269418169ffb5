using Kepegawaian.Warehouse;

namespace Kepegawaian.Etl.Synthetic;

/// <summary>
/// Office days and hours, local wall clock (the files carry no offset, so they load in Schedule:TimeZone): Monday–Friday, 08:00–16:00 (8 working hours), without the fixed-date national
/// holidays (moving religious holidays are not modelled in the synthetic data).
/// </summary>
internal static class WorkCalendar
{
    public const int OpenHour = 8;
    public const int CloseHour = 16;
    public const double HoursPerDay = CloseHour - OpenHour;

    public static bool IsWorkingDay(DateOnly d) =>
        d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
        && !(d.Month == 1 && d.Day == 1) && !(d.Month == 5 && d.Day == 1) && !(d.Month == 6 && d.Day == 1)
        && !(d.Month == 8 && d.Day == 17) && !(d.Month == 12 && d.Day == 25);

    public static DateOnly NextWorkingDay(DateOnly d)
    {
        while (!IsWorkingDay(d)) d = d.AddDays(1);
        return d;
    }

    /// <summary>The date after adding <paramref name="days"/> working days − 1 (a 1-day leave ends the day it starts).</summary>
    public static DateOnly EndOfSpan(DateOnly start, int days)
    {
        var d = NextWorkingDay(start);
        for (var i = 1; i < days; i++) d = NextWorkingDay(d.AddDays(1));
        return d;
    }

    /// <summary>
    /// The city's real calendar (shipped national holidays and cuti bersama) for leave dates: lama_hari counts hari kerja
    /// (PP 11/2017) and a profile recounts it from the dates with this calendar (ecuti.json workingDays), so they must agree.
    /// </summary>
    public static readonly WorkingCalendar Leave = WorkingCalendar.Load();

    public static DateOnly LeaveStart(DateOnly d)
    {
        while (!Leave.IsWorkingDay(d)) d = d.AddDays(1);
        return d;
    }

    /// <summary>The last day of a leave of <paramref name="days"/> working days from <paramref name="start"/> (a 1-day leave ends the day it starts).</summary>
    public static DateOnly LeaveEnd(DateOnly start, int days)
    {
        var d = LeaveStart(start);
        for (var i = 1; i < days; i++) d = LeaveStart(d.AddDays(1));
        return d;
    }

    /// <summary>Adds working hours, counting only office hours on working days; the result is always inside office hours.</summary>
    public static DateTime AddWorkingHours(DateTime start, double hours)
    {
        var t = Normalize(start);
        var remaining = hours;
        while (true)
        {
            var close = t.Date.AddHours(CloseHour);
            var left = (close - t).TotalHours;
            if (remaining < left) return Trim(t.AddHours(remaining));
            remaining -= left;
            var next = NextWorkingDay(DateOnly.FromDateTime(t).AddDays(1));
            t = next.ToDateTime(new TimeOnly(OpenHour, 0));
            if (remaining <= 0) return t;
        }
    }

    private static DateTime Normalize(DateTime t)
    {
        var d = DateOnly.FromDateTime(t);
        if (IsWorkingDay(d) && t.Hour >= OpenHour && t < t.Date.AddHours(CloseHour)) return t;
        if (IsWorkingDay(d) && t.Hour < OpenHour) return d.ToDateTime(new TimeOnly(OpenHour, 0));
        return NextWorkingDay(d.AddDays(1)).ToDateTime(new TimeOnly(OpenHour, 0));
    }

    private static DateTime Trim(DateTime t) => new(t.Year, t.Month, t.Day, t.Hour, t.Minute, t.Second);
}
