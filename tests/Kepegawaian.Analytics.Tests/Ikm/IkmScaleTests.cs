using Kepegawaian.Analytics.Ikm;

namespace Kepegawaian.Analytics.Tests.Ikm;

public sealed class IkmScaleTests
{
    private static long[] Nine(long v) => Enumerable.Repeat(v, 9).ToArray();

    [Fact]
    public void All_fours_give_exactly_100()
    {
        // NRR_i = 4 for all i; Σ = 36; 36 / 9 × 25 = 100 exactly (0.111 would give 99.90).
        Assert.Equal(100.00m, IkmScale.Ikm(Nine(40), Nine(10)));
        Assert.Equal("A", IkmScale.Grade(100.00m).Mutu);
    }

    [Fact]
    public void Exact_midpoint_rounds_half_away_from_zero_into_grade_A()
    {
        // 5000 respondents, every element sum 17661: NRR = 3.5322, Σ = 31.7898,
        // IKM = 31.7898 × 25 / 9 = 88.305 exactly → 88.31 (A). Double arithmetic gives 88.30499… → B.
        var ikm = IkmScale.Ikm(Nine(17661), Nine(5000));
        Assert.Equal(88.31m, ikm);
        Assert.Equal("A", IkmScale.Grade(ikm!.Value).Mutu);
    }

    [Fact]
    public void Element_without_answers_has_no_ikm()
    {
        var counts = Nine(10);
        counts[4] = 0;
        Assert.Null(IkmScale.Ikm(Nine(30), counts));
    }

    [Theory]
    [InlineData("88.31", "A", "Sangat Baik")]
    [InlineData("88.30", "B", "Baik")]
    [InlineData("76.61", "B", "Baik")]
    [InlineData("76.60", "C", "Kurang Baik")]
    [InlineData("65.00", "C", "Kurang Baik")]
    [InlineData("64.99", "D", "Tidak Baik")]
    [InlineData("25.00", "D", "Tidak Baik")]
    public void Grade_bands_follow_the_converted_interval_table(string ikm, string mutu, string kinerja)
    {
        var g = IkmScale.Grade(decimal.Parse(ikm, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal((mutu, kinerja), (g.Mutu, g.Kinerja));
    }

    [Theory] // Krejcie & Morgan (1970) published table, as listed in domain.md
    [InlineData(10, 10)]
    [InlineData(20, 19)]
    [InlineData(50, 44)]
    [InlineData(100, 80)]
    [InlineData(220, 140)]
    [InlineData(300, 169)]
    [InlineData(1200, 291)]
    [InlineData(2000, 322)]
    [InlineData(10000, 370)]
    [InlineData(1000000, 384)]
    public void Krejcie_Morgan_minimum_matches_the_published_table(long population, int sample) =>
        Assert.Equal(sample, IkmScale.KrejcieMorganMinimum(population));

    [Fact]
    public void Unknown_population_has_no_minimum_sample() => Assert.Null(IkmScale.KrejcieMorganMinimum(null));
}
