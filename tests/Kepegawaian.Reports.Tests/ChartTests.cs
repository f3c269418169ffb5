using Kepegawaian.Reports.Charts;
using Kepegawaian.Reports.Data;
using ScottPlot;

namespace Kepegawaian.Reports.Tests;

public sealed class ChartTests
{
    private static readonly ChartFactory Charts = new(ReportText.Indonesian);

    /// <summary>December 2023 … November 2026: 36 months.</summary>
    private static readonly DateOnly[] ThreeYears = [.. Enumerable.Range(0, 36).Select(i => new DateOnly(2023, 12, 1).AddMonths(i))];

    public static TheoryData<string> Names() => new(AllCharts().Keys);

    private static Dictionary<string, Func<Plot>> AllCharts() => new()
    {
        ["ikm_unit"] = () => Charts.IkmByUnit([("Dinas Kependudukan dan Pencatatan Sipil", 89.72, "A"), ("Kecamatan Ilir Barat I", 77.22, "B"), ("RSUD Bari", 70.0, "C"), ("Dinas Perhubungan", 60.0, "D")], "2026-Q3"),
        // The dashboard's default: the city and the four lowest units, with long names, over eight quarters.
        ["ikm_tren"] = () => Charts.IkmTrend(["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"],
            [("Kota Palembang", [80.1, 80.0, 82.15, 81, 80, 81, 82, 81]), ("RSUD Bari", [78.0, null, 70.0, 71, 72, 73, 70, 69]),
             ("Kelurahan 10 Ilir Kecamatan Ilir Timur II", [70, 71, 72, 73, 74, 75, 76, 77]), ("Dinas Kependudukan dan Pencatatan Sipil", [75, 75, 75, 75, 75, 75, 75, 75]),
             ("Badan Pendapatan Daerah Kota Palembang", [66, 67, 68, 69, 70, 71, 72, 73])]),
        ["ikm_unsur"] = () => Charts.WeakestElements([("Persyaratan", 3.4, 3.3), ("Sistem, mekanisme, dan prosedur", 3.2, 3.1), ("Waktu penyelesaian", 2.5, 2.7), ("Biaya/tarif", 3.9, 3.8),
            ("Produk spesifikasi jenis pelayanan", 3.3, 3.2), ("Kompetensi pelaksana", 3.1, 3.0), ("Perilaku pelaksana", 3.5, 3.4), ("Penanganan pengaduan", 2.9, 2.8), ("Sarana dan prasarana", 3.0, 3.1)], "Kota, Triwulan III 2026"),
        ["kinerja_predikat"] = () => Charts.PredikatDistribution(["2026-Q2", "2026-Q3"], [[2, 6, 2, 0, 0], [3, 6, 4, 0, 0]]),
        ["kinerja_tren"] = () => Charts.PerformanceTrend(["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4", "2027-Q1"], [77.0, 78.0, 80.0, null, null], [(2, 80, 80, 80), (3, 81, 78, 84), (4, 82, 77, 87)], "rata-rata kota"),
        ["diklat_dampak"] = () => Charts.TrainingForest([("teknis", 2.5, 1.0, 4.0, 30), ("manajerial", -0.4, -1.9, 1.1, 25), ("e_learning", null, null, null, 3)]),
        ["diklat_event"] = () => Charts.EventStudy([new("teknis", -2, 0.1, -0.8, 1.0), new("teknis", -1, 0, -0.7, 0.7), new("teknis", 0, 1.8, 0.6, 3.0), new("teknis", 1, 2.6, 1.2, 4.0)], "teknis"),
        ["jp_cakupan"] = () => Charts.JpCoverage([("Dinas Kependudukan", 0.75), ("Kecamatan Ilir Barat I", 0.42), ("Inspektorat", 0.95)], 2026),
        ["cuti_waktu"] = () => Charts.LeaveProcessing([new(2025, 12, 1), new(2026, 1, 1), new(2026, 2, 1)], [("online", [2.0, 1.8, 1.5]), ("manual", [5.0, 5.5, 4.8])]),
        // Three years as the generated demo tells it: a suppressed month (null) breaks the line, the running month is hollow.
        ["cuti_waktu_3th"] = () => Charts.LeaveProcessing(ThreeYears, [("online", [.. ThreeYears.Select((_, i) => i == 20 ? null : (double?)(3.0 - i * 0.04))]),
            ("manual", [.. ThreeYears.Select((_, i) => i == 20 ? null : (double?)(6.0 - i * 0.05))])], lastPartial: true),
        ["cuti_online"] = () => Charts.OnlineAdoption(["2026-08", "2026-09", "2026-10"], [0.31, 0.45, 0.625], 0.5),
        ["cuti_online_3th"] = () => Charts.OnlineAdoption([.. ThreeYears.Select(m => $"{m.Year}-{m.Month:00}")],
            [.. ThreeYears.Select((_, i) => i == 20 ? null : i == 35 ? 0.2 : (double?)(0.31 + i * 0.0131))], 0.5, lastPartial: true),
        ["kosong"] = () => Charts.Empty("IKM per unit"),
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_chart_renders_a_png_at_email_width(string name)
    {
        var png = ChartStyle.Png(AllCharts()[name]());
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        // IHDR width/height, big-endian at bytes 16..23.
        Assert.Equal(ChartStyle.Width, (png[16] << 24) | (png[17] << 16) | (png[18] << 8) | png[19]);
        File.WriteAllBytes(Path.Combine(ReportSeed.Artifacts("charts"), name + ".png"), png);
    }

    [Fact]
    public void Ikm_bars_take_the_colour_of_their_grade()
    {
        Assert.Equal(ChartStyle.GradeA, ChartStyle.Grade("A"));
        Assert.Equal(ChartStyle.GradeD, ChartStyle.Grade("D"));
        var plot = Charts.IkmByUnit([("X", 89.72, "A"), ("Y", 60.0, "D")], "2026-Q3");
        var bars = plot.GetPlottables<ScottPlot.Plottables.BarPlot>().Single().Bars;
        Assert.Equal(ChartStyle.GradeD, bars.Single(b => b.Value == 60.0).FillColor);
        Assert.Equal(ChartStyle.GradeA, bars.Single(b => b.Value == 89.72).FillColor);
        Assert.Contains("89,72", bars.Select(b => b.Label));
    }

    [Fact]
    public void Ikm_band_lines_sit_at_the_PermenPANRB_grade_limits()
    {
        var plot = Charts.IkmByUnit([("X", 80, "B")], "2026-Q3");
        var lines = plot.GetPlottables<ScottPlot.Plottables.VerticalLine>().Select(l => l.X).Order().ToArray();
        Assert.Equal([65.00, 76.61, 88.31], lines);
    }

    [Fact]
    public void Jp_coverage_draws_the_lowest_units_only_and_says_how_many_there_are()
    {
        var units = Enumerable.Range(1, 30).Select(i => ($"Unit {i}", i / 40.0)).ToList();   // 2,5 % … 75 %
        var plot = Charts.JpCoverage(units, 2026);
        var bars = plot.GetPlottables<ScottPlot.Plottables.BarPlot>().Single().Bars;
        Assert.Equal(ChartFactory.MaxUnitBars, bars.Count);
        Assert.Equal(50.0, bars.Max(b => b.Value), 9);           // unit 20 of 30: 20/40
        Assert.Contains("20 unit terendah dari 30", plot.Axes.Title.Label.Text);
        Assert.Contains("50,0 %", bars.Select(b => b.Label));
    }

    [Fact]
    public void Ikm_chart_title_names_the_period_in_words()
    {
        var plot = Charts.IkmByUnit([("X", 80, "B")], "2026-Q3");
        Assert.Contains("Triwulan III 2026", plot.Axes.Title.Label.Text);
    }

    [Fact]
    public void Period_ticks_are_words_and_at_most_eight_are_named()
    {
        // 13 quarters 2024-Q1 … 2027-Q1: every second is named, counting back from the last (7 names).
        var periods = Enumerable.Range(0, 13).Select(i => $"{2024 + i / 4}-Q{i % 4 + 1}").ToList();
        var plot = Charts.PerformanceTrend(periods, [.. periods.Select(_ => (double?)80)], [], "kota");
        _ = ChartStyle.Png(plot);   // the ticks exist once the chart is laid out
        var labels = plot.Axes.Bottom.TickGenerator.Ticks.OrderBy(t => t.Position).Select(t => t.Label).ToList();
        Assert.Equal(13, labels.Count);
        Assert.Equal("Triwulan I\n2027", labels[12]);
        Assert.Equal("Triwulan III\n2026", labels[10]);
        Assert.Equal("", labels[11]);
        Assert.Equal(7, labels.Count(l => l.Length > 0));
        Assert.Equal("Triwulan I\n2024", labels[0]);
    }

    private static List<ScottPlot.Plottables.Scatter> Solid(Plot plot) =>
        plot.GetPlottables<ScottPlot.Plottables.Scatter>().Where(s => s.LinePattern.Equals(LinePattern.Solid)).ToList();

    private static List<(double X, double Y)> Points(ScottPlot.Plottables.Scatter s) =>
        s.Data.GetScatterPoints().Select(c => (c.X, c.Y)).ToList();

    [Fact]
    public void Leave_chart_of_the_seed_covers_every_month_with_data_and_draws_the_running_month_apart()
    {
        using var wh = ReportSeed.Create();
        var report = ReportSeed.Builder(wh).Build(ReportSeed.Week);
        var plot = report.AllCharts.Single(c => c.Name == "cuti_waktu").Plot;
        // Seed kanal+bulan rows: Sep manual 6,0 (online none); Oct manual 5,0, online 2,0; Nov (running: the week ends
        // 22 Nov) online 2,5, manual not estimable. x = month index 0 Sep, 1 Oct, 2 Nov; channels in ordinal order.
        var solid = Solid(plot);
        Assert.Equal([(0.0, 6.0), (1.0, 5.0)], solid.Where(s => s.LineColor == ChartStyle.Colours[0]).SelectMany(Points));
        Assert.Equal([(1.0, 2.0)], solid.Where(s => s.LineColor == ChartStyle.Colours[1]).SelectMany(Points));
        // November: a dashed segment from October and a hollow marker, not part of the solid line.
        var dashed = plot.GetPlottables<ScottPlot.Plottables.Scatter>().Single(s => s.LinePattern.Equals(LinePattern.Dashed));
        Assert.Equal([(1.0, 2.0), (2.0, 2.5)], Points(dashed));
        var marker = plot.GetPlottables<ScottPlot.Plottables.Marker>().Single();
        Assert.Equal((2.0, 2.5, MarkerShape.OpenCircle), (marker.X, marker.Y, marker.MarkerShape));
        Assert.Contains(plot.Legend.ManualItems, i => i.LabelText.StartsWith("berjalan", StringComparison.Ordinal));
        File.WriteAllBytes(Path.Combine(ReportSeed.Artifacts("charts"), "seed_cuti_waktu.png"), ChartStyle.Png(plot));
    }

    [Fact]
    public void Leave_chart_shows_three_years_of_months()
    {
        var months = Enumerable.Range(0, 40).Select(i => new DateOnly(2023, 8, 1).AddMonths(i)).ToList();
        // The caller passes the last LeaveMonths months; every one with a value is a point.
        var last = months.TakeLast(ChartFactory.LeaveMonths).ToList();
        var plot = Charts.LeaveProcessing(last, [("online", [.. last.Select((_, i) => (double?)(3 - i * 0.05))])]);
        Assert.Equal(36, ChartFactory.LeaveMonths);
        Assert.Equal(36, Solid(plot).SelectMany(Points).Count());
    }

    [Fact]
    public void A_suppressed_month_breaks_the_line_into_two_segments()
    {
        DateOnly[] months = [new(2026, 1, 1), new(2026, 2, 1), new(2026, 3, 1), new(2026, 4, 1), new(2026, 5, 1)];
        var plot = Charts.LeaveProcessing(months, [("online", [2.0, 1.8, null, 1.5, 1.4])]);
        var segments = Solid(plot).Select(Points).ToList();
        Assert.Equal(2, segments.Count);
        Assert.Equal([(0.0, 2.0), (1.0, 1.8)], segments[0]);
        Assert.Equal([(3.0, 1.5), (4.0, 1.4)], segments[1]);
        Assert.Empty(plot.GetPlottables<ScottPlot.Plottables.Marker>());   // no running month here
        Assert.Single(plot.GetPlottables<ScottPlot.Plottables.Scatter>(), s => !string.IsNullOrEmpty(s.LegendText));   // one legend entry per channel

        var online = Charts.OnlineAdoption(["2026-01", "2026-02", "2026-03"], [0.3, null, 0.5], 0.5);
        Assert.Equal(2, Solid(online).Count);
    }

    [Fact]
    public void Online_target_line_sits_at_the_target_share_and_says_so()
    {
        var plot = Charts.OnlineAdoption(["2026-08", "2026-09"], [0.31, 0.45], 0.5);
        var line = plot.GetPlottables<ScottPlot.Plottables.HorizontalLine>().Single();
        Assert.Equal(0.5, line.Y / 100, 9);   // the axis is in percent
        Assert.Equal("target 50 %", line.LegendText);
        // Not a constant: the configured target (Analytics:OnlineShareTarget) moves it.
        Assert.Equal((80.0, "target 80 %"), (Charts.OnlineAdoption(["2026-08"], [0.31], 0.8).GetPlottables<ScottPlot.Plottables.HorizontalLine>().Single() is var l ? (l.Y, l.LegendText) : default));
        // The weekly report draws the one definition's default (EfisiensiOptions.OnlineShareTarget = 0.5).
        using var wh = ReportSeed.Create();
        var weekly = ReportSeed.Builder(wh).Build(ReportSeed.Week).AllCharts.Single(c => c.Name == "cuti_online").Plot;
        Assert.Equal(50.0, weekly.GetPlottables<ScottPlot.Plottables.HorizontalLine>().Single().Y, 9);
    }

    [Fact]
    public void Running_period_is_a_hollow_marker_with_a_dashed_link_not_a_drop_in_the_line()
    {
        var plot = Charts.OnlineAdoption(["2026-08", "2026-09", "2026-10"], [0.40, 0.45, 0.05], 0.5, lastPartial: true);
        Assert.Equal([(0.0, 40.0), (1.0, 45.0)], Solid(plot).SelectMany(Points).Select(p => (p.X, Math.Round(p.Y, 9))));
        var dashed = plot.GetPlottables<ScottPlot.Plottables.Scatter>().Single(s => s.LinePattern.Equals(LinePattern.Dashed));
        Assert.Equal([1.0, 2.0], Points(dashed).Select(p => p.X));
        Assert.Equal(MarkerShape.OpenCircle, plot.GetPlottables<ScottPlot.Plottables.Marker>().Single().MarkerShape);
        Assert.Contains(plot.Legend.ManualItems, i => i.LabelText.StartsWith("berjalan", StringComparison.Ordinal));
    }

    [Fact]
    public void Jp_coverage_marks_the_100_percent_target()
    {
        var plot = Charts.JpCoverage([("A", 0.75), ("B", 0.42)], 2026);
        Assert.Equal(100.0, plot.GetPlottables<ScottPlot.Plottables.VerticalLine>().Single().X);
        _ = ChartStyle.Png(plot);
        Assert.Equal([(100.0, "target 100 %")], plot.Axes.Top.TickGenerator.Ticks.Where(t => t.IsMajor).Select(t => (t.Position, t.Label)));
    }

    [Fact]
    public void Event_study_names_the_training_inside_the_plot_not_on_the_x_axis()
    {
        var plot = Charts.EventStudy([new("teknis", -2, 0.1, -0.8, 1.0), new("teknis", -1, 0, -0.7, 0.7), new("teknis", 0, 1.8, 0.6, 3.0), new("teknis", 1, 2.6, 1.2, 4.0)], "teknis");
        Assert.All(plot.GetPlottables<ScottPlot.Plottables.VerticalLine>(), l => Assert.True(string.IsNullOrEmpty(l.LabelText)));
        var tag = plot.GetPlottables<ScottPlot.Plottables.Text>().Single();
        Assert.Equal("diklat", tag.LabelText);
        var limits = plot.Axes.GetLimits();
        Assert.InRange(tag.Location.Y, 4.0, limits.Top);    // above the highest CI, below the top edge
        Assert.InRange(tag.Location.X, limits.Left, limits.Right);
    }

    [Fact]
    public void Dashboard_leave_chart_marks_the_month_after_the_leave_data_through_day_as_running()
    {
        using var wh = ReportSeed.Create();
        var data = new ReportDataReader(wh.Database).Read();
        var city = new Kepegawaian.Reports.Dashboard.DashboardFilter(null, null, null);
        // Leave data through 22 November: November is running, drawn apart (online 2,5 at x = 2: Sep, Oct, Nov).
        var running = new Kepegawaian.Reports.Dashboard.DashboardModel(data with { DataThrough = new Dictionary<string, DateOnly> { ["cuti"] = new(2026, 11, 22) } },
            ReportText.Indonesian, 5, onlineTarget: 0.8);
        var marker = running.CutiChart(city).GetPlottables<ScottPlot.Plottables.Marker>().Single();
        Assert.Equal((2.0, 2.5, MarkerShape.OpenCircle), (marker.X, marker.Y, marker.MarkerShape));
        Assert.Equal(80.0, running.OnlineChart(city).GetPlottables<ScottPlot.Plottables.HorizontalLine>().Single().Y, 9);
        // Through the month's last day: November is complete and part of the solid line.
        var complete = new Kepegawaian.Reports.Dashboard.DashboardModel(data with { DataThrough = new Dictionary<string, DateOnly> { ["cuti"] = new(2026, 11, 30) } },
            ReportText.Indonesian, 5);
        var plot = complete.CutiChart(city);
        Assert.Empty(plot.GetPlottables<ScottPlot.Plottables.Marker>());
        Assert.Contains((2.0, 2.5), Solid(plot).SelectMany(Points));
    }
}
