using Kepegawaian.Reports.Data;
using ScottPlot;
using static Kepegawaian.Reports.Charts.ChartStyle;

namespace Kepegawaian.Reports.Charts;

/// <summary>
/// Every chart of the reports and dashboard, built from mart rows. Inputs are already filtered
/// and small-cell suppressed by the caller; these methods only draw.
/// </summary>
public sealed partial class ChartFactory(ReportText text)
{
    // PermenPANRB 14/2017: lower bounds of C, B and A on the rounded IKM.
    public static readonly (double Value, string Grade)[] IkmBands = [(65.00, "C"), (76.61, "B"), (88.31, "A")];

    public ReportText Text => text;

    /// <summary>Most bars one chart can label legibly at e-mail width; a city has ~130 service units.</summary>
    public const int MaxUnitBars = 20;

    /// <summary>
    /// IKM per unit, bars coloured by grade A–D, with the band limits as lines. With more than
    /// <see cref="MaxUnitBars"/> units only the lowest are drawn (the ones to act on); the full list is a table.
    /// </summary>
    public Plot IkmByUnit(IReadOnlyList<(string Unit, double Ikm, string Mutu)> rows, string periode)
    {
        var sorted = rows.OrderBy(r => r.Ikm).Take(MaxUnitBars).ToList();
        var title = rows.Count > MaxUnitBars
            ? text.T($"IKM {MaxUnitBars} unit terendah dari {rows.Count}, {text.Period(periode)}", $"IKM of the {MaxUnitBars} lowest of {rows.Count} units, {text.Period(periode)}")
            : text.T($"IKM per unit layanan, {text.Period(periode)}", $"Public satisfaction index (IKM) by unit, {text.Period(periode)}");
        var plot = NewPlot(title, text, leftPadding: 200, bottomPadding: 50, topPadding: 60);
        var bars = sorted.Select((r, i) => new Bar
        {
            Position = i, Value = r.Ikm, FillColor = Grade(r.Mutu), LineWidth = 0, Size = 0.7,
            Label = text.N(r.Ikm, 2),
        }).ToList();
        var bp = plot.Add.Bars(bars);
        bp.Horizontal = true;
        bp.ValueLabelStyle.FontSize = 10;
        plot.Axes.Left.TickGenerator = Categories(sorted.Select(r => Short(r.Unit, 24)).ToList());
        AddBands(plot, vertical: true);
        var min = sorted.Count == 0 ? 50 : Math.Min(55, sorted.Min(r => r.Ikm) - 5);
        plot.Axes.SetLimitsX(min, 104);
        plot.Axes.SetLimitsX(min, 104, plot.Axes.Top);
        plot.Axes.SetLimitsY(-0.7, Math.Max(sorted.Count, 1) - 0.3);
        plot.XLabel(text.T("IKM (0–100); garis: batas mutu C, B, A", "IKM (0–100); lines: grade limits C, B, A"), 12);
        GradeLegend(plot);
        return plot;
    }

    /// <summary>IKM trend per unit over periods, with the grade limits as horizontal lines.</summary>
    public Plot IkmTrend(IReadOnlyList<string> periods, IReadOnlyList<(string Unit, IReadOnlyList<double?> Ikm)> series)
    {
        var plot = NewPlot(text.T("Tren IKM per unit", "IKM trend by unit"), text, rightPadding: 75);
        for (var s = 0; s < series.Count; s++)
        {
            var pts = series[s].Ikm.Select((v, i) => (i, v)).Where(p => p.v is not null).ToList();
            var sc = plot.Add.Scatter(pts.Select(p => (double)p.i).ToArray(), pts.Select(p => p.v!.Value).ToArray(), Colours[s % Colours.Length]);
            sc.LegendText = Short(series[s].Unit, 24);
            sc.LineWidth = 2;
            sc.MarkerSize = 6;
        }
        AddBands(plot, vertical: false);
        plot.Axes.Bottom.TickGenerator = PeriodTicks(periods);
        plot.Axes.SetLimitsX(-0.3, Math.Max(periods.Count - 1, 1) + 0.3);
        var values = series.SelectMany(s => s.Ikm).OfType<double>().DefaultIfEmpty(75).ToList();
        plot.Axes.SetLimitsY(Math.Min(60, values.Min() - 3), Math.Max(95, values.Max() + 3));
        plot.YLabel("IKM", 12);
        // Two unit names fit a legend row at this width; room for every row below the two-line period ticks.
        return BottomLegend(plot, bottom: 66 + 22 * ((series.Count + 1) / 2));
    }

