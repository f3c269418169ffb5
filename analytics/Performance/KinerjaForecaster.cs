using MathNet.Numerics.Distributions;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;

namespace Kepegawaian.Analytics.Performance;

/// <summary>What produced a published forecast (mart column <c>metode</c>).</summary>
public static class ForecastMethod
{
    public const string Model = "model";
    public const string LinearTrend = "tren_linear";
    public const string LastValue = "nilai_terakhir";
    public static readonly IReadOnlyList<string> All = [Model, LinearTrend, LastValue];
}

/// <summary>
/// One unit's forecast for one quarter. <see cref="Method"/> is what was shown (chosen on the selection origins);
/// the three MAEs are that horizon's held-out MAEs of every method (origins not used to choose); Employees is the
/// unit's size at the last observed quarter, which scales the band.
/// </summary>
public sealed record UnitForecast(string KodeUnit, string Periode, double Forecast, double Lower, double Upper, string Method,
    double? MaeModel, double MaeNaive, double MaeLinear, long Employees);

/// <summary>
/// The city's forecast at the level the report plots: the employee-weighted mean of the units' nilai_skp, by the
/// method chosen for the city series on the selection origins. The band is ± t(n) × RMSE of that method's
/// n held-out errors of the city series (not unit bands); Lower/Upper are null with fewer than two errors.
/// </summary>
public sealed record CityForecast(string Periode, double Forecast, double? Lower, double? Upper, double? MaeModel, double? MaeNaive,
    int Origins, string Method, double? MaeLinear);

/// <summary>
/// Next-two-quarter forecast of each unit's mean performance (ML.NET TimeSeries is not available here):
/// one LightGbm regression per horizon h ∈ {1, 2}, pooled over units, predicting the change from the last
/// known value y_o to y_{o+h} from lag changes, the level relative to the unit's past mean and the target quarter.
/// Two baselines: last value, and an OLS line through the unit's last <see cref="TrendWindow"/> quarters.
/// <para>
/// Rolling-origin backtest by target quarter: the <see cref="SelectionTargets"/> earlier targets choose a unit's
/// method (the model only where its MAE over both horizons is below both baselines', else the better baseline);
/// the <see cref="EvaluationTargets"/> latest targets are held out from that choice and give the MAEs published and
/// the band. The band is split-conformal with size scaling: held-out errors of the shown method times √n (n =
/// employees at the origin, so errors of a unit mean of n people are on one scale), the
/// <see cref="Coverage"/> empirical quantile of their absolute values within the unit's size class (terciles of
/// unit size), divided by √n of the unit.
/// </para>
/// Units with fewer than <see cref="KinerjaOptions.MinEmployeesForForecast"/> employees in their last quarter get
/// no forecast (small-cell rule); they still count in the model's training data and the city series.
/// </summary>
public static class KinerjaForecaster
{
    public const int SelectionTargets = 4;
    public const int EvaluationTargets = 4;
    /// <summary>Target quarters of the rolling backtest (per horizon): selection then held-out evaluation.</summary>
    public const int BacktestOrigins = SelectionTargets + EvaluationTargets;
    /// <summary>Nominal coverage of the unit and city bands.</summary>
    public const double Coverage = 0.90;
    /// <summary>Quarters (up to the origin) the linear-trend baseline is fitted on; at least four needed.</summary>
    public const int TrendWindow = 8;
    /// <summary>Fewest units per size class of the band (each gives ≤ 4 held-out errors per horizon).</summary>
    public const int MinUnitsPerSizeClass = 10;
    private const int Lags = 4;
    private static readonly int[] Horizons = [1, 2];

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

    /// <summary>One backtest error: method, horizon, held out or selection, error (forecast − actual), employees at origin.</summary>
    private readonly record struct BacktestError(string Method, int H, int Target, bool HeldOut, double Error, long N);

    public static IReadOnlyList<UnitForecast> Forecast(IReadOnlyList<UnitSeries> series, KinerjaOptions options) =>
        ForecastAll(series, options).Units;

