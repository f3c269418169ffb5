using DuckDB.NET.Data;
using Kepegawaian.Analytics.Common;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Analytics.Efficiency;

/// <summary>A calendar year the leave data runs through, and whether the holiday table covers it.</summary>
public sealed record HolidayYear(int Tahun, bool Tercakup);

/// <summary>
/// Which years of the leave data have a holiday table. Without one, national holidays in that year
/// count as working days and processing times come out too long, so every output that counts working
/// days says so (CLI, health, report) instead of computing silently.
/// </summary>
public static class HolidayCoverage
{
    /// <summary>
    /// The years <c>fact_cuti</c> runs through plus <paramref name="referenceYear"/>, the year pending requests age up
    /// to; null when they age to the data-through time (EfisiensiAnalysis.ReferenceTime), whose year is among them.
    /// </summary>
    public static IReadOnlyList<HolidayYear> Years(DuckDBConnection connection, WorkingCalendar calendar, int? referenceYear)
    {
        var years = new SortedSet<int>();
        using (var cmd = connection.Command(MartSql.Read("efisiensi_tahun_data")))
        using (var r = cmd.ExecuteReader())
            while (r.Read()) years.Add(r.GetInt32(0));
        if (referenceYear is { } y && years.Count > 0) years.Add(y);
        return years.Select(t => new HolidayYear(t, calendar.Covers(t))).ToList();
    }

    public static IReadOnlyList<int> Missing(DuckDBConnection connection, WorkingCalendar calendar, int? referenceYear) =>
        Years(connection, calendar, referenceYear).Where(y => !y.Tercakup).Select(y => y.Tahun).ToList();

    /// <summary>The operator's warning for <paramref name="missing"/> years (Indonesian / English), or null when none.</summary>
    public static string? Warning(IReadOnlyCollection<int> missing) => missing.Count == 0 ? null
        : $"Tabel hari libur nasional tidak memuat tahun {string.Join(", ", missing)}: hari libur di tahun itu dihitung sebagai hari kerja. " +
          "Tambahkan tanggal libur dan cuti bersama tahun itu (termasuk 1 Januari) di Analytics:ExtraHolidays atau warehouse/Data/libur_nasional.csv, lalu segarkan mart. " +
          $"/ The holiday table has no entries for {string.Join(", ", missing)}: holidays there count as working days; add that year's holidays (including 1 January) to Analytics:ExtraHolidays.";
}
