using Kepegawaian.Analytics.Training;

namespace Kepegawaian.Analytics.Tests.Training;

/// <summary>Greedy caliper matching: by hand, and the same pairs as a plain scan of every control (ties included).</summary>
/// <remarks>Equal distances are a tie won by the control below, also where the two differences round apart.</remarks>
public sealed class MatchingTests
{
    private static ImpactUnit Unit(int i, int cohort, bool treated) =>
        new($"P{i}", cohort, treated, 0, 0, null, null, new QuarterObservation(0, "U", "III/a", "pelaksana"), []);

    [Fact]
    public void Each_treated_takes_the_nearest_free_control_within_the_caliper_hardest_first()
    {
        // Logits: T1 0.9, T2 0.5; controls C1 0.85, C2 0.55, C3 0.1. SD of all five logits ≈ 0.327, caliper 0.2·SD ≈ 0.065.
        // Round 1: T1 (highest) takes C1 (0.05 away); T2 takes C2. Round 2: nobody is left within 0.065.
        List<ImpactUnit> all = [Unit(1, 1, true), Unit(2, 1, true), Unit(3, 1, false), Unit(4, 1, false), Unit(5, 1, false)];
        var pairs = Matching.Greedy(all, [0.9, 0.5, 0.85, 0.55, 0.1], caliperSd: 0.2, perTreated: 2);
        Assert.Equal(["P1:P3", "P2:P4"], pairs.Select(p => $"{p.T.Nip}:{string.Join(",", p.C.Select(c => c.Nip))}"));
    }

    [Fact]
    public void A_treated_midway_between_two_controls_takes_the_one_below_even_when_rounding_puts_the_one_above_nearer()
    {
        // 0.95 − 0.9 = 0.04999999999999993 < 0.9 − 0.85 = 0.050000000000000044 in doubles; both are 0.05. Caliper 0.2 × SD
        // of the five logits (≈ 1.42) ≈ 0.28, so both are within it.
        List<ImpactUnit> all = [Unit(1, 1, true), Unit(2, 1, false), Unit(3, 1, false), Unit(4, 1, false), Unit(5, 1, false)];
        var pairs = Matching.Greedy(all, [0.9, 0.85, 0.95, -1.0, 3.0], caliperSd: 0.2, perTreated: 1);
        Assert.Equal(["P1:P2"], pairs.Select(p => $"{p.T.Nip}:{string.Join(",", p.C.Select(c => c.Nip))}"));
    }

    [Fact]
    public void A_control_above_that_is_nearer_by_more_than_rounding_wins()
    {
        // 0.9499990 is 1e-6 nearer to 0.9 than 0.85 is: a real difference, not a tie.
        List<ImpactUnit> all = [Unit(1, 1, true), Unit(2, 1, false), Unit(3, 1, false), Unit(4, 1, false), Unit(5, 1, false)];
        var pairs = Matching.Greedy(all, [0.9, 0.85, 0.949999, -1.0, 3.0], caliperSd: 0.2, perTreated: 1);
        Assert.Equal(["P1:P3"], pairs.Select(p => $"{p.T.Nip}:{string.Join(",", p.C.Select(c => c.Nip))}"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Matches_as_a_scan_of_every_control_does(int seed)
    {
        var rng = new Random(seed);
        // Few distinct logits, so ties are everywhere: equal logits must keep the sample order. Cohort 4 has only treated,
        // cohort 5 only controls.
        var all = Enumerable.Range(0, 3000).Select(i => rng.Next(6) switch
        {
            4 => Unit(i, 4, true),
            5 => Unit(i, 5, false),
            var cohort => Unit(i, cohort, rng.NextDouble() < 0.2),
        }).ToList();
        var logit = all.Select(_ => Math.Round(rng.NextDouble() * 3 - 1.5, 2)).ToArray();

        var expected = Scan(all, logit, 0.2, 6);
        var actual = Matching.Greedy(all, logit, 0.2, 6);

        Assert.Equal(expected.Select(Describe), actual.Select(Describe));
        static string Describe(Matched m) => $"{m.T.Nip}:{string.Join(",", m.C.Select(c => c.Nip))}";
    }

    /// <summary>The radix sort gives LINQ's stable order: ascending or descending logits, equal ones (−0 and +0 too) in row order.</summary>
    [Theory]
    [InlineData(5000, 1)]
    [InlineData(300, 2)]
    [InlineData(1, 3)]
    [InlineData(0, 4)]
    public void Logits_sort_as_LINQs_stable_order_does(int n, int seed)
    {
        var rng = new Random(seed);
        double[] special = [0.0, -0.0, double.Epsilon, -double.Epsilon, 1e300, -1e300, 1.0, -1.0];
        var logit = Enumerable.Range(0, n).Select(_ => rng.Next(4) switch
        {
            0 => special[rng.Next(special.Length)],
            1 => Math.Round(rng.NextDouble() * 4 - 2, 1),   // many ties
            _ => (rng.NextDouble() - 0.5) * Math.Pow(10, rng.Next(-12, 12)),
        }).ToArray();
        var rows = Enumerable.Range(0, n).Where(_ => rng.Next(3) > 0).ToList();   // ascending, with gaps

        foreach (var descending in new[] { false, true })
        {
            var expected = descending ? rows.OrderByDescending(r => logit[r]).ToArray() : rows.OrderBy(r => logit[r]).ToArray();
            var (keys, sorted) = Matching.StableSort(rows, logit, descending);
            Assert.Equal(expected, sorted);
            Assert.Equal(expected.Select(r => logit[r]), keys);   // the same values (−0 and +0 compare equal)
        }
    }

    /// <summary>
    /// The matching as first written (LINQ's stable sorts and a linear walk past used controls), with the tie rule: the
    /// control above wins only when it is nearer by more than 1e-9.
    /// </summary>
    private static List<Matched> Scan(List<ImpactUnit> all, double[] logit, double caliperSd, int perTreated)
    {
        var caliper = caliperSd * TrainingImpact.StdDev(logit);
        var result = new List<Matched>();
        foreach (var cohort in all.Select((u, i) => (Unit: u, Logit: logit[i])).GroupBy(x => x.Unit.Cohort))
        {
            var controls = cohort.Where(x => !x.Unit.Treated).OrderBy(x => x.Logit).ToList();
            var keys = controls.Select(x => x.Logit).ToArray();
            var used = new bool[controls.Count];
            var treated = cohort.Where(x => x.Unit.Treated).OrderByDescending(x => x.Logit).Select(x => (x.Logit, Match: new Matched(x.Unit, []))).ToList();
            for (var round = 0; round < perTreated; round++)
                foreach (var (t, m) in treated)
                {
                    if (m.C.Count < round) continue;
                    var pos = Array.BinarySearch(keys, t);
                    if (pos < 0) pos = ~pos;
                    int best = -1; var bestDistance = double.MaxValue;
                    for (var i = pos - 1; i >= 0 && t - keys[i] <= caliper; i--)
                        if (!used[i]) { best = i; bestDistance = t - keys[i]; break; }
                    for (var i = pos; i < keys.Length && keys[i] - t <= caliper && keys[i] - t < bestDistance - 1e-9; i++)
                        if (!used[i]) { best = i; break; }
                    if (best < 0) continue;
                    used[best] = true;
                    m.C.Add(controls[best].Unit);
                }
            result.AddRange(treated.Select(x => x.Match).Where(m => m.C.Count > 0));
        }
        return result;
    }
}
