using Kepegawaian.Analytics.Efficiency;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Analytics.Tests.Efficiency;

public sealed class WorkingCalendarTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.Load();
    private static DateTime T(string s) => DateTime.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    // Fri 15:00 → Mon 09:00: Fri 9 h + Mon 9 h of working days = 18/24 = 0.75 (weekend counts 0)
    [InlineData("2026-11-20 15:00", "2026-11-23 09:00", 0.75)]
    // same working day 08:00 → 14:00 = 6/24
    [InlineData("2026-11-24 08:00", "2026-11-24 14:00", 0.25)]
    // Sat 10:00 → Mon 12:00: only Monday's 12 h count
    [InlineData("2026-11-21 10:00", "2026-11-23 12:00", 0.5)]
    // Fri 14 Aug 10:00 → Tue 18 Aug 10:00, Mon 17 Aug is HUT RI: 14/24 + 10/24 = 1
    [InlineData("2026-08-14 10:00", "2026-08-18 10:00", 1.0)]
    // Tue 17 Mar 12:00 → Wed 25 Mar 12:00, 2026: 18 cuti bersama Nyepi, 19 Nyepi, 20 cuti bersama,
    // 21–22 Idul Fitri (weekend), 23–24 cuti bersama: 12/24 + 12/24 = 1
    [InlineData("2026-03-17 12:00", "2026-03-25 12:00", 1.0)]
    // Thu 24 Dec 2026 (cuti bersama) 09:00 → Mon 28 Dec 09:00: 24 and 25 off, weekend off → only Mon 9 h
    [InlineData("2026-12-24 09:00", "2026-12-28 09:00", 0.375)]
    public void Working_days_count_only_time_on_working_days(string from, string to, double expected) =>
        Assert.Equal(expected, Calendar.WorkingDaysBetween(T(from), T(to)), 12);

    [Fact]
    public void Extra_holidays_from_configuration_are_excluded()
    {
        var calendar = WorkingCalendar.Load(["2026-11-23,Libur daerah"]);
        // as the first case, but Monday is now off: only Friday's 9 h
        Assert.Equal(0.375, calendar.WorkingDaysBetween(T("2026-11-20 15:00"), T("2026-11-23 09:00")), 12);
        Assert.Contains(calendar.Holidays, h => h.Nama == "Libur daerah");
        Assert.Throws<FormatException>(() => WorkingCalendar.Load(["23/11/2026"]));
    }

    [Fact]
    public void Shipped_table_covers_2023_to_2027()
    {
        var years = WorkingCalendar.Shipped().Select(h => h.Tanggal.Year).Distinct().Order();
        Assert.Equal([2023, 2024, 2025, 2026, 2027], years);
        Assert.All(WorkingCalendar.Shipped().Where(h => h.Tanggal.Month == 8 && h.Tanggal.Day == 17), h => Assert.Contains("Kemerdekaan", h.Nama));
        Assert.Equal(5, WorkingCalendar.Shipped().Count(h => h.Tanggal is { Month: 8, Day: 17 }));
    }
}
