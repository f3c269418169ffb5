using Kepegawaian.Analytics.Efficiency;
using Kepegawaian.Testing;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Analytics.Tests.Efficiency;

/// <summary>Leave that runs into a year without a holiday table is named, never silently counted.</summary>
public sealed class HolidayCoverageTests
{
    [Fact]
    public void A_year_counts_as_covered_when_its_list_was_entered_not_for_one_local_day()
    {
        var shipped = WorkingCalendar.Load();
        Assert.True(shipped.Covers(2023));
        Assert.True(shipped.Covers(2027));
        Assert.False(shipped.Covers(2028));
        // One local holiday in 2028 is not that year's national list.
        Assert.False(WorkingCalendar.Load(["2028-06-01,Hari jadi kota"]).Covers(2028));
        Assert.True(WorkingCalendar.Load(["2028-01-01,Tahun Baru 2028 Masehi"]).Covers(2028));
    }

    [Fact]
    public void Years_from_first_submission_to_last_decision_and_the_reference_year_are_checked()
    {
        using var wh = new TempWarehouse();
        using var c = wh.Open();
        CutiData.Request(c, "U1", "2027-12-30 09:00", "2028-01-03 10:00");   // decided in 2028
        CutiData.Request(c, "U1", "2027-06-01 09:00", null);
        var calendar = WorkingCalendar.Load();

        Assert.Equal([2027, 2028], HolidayCoverage.Years(c, calendar, referenceYear: 2028).Select(y => y.Tahun));
        Assert.Equal([2028], HolidayCoverage.Missing(c, calendar, referenceYear: 2028));
        Assert.Equal([2028, 2029], HolidayCoverage.Missing(c, calendar, referenceYear: 2029)); // pending requests age into 2029
        var warning = HolidayCoverage.Warning([2028]);
        Assert.Contains("2028", warning);
        Assert.Contains("Analytics:ExtraHolidays", warning);
        Assert.Null(HolidayCoverage.Warning([]));
    }

    [Fact]
    public void An_empty_warehouse_needs_no_holiday_table()
    {
        using var wh = new TempWarehouse();
        using var c = wh.Open();
        Assert.Empty(HolidayCoverage.Missing(c, WorkingCalendar.Load(), referenceYear: 2031));
    }

    [Fact]
    public void The_refresh_records_the_uncovered_years_for_the_report()
    {
        using var wh = new TempWarehouse();
        using var c = wh.Open();
        CutiData.Request(c, "U1", "2027-12-28 09:00", "2028-01-04 10:00");
        EfisiensiMarts.Refresh(c, new EfisiensiOptions { ReferenceTime = new DateTime(2028, 1, 5, 12, 0, 0) });
        Assert.Equal("2028", c.Scalar<string>("SELECT string_agg(tahun::VARCHAR, ',' ORDER BY tahun) FROM mart_libur_cakupan WHERE NOT tercakup"));
        Assert.Equal("2027", c.Scalar<string>("SELECT string_agg(tahun::VARCHAR, ',' ORDER BY tahun) FROM mart_libur_cakupan WHERE tercakup"));
    }
}
