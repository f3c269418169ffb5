using Kepegawaian.Analytics.Training;

namespace Kepegawaian.Analytics.Tests.Training;

public sealed class MultiplicityTests
{
    // p = 0.01, 0.04, 0.03, 0.005, (not tested). Sorted: 0.005, 0.01, 0.03, 0.04; m = 4.
    private static readonly double?[] P = [0.01, 0.04, 0.03, 0.005, null];

    [Fact]
    public void Holm_by_hand()
    {
        // 4·0.005 = 0.02; 3·0.01 = 0.03; 2·0.03 = 0.06; 1·0.04 = 0.04 → running max 0.06.
        var holm = Multiplicity.Holm(P);
        Assert.Equal([0.03, 0.06, 0.06, 0.02, null], holm.Select(v => v is { } x ? Math.Round(x, 10) : (double?)null));
    }

    [Fact]
    public void Benjamini_hochberg_by_hand()
    {
        // From the largest: 4/4·0.04 = 0.04; 4/3·0.03 = 0.04; 4/2·0.01 = 0.02; 4/1·0.005 = 0.02 (running min).
        var q = Multiplicity.BenjaminiHochberg(P);
        Assert.Equal([0.02, 0.04, 0.04, 0.02, null], q.Select(v => v is { } x ? Math.Round(x, 10) : (double?)null));
    }

    [Fact]
    public void Adjusted_p_never_exceeds_one()
    {
        Assert.Equal([1.0, 1.0], Multiplicity.Holm([0.6, 0.9]));
        Assert.Equal([0.9, 0.9], Multiplicity.BenjaminiHochberg([0.6, 0.9]));
    }
}