    /// <summary>The weakest service elements (NRR 1–4), weakest at the top, with the previous period as a marker.</summary>
    public Plot WeakestElements(IReadOnlyList<(string Element, double Nrr, double? Previous)> rows, string scope)
    {
        var sorted = rows.OrderByDescending(r => r.Nrr).ToList();
        var plot = NewPlot(text.T($"Unsur pelayanan terlemah — {scope}", $"Weakest service elements — {scope}"), text, leftPadding: 210);
        var bp = plot.Add.Bars(sorted.Select((r, i) => new Bar
        {
            Position = i, Value = r.Nrr, FillColor = r.Nrr < 2.60 ? GradeC : GradeB, LineWidth = 0, Size = 0.65,
        }).ToList());
        bp.Horizontal = true;
        // Values inside the bar's base: at its end they collided with the previous-period diamond, which sits just there.
        foreach (var (r, i) in sorted.Select((r, i) => (r, i)))
        {
            var label = plot.Add.Text(text.N(r.Nrr, 2), 1.04, i);
            label.LabelFontColor = Colors.White;
            label.LabelFontSize = 11;
            label.LabelBold = true;
            label.LabelAlignment = Alignment.MiddleLeft;
        }
        var prev = sorted.Select((r, i) => (i, r.Previous)).Where(p => p.Previous is not null).ToList();
        if (prev.Count > 0)
        {
            var m = plot.Add.ScatterPoints(prev.Select(p => p.Previous!.Value).ToArray(), prev.Select(p => (double)p.i).ToArray(), Colors.Black);
            m.MarkerShape = MarkerShape.OpenDiamond;
            m.MarkerSize = 9;
            m.LegendText = text.T("periode sebelumnya", "previous period");
            // Below the plot: inside it, the legend covered the longest (best) bar at the bottom.
            plot.ShowLegend(Edge.Bottom);
            plot.Layout.Fixed(new PixelPadding(210, 55, 90, 40));
        }
        plot.Axes.Left.TickGenerator = Categories(sorted.Select(r => Short(r.Element, 26)).ToList());
        plot.Axes.SetLimitsX(1, 4.3);
        plot.Axes.SetLimitsY(-0.7, Math.Max(sorted.Count, 1) - 0.3);
        plot.XLabel(text.T("Nilai rata-rata unsur (NRR, 1–4)", "Mean element score (NRR, 1–4)"), 12);
        return plot;
    }

    /// <summary>Share of each predikat per period, stacked to 100 %.</summary>
    public Plot PredikatDistribution(IReadOnlyList<string> periods, IReadOnlyList<long[]> countsBestFirst)
    {
        string[] names = [text.T("Sangat Baik", "Outstanding"), text.T("Baik", "Good"), text.T("Butuh Perbaikan", "Needs improvement"),
                          text.T("Kurang", "Poor"), text.T("Sangat Kurang", "Very poor")];
        Color[] colors = [GradeA, Color.FromHex("#91cf60"), Color.FromHex("#fee08b"), GradeC, GradeD];
        var plot = NewPlot(text.T("Sebaran predikat kinerja", "Distribution of performance ratings"), text);
        var bars = new List<Bar>();
        for (var p = 0; p < periods.Count; p++)
        {
            var total = Math.Max(1, countsBestFirst[p].Sum());
            double baseline = 0;
            for (var k = 0; k < 5; k++)
            {
                var share = 100.0 * countsBestFirst[p][k] / total;
                bars.Add(new Bar { Position = p, ValueBase = baseline, Value = baseline + share, FillColor = colors[k], LineWidth = 0, Size = 0.7 });
                baseline += share;
            }
        }
        plot.Add.Bars(bars);
        plot.Axes.Bottom.TickGenerator = PeriodTicks(periods);
        plot.Axes.SetLimitsY(0, 100);
        plot.Axes.SetLimitsX(-0.6, Math.Max(periods.Count, 1) - 0.4);
        plot.YLabel(text.T("Persen pegawai", "Percent of employees"), 12);
        plot.Legend.ManualItems.AddRange(Enumerable.Range(0, 5).Select(k => new LegendItem { LabelText = names[k], FillColor = colors[k] }));
        return BottomLegend(plot, bottom: 110);
    }

