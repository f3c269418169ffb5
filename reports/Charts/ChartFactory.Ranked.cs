using ScottPlot;
using static Kepegawaian.Reports.Charts.ChartStyle;

namespace Kepegawaian.Reports.Charts;

/// <summary>The placement dashboard's charts (issue 15): one ranked bar chart and one scatter, fed rows the tables already suppressed.</summary>
public sealed partial class ChartFactory
{
    /// <summary>
    /// Horizontal bars, the first <see cref="MaxUnitBars"/> rows as given (the caller ranks them like its table), the largest on top;
    /// flagged rows in the alert colour, an optional reference line (e.g. the 20 % wave limit).
    /// </summary>
    public Plot RankedBars(string title, string xLabel, IReadOnlyList<(string Label, double Value, bool Flag)> rows, int decimals, string suffix = "",
        (double Value, string Label)? reference = null, (string Flag, string Other)? legend = null)
    {
        if (rows.Count == 0) return Empty(title);
        var shown = rows.Take(MaxUnitBars).Reverse().ToList();
        var plot = NewPlot(rows.Count > MaxUnitBars ? text.T($"{title}: {MaxUnitBars} dari {rows.Count}", $"{title}: {MaxUnitBars} of {rows.Count}") : title,
            text, leftPadding: 250, topPadding: reference is null ? 40 : 60);
        var bp = plot.Add.Bars(shown.Select((r, i) => new Bar
        {
            Position = i, Value = r.Value, FillColor = r.Flag ? GradeD : GradeB, LineWidth = 0, Size = 0.7, Label = text.N(r.Value, decimals) + suffix,
        }).ToList());
        bp.Horizontal = true;
        bp.ValueLabelStyle.FontSize = 10;
        plot.Axes.Left.TickGenerator = Categories(shown.Select(r => Short(r.Label, 30)).ToList());
        var max = Math.Max(shown.Max(r => r.Value), reference?.Value ?? 0);
        plot.Axes.SetLimitsX(0, max * 1.18 + 1e-9);
        plot.Axes.SetLimitsY(-0.7, shown.Count - 0.3);
        if (reference is { } rf)
        {
            var line = plot.Add.VerticalLine(rf.Value, 1.5f, Colors.Black.WithAlpha(.55));
            line.LinePattern = LinePattern.Dashed;
            // Named as a top-axis tick, as in JpCoverage, so it cannot overlap the title or a bar label.
            plot.Axes.Top.TickGenerator = new ScottPlot.TickGenerators.NumericManual([new Tick(rf.Value, rf.Label)]);
            plot.Axes.Top.TickLabelStyle.FontSize = 10;
            plot.Axes.SetLimitsX(0, max * 1.18 + 1e-9, plot.Axes.Top);
        }
        plot.XLabel(xLabel, 12);
        if (legend is { } l)
            plot.ShowLegend([new LegendItem { LabelText = l.Flag, FillColor = GradeD }, new LegendItem { LabelText = l.Other, FillColor = GradeB }], Alignment.LowerRight);
        return plot;
    }

    /// <summary>One point per unit (x against y), flagged points in the alert colour; for an association, not a fitted effect.</summary>
    public Plot Scatter(string title, string xLabel, string yLabel, IReadOnlyList<(double X, double Y, bool Flag)> points, (string Flag, string Other)? legend = null)
    {
        if (points.Count == 0) return Empty(title);
        var plot = NewPlot(title, text);
        foreach (var group in points.GroupBy(p => p.Flag))
        {
            var s = plot.Add.ScatterPoints(group.Select(p => p.X).ToArray(), group.Select(p => p.Y).ToArray(), group.Key ? GradeD : GradeB);
            s.MarkerSize = 8;
            // The plottables name themselves, so the legend shows their markers (manual items drew none).
            if (legend is { } l) s.LegendText = group.Key ? l.Flag : l.Other;
        }
        plot.XLabel(xLabel, 12);
        plot.YLabel(yLabel, 12);
        plot.Legend.IsVisible = legend is not null;
        plot.Legend.Alignment = Alignment.LowerRight;
        return plot;
    }
}
