using Kepegawaian.Analytics.Common;

namespace Kepegawaian.Analytics.Tests.Common;

public sealed class PeriodeTests
{
    [Theory]
    [InlineData("2026", "2026-01-01", "2027-01-01")]
    [InlineData("2026-S2", "2026-07-01", "2027-01-01")]
    [InlineData("2026-Q3", "2026-07-01", "2026-10-01")]
    [InlineData("2026-02", "2026-02-01", "2026-03-01")]
    [InlineData("2026-W01", "2025-12-29", "2026-01-05")]   // ISO week 1 of 2026 starts Monday 29 Dec 2025
    [InlineData("2026-W47", "2026-11-16", "2026-11-23")]
    public void Parses_each_written_form_to_its_half_open_range(string text, string start, string end)
    {
        var p = Periode.Parse(text);
        Assert.Equal(DateOnly.Parse(start), p.Start);
        Assert.Equal(DateOnly.Parse(end), p.End);
        Assert.Equal(text, p.ToString());
    }

    [Theory]
    [InlineData("2026-Q5")]
    [InlineData("2026-S3")]
    [InlineData("2026-13")]
    [InlineData("2026-W54")]
    [InlineData("26-Q1")]
    public void Rejects_impossible_periods(string text) => Assert.False(Periode.TryParse(text, out _));

    [Fact]
    public void Previous_crosses_year_boundaries()
    {
        Assert.Equal("2025-Q4", Periode.Parse("2026-Q1").Previous().ToString());
        Assert.Equal("2025-S2", Periode.Parse("2026-S1").Previous().ToString());
        Assert.Equal("2025-W52", Periode.Parse("2026-W01").Previous().ToString());
    }
}
