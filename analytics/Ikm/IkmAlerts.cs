using System.Globalization;

namespace Kepegawaian.Analytics.Ikm;

/// <summary>
/// Units (and kecamatan areas) whose IKM is getting worse, judged on evidence across several quarters.
/// A single quarter's drop or a grade change is what a reader sees first, but with ~130 units tested every
/// quarter a 5 % test raises several false alarms each time, and a unit sliding a point per quarter rarely
/// shows a "significant" one-quarter step. So, per group and quarter:
/// <list type="number">
/// <item>fit IKM on the quarter over the last <see cref="IkmOptions.AlertQuarters"/> quarters (at least
///   <see cref="IkmOptions.AlertMinQuarters"/> with responses), weighting each quarter by its respondents
///   (<see cref="IkmDeclineTest.Fit"/>), and test one-sided for a decline;</item>
/// <item>adjust the p-values of all units tested in that quarter (separately: all kecamatan areas) by
///   Benjamini–Hochberg; a declining slope with q ≤ <see cref="IkmOptions.AlertFdr"/> is an alert;</item>
/// <item>a grade drop, a significant one-quarter drop, or a trend with nominal p &lt; 0.05 that is not an
///   alert is kept as <see cref="IkmAlertStatus.TidakTerkonfirmasi"/>, with a sentence saying why.</item>
/// </list>
/// Quarters only: semesters and years have too few points for a trend.
/// </summary>
public static class IkmAlerts
{
    private static readonly CultureInfo IdId = CultureInfo.GetCultureInfo("id-ID");
    private const double NominalP = 0.05;

    private sealed record Tested(IkmTrend Row, TrendFit? Fit, int Quarters, string? First)
    {
        /// <summary>Whether this quarter's and the previous quarter's grades are indicative (sample below Krejcie–Morgan).</summary>
        public (bool Now, bool Before) Indicative { get; init; }
        public double? Q { get; set; }
        public int Family { get; set; }
    }

    public static IReadOnlyList<IkmAlert> Detect(IReadOnlyList<IkmResult> results, IReadOnlyList<IkmTrend> trends, IkmOptions? options = null)
    {
        options ??= new IkmOptions();
        var window = options.AlertQuarters;
        var minimum = Math.Min(options.AlertMinQuarters, window);
        var trendIndex = trends.Where(t => t.Level is IkmLevel.Unit or IkmLevel.Kecamatan && t.JenisPeriode == Jenis).ToDictionary(t => (t.Level, t.KodeUnit, t.Periode));

        var tested = new List<Tested>();
        foreach (var series in results
                     .Where(r => r.Level is IkmLevel.Unit or IkmLevel.Kecamatan && r.JenisPeriode == Jenis && r.JenisLayanan is null)
                     .GroupBy(r => (r.Level, r.KodeUnit)))
        {
            var quarters = series.Where(r => r.IkmExact is not null && r.RespondenSkor > 0).OrderBy(r => r.PeriodeMulai).ToList();
            foreach (var cur in quarters)
            {
                var end = QuarterNumber(cur.PeriodeMulai);
                var used = quarters.Where(r => QuarterNumber(r.PeriodeMulai) is var q && q <= end && q > end - window).ToList();
                var points = used.Count >= minimum ? Points(used, end) : null;
                var fit = points is null ? null : IkmDeclineTest.Fit(points);
                if (trendIndex.TryGetValue((cur.Level, cur.KodeUnit, cur.Periode), out var row))
                {
                    var previous = series.FirstOrDefault(r => r.PeriodeMulai == cur.PeriodeMulai.AddMonths(-3));
                    tested.Add(new Tested(row, fit, used.Count, used[0].Periode)
                        { Indicative = (IkmScale.Indicative(cur.SampelCukup), IkmScale.Indicative(previous?.SampelCukup)) });
                }
            }
        }

        // Benjamini–Hochberg per period and level: every group with a trend is one test of the family.
        foreach (var family in tested.Where(x => x.Fit is not null).GroupBy(x => (x.Row.Periode, x.Row.Level)))
        {
            var members = family.ToList();
            var q = IkmDeclineTest.BenjaminiHochberg(members.Select(x => x.Fit!.PDecline).ToList());
            for (var i = 0; i < members.Count; i++) { members[i].Q = q[i]; members[i].Family = members.Count; }
        }

        var alerts = new List<IkmAlert>();
        foreach (var period in tested.GroupBy(x => x.Row.Periode))
        {
            var isAlert = period.Where(x => x.Fit is { Slope: < 0 } && x.Q <= options.AlertFdr)
                .OrderBy(x => x.Q).ThenBy(x => x.Fit!.Slope).ThenBy(x => x.Row.KodeUnit, StringComparer.Ordinal).ToList();
            var rank = 0;
            foreach (var x in isAlert) alerts.Add(Build(x, IkmAlertStatus.Peringatan, ++rank, minimum));
            foreach (var x in period.Except(isAlert).Where(Visible).OrderBy(x => x.Row.Level).ThenBy(x => x.Row.KodeUnit, StringComparer.Ordinal))
                alerts.Add(Build(x, IkmAlertStatus.TidakTerkonfirmasi, null, minimum));
        }
        return alerts;
    }

    private const string Jenis = "triwulan";

    /// <summary>Quarters counted from year 0, so consecutive quarters differ by 1 across years.</summary>
    internal static int QuarterNumber(DateOnly start) => start.Year * 4 + (start.Month - 1) / 3;

