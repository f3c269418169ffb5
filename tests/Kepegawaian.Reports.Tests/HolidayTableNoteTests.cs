using Kepegawaian.Testing;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Reports.Tests;

/// <summary>The report says when leave times ran through a year the holiday table does not cover.</summary>
public sealed class HolidayTableNoteTests
{
    [Fact]
    public void The_leave_section_names_the_years_without_a_holiday_table()
    {
        using var wh = ReportSeed.Create();
        using (var c = wh.Open())
        {
            c.Execute("CREATE TABLE IF NOT EXISTS mart_libur_cakupan (tahun INTEGER, tercakup BOOLEAN)");
            c.Execute("INSERT INTO mart_libur_cakupan VALUES (2027, true), (2028, false)");
        }
        var cuti = ReportSeed.Builder(wh).Build(ReportSeed.Week).Sections.Single(s => s.Id == "cuti");
        Assert.Contains(cuti.Paragraphs, p => p.Contains("belum memuat tahun 2028", StringComparison.Ordinal) && p.Contains("Analytics:ExtraHolidays", StringComparison.Ordinal));
    }

    [Fact]
    public void No_note_when_every_year_is_covered()
    {
        using var wh = ReportSeed.Create();
        var cuti = ReportSeed.Builder(wh).Build(ReportSeed.Week).Sections.Single(s => s.Id == "cuti");
        Assert.DoesNotContain(cuti.Paragraphs, p => p.Contains("hari libur", StringComparison.Ordinal));
    }
}
