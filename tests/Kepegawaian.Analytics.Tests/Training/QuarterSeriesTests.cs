using Kepegawaian.Analytics.Training;

namespace Kepegawaian.Analytics.Tests.Training;

public sealed class QuarterSeriesTests
{
    [Fact]
    public void A_series_returns_each_observed_quarter_with_its_covariates_and_nothing_for_gaps_or_outside()
    {
        var series = QuarterSeries.Of(new Dictionary<int, QuarterObservation>
        {
            [8101] = new(80.5, "U1", "III/a", "pelaksana"),
            [8099] = new(78, "U1", "II/d", "pelaksana"),
            [8102] = new(81, "U2", "III/a", "fungsional"),
        });

        Assert.True(series.TryGetValue(8099, out var a));
        Assert.Equal(new QuarterObservation(78, "U1", "II/d", "pelaksana"), a);
        Assert.False(series.TryGetValue(8100, out _));   // a gap inside the span
        Assert.False(series.TryGetValue(8098, out _));
        Assert.False(series.TryGetValue(8103, out _));
        Assert.True(series.TryGetValue(8102, out var c));
        Assert.Equal(new QuarterObservation(81, "U2", "III/a", "fungsional"), c);
    }

    [Fact]
    public void Series_built_one_after_another_keep_their_own_quarters_and_the_last_row_of_a_quarter_wins()
    {
        var builder = new QuarterSeries.Builder();
        builder.Add(10, 1, new(0, "U1", "?", "?"));
        builder.Add(10, 2, new(0, "U2", "?", "?"));
        var first = builder.Build();
        builder.Add(20, 3, new(0, "U1", "?", "?"));
        var second = builder.Build();

        Assert.True(first.TryGetValue(10, out var x));
        Assert.Equal(new QuarterObservation(2, "U2", "?", "?"), x);
        Assert.False(first.TryGetValue(20, out _));
        Assert.True(second.TryGetValue(20, out var y));
        Assert.Equal(3, y.Outcome);
        Assert.Throws<ArgumentException>(() => { builder.Add(5, 1, new(0, "U1", "?", "?")); builder.Add(4, 1, new(0, "U1", "?", "?")); });
    }
}
