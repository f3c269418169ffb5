using Kepegawaian.Analytics.Performance;
using Kepegawaian.Testing;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Analytics.Tests.Performance;

public sealed class KinerjaForecastTests
{
    // Strong seasonality (Q4 high, Q1 low): the last value and a straight line are poor forecasts, the seasonal model is not.
    private static readonly double[] Season = [-4, 0, 1, 3];
    private const int Quarters = 20;   // 2021-Q1 … 2025-Q4; quarter index = 2021·4 + q

    [Fact]
    public void Seasonal_units_get_the_model_and_held_out_baseline_maes_match_a_hand_computation()
    {
        using var wh = new TempWarehouse();
        using var c = wh.Open();
        var rng = new Random(11);
        var seed = new WarehouseSeed();
        var means = new Dictionary<string, double[]>();
        var k = 0;
        // Twelve units of 5 employees and one of 4: the small one must get no forecast (small-cell rule).
        for (var u = 0; u < 13; u++)
        {
            var unit = $"U{u:00}";
            var size = u == 12 ? 4 : 5;
            seed.Unit(unit, unit);
            means[unit] = new double[Quarters];
            for (var e = 0; e < size; e++)
            {
                var nip = $"198501012010011{++k:000}";
                seed.Employee(nip, unit);
                for (var q = 0; q < Quarters; q++)
                {
                    var v = Math.Round(75 + u + 0.3 * q + Season[q % 4] + (rng.NextDouble() - 0.5), 1);
                    seed.Kinerja(nip, 2021 + q / 4, q % 4 + 1, v, unit);
                    means[unit][q] += v / size;
                }
            }
        }
        seed.WriteTo(c);
        KinerjaMarts.Refresh(c);

        var rows = KinerjaQueries.Forecasts(c);
        Assert.DoesNotContain(rows, r => r.KodeUnit == "U12");
        Assert.True(rows.Count(r => r.Metode == ForecastMethod.Model) >= 2 * 10, string.Join(", ", rows.Select(r => $"{r.KodeUnit} {r.Metode}")));
        foreach (var r in rows)
        {
            var u = int.Parse(r.KodeUnit[1..]);
            var h = r.Periode == "2026-Q1" ? 1 : 2;
            Assert.Equal(5, r.NPegawai);
            // Held out: the last 4 targets (q = 16…19), forecast from q − h. Baselines computed here, independently.
            var y = means[r.KodeUnit];
            var targets = Enumerable.Range(Quarters - 4, 4).ToList();
            Assert.Equal(targets.Average(t => Math.Abs(y[t - h] - y[t])), r.MaeNaive!.Value, 9);
            Assert.Equal(targets.Average(t => Math.Abs(Ols(y, t - h, 8, t) - y[t])), r.MaeTren!.Value, 9);
            if (r.Metode != ForecastMethod.Model) continue;
            Assert.True(r.MaeModel < Math.Min(r.MaeNaive.Value, r.MaeTren.Value), $"{r.KodeUnit} {r.Periode}: held-out model {r.MaeModel} vs {r.MaeNaive}, {r.MaeTren}");
            // 2026-Q1 truth for unit u (q = 20): 75 + u + 6 − 4 = 77 + u; Q2 (q = 21): 81.3 + u.
            Assert.InRange(h == 1 ? 77 + u : 81.3 + u, r.Lower!.Value, r.Upper!.Value);
        }
    }

