namespace Kepegawaian.Reports.Tests;

public sealed class ReportTextTests
{
    [Fact]
    public void Indonesian_numbers_use_dot_for_thousands_and_comma_for_decimals()
    {
        Assert.Equal("1.234,5", ReportText.Indonesian.N(1234.5, 1));
        Assert.Equal("1,234.5", ReportText.EnglishText.N(1234.5, 1));
        Assert.Equal("62,5 %", ReportText.Indonesian.Pct(0.625));
    }

    [Fact]
    public void Indonesian_month_names_are_used_by_default()
    {
        Assert.Equal("16 November 2026", ReportText.For(null).Date(new DateOnly(2026, 11, 16)));
        Assert.Equal("Agu 2026", ReportText.For("id").MonthYear(new DateOnly(2026, 8, 1)));
        Assert.Equal("Aug 2026", ReportText.For("en").MonthYear(new DateOnly(2026, 8, 1)));
    }

    [Fact]
    public void P_values_below_one_in_a_thousand_are_not_printed_as_zero()
    {
        Assert.Equal("< 0,001", ReportText.Indonesian.P(0.00004));
        Assert.Equal("< 0.001", ReportText.EnglishText.P(0.00004));
        Assert.Equal("0,012", ReportText.Indonesian.P(0.0123));
        Assert.Equal("–", ReportText.Indonesian.P(null));
    }
}
