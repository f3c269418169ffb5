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

    [Fact]
    public void City_forecast_is_the_employee_weighted_level_the_report_plots_with_its_own_band()
    {
        // One large unit (6 employees at ~90) and eleven one-person units at ~75: the employee-weighted city mean
        // and the plain mean of unit means differ by ~4 points, so averaging unit forecasts would show a drop.
        using var wh = new TempWarehouse();
        using var c = wh.Open();
        var rng = new Random(5);
        var seed = new WarehouseSeed();
        var staff = new List<(string Unit, double Base, int N)> { ("U00", 90, 6) };
        for (var u = 1; u < 12; u++) staff.Add(($"U{u:00}", 75 + 0.1 * u, 1));
        var k = 0;
        foreach (var (unit, b, n) in staff)
        {
            seed.Unit(unit, unit);
            for (var e = 0; e < n; e++)
            {
                var nip = $"198501012010011{++k:000}";
                seed.Employee(nip, unit);
                for (var q = 0; q < 20; q++)   // 2021-Q1 … 2025-Q4
                    seed.Kinerja(nip, 2021 + q / 4, q % 4 + 1, b + 0.3 * q + Season[q % 4] + (rng.NextDouble() - 0.5) * 0.5, unit);
            }
        }
        seed.WriteTo(c);
        KinerjaMarts.Refresh(c);

        // Truth by hand: 2026-Q1 is q = 20 (trend +6, season −4), 2026-Q2 is q = 21 (+6,3, season 0).
        double Weighted(double shift) => staff.Sum(s => s.N * (s.Base + shift)) / staff.Sum(s => s.N);
        double Unweighted(double shift) => staff.Average(s => s.Base + shift);
        var truth = new Dictionary<string, (double W, double U)> { ["2026-Q1"] = (Weighted(2), Unweighted(2)), ["2026-Q2"] = (Weighted(6.3), Unweighted(6.3)) };
        Assert.True(truth["2026-Q1"].W - truth["2026-Q1"].U > 3);   // the case discriminates

        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT periode, forecast, lower, upper, n_origin FROM mart_kinerja_forecast_kota ORDER BY periode";
        using var r = cmd.ExecuteReader();
        var rows = new List<(string P, double F, double L, double U, int N)>();
        while (r.Read()) rows.Add((r.GetString(0), r.GetDouble(1), r.GetDouble(2), r.GetDouble(3), r.GetInt32(4)));
        Assert.Equal(["2026-Q1", "2026-Q2"], rows.Select(x => x.P));
        Assert.Equal([KinerjaForecaster.BacktestOrigins, KinerjaForecaster.BacktestOrigins - 1], rows.Select(x => x.N));
        foreach (var row in rows)
        {
            var (w, u) = truth[row.P];
            Assert.InRange(w, row.L, row.U);
            Assert.InRange(row.F, w - 1.0, w + 1.0);          // at the weighted level …
            Assert.True(Math.Abs(row.F - u) > 3, $"{row.P}: {row.F:0.00} is near the unweighted mean {u:0.00}"); // … not the unweighted one
            Assert.Equal(row.F - row.L, row.U - row.F, 6);
        }
    }
}