    [Fact]
    public void Lines_get_baseline_maes_by_hand_and_a_band_that_shrinks_with_the_square_root_of_size()
    {
        // Lines with a period-2 wiggle of ±0.4·√(5/n) (the spread of a mean of n): units of 5 and 20 employees.
        // Two quarters ahead the wiggle cancels, so last value misses by exactly 2 × slope.
        using var wh = new TempWarehouse();
        using var c = wh.Open();
        var seed = new WarehouseSeed();
        var k = 0;
        var units = new Dictionary<string, (double Base, double Slope, int N)>();
        for (var u = 0; u < 8; u++)
        {
            var unit = $"U{u:00}";
            units[unit] = (70 + u, 0.1 * (u + 1), u % 2 == 0 ? 5 : 20);
            seed.Unit(unit, unit);
            var wiggle = units[unit].N == 5 ? 0.4 : 0.2;
            for (var e = 0; e < units[unit].N; e++)
            {
                var nip = $"198501012010011{++k:000}";
                seed.Employee(nip, unit);
                for (var q = 0; q < Quarters; q++)
                    seed.Kinerja(nip, 2021 + q / 4, q % 4 + 1, Math.Round(units[unit].Base + units[unit].Slope * q + (q % 2 == 0 ? wiggle : -wiggle), 1), unit);
            }
        }
        seed.WriteTo(c);
        KinerjaMarts.Refresh(c);

        var rows = KinerjaQueries.Forecasts(c);
        Assert.Equal(16, rows.Count);
        foreach (var r in rows.Where(r => r.Periode == "2026-Q2"))
        {
            var (b, s, n) = units[r.KodeUnit];
            Assert.Equal(n, r.NPegawai);
            Assert.Equal(2 * s, r.MaeNaive!.Value, 9);
            Assert.InRange(r.Forecast!.Value, b + s * (Quarters + 1) - 1, b + s * (Quarters + 1) + 1);
        }
        // Half-width × √n is one number per method and horizon (8 units: one size class): the band is scaled by size.
        foreach (var g in rows.GroupBy(r => (r.Metode, r.Periode)))
        {
            var scaled = g.Select(r => (r.Upper!.Value - r.Lower!.Value) / 2 * Math.Sqrt(r.NPegawai!.Value)).ToList();
            Assert.All(scaled, x => Assert.Equal(scaled[0], x, 9));
        }
        Assert.Contains(rows, r => r.Upper > r.Lower);
        var small = rows.Where(r => r.NPegawai == 5 && r.Upper > r.Lower).ToList();
        var large = rows.Where(r => r.NPegawai == 20 && r.Upper > r.Lower).ToList();
        if (small.Count > 0 && large.Count > 0) Assert.True(small.Average(r => r.Upper - r.Lower) > large.Average(r => r.Upper - r.Lower));
    }

    [Fact]
    public void Conformal_quantile_is_the_ceil_of_m_plus_one_times_level_th_smallest()
    {
        var scores = Enumerable.Range(1, 19).Select(i => (double)i).Reverse().ToList();
        Assert.Equal(18, KinerjaForecaster.ConformalQuantile(scores, 0.90));      // ⌈20 · 0.9⌉ = 18
        Assert.Null(KinerjaForecaster.ConformalQuantile(scores.Take(8).ToList(), 0.90)); // ⌈9 · 0.9⌉ = 9 > 8
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
                for (var q = 0; q < Quarters; q++)
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
        Assert.Equal([KinerjaForecaster.EvaluationTargets, KinerjaForecaster.EvaluationTargets], rows.Select(x => x.N));
        foreach (var row in rows)
        {
            var (w, u) = truth[row.P];
            Assert.InRange(w, row.L, row.U);
            Assert.InRange(row.F, w - 1.0, w + 1.0);          // at the weighted level …
            Assert.True(Math.Abs(row.F - u) > 3, $"{row.P}: {row.F:0.00} is near the unweighted mean {u:0.00}"); // … not the unweighted one
            Assert.Equal(row.F - row.L, row.U - row.F, 6);
        }
        // No unit here has 5 employees except U00: only it may get a unit forecast.
        Assert.All(KinerjaQueries.Forecasts(c), f => Assert.Equal("U00", f.KodeUnit));
    }

    /// <summary>OLS line through y[origin − window + 1 … origin] (quarter index as x), evaluated at x = target.</summary>
    internal static double Ols(IReadOnlyList<double> y, int origin, int window, int target)
    {
        var xs = Enumerable.Range(Math.Max(0, origin - window + 1), Math.Min(window, origin + 1)).ToList();
        double xm = xs.Average(), ym = xs.Average(x => y[x]);
        var b = xs.Sum(x => (x - xm) * (y[x] - ym)) / xs.Sum(x => (x - xm) * (x - xm));
        return ym + b * (target - xm);
    }
}
