using MathNet.Numerics.Distributions;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;

namespace Kepegawaian.Analytics.Performance;

public sealed record UnitForecast(string KodeUnit, string Periode, double Forecast, double Lower, double Upper, double MaeModel, double MaeNaive);

/// <summary>
/// The city's forecast at the level the report plots: the employee-weighted mean of the units' nilai_skp.
/// The band comes from the city series' own backtest errors (<c>Origins</c> held-out origins of that
/// horizon), not from unit bands. Lower/Upper are null with fewer than two errors.
/// </summary>
public sealed record CityForecast(string Periode, double Forecast, double? Lower, double? Upper, double? MaeModel, double? MaeNaive, int Origins);

/// <summary>
/// Next-two-quarter forecast of each unit's mean performance (ML.NET TimeSeries is not available here):
/// one LightGbm regression per horizon h ∈ {1, 2}, pooled over units, predicting the change from the last
/// known value y_o to y_{o+h} from lag changes (y_o − y_{o−1}, y_o − y_{o−2}, y_o − y_{o−3}), the level
/// relative to the unit's own past mean, and the target quarter of the year (seasonality).
/// Rolling-origin backtest over the last <see cref="BacktestOrigins"/> origins (o = last − 5 … last − 1;
/// horizon 2 has one fewer) gives each unit's MAE beside the
/// naive last-value forecast; a unit's forecast is kept only where the model's MAE is lower. The interval is
/// forecast ± 1.96 · RMSE of the pooled backtest errors of that horizon (approximate 95 %).
/// </summary>
public static class KinerjaForecaster
{
    /// <summary>Origins of the rolling backtest for horizon 1 (horizon 2 uses the four whose target is observed).</summary>
    public const int BacktestOrigins = 5;
    private const int Lags = 4;

    private sealed class Row
    {
        public float Label { get; set; }
        public float D1 { get; set; }
        public float D2 { get; set; }
        public float D3 { get; set; }
        public float Level { get; set; }
        public float Q1 { get; set; }
        public float Q2 { get; set; }
        public float Q3 { get; set; }
        public float Q4 { get; set; }
    }

    private sealed class Prediction
    {
        [ColumnName("Score")] public float Score { get; set; }
    }

    public static IReadOnlyList<UnitForecast> Forecast(IReadOnlyList<UnitSeries> series, KinerjaOptions options) =>
        ForecastAll(series, options).Units;

    public static (IReadOnlyList<UnitForecast> Units, IReadOnlyList<CityForecast> City) ForecastAll(IReadOnlyList<UnitSeries> series, KinerjaOptions options)
    {
        var usable = series.Where(s => s.Points.Count >= options.MinQuartersForForecast).ToList();
        if (usable.Count == 0) return ([], []);
        var maps = usable.ToDictionary(s => s.KodeUnit, s => s.Points.ToDictionary(p => p.Index, p => p.Value));
        var lastIndex = usable.Max(s => s.Points[^1].Index);
        var ml = new MLContext(seed: options.Seed);

        var errors = usable.ToDictionary(s => s.KodeUnit, _ => (Model: new List<double>(), Naive: new List<double>()));
        var residuals = new Dictionary<int, List<double>> { [1] = [], [2] = [] };
        var city = CitySeries(series);
        var cityErrors = new Dictionary<int, (List<double> Model, List<double> Naive)> { [1] = ([], []), [2] = ([], []) };
        for (var origin = lastIndex - BacktestOrigins; origin <= lastIndex - 1; origin++)
            foreach (var h in new[] { 1, 2 })
            {
                if (origin + h > lastIndex) continue;
                var model = Train(ml, maps, h, maxTarget: origin, options.Seed);
                if (model is null) continue;
                foreach (var (unit, values) in maps)
                {
                    if (!values.TryGetValue(origin + h, out var actual) || Features(values, origin, h, 0) is not { } row) continue;
                    var predicted = values[origin] + model.Predict(row).Score;
                    errors[unit].Model.Add(Math.Abs(predicted - actual));
                    errors[unit].Naive.Add(Math.Abs(values[origin] - actual));
                    residuals[h].Add(predicted - actual);
                }
                if (city.TryGetValue(origin + h, out var cityActual) && Features(city, origin, h, 0) is { } cityRow)
                {
                    cityErrors[h].Model.Add(city[origin] + model.Predict(cityRow).Score - cityActual);
                    cityErrors[h].Naive.Add(city[origin] - cityActual);
                }
            }

        var result = new List<UnitForecast>();
        var cityResult = new List<CityForecast>();
        foreach (var h in new[] { 1, 2 })
        {
            var model = Train(ml, maps, h, maxTarget: lastIndex, options.Seed);
            if (model is not null && city.ContainsKey(lastIndex) && Features(city, lastIndex, h, 0) is { } cityRow)
            {
                var f = city[lastIndex] + model.Predict(cityRow).Score;
                var (m, n) = cityErrors[h];
                // t quantile with as many degrees of freedom as held-out errors: few origins, wide band.
                var half = m.Count >= 2 ? StudentT.InvCDF(0, 1, m.Count, 0.975) * Math.Sqrt(m.Average(e => e * e)) : (double?)null;
                cityResult.Add(new CityForecast(Name(lastIndex + h), f, f - half, f + half,
                    m.Count > 0 ? m.Average(Math.Abs) : null, n.Count > 0 ? n.Average(Math.Abs) : null, m.Count));
            }
            if (model is null || residuals[h].Count == 0) continue;
            var rmse = Math.Sqrt(residuals[h].Average(e => e * e));
            foreach (var (unit, values) in maps)
            {
                var (m, n) = errors[unit];
                if (m.Count == 0 || m.Average() >= n.Average()) continue;   // shown only where it beats the naive forecast
                if (!values.ContainsKey(lastIndex) || Features(values, lastIndex, h, 0) is not { } row) continue;
                var f = values[lastIndex] + model.Predict(row).Score;
                result.Add(new UnitForecast(unit, Name(lastIndex + h), f, f - 1.96 * rmse, f + 1.96 * rmse, m.Average(), n.Average()));
            }
        }
        return (result.OrderBy(r => r.KodeUnit, StringComparer.Ordinal).ThenBy(r => r.Periode, StringComparer.Ordinal).ToList(), cityResult);
    }