    public static (IReadOnlyList<UnitForecast> Units, IReadOnlyList<CityForecast> City) ForecastAll(IReadOnlyList<UnitSeries> series, KinerjaOptions options)
    {
        var usable = series.Where(s => s.Points.Count >= options.MinQuartersForForecast).ToList();
        if (usable.Count == 0) return ([], []);
        var maps = usable.ToDictionary(s => s.KodeUnit, s => s.Points.ToDictionary(p => p.Index, p => p.Value));
        var sizes = usable.ToDictionary(s => s.KodeUnit, s => s.Points.ToDictionary(p => p.Index, p => p.N));
        var lastIndex = usable.Max(s => s.Points[^1].Index);
        var ml = new MLContext(seed: options.Seed);
        var city = CitySeries(series);

        var errors = usable.ToDictionary(s => s.KodeUnit, _ => new List<BacktestError>());
        var cityErrors = new List<BacktestError>();
        foreach (var h in Horizons)
            for (var target = lastIndex - BacktestOrigins + 1; target <= lastIndex; target++)
            {
                var origin = target - h;
                var heldOut = target > lastIndex - EvaluationTargets;
                var model = Train(ml, maps, h, maxTarget: origin, options.Seed);
                foreach (var (unit, values) in maps)
                    if (values.TryGetValue(target, out var actual) && Predict(model, values, origin, h) is { } p)
                        errors[unit].AddRange(p.Select(kv => new BacktestError(kv.Key, h, target, heldOut, kv.Value - actual, sizes[unit][origin])));
                if (city.TryGetValue(target, out var cityActual) && Predict(model, city, origin, h) is { } cp)
                    cityErrors.AddRange(cp.Select(kv => new BacktestError(kv.Key, h, target, heldOut, kv.Value - cityActual, 0)));
            }

        var finals = Horizons.ToDictionary(h => h, h => Train(ml, maps, h, maxTarget: lastIndex, options.Seed));
        var cityResult = new List<CityForecast>();
        if (Choose(cityErrors) is { } cityMethod)
            foreach (var h in Horizons)
            {
                if (Predict(finals[h], city, lastIndex, h)?.GetValueOrDefault(cityMethod) is not { } f) continue;
                var held = cityErrors.Where(e => e.H == h && e.HeldOut && e.Method == cityMethod).Select(e => e.Error).ToList();
                // t quantile with as many degrees of freedom as held-out errors: few origins, wide band.
                var half = held.Count >= 2 ? StudentT.InvCDF(0, 1, held.Count, 0.5 + Coverage / 2) * Math.Sqrt(held.Average(e => e * e)) : (double?)null;
                cityResult.Add(new CityForecast(Name(lastIndex + h), f, f - half, f + half,
                    HeldOutMae(cityErrors, h, ForecastMethod.Model), HeldOutMae(cityErrors, h, ForecastMethod.LastValue), held.Count,
                    cityMethod, HeldOutMae(cityErrors, h, ForecastMethod.LinearTrend)));
            }

        // Units shown: big enough in their last quarter and with a method chosen on the selection origins.
        var shown = usable
            .Where(s => s.Points[^1].Index == lastIndex && s.Points[^1].N >= options.MinEmployeesForForecast)
            .Select(s => (s.KodeUnit, Method: Choose(errors[s.KodeUnit]), N: s.Points[^1].N))
            .Where(x => x.Method is not null).ToList();
        // Size classes (terciles of the shown units' sizes): √n scaling alone under-covers large units, whose means
        // also move with shared shocks, so each class gets its own quantile of the standardised errors.
        var cuts = SizeCuts(shown.Select(x => x.N).ToList());
        int SizeClass(long n) => cuts.Count(c => n >= c);
        var result = new List<UnitForecast>();
        foreach (var h in Horizons)
        {
            var scale = ForecastMethod.All.ToDictionary(m => m, m => Enumerable.Range(0, cuts.Count + 1).ToDictionary(k => k, k => ConformalQuantile(shown
                .Where(x => SizeClass(x.N) == k).SelectMany(x => errors[x.KodeUnit]).Where(e => e.H == h && e.HeldOut && e.Method == m)
                .Select(e => Math.Abs(e.Error) * Math.Sqrt(e.N)).ToList(), Coverage)));
            foreach (var (unit, method, n) in shown)
            {
                var e = errors[unit];
                if (scale[method!][SizeClass(n)] is not { } q || Predict(finals[h], maps[unit], lastIndex, h)?.GetValueOrDefault(method!) is not { } f) continue;
                if (HeldOutMae(e, h, ForecastMethod.LastValue) is not { } naive || HeldOutMae(e, h, ForecastMethod.LinearTrend) is not { } linear) continue;
                var half = q / Math.Sqrt(n);
                result.Add(new UnitForecast(unit, Name(lastIndex + h), f, f - half, f + half, method!, HeldOutMae(e, h, ForecastMethod.Model), naive, linear, n));
            }
        }
        return (result.OrderBy(r => r.KodeUnit, StringComparer.Ordinal).ThenBy(r => r.Periode, StringComparer.Ordinal).ToList(), cityResult);
    }

