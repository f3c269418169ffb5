using Kepegawaian.Analytics.Training;

namespace Kepegawaian.Analytics.Tests.Training;

/// <summary>Who is treated and who may serve as a not-yet-treated control, on a hand-made panel with every case once.</summary>
public sealed class ImpactSampleTests
{
    // Cohort 2023-Q3: window [start of 2023-Q2, end of 2024-Q1]; baseline quarters 2022-Q3 … 2023-Q1.
    private static readonly int Qe = Quarters.Index(new DateOnly(2023, 7, 1));
    private static readonly TrainingGroup Teknis = new("teknis", TrainingGroup.Jenis);

    [Fact]
    public void Controls_exclude_records_overlapping_the_window_and_earlier_completions_but_keep_later_trainees()
    {
        var data = Data(
            ("E01-none", Full, []),
            ("E02-lulus-before", Full, [Record("teknis", "2022-01-10", "2022-01-20", "lulus")]),
            ("E03-lulus-after", Full, [Record("teknis", "2024-04-02", "2024-04-10", "lulus")]),
            ("E04-lulus-starts-in-window", Full, [Record("teknis", "2024-03-30", "2024-04-10", "lulus")]),
            ("E05-failed-before", Full, [Record("teknis", "2022-01-10", "2022-01-20", "tidak_lulus")]),
            ("E06-failed-in-window", Full, [Record("teknis", "2023-05-02", "2023-05-09", "tidak_lulus")]),
            ("E07-failed-ends-at-window-start", Full, [Record("teknis", "2023-03-20", "2023-04-01", "tidak_lulus")]),
            ("E08-other-group", Full, [Record("manajerial", "2023-08-01", "2023-08-10", "lulus")]),
            ("E09-incomplete", [Qe - 4, Qe - 1, Qe, Qe + 2], []),
            ("E10-no-baseline", [Qe - 1, Qe, Qe + 1, Qe + 2], []),
            ("E11-failed-ends-the-day-before", Full, [Record("teknis", "2023-03-01", "2023-03-31", "tidak_lulus")]),
            ("E12-failed-before-then-lulus-in-window", Full,
                [Record("teknis", "2022-01-10", "2022-01-20", "tidak_lulus"), Record("teknis", "2023-12-01", "2023-12-05", "lulus")]));

        Assert.Equal(["E01-none", "E03-lulus-after", "E05-failed-before", "E08-other-group", "E11-failed-ends-the-day-before"],
            Controls(data, withBaseline: true));
        Assert.Equal(["E01-none", "E03-lulus-after", "E05-failed-before", "E08-other-group", "E10-no-baseline", "E11-failed-ends-the-day-before"],
            Controls(data, withBaseline: false));
    }

    [Fact]
    public void The_treated_are_first_completions_with_complete_windows_and_no_second_completion_inside_them()
    {
        var data = Data(
            ("E01-once", Full, [Record("teknis", "2023-07-03", "2023-07-10", "lulus")]),
            ("E02-twice-in-window", Full, [Record("teknis", "2023-07-03", "2023-07-10", "lulus"), Record("teknis", "2023-11-01", "2023-11-05", "lulus")]),
            ("E03-again-years-later", Full, [Record("teknis", "2023-07-03", "2023-07-10", "lulus"), Record("teknis", "2025-01-06", "2025-01-09", "lulus")]),
            ("E04-failed-then-passed", Full, [Record("teknis", "2023-02-01", "2023-02-10", "tidak_lulus"), Record("teknis", "2023-07-03", "2023-07-10", "lulus")]),
            ("E05-no-baseline", [Qe - 1, Qe, Qe + 1, Qe + 2], [Record("teknis", "2023-07-03", "2023-07-10", "lulus")]),
            ("E06-incomplete", [Qe - 3, Qe - 1, Qe, Qe + 1], [Record("teknis", "2023-07-03", "2023-07-10", "lulus")]),
            ("E07-other-group", Full, [Record("manajerial", "2023-07-03", "2023-07-10", "lulus")]),
            // Listed first but ended later: the first completion is the second record (2023-Q1), and the long course, lulus
            // too, overlaps that cohort's window; keeping the record listed first would make this a 2023-Q3 participant.
            ("E08-long-course-around-a-short-one", Full,
                [Record("teknis", "2023-01-05", "2023-07-10", "lulus"), Record("teknis", "2023-02-01", "2023-02-20", "lulus")]));

        var treated = ImpactSample.Treated(data, Teknis);

        Assert.Equal(
            // Employee = the panel index, i.e. the position in the list above.
            [new("E01-once", Qe, true, 0), new("E03-again-years-later", Qe, true, 2), new("E04-failed-then-passed", Qe, true, 3), new Participant("E05-no-baseline", Qe, false, 4)],
            treated);
        var unit = ImpactSample.TreatedUnit(data, treated[0]);
        Assert.True(unit.Treated);
        // Outcome = quarter index (Data): pre = mean of qe−1 and qe, post of qe+1 and qe+2, baseline of qe−4 … qe−2.
        Assert.Equal((Qe, (Qe - 1 + Qe) / 2.0, (Qe + 1 + Qe + 2) / 2.0, Qe - 3.0), (unit.Cohort, unit.Pre, unit.Post, unit.Baseline));
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(10, 3, 2)]
    [InlineData(1_000, 999, 3)]
    [InlineData(50_000, 12_000, 4)]
    [InlineData(50_000, 7, 5)]
    public void RandomFirst_takes_what_ordering_by_a_random_key_and_taking_the_first_gives(int n, int take, int seed)
    {
        var items = Enumerable.Range(0, n).Select(i => i * 7 + 3).ToArray();
        var reference = new Random(seed);
        int[] expected = [.. items.OrderBy(_ => reference.Next()).Take(take)];

        var got = TrainingImpact.RandomFirst(items, n, take, new Random(seed));

        Assert.Equal(take, got);
        Assert.Equal(expected, items[..take]);
    }

    [Fact]
    public void RandomFirst_of_none_draws_no_key()
    {
        var rng = new Random(9);

        Assert.Equal(0, TrainingImpact.RandomFirst([1, 2, 3], 3, 0, rng));
        Assert.Equal(new Random(9).Next(), rng.Next());
    }

    private static readonly int[] Full = [Qe - 4, Qe - 3, Qe - 2, Qe - 1, Qe, Qe + 1, Qe + 2];

    /// <summary>Employees in the given order, each observed in the given quarters with outcome = quarter index.</summary>
    private static TrainingData Data(params (string Nip, int[] Quarters, TrainingRecord[] Records)[] employees)
    {
        var panel = new Dictionary<string, QuarterSeries>();
        foreach (var (nip, quarters, _) in employees)
            panel[nip] = QuarterSeries.Of(quarters.ToDictionary(q => q, q => new QuarterObservation(q, "U1", "III/a", "pelaksana")));
        var records = employees.SelectMany(e => e.Records.Select(r => r with { Nip = e.Nip })).ToList();
        return new TrainingData(panel, records, "nilai_skp");
    }

    private static TrainingRecord Record(string jenis, string mulai, string selesai, string status) =>
        new("?", jenis.ToUpperInvariant() + "-01", jenis, DateOnly.Parse(mulai), DateOnly.Parse(selesai), 24, status, null, null, null);

    private static string[] Controls(TrainingData data, bool withBaseline)
    {
        var employees = new int[data.Panel.Count];
        var n = ImpactSample.NotYetTreated(data, ImpactSample.Blocked(data, Teknis), Qe, withBaseline, employees);
        var nips = data.Panel.Keys.ToArray();
        return [.. employees.Take(n).Select(e => nips[e])];
    }
}