    /// <summary>
    /// The city series as the weekly report shows it: per quarter, the employee-weighted mean of the
    /// nilai_skp means of every unit measured in nilai_skp (all units, not only those given a forecast).
    /// </summary>
    public static Dictionary<int, double> CitySeries(IReadOnlyList<UnitSeries> series) =>
        series.Where(s => s.Measure == "nilai_skp").SelectMany(s => s.Points).Where(p => p.N > 0)
            .GroupBy(p => p.Index)
            .ToDictionary(g => g.Key, g => g.Sum(p => p.Value * p.N) / g.Sum(p => p.N));

    private static string Name(int index) => $"{index / 4}-Q{index % 4 + 1}";

    /// <summary>Features at origin o for target o + h; null when a lag is missing.</summary>
    private static Row? Features(Dictionary<int, double> values, int origin, int h, double label)
    {
        for (var k = 0; k < Lags; k++)
            if (!values.ContainsKey(origin - k)) return null;
        var past = values.Where(kv => kv.Key <= origin).Select(kv => kv.Value).Average();
        var target = (origin + h) % 4;
        return new Row
        {
            Label = (float)label,
            D1 = (float)(values[origin] - values[origin - 1]),
            D2 = (float)(values[origin] - values[origin - 2]),
            D3 = (float)(values[origin] - values[origin - 3]),
            Level = (float)(values[origin] - past),
            Q1 = target == 0 ? 1 : 0, Q2 = target == 1 ? 1 : 0, Q3 = target == 2 ? 1 : 0, Q4 = target == 3 ? 1 : 0,
        };
    }

    /// <summary>Trains on every (unit, origin) whose target quarter is ≤ maxTarget; null with too few rows.</summary>
    private static PredictionEngine<Row, Prediction>? Train(MLContext ml, Dictionary<string, Dictionary<int, double>> maps, int h, int maxTarget, int seed)
    {
        var rows = new List<Row>();
        foreach (var values in maps.Values)
            foreach (var origin in values.Keys)
                if (origin + h <= maxTarget && values.TryGetValue(origin + h, out var y) && Features(values, origin, h, y - values[origin]) is { } row)
                    rows.Add(row);
        if (rows.Count < 20) return null;
        var data = ml.Data.LoadFromEnumerable(rows);
        var pipeline = ml.Transforms.Concatenate("Features", nameof(Row.D1), nameof(Row.D2), nameof(Row.D3), nameof(Row.Level),
                nameof(Row.Q1), nameof(Row.Q2), nameof(Row.Q3), nameof(Row.Q4))
            .Append(ml.Regression.Trainers.LightGbm(new LightGbmRegressionTrainer.Options
            {
                NumberOfLeaves = 8,
                MinimumExampleCountPerLeaf = Math.Max(5, rows.Count / 50),
                LearningRate = 0.05,
                NumberOfIterations = 100,
                NumberOfThreads = 1,   // deterministic for a seed
                Seed = seed,
            }));
        return ml.Model.CreatePredictionEngine<Row, Prediction>(pipeline.Fit(data));
    }
}