    /// <summary>
    /// The window's quarters with their sampling variance s²/n, s² pooled over the window's quarters (the spread of
    /// respondents in a unit hardly changes between quarters, and pooling keeps a quarter of a few alike-answering
    /// respondents from getting an almost infinite weight). Quarters are numbered 0 at the latest, −1 before it, ….
    /// </summary>
    private static List<QuarterPoint>? Points(IReadOnlyList<IkmResult> used, int end)
    {
        double num = 0, df = 0;
        foreach (var r in used.Where(r => r.RespondenSkor >= 2 && r.StandardError is not null))
        {
            var variance = r.StandardError!.Value * r.StandardError.Value * r.RespondenSkor; // s² = se²·n
            num += (r.RespondenSkor - 1) * variance;
            df += r.RespondenSkor - 1;
        }
        if (df <= 0 || !(num > 0)) return null;
        var pooled = num / df;
        return used.Select(r => new QuarterPoint(QuarterNumber(r.PeriodeMulai) - end, r.IkmExact!.Value, pooled / r.RespondenSkor)).ToList();
    }

    private static bool FellGrade(IkmTrend t) => IkmScale.GradeOf(t.Mutu)?.Rank < IkmScale.GradeOf(t.MutuSebelumnya)?.Rank;

    private static bool FellOneQuarter(IkmTrend t) => t.Selisih < 0 && t.Signifikan;

    /// <summary>A drop a reader would notice: worth listing as not confirmed when it is not an alert.</summary>
    private static bool Visible(Tested x) => FellGrade(x.Row) || FellOneQuarter(x.Row) || x.Fit is { Slope: < 0, PDecline: < NominalP };

    private static IkmAlert Build(Tested x, string status, int? rank, int minimum)
    {
        var t = x.Row;
        var f = x.Fit;
        return new IkmAlert(t.Level, t.KodeUnit, t.NamaUnit, t.JenisPeriode, t.Periode, status, rank,
            t.Ikm, t.IkmSebelumnya, t.Selisih, t.Mutu, t.MutuSebelumnya,
            f?.Slope, f?.CiLow, f?.CiHigh, f?.PDecline, x.Q, x.Quarters, x.First,
            status == IkmAlertStatus.Peringatan ? AlertReason(x) : NotConfirmedReason(x, minimum));
    }

    private static string AlertReason(Tested x)
    {
        var t = x.Row;
        var f = x.Fit!;
        var parts = new List<string>();
        if (FellGrade(t)) parts.Add(GradeText(x));
        var tested = t.Level == IkmLevel.Kecamatan ? "wilayah kecamatan" : "unit";
        parts.Add($"IKM turun rata-rata {N2(-f.Slope)} poin per triwulan selama {x.Quarters} triwulan ({x.First} s.d. {t.Periode}; " +
                  $"IK 95% {N2(f.CiLow)} s.d. {N2(f.CiHigh)}), {P("q", x.Q!.Value)} setelah koreksi FDR atas {x.Family} {tested} yang diuji: " +
                  "penurunan berkelanjutan, bukan galat sampling");
        return string.Join("; ", parts) + ".";
    }

    private static string NotConfirmedReason(Tested x, int minimum)
    {
        var t = x.Row;
        var seen = new List<string>();
        if (FellGrade(t)) seen.Add(GradeText(x));
        if (FellOneQuarter(t))
            seen.Add($"IKM turun {N2((double)-t.Selisih!.Value)} poin dari triwulan sebelumnya ({N2((double)t.IkmSebelumnya!.Value)} → {N2((double)t.Ikm!.Value)})");
        if (x.Fit is { } f)
        {
            if (seen.Count == 0) seen.Add($"Tren IKM menurun {N2(-f.Slope)} poin per triwulan ({P("p", f.PDecline)} sebelum koreksi)");
            return string.Join("; ", seen) + $", tetapi tren {x.Quarters} triwulan ({x.First} s.d. {t.Periode}: {N2(f.Slope)} poin per triwulan, " +
                   $"IK 95% {N2(f.CiLow)} s.d. {N2(f.CiHigh)}; {P("q", x.Q!.Value)}) masih dalam galat sampling: tidak terkonfirmasi.";
        }
        return string.Join("; ", seen) + $", tetapi baru {x.Quarters} triwulan berdata (perlu {minimum}) sehingga tren belum dapat diuji: tidak terkonfirmasi.";
    }

    // A grade from a sample below the Krejcie–Morgan minimum is marked, as everywhere else (IkmScale.Indicative).
    private static string GradeText(Tested x)
    {
        var t = x.Row;
        var (now, before) = x.Indicative;
        string Mark(bool indicative) => indicative ? IkmScale.IndicativeMark : "";
        return $"Mutu turun dari {t.MutuSebelumnya}{Mark(before)} ({IkmScale.GradeOf(t.MutuSebelumnya)!.Kinerja}) ke {t.Mutu}{Mark(now)} ({IkmScale.GradeOf(t.Mutu)!.Kinerja})"
               + (now || before ? " (* indikatif: responden di bawah sampel minimum Krejcie–Morgan)" : "");
    }

    private static string N2(double value) => value.ToString("0.00", IdId);

    /// <summary>"p = 0,012" with three decimals, and "p &lt; 0,001" below that (never "0,000").</summary>
    internal static string P(string name, double value) => value < 0.001 ? $"{name} < 0,001" : $"{name} = {value.ToString("0.000", IdId)}";
}