    /// <summary>
    /// Observed mean performance and the forecast with its band; <paramref name="method"/> (mart column metode) is named in
    /// the legend so a baseline shown because the model did not beat it is not read as the model.
    /// </summary>
    public Plot PerformanceTrend(IReadOnlyList<string> periods, IReadOnlyList<double?> observed,
        IReadOnlyList<(int Index, double Forecast, double Lower, double Upper)> forecast, string scope, string? method = null)
    {
        var plot = NewPlot(text.T($"Tren kinerja dan prakiraan — {scope}", $"Performance trend and forecast — {scope}"), text);
        if (forecast.Count > 0)
        {
            var band = plot.Add.FillY(forecast.Select(f => (double)f.Index).ToArray(), forecast.Select(f => f.Lower).ToArray(), forecast.Select(f => f.Upper).ToArray());
            band.FillColor = GradeB.WithAlpha(.18);
            band.LineColor = Colors.Transparent;
            band.LegendText = text.T("rentang prakiraan 90 %", "90 % forecast interval");
            var fl = plot.Add.Scatter(forecast.Select(f => (double)f.Index).ToArray(), forecast.Select(f => f.Forecast).ToArray(), GradeB);
            fl.LinePattern = LinePattern.Dashed;
            fl.LegendText = method switch
            {
                "tren_linear" => text.T("prakiraan: tren linear (model tidak lebih baik)", "forecast: linear trend (model not better)"),
                "nilai_terakhir" => text.T("prakiraan: nilai terakhir (model tidak lebih baik)", "forecast: last value (model not better)"),
                _ => text.T("prakiraan", "forecast"),
            };
        }
        var pts = observed.Select((v, i) => (i, v)).Where(p => p.v is not null).ToList();
        var ob = plot.Add.Scatter(pts.Select(p => (double)p.i).ToArray(), pts.Select(p => p.v!.Value).ToArray(), Neutral);
        ob.LineWidth = 2;
        ob.LegendText = text.T("rata-rata nilai SKP", "mean SKP score");
        plot.Axes.Bottom.TickGenerator = PeriodTicks(periods);
        plot.Axes.AutoScale();
        plot.Axes.SetLimitsX(-0.3, Math.Max(periods.Count - 1, 1) + 0.3);
        plot.YLabel(text.T("Nilai SKP", "SKP score"), 12);
        // The forecast's label names its method and takes a legend row of its own: one row per entry below the ticks.
        return BottomLegend(plot, bottom: 66 + 22 * (forecast.Count > 0 ? 3 : 1));
    }

