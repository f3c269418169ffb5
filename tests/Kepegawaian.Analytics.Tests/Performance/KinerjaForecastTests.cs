using Kepegawaian.Analytics.Performance;
using Kepegawaian.Testing;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Analytics.Tests.Performance;

public sealed class KinerjaForecastTests
{
    // Strong seasonality (Q4 high, Q1 low): the last value is a poor forecast, the seasonal model is not.
    private static readonly double[] Season = [-4, 0, 1, 3];

    [Fact]
    public void Seasonal_units_get_a_forecast_that_beats_the_naive_baseline_and_covers_the_truth()
    {
        using var wh = new TempWarehouse();
        using var c = wh.Open();
        var rng = new Random(11);
        var seed = new WarehouseSeed();
        for (var u = 0; u < 12; u++)
        {
            var unit = $"U{u:00}";
            var nip = $"1985010120100110{u:00}";
            seed.Unit(unit, unit).Employee(nip, unit);
            for (var q = 0; q < 20; q++)   // 2021-Q1 … 2025-Q4
                seed.Kinerja(nip, 2021 + q / 4, q % 4 + 1, 75 + u + 0.3 * q + Season[q % 4] + (rng.NextDouble() - 0.5), unit);
        }
        seed.WriteTo(c);
        KinerjaMarts.Refresh(c);

        var rows = KinerjaQueries.Forecasts(c);
        Assert.True(rows.Count >= 2 * 10, $"{rows.Count} forecasts");        // most units beat the baseline
        Assert.All(rows, r => Assert.True(r.MaeModel < r.MaeNaive));
        // 2026-Q1 truth for unit u (q = 20): 75 + u + 6 − 4 = 77 + u; Q2 (q = 21): 81.3 + u.
        foreach (var r in rows)
        {
            var u = int.Parse(r.KodeUnit[1..]);
            var truth = r.Periode == "2026-Q1" ? 77 + u : 81.3 + u;
            Assert.InRange(truth, r.Lower!.Value, r.Upper!.Value);
        }
    }
}