    /// <summary>
    /// The method for a series from its selection-origin errors (both horizons): the model only when its MAE is below
    /// both baselines' on the same targets, else the better baseline (last value on a tie: the simpler one).
    /// Null without any selection target.
    /// </summary>
    private static string? Choose(IReadOnlyList<BacktestError> errors)
    {
        var selection = errors.Where(e => !e.HeldOut).ToList();
        if (selection.Count == 0) return null;
        double Mae(string m, ISet<(int, int)> on) => selection.Where(e => e.Method == m && on.Contains((e.H, e.Target))).Average(e => Math.Abs(e.Error));
        var all = selection.Select(e => (e.H, e.Target)).ToHashSet();
        var baseline = Mae(ForecastMethod.LinearTrend, all) < Mae(ForecastMethod.LastValue, all) ? ForecastMethod.LinearTrend : ForecastMethod.LastValue;
        // The model competes on the targets it could forecast (early origins may have too little training data).
        var withModel = selection.Where(e => e.Method == ForecastMethod.Model).Select(e => (e.H, e.Target)).ToHashSet();
        return withModel.Count > 0 && Mae(ForecastMethod.Model, withModel) < Math.Min(Mae(ForecastMethod.LinearTrend, withModel), Mae(ForecastMethod.LastValue, withModel))
            ? ForecastMethod.Model : baseline;
    }

    /// <summary>
    /// Lower bounds of the 2nd and 3rd size class (terciles of the units' sizes); fewer classes when a class would
    /// hold fewer than <see cref="MinUnitsPerSizeClass"/> units (its quantile would rest on too few errors).
    /// </summary>
    private static List<long> SizeCuts(List<long> sizes)
    {
        var sorted = sizes.Order().ToList();
        for (var classes = 3; classes > 1; classes--)
        {
            var cuts = Enumerable.Range(1, classes - 1).Select(k => sorted[k * sorted.Count / classes]).Distinct().ToList();
            var counts = Enumerable.Range(0, cuts.Count + 1).Select(k => sorted.Count(n => cuts.Count(c => n >= c) == k)).ToList();
            if (cuts.Count == classes - 1 && counts.All(c => c >= MinUnitsPerSizeClass)) return cuts;
        }
        return [];
    }

    private static double? HeldOutMae(IReadOnlyList<BacktestError> errors, int h, string method)
    {
        var held = errors.Where(e => e.H == h && e.HeldOut && e.Method == method).ToList();
        return held.Count == 0 ? null : held.Average(e => Math.Abs(e.Error));
    }

    /// <summary>Split-conformal quantile: the ⌈(m + 1)·level⌉-th smallest of m scores; null when m is too small for it.</summary>
    public static double? ConformalQuantile(IReadOnlyList<double> scores, double level)
    {
        var k = (int)Math.Ceiling((scores.Count + 1) * level);
        return k > scores.Count || k < 1 ? null : scores.Order().ElementAt(k - 1);
    }

    /// <summary>
    /// Forecasts of y_{o+h} from values up to origin o by every method that can make one (the baselines need the
    /// last value and four of the last <see cref="TrendWindow"/> quarters); null when the baselines cannot.
    /// </summary>
    private static Dictionary<string, double>? Predict(PredictionEngine<Row, Prediction>? model, Dictionary<int, double> values, int origin, int h)
    {
        if (!values.TryGetValue(origin, out var last)) return null;
        var window = values.Where(kv => kv.Key <= origin && kv.Key > origin - TrendWindow).ToList();
        if (window.Count < 4) return null;
        var xm = window.Average(kv => kv.Key);
        var ym = window.Average(kv => kv.Value);
        var slope = window.Sum(kv => (kv.Key - xm) * (kv.Value - ym)) / window.Sum(kv => (kv.Key - xm) * (kv.Key - xm));
        var result = new Dictionary<string, double>
        {
            [ForecastMethod.LastValue] = last,
            [ForecastMethod.LinearTrend] = ym + slope * (origin + h - xm),
        };
        if (model is not null && Features(values, origin, h, 0) is { } row) result[ForecastMethod.Model] = last + model.Predict(row).Score;
        return result;
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