    /// <summary>Forest plot: training effect (ATT) with 95 % CI per training group; groups too small are listed without a point.</summary>
    public Plot TrainingForest(IReadOnlyList<(string Group, double? Att, double? Low, double? High, long NTreated)> rows)
    {
        var plot = NewPlot(text.T("Dampak diklat terhadap nilai SKP (ATT, IK 95 %)", "Training effect on SKP score (ATT, 95 % CI)"), text, leftPadding: 190);
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            if (r.Att is not { } att) continue;
            var color = r.Low > 0 ? GradeA : r.High < 0 ? GradeD : Neutral;
            if (r.Low is { } lo && r.High is { } hi)
            {
                var line = plot.Add.Line(lo, i, hi, i);
                line.LineColor = color;
                line.LineWidth = 2;
            }
            var m = plot.Add.Marker(att, i, MarkerShape.FilledSquare, 9, color);
            _ = m;
        }
        var zero = plot.Add.VerticalLine(0, 1, Colors.Black);
        zero.LinePattern = LinePattern.Dashed;
        plot.Axes.Left.TickGenerator = Categories(rows.Select(r => Short(r.Group, 22) + (r.Att is null ? text.T(" (n kecil)", " (n small)") : $" (n={r.NTreated})")).ToList());
        plot.Axes.AutoScaleX();
        var xs = rows.SelectMany(r => new[] { r.Low, r.High, r.Att }).OfType<double>().Append(0).ToList();
        var span = Math.Max(xs.Max() - xs.Min(), 0.5);
        plot.Axes.SetLimitsX(xs.Min() - span * 0.1, xs.Max() + span * 0.1);
        plot.Axes.SetLimitsY(rows.Count - 0.4, -0.6); // first group at the top
        plot.XLabel(text.T("Perubahan nilai SKP dibanding kontrol", "Change in SKP score vs. controls"), 12);
        return plot;
    }

    /// <summary>Event study: effect per quarter relative to the training, with the training between −1 and 0.</summary>
    public Plot EventStudy(IReadOnlyList<DiklatEventRow> rows, string group)
    {
        var plot = NewPlot(text.T($"Studi peristiwa — {group}", $"Event study — {group}"), text);
        var sorted = rows.Where(r => !double.IsNaN(r.Estimate)).OrderBy(r => r.RelatifTriwulan).ToList();
        foreach (var r in sorted.Where(r => r.CiLow is not null && r.CiHigh is not null))
        {
            var l = plot.Add.Line(r.RelatifTriwulan, r.CiLow!.Value, r.RelatifTriwulan, r.CiHigh!.Value);
            l.LineColor = GradeB;
            l.LineWidth = 2;
        }
        var sc = plot.Add.Scatter(sorted.Select(r => (double)r.RelatifTriwulan).ToArray(), sorted.Select(r => r.Estimate).ToArray(), GradeB);
        sc.MarkerSize = 8;
        sc.LineWidth = 1;
        plot.Add.HorizontalLine(0, 1, Colors.Black).LinePattern = LinePattern.Dashed;
        var training = plot.Add.VerticalLine(-0.5, 1, GradeC);
        training.LinePattern = LinePattern.Dotted;
        // The line's own label sits on the x axis, over the tick labels: name it inside the plot, at the top beside the line.
        var ys = sorted.SelectMany(r => new[] { r.Estimate, r.CiLow ?? r.Estimate, r.CiHigh ?? r.Estimate }).Append(0).ToList();
        var span = Math.Max(ys.Max() - ys.Min(), 0.5);
        plot.Axes.SetLimitsY(ys.Min() - span * 0.1, ys.Max() + span * 0.22);
        var tag = plot.Add.Text(text.T("diklat", "training"), -0.45, ys.Max() + span * 0.2);
        tag.LabelFontColor = GradeC;
        tag.LabelFontSize = 12;
        tag.LabelBold = true;
        tag.LabelAlignment = Alignment.UpperLeft;
        var xs = sorted.Select(r => (double)r.RelatifTriwulan).Append(-0.5).ToList();
        plot.Axes.SetLimitsX(xs.Min() - 0.5, xs.Max() + 0.5);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(1) { LabelFormatter = v => text.N(v, 0) };
        plot.XLabel(text.T("Triwulan relatif terhadap diklat", "Quarter relative to training"), 12);
        plot.YLabel(text.T("Efek (nilai SKP)", "Effect (SKP score)"), 12);
        return plot;
    }

    /// <summary>
    /// Share of employees meeting 20 JP per unit (PP 17/2020: every ASN at least 20 JP a year). With more than
    /// <see cref="MaxUnitBars"/> units only the lowest are drawn, as for IKM; the full list is the table.
    /// </summary>
    public Plot JpCoverage(IReadOnlyList<(string Unit, double Share)> rows, int year)
    {
        var sorted = rows.OrderBy(r => r.Share).Take(MaxUnitBars).ToList();
        var title = rows.Count > MaxUnitBars
            ? text.T($"Kepatuhan 20 JP: {MaxUnitBars} unit terendah dari {rows.Count}, tahun {year}", $"20 JP compliance: {MaxUnitBars} lowest of {rows.Count} units, {year}")
            : text.T($"Kepatuhan 20 JP per unit, tahun {year}", $"20 JP training compliance by unit, {year}");
        var plot = NewPlot(title, text, leftPadding: 190, topPadding: 60);
        var bp = plot.Add.Bars(sorted.Select((r, i) => new Bar
        {
            Position = i, Value = r.Share * 100, FillColor = r.Share >= 0.8 ? GradeA : r.Share >= 0.5 ? GradeC : GradeD,
            LineWidth = 0, Size = 0.7, Label = text.N(r.Share * 100, 1) + " %",
        }).ToList());
        bp.Horizontal = true;
        bp.ValueLabelStyle.FontSize = 10;
        plot.Axes.Left.TickGenerator = Categories(sorted.Select(r => Short(r.Unit, 24)).ToList());
        // Room right of 100 % for the value labels, but no tick beyond the 100 % a share can reach.
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. Enumerable.Range(0, 6).Select(k => new Tick(k * 20, text.N(k * 20, 0)))]);
        plot.Axes.SetLimitsX(0, 115);
        // The target (every employee ≥ 20 JP) as a line, named as a tick of the top axis so it cannot overlap the title or a bar label.
        var goal = plot.Add.VerticalLine(100, 1.5f, Colors.Black.WithAlpha(.55));
        goal.LinePattern = LinePattern.Dashed;
        plot.Axes.Top.TickGenerator = new ScottPlot.TickGenerators.NumericManual([new Tick(100, text.T("target 100 %", "target 100 %"))]);
        plot.Axes.Top.TickLabelStyle.FontSize = 10;
        plot.Axes.SetLimitsX(0, 115, plot.Axes.Top);
        plot.Axes.SetLimitsY(-0.7, Math.Max(sorted.Count, 1) - 0.3);
        plot.XLabel(text.T("Persen pegawai dengan ≥ 20 JP", "Percent of employees with ≥ 20 JP"), 12);
        plot.ShowLegend(
        [
            new LegendItem { LabelText = text.T("≥ 80 %", "≥ 80 %"), FillColor = GradeA },
            new LegendItem { LabelText = text.T("50–80 %", "50–80 %"), FillColor = GradeC },
            new LegendItem { LabelText = text.T("< 50 %", "< 50 %"), FillColor = GradeD },
        ], Alignment.LowerRight);
        return plot;
    }

    /// <summary>Most months the leave charts show: three years, enough to see online adoption and processing time change.</summary>
    public const int LeaveMonths = 36;

    /// <summary>
    /// Median leave processing time (working days) per month and channel, over up to <see cref="LeaveMonths"/> months. A month
    /// without a value (suppressed or no data) breaks the line; a running month (<paramref name="lastPartial"/>) is a hollow
    /// marker joined by a dashed line, named "berjalan" in the legend, so an incomplete month does not read as a change.
    /// </summary>
    public Plot LeaveProcessing(IReadOnlyList<DateOnly> months, IReadOnlyList<(string Kanal, IReadOnlyList<double?> Median)> series, bool lastPartial = false)
    {
        var plot = NewPlot(text.T("Waktu proses cuti (median, hari kerja)", "Leave processing time (median, working days)"), text);
        var partial = false;
        for (var s = 0; s < series.Count; s++)
            partial |= BrokenLine(plot, series[s].Median, Colours[s % Colours.Length], ReportText.Readable(series[s].Kanal), lastPartial);
        plot.Axes.Bottom.TickGenerator = Categories(MonthLabels(months));
        plot.Axes.SetLimitsX(-0.6, Math.Max(months.Count - 1, 1) + 0.6);
        var max = series.SelectMany(s => s.Median).OfType<double>().DefaultIfEmpty(1).Max();
        plot.Axes.SetLimitsY(0, max * 1.15 + 0.1);
        plot.YLabel(text.T("Hari kerja", "Working days"), 12);
        if (partial) AddRunningLegend(plot);
        return BottomLegend(plot);
    }

    /// <summary>
    /// Share of leave requests submitted online per period (up to <see cref="LeaveMonths"/> months), with the online
    /// target (<c>Analytics:OnlineShareTarget</c>, a share 0–1) as a labelled line; gaps and a running period as in
    /// <see cref="LeaveProcessing"/>.
    /// </summary>
    public Plot OnlineAdoption(IReadOnlyList<string> periods, IReadOnlyList<double?> share, double target, bool lastPartial = false)
    {
        var plot = NewPlot(text.T("Pengajuan cuti secara online", "Leave requests submitted online"), text);
        var goal = plot.Add.HorizontalLine(target * 100, 1.5f, GradeD);
        goal.LinePattern = LinePattern.Dashed;
        // Named in the legend: a label on the line sat rotated on the right edge, and inside the plot it can cover the data.
        goal.LegendText = text.T($"target {text.Pct(target, 0)}", $"target {text.Pct(target, 0)}");
        var partial = BrokenLine(plot, share.Select(v => v * 100).ToList(), GradeA, text.T("persen online", "percent online"), lastPartial);
        var months = periods.Select(p => Kepegawaian.Analytics.Common.Periode.TryParse(p, out var x) && x.Kind == Kepegawaian.Analytics.Common.PeriodeKind.Bulan
            ? new DateOnly(x.Year, x.Number, 1) : (DateOnly?)null).ToList();
        // Month periods (2026-07) read as Indonesian month names, like the leave chart; other periods in words.
        plot.Axes.Bottom.TickGenerator = months.All(m => m is not null) ? Categories(MonthLabels(months.Select(m => m!.Value).ToList())) : PeriodTicks(periods);
        plot.Axes.SetLimitsX(-0.6, Math.Max(periods.Count - 1, 1) + 0.6);
        plot.Axes.SetLimitsY(0, 100);
        plot.YLabel(text.T("Persen pengajuan online", "Percent submitted online"), 12);
        if (partial) AddRunningLegend(plot);
        return BottomLegend(plot);
    }

    /// <summary>
    /// One line per run of consecutive values (x = index): a null ends a run, so no line crosses a suppressed or empty
    /// period. With <paramref name="lastPartial"/> the last value is drawn apart: a hollow marker joined to the previous
    /// value by a dashed line. Returns whether such a running point was drawn.
    /// </summary>
    private static bool BrokenLine(Plot plot, IReadOnlyList<double?> values, Color color, string legend, bool lastPartial)
    {
        var complete = lastPartial ? values.Count - 1 : values.Count;
        var named = false;
        for (var i = 0; i < complete;)
        {
            if (values[i] is null) { i++; continue; }
            var run = new List<(double X, double Y)>();
            for (; i < complete && values[i] is { } v; i++) run.Add((i, v));
            var sc = plot.Add.Scatter(run.Select(p => p.X).ToArray(), run.Select(p => p.Y).ToArray(), color);
            sc.LineWidth = 2;
            sc.MarkerSize = 6;
            if (!named) sc.LegendText = legend;
            named = true;
        }
        if (!lastPartial || values.Count == 0 || values[^1] is not { } last) return false;
        var n = values.Count - 1;
        if (n > 0 && values[n - 1] is { } before)
        {
            var dash = plot.Add.Scatter(new double[] { n - 1, n }, new[] { before, last }, color);
            dash.LineWidth = 2;
            dash.MarkerSize = 0;
            dash.LinePattern = LinePattern.Dashed;
        }
        var marker = plot.Add.Marker(n, last, MarkerShape.OpenCircle, 10, color);
        marker.MarkerLineWidth = 2;
        if (!named) marker.LegendText = legend;
        return true;
    }

    /// <summary>The legend entry of a running period: the hollow marker and dashed line, in neutral grey.</summary>
    private void AddRunningLegend(Plot plot) =>
        plot.Legend.ManualItems.Add(new LegendItem
        {
            LabelText = text.T("berjalan (belum lengkap)", "running (incomplete)"),
            MarkerShape = MarkerShape.OpenCircle, MarkerSize = 10, MarkerLineWidth = 2, MarkerColor = Neutral,
            LineColor = Neutral, LineWidth = 2, LinePattern = LinePattern.Dashed,
        });

    /// <summary>A placeholder when a mart has no rows (analytics not yet run or everything suppressed).</summary>
    public Plot Empty(string title)
    {
        var plot = NewPlot(title, text);
        plot.Add.Text(text.T("Belum ada data", "No data yet"), 0.5, 0.5).LabelFontSize = 16;
        plot.Axes.SetLimits(0, 1, 0, 1);
        plot.HideGrid();
        return plot;
    }

    /// <summary>Most period labels that fit the chart width side by side.</summary>
    private const int MaxPeriodTicks = 8;

    /// <summary>
    /// Period codes as words ("Triwulan IV 2026"), the year on a second line so eight quarters fit the width; with more
    /// periods only every n-th is named (always the last), the others keep an unlabelled tick.
    /// </summary>
    private ScottPlot.TickGenerators.NumericManual PeriodTicks(IReadOnlyList<string> periods)
    {
        var step = (periods.Count + MaxPeriodTicks - 1) / MaxPeriodTicks;
        return Categories(periods.Select((p, n) => (periods.Count - 1 - n) % Math.Max(step, 1) != 0 ? ""
            : text.Period(p) is var label && label.LastIndexOf(' ') is > 0 and var i ? label[..i] + "\n" + label[(i + 1)..] : p).ToList());
    }

    /// <summary>
    /// Month ticks: every month up to a year; over a longer span only the quarter starts (Jan, Apr, Jul, Okt) are named so
    /// three years fit the width. The year is on January and on the first named month.
    /// </summary>
    private IReadOnlyList<string> MonthLabels(IReadOnlyList<DateOnly> months)
    {
        var every = months.Count <= 12;
        var first = true;
        return months.Select(m =>
        {
            if (!every && (m.Month - 1) % 3 != 0) return "";
            var label = first || m.Month == 1 ? $"{text.MonthShort(m.Month)} {m.Year % 100:00}" : text.MonthShort(m.Month);
            first = false;
            return label;
        }).ToList();
    }

    private void AddBands(Plot plot, bool vertical)
    {
        foreach (var (value, grade) in IkmBands)
        {
            var line = vertical ? (ScottPlot.Plottables.AxisLine)plot.Add.VerticalLine(value, 1, Colors.Black.WithAlpha(.55)) : plot.Add.HorizontalLine(value, 1, Colors.Black.WithAlpha(.55));
            line.LinePattern = LinePattern.Dashed;
            if (vertical) continue;
            line.LabelText = $"{grade} {text.N(value, 2)}";
            line.LabelFontSize = 10;
            line.LabelOppositeAxis = true; // labels on the right edge, clear of the tick labels
        }
        if (!vertical) return;
        // Vertical limits are named as ticks of the top axis: the layout puts the title above that axis, so the two
        // cannot overlap (a line's own label is drawn over the title's space).
        plot.Axes.Top.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. IkmBands.Select(b => new Tick(b.Value, $"{b.Grade} {text.N(b.Value, 2)}"))]);
        plot.Axes.Top.TickLabelStyle.FontSize = 10;
    }

    private static Plot BottomLegend(Plot plot, int bottom = 95, int right = 45)
    {
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.Orientation = Orientation.Horizontal;
        plot.Layout.Fixed(new PixelPadding(70, right, bottom, 40));
        return plot;
    }

    private void GradeLegend(Plot plot)
    {
        plot.ShowLegend(
        [
            new LegendItem { LabelText = text.T("A Sangat Baik", "A Very good"), FillColor = GradeA },
            new LegendItem { LabelText = text.T("B Baik", "B Good"), FillColor = GradeB },
            new LegendItem { LabelText = text.T("C Kurang Baik", "C Fair"), FillColor = GradeC },
            new LegendItem { LabelText = text.T("D Tidak Baik", "D Poor"), FillColor = GradeD },
        ], Alignment.LowerRight);
    }
}
