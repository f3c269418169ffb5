using Kepegawaian.Analytics.Performance;
using Kepegawaian.Analytics.Training;
using Kepegawaian.Etl;
using Kepegawaian.Etl.Synthetic;
using Kepegawaian.Testing;
using Kepegawaian.Warehouse;
using Xunit.Abstractions;

namespace Kepegawaian.Analytics.Tests.Training;

/// <summary>End to end: the `gen` synthetic city (known InjectedEffects) loaded by the real ETL, then the estimator.</summary>
public sealed class SyntheticCityImpactTests(ITestOutputHelper output)
{
    [Fact]
    [Trait("Category", "Scenario")]
    public async Task Every_estimated_jenis_effect_of_the_synthetic_city_lies_inside_its_ci()
    {
        using var wh = new TempWarehouse();
        var inbox = wh.Folder.Sub("inbox");
        await SyntheticGenerator.GenerateAsync(new GeneratorOptions { OutDir = inbox, Employees = 3000, Years = 3, Seed = 42, EndDate = new DateOnly(2026, 6, 30) });
        await new EtlRunner(wh.Database).RunAsync(new EtlRequest(inbox));
        using var c = wh.Open();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        DiklatMarts.Refresh(c);
        output.WriteLine($"DiklatMarts.Refresh {clock.ElapsedMilliseconds} ms");
        clock.Restart();
        KinerjaMarts.Refresh(c);
        output.WriteLine($"KinerjaMarts.Refresh {clock.ElapsedMilliseconds} ms");
        var trends = KinerjaQueries.Trends(c);
        output.WriteLine($"trend: {trends.Count} units, mean slope {trends.Average(t => t.Slope ?? 0):0.000}, declining {trends.Count(t => t.Menurun)}");
        foreach (var d in KinerjaQueries.Drivers(c))
            output.WriteLine($"driver {d.Peringkat} {d.Fitur} +MAE {d.KenaikanMae:0.000} (model {d.MaeModel:0.000}, last value {d.MaeBaseline:0.000})");
        var forecasts = KinerjaQueries.Forecasts(c);
        output.WriteLine($"forecast rows {forecasts.Count}");

        var rows = DiklatQueries.Impact(c).Where(r => r.JenisKelompok == TrainingGroup.Jenis).ToList();
        foreach (var r in rows)
            output.WriteLine($"{r.Kelompok}: injected {InjectedEffects.SkpEffectByJenis[r.Kelompok]:0.0} att {r.Att:0.000} [{r.CiLow:0.000}, {r.CiHigh:0.000}] " +
                $"n {r.NTreated}/{r.NControl} pool {r.Pool} smd {r.MaxSmd:0.000} naive {r.Naive:0.000} pretrend_p {r.PretrendP:0.000} status {r.Status}");
        var estimated = rows.Where(r => r.Att is not null).ToList();
        Assert.NotEmpty(estimated);
        Assert.All(estimated, r => Assert.InRange(InjectedEffects.SkpEffectByJenis[r.Kelompok], r.CiLow!.Value, r.CiHigh!.Value));
        // Common trend +0.4 per quarter (InjectedEffects.TrendPerQuarter) plus accumulating training effects: units rise on average.
        Assert.InRange(trends.Average(t => t.Slope!.Value), 0.3, 1.5);
    }
}
