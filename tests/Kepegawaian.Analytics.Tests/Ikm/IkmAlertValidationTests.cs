using Kepegawaian.Analytics.Common;
using Kepegawaian.Analytics.Ikm;
using Kepegawaian.Etl;
using Kepegawaian.Etl.Synthetic;
using Kepegawaian.Testing;
using Xunit.Abstractions;

namespace Kepegawaian.Analytics.Tests.Ikm;

/// <summary>
/// The alerts against the generator's known truth over several seeds of a realistic city (15 000 employees, three
/// years, ending 30 November like the demo, so the last quarter is partial): the four
/// <see cref="InjectedEffects.DecliningSkmUnits"/> lose 1.2 IKM points per quarter; every other unit is flat except
/// for the level-4 training effect, which raises a unit's IKM by 2 points for a year (GenerationResult.IkmRaisedYears)
/// and so also drops it by 2 points when that year ends. Only unit_kerja and skm are loaded: all the IKM needs.
/// </summary>
public sealed class IkmAlertValidationTests(ITestOutputHelper output)
{
    private static readonly int[] Seeds = [42, 7, 2026, 11, 99];
    private static readonly DateOnly EndDate = new(2026, 11, 30);

    [Fact]
    [Trait("Category", "Scenario")]
    public async Task Injected_decliners_are_flagged_and_other_units_rarely()
    {
        var options = new IkmOptions();
        var declining = InjectedEffects.DecliningSkmUnits.ToHashSet(StringComparer.Ordinal);
        int seedsAllFlagged = 0, seedsRankedFirst = 0, quarterCount = 0, otherAlerts = 0, noiseAlerts = 0;
        foreach (var seed in Seeds)
        {
            using var wh = new TempWarehouse();
            var inbox = wh.Folder.Sub("inbox");
            var generated = await SyntheticGenerator.GenerateAsync(new GeneratorOptions
                { OutDir = wh.Folder.Sub("gen"), Employees = 15_000, Years = 3, Seed = seed, EndDate = EndDate });
            foreach (var f in generated.Files.Where(f => f.Entity is "unit_kerja" or "skm"))
                File.Copy(f.Path, Path.Combine(inbox, Path.GetFileName(f.Path)));
            await new EtlRunner(wh.Database).RunAsync(new EtlRequest(inbox));

            using var c = wh.Open();
            var results = IkmAnalysis.Compute(c);
            var alerts = IkmAlerts.Detect(results, IkmAnalysis.Trends(results), options)
                .Where(a => a.Status == IkmAlertStatus.Peringatan && a.Level == IkmLevel.Unit).ToList();

            // Quarters in which a trend can be tested: at least AlertMinQuarters quarters of data up to them.
            var quarters = results.Where(r => r.Level == IkmLevel.Kota && r.JenisPeriode == "triwulan")
                .OrderBy(r => r.PeriodeMulai).Select(r => r.Periode).Skip(options.AlertMinQuarters - 1).ToList();
            var latest = quarters[^1];
            var flagged = alerts.Where(a => a.Periode == latest && declining.Contains(a.KodeUnit)).Select(a => a.KodeUnit).Order().ToList();
            var other = alerts.Where(a => !declining.Contains(a.KodeUnit) && quarters.Contains(a.Periode)).ToList();
            // An alert on a unit whose training rise began or ended inside the trend window follows a real, injected
            // 2-point step; the rest follow sampling noise only.
            var noise = other.Where(a => !StepInWindow(generated.IkmRaisedYears, a, options.AlertQuarters)).ToList();

            output.WriteLine($"seed {seed}: {latest} flags {flagged.Count}/4 decliners ({string.Join(", ", flagged)}); " +
                $"{quarters.Count} quarters: {other.Count} alerts on other units ({(double)other.Count / quarters.Count:0.00}/quarter), " +
                $"of which {noise.Count} without any injected change ({string.Join(", ", noise.Select(a => $"{a.KodeUnit} {a.Periode}"))}); " +
                $"per quarter [{string.Join(" ", quarters.Select(q => other.Count(a => a.Periode == q)))}]");
            // Ranked by evidence, the decliners lead the latest quarter's unit alerts (what the weekly report lists first).
            var ranked = alerts.Where(a => a.Periode == latest).OrderBy(a => a.Peringkat).Select(a => a.KodeUnit).ToList();
            output.WriteLine($"  {latest} unit alerts by rank: {string.Join(", ", ranked)}");
            if (ranked.Take(declining.Count).All(declining.Contains)) seedsRankedFirst++;
            if (flagged.Count == declining.Count) seedsAllFlagged++;
            quarterCount += quarters.Count;
            otherAlerts += other.Count;
            noiseAlerts += noise.Count;
        }
        output.WriteLine($"all 4 flagged in {seedsAllFlagged}/{Seeds.Length} seeds, ranked first in {seedsRankedFirst}; other units {(double)otherAlerts / quarterCount:0.00} alerts/quarter, " +
            $"without any injected change {(double)noiseAlerts / quarterCount:0.00}/quarter");
        Assert.Equal(Seeds.Length, seedsAllFlagged);
        Assert.InRange(seedsRankedFirst, Seeds.Length - 1, Seeds.Length); // measured 4/5: once a fallen-back unit ranked 4th
        Assert.InRange((double)otherAlerts / quarterCount, 0, 1.0);
        Assert.InRange((double)noiseAlerts / quarterCount, 0, 0.25);
    }

    private static bool StepInWindow(IReadOnlyDictionary<string, IReadOnlyList<int>> raised, IkmAlert alert, int window)
    {
        var end = Periode.Parse(alert.Periode);
        var years = Enumerable.Range(0, window).Select(k => end.Start.AddMonths(-3 * k).Year).Distinct();
        return years.Select(y => raised.TryGetValue(alert.KodeUnit, out var ys) && ys.Contains(y)).Distinct().Count() > 1;
    }
}
