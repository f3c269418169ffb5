using Kepegawaian.Analytics.Performance;
using Kepegawaian.Etl;
using Kepegawaian.Etl.Synthetic;
using Kepegawaian.Testing;
using Xunit.Abstractions;

namespace Kepegawaian.Analytics.Tests.Performance;

/// <summary>
/// The forecast against quarters it has not seen, over several generator seeds (5 years, so the selection and
/// held-out origins both fit): the series are cut at the quarter T, the forecaster sees only up to T, and its
/// published forecasts for T + 1 and T + 2 are compared with what was realised. The baselines are recomputed here
/// (last value, OLS through the last 8 quarters), not taken from the production code.
/// </summary>
public sealed class KinerjaForecastValidationTests(ITestOutputHelper output)
{
    private static readonly int[] Seeds = [42, 7, 2026, 11, 99];
    private static readonly int[] Cuts = [2, 4];   // T = last − 2 and last − 4: both horizons realised

    [Fact]
    [Trait("Category", "Scenario")]
    public async Task Bands_cover_the_realised_quarters_at_about_their_nominal_rate_and_the_shown_method_is_not_worse()
    {
        var unit = new List<(int H, long N, bool Covered, double ShownErr, double LastErr, double OlsErr, string Method)>();
        var city = new List<(int H, bool Covered, double Err)>();
        double heldModel = 0, heldLinear = 0, heldLast = 0;
        int heldRows = 0, shownUnits = 0, modelUnits = 0, eligibleUnits = 0;
        foreach (var seed in Seeds)
        {
            using var wh = new TempWarehouse();
            var inbox = wh.Folder.Sub("inbox");
            var generated = await SyntheticGenerator.GenerateAsync(new GeneratorOptions
                { OutDir = wh.Folder.Sub("gen"), Employees = 6000, Years = 5, Seed = seed, EndDate = new DateOnly(2026, 10, 31) });
            foreach (var f in generated.Files.Where(f => f.Entity is "unit_kerja" or "pegawai" or "mutasi" or "kinerja"))
                File.Copy(f.Path, Path.Combine(inbox, Path.GetFileName(f.Path)));
            await new EtlRunner(wh.Database).RunAsync(new EtlRequest(inbox));
            using var c = wh.Open();
            KinerjaMarts.Refresh(c);

            // What the marts publish on the full data: held-out MAEs and the method shown.
            var published = KinerjaQueries.Forecasts(c);
            var full = UnitSeries.Load(c);
            var last = full.Max(s => s.Points[^1].Index);
            eligibleUnits += full.Count(s => s.Points.Count >= 8 && s.Points[^1].Index == last && s.Points[^1].N >= 5);
            shownUnits += published.Select(r => r.KodeUnit).Distinct().Count();
            modelUnits += published.Where(r => r.Metode == ForecastMethod.Model).Select(r => r.KodeUnit).Distinct().Count();
            foreach (var r in published.Where(r => r.MaeModel is not null))
            {
                heldModel += r.MaeModel!.Value; heldLinear += r.MaeTren!.Value; heldLast += r.MaeNaive!.Value; heldRows++;
            }
            Assert.All(published, r => Assert.True(r.NPegawai >= 5));

            var values = full.ToDictionary(s => s.KodeUnit, s => s.Points.ToDictionary(p => p.Index, p => p.Value));
            var cityTruth = full.Where(s => s.Measure == "nilai_skp").SelectMany(s => s.Points).GroupBy(p => p.Index)
                .ToDictionary(g => g.Key, g => g.Sum(p => p.Value * p.N) / g.Sum(p => p.N));
            foreach (var cut in Cuts)
            {
                var t = last - cut;
                var seen = full.Select(s => s with { Points = s.Points.Where(p => p.Index <= t).ToList() }).Where(s => s.Points.Count > 0).ToList();
                var (units, cityFc) = KinerjaForecaster.ForecastAll(seen, new KinerjaOptions());
                foreach (var f in units)
                {
                    var h = Index(f.Periode) - t;
                    if (!values[f.KodeUnit].TryGetValue(t + h, out var actual)) continue;
                    var y = values[f.KodeUnit];
                    var lastValue = y[t];
                    var window = Enumerable.Range(t - 7, 8).Where(y.ContainsKey).ToList();
                    double xm = window.Average(), ym = window.Average(x => y[x]);
                    var ols = ym + window.Sum(x => (x - xm) * (y[x] - ym)) / window.Sum(x => (x - xm) * (x - xm)) * (t + h - xm);
                    if (f.Method == ForecastMethod.LastValue) Assert.Equal(lastValue, f.Forecast, 9);
                    if (f.Method == ForecastMethod.LinearTrend) Assert.Equal(ols, f.Forecast, 9);
                    unit.Add((h, f.Employees, actual >= f.Lower && actual <= f.Upper, Math.Abs(f.Forecast - actual),
                        Math.Abs(lastValue - actual), Math.Abs(ols - actual), f.Method));
                }
                foreach (var f in cityFc.Where(f => f.Lower is not null))
                {
                    var actual = cityTruth[Index(f.Periode)];
                    city.Add((Index(f.Periode) - t, actual >= f.Lower && actual <= f.Upper, Math.Abs(f.Forecast - actual)));
                }
                output.WriteLine($"seed {seed} T = last − {cut}: {units.Count} unit forecasts, city {string.Join("; ", cityFc.Select(f => $"{f.Periode} {f.Method} {f.Forecast:0.00} [{f.Lower:0.00}, {f.Upper:0.00}] truth {cityTruth[Index(f.Periode)]:0.00}"))}");
            }
        }

        string Rate(IEnumerable<bool> xs) { var l = xs.ToList(); return $"{l.Count(x => x)}/{l.Count} = {(double)l.Count(x => x) / l.Count:P1}"; }
        output.WriteLine($"published on the full data: {shownUnits} of {eligibleUnits} eligible units get a forecast, {modelUnits} by the model; " +
            $"held-out MAE (rows with a model) model {heldModel / heldRows:0.000}, linear {heldLinear / heldRows:0.000}, last value {heldLast / heldRows:0.000}");
        foreach (var h in new[] { 1, 2 })
        {
            var u = unit.Where(x => x.H == h).ToList();
            output.WriteLine($"h = {h}: unit band coverage {Rate(u.Select(x => x.Covered))}; MAE shown {u.Average(x => x.ShownErr):0.000}, " +
                $"last value {u.Average(x => x.LastErr):0.000}, OLS {u.Average(x => x.OlsErr):0.000}; methods {string.Join(", ", u.GroupBy(x => x.Method).Select(g => $"{g.Key} {g.Count()}"))}");
            output.WriteLine($"  by size: < 10 {Rate(u.Where(x => x.N < 10).Select(x => x.Covered))}, 10–29 {Rate(u.Where(x => x.N is >= 10 and < 30).Select(x => x.Covered))}, ≥ 30 {Rate(u.Where(x => x.N >= 30).Select(x => x.Covered))}");
            output.WriteLine($"  city band coverage {Rate(city.Where(x => x.H == h).Select(x => x.Covered))}, MAE {city.Where(x => x.H == h).Average(x => x.Err):0.000}");
            // Nominal 90 %: ~1 000 unit-quarters per horizon, but units of one quarter share shocks, so a wide margin
            // (measured 92,8 % and 90,7 %; per size class 88–97 %).
            Assert.InRange((double)u.Count(x => x.Covered) / u.Count, 0.85, 0.96);
            foreach (var size in u.GroupBy(x => x.N < 10 ? 0 : x.N < 30 ? 1 : 2))
                Assert.InRange((double)size.Count(x => x.Covered) / size.Count(), 0.80, 0.99);
            // The method shown is not worse than either baseline on quarters it never saw (measured 2,01 vs 2,09 / 2,37 and 2,24 vs 2,31 / 2,91).
            Assert.True(u.Average(x => x.ShownErr) <= Math.Min(u.Average(x => x.OlsErr), u.Average(x => x.LastErr)),
                $"h = {h}: shown {u.Average(x => x.ShownErr):0.000}");
        }
        // The city: 10 quarters per horizon; at 90 % fewer than 14 of 20 covered has probability ≈ 0,2 % if independent (measured 17/20).
        Assert.True(city.Count(x => x.Covered) >= 14, $"city covered {city.Count(x => x.Covered)}/{city.Count}");
        Assert.Equal(Seeds.Length * Cuts.Length * 2, city.Count);
        // Held-out MAEs as published: the model beats last value over all units, but is shown only where it won selection.
        Assert.True(heldModel < heldLast);
        Assert.InRange((double)modelUnits / shownUnits, 0.2, 0.9);   // measured 286/540: the baselines are shown too
    }

    private static int Index(string periode) => int.Parse(periode[..4]) * 4 + periode[^1] - '1';
}
