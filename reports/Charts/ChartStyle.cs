using ScottPlot;
using ScottPlot.TickGenerators;

namespace Kepegawaian.Reports.Charts;

/// <summary>Shared look of every chart: e-mail width, sans font, Indonesian number ticks, a right margin.</summary>
public static class ChartStyle
{
    /// <summary>Fits an e-mail body (~700 px) without scaling.</summary>
    public const int Width = 700;
    public const int Height = 380;

    public static readonly Color GradeA = Color.FromHex("#1a9850");
    public static readonly Color GradeB = Color.FromHex("#4575b4");
    public static readonly Color GradeC = Color.FromHex("#f28e2b");
    public static readonly Color GradeD = Color.FromHex("#d73027");
    public static readonly Color Neutral = Color.FromHex("#5b6770");
    public static readonly Color[] Colours =
        [Color.FromHex("#4575b4"), Color.FromHex("#f28e2b"), Color.FromHex("#1a9850"), Color.FromHex("#d73027"),
         Color.FromHex("#8e6bb4"), Color.FromHex("#8c564b"), Color.FromHex("#e377c2"), Color.FromHex("#7f7f7f")];

    static ChartStyle()
    {
        // The default resolves to DejaVu Serif on Debian (stack-notes).
        Fonts.Default = "DejaVu Sans";
    }

    public static Plot NewPlot(string title, ReportText text, int leftPadding = 70, int bottomPadding = 55, int topPadding = 40, int rightPadding = 55)
    {
        _ = Colours; // run the static constructor (font) before the first plot
        var plot = new Plot();
        plot.Title(title, 15);
        plot.Axes.Title.Label.FontName = Fonts.Default;
        // Fixed padding leaves room for long unit names on the left and for the last tick label on the right.
        plot.Layout.Fixed(new PixelPadding(leftPadding, rightPadding, bottomPadding, topPadding));
        plot.Axes.Bottom.TickGenerator = Numeric(text);
        plot.Axes.Left.TickGenerator = Numeric(text);
        plot.Grid.MajorLineColor = Colors.Black.WithAlpha(.08);
        return plot;
    }

    public static NumericAutomatic Numeric(ReportText text, int? decimals = null) => new()
    {
        LabelFormatter = v => decimals is { } d ? text.N(v, d) : v.ToString("#,##0.##", text.Number),
    };

    public static NumericManual Categories(IReadOnlyList<string> labels)
    {
        var ticks = new NumericManual();
        for (var i = 0; i < labels.Count; i++) ticks.AddMajor(i, labels[i]);
        return ticks;
    }

    public static string Short(string name, int max = 28) => name.Length <= max ? name : name[..(max - 1)] + "…";

    public static Color Grade(string mutu) => (mutu.Trim().ToUpperInvariant() is { Length: > 0 } m ? m[0] : ' ') switch
    {
        'A' => GradeA,
        'B' => GradeB,
        'C' => GradeC,
        _ => GradeD,
    };

    public static byte[] Png(Plot plot, int width = Width, int height = Height) =>
        plot.GetImageBytes(width, height, ImageFormat.Png);
}
