using Kepegawaian.Analytics.Common;
using Kepegawaian.Analytics.Ikm;
using Kepegawaian.Reports.Charts;
using Kepegawaian.Reports.Data;

namespace Kepegawaian.Reports.Content;

/// <summary>IKM per quarter: the city and a handful of units (chart "Tren IKM").</summary>
public sealed record IkmTrendFigures(IReadOnlyList<string> Periods, IReadOnlyList<(string Name, IReadOnlyList<double?> Ikm)> Series);

/// <summary>Published predikat counts (SB, B, BP, K, SK) per period; periods under MinCellSize employees left out.</summary>
public sealed record PredikatFigures(IReadOnlyList<string> Periods, IReadOnlyList<long[]> Counts);

/// <summary>Observed employee-weighted mean SKP per period, then the forecast periods with their band (joined to the last observation).</summary>
public sealed record PerformanceTrendFigures(IReadOnlyList<string> Periods, IReadOnlyList<double?> Observed,
    IReadOnlyList<(int Index, double Forecast, double Lower, double Upper)> Band, string? Metode);

/// <summary>Online share per period (null where the period has fewer than MinCellSize requests).</summary>
public sealed record OnlineFigures(IReadOnlyList<string> Periods, IReadOnlyList<double?> Share);

/// <summary>
/// The one owner of every figure a weekly-report page and a dashboard page both show (issue 12 item 7): the series behind
/// the shared charts, the shares and the small-cell lines of the shared tables. Pure functions over mart rows; the caller
/// passes the rows it may show (the report: periods starting before the report week ends; the dashboard: all of them,
/// optionally one unit), and renders the result its own way (HTML, PDF, XLSX, e-mail brief, dashboard JSON/PNG).
/// </summary>
public static class PageFigures
{
    /// <summary>Quarters a trend chart spans (the latest eight).</summary>
    public const int TrendPeriods = 8;

    /// <summary>Units a trend chart draws beside the city when no unit is asked for: the lowest latest IKM.</summary>
    public const int TrendUnits = 4;

    private static DateOnly StartOf(string periode) => Periode.TryParse(periode, out var p) ? p.Start : DateOnly.MinValue;

    /// <summary>
    /// Marts may mix period kinds in one table (month, quarter, year): keep the preferred kind when
    /// present so a series never mixes them.
    /// </summary>
    public static IEnumerable<T> PreferKind<T>(IEnumerable<T> rows, Func<T, string> periode, PeriodeKind kind)
    {
        var list = rows.ToList();
        var preferred = list.Where(r => Periode.TryParse(periode(r), out var p) && p.Kind == kind).ToList();
        return preferred.Count > 0 ? preferred : list;
    }

    public static double? WeightedMean(IEnumerable<(double Value, double Weight)> items)
    {
        double sw = 0, s = 0;
        foreach (var (v, w) in items) { s += v * w; sw += w; }
        return sw > 0 ? s / sw : null;
    }

    // ------------------------------------------------------------------ small cells (spec §4)
    /// <summary>A unit's kinerja split: total, SB+B, BP, K+SK are one line of <see cref="SmallCells"/>.</summary>
    public static RowSuppression KinerjaCells(KinerjaUnitRow r, int minCell) =>
        SmallCells.Row(minCell, r.N, r.NSangatBaik + r.NBaik, r.NButuhPerbaikan, r.NKurang + r.NSangatKurang);

    /// <summary>
    /// The 20 JP cells of one year's unit rows, hidden as one table (spec §4): each unit's employees, compliant and
    /// non-compliant are a line (the share hides with the compliant count), and so is each column against the city total
    /// the brief publishes (<see cref="JpShare"/>) — otherwise the city minus the shown units gives a lone hidden count.
    /// </summary>
    public static IReadOnlyDictionary<string, RowSuppression> JpCells(IEnumerable<JpUnitRow> yearRows, int minCell)
    {
        var rows = yearRows.ToList();
        var n = rows.Count;
        // Cell 3i, 3i+1, 3i+2: unit i's employees, compliant, non-compliant; 3n, 3n+1, 3n+2: the city's.
        var counts = rows.SelectMany(r => new[] { r.Pegawai, r.Patuh, r.Pegawai - r.Patuh }).ToList();
        counts.AddRange([rows.Sum(r => r.Pegawai), rows.Sum(r => r.Patuh), rows.Sum(r => r.Pegawai - r.Patuh)]);
        var lines = Enumerable.Range(0, n + 1).Select(i => new CountLine(3 * i, [3 * i + 1, 3 * i + 2]))
            .Concat(Enumerable.Range(0, 3).Select(k => new CountLine(3 * n + k, Enumerable.Range(0, n).Select(i => 3 * i + k).ToList())))
            .ToList();
        var hidden = SmallCells.Suppress(counts, lines, minCell);
        return rows.Select((r, i) => (r.KodeUnit, Cells: hidden[3 * i]
                ? new RowSuppression(SmallCells.IsSmall(r.Pegawai, minCell), true, [true, true])
                : new RowSuppression(false, false, [hidden[3 * i + 1], hidden[3 * i + 2]])))
            .ToDictionary(x => x.KodeUnit, x => x.Cells);
    }

    /// <summary>
    /// The channels of one month (of a unit or the city), in the order given: their total is published elsewhere (CLI,
    /// dashboard), so they are one line of <see cref="SmallCells"/> — a hidden channel count hides another.
    /// </summary>
    public static RowSuppression ChannelCells(IReadOnlyList<CutiWaktuRow> channels, int minCell) =>
        SmallCells.Row(minCell, channels.Sum(c => c.N), channels.Select(c => c.N).ToArray());

    /// <summary>A count of pending requests is hidden when it describes 1 to MinCellSize − 1 requests (people).</summary>
    public static bool PendingHidden(long n, int minCell) => n > 0 && n < minCell;

    /// <summary>
    /// Lowest 20 JP share first among the rows whose share is shown; rows whose split is hidden follow in name order —
    /// ranked among the others by their true share, their place would bracket the hidden count (spec §4).
    /// </summary>
    public static IEnumerable<JpUnitRow> JpLowestFirst(IEnumerable<JpUnitRow> rows, IReadOnlyDictionary<string, RowSuppression> cells, Func<string, string> unitName) =>
        rows.Select(j => (j, Hidden: cells[j.KodeUnit] is var c && (c.Total || c.Part(0))))
            .OrderBy(x => x.Hidden).ThenBy(x => x.Hidden ? 0 : x.j.SharePatuh).ThenBy(x => unitName(x.j.KodeUnit), NaturalOrder.Instance)
            .Select(x => x.j);

    /// <summary>Units a 20 JP coverage chart may draw: at least MinCellSize employees and the compliant count not hidden.</summary>
    public static IEnumerable<JpUnitRow> JpShown(IEnumerable<JpUnitRow> yearRows, int minCell)
    {
        var rows = yearRows.ToList();
        var cells = JpCells(rows, minCell);
        return rows.Where(j => j.Pegawai >= minCell && !cells[j.KodeUnit].Part(0));
    }

    /// <summary>The share of employees meeting 20 JP over some unit rows (the city: all of a year), null under MinCellSize.</summary>
    public static double? JpShare(IEnumerable<JpUnitRow> rows, int minCell)
    {
        var list = rows.ToList();
        var total = list.Sum(j => j.Pegawai);
        return total >= minCell ? (double)list.Sum(j => j.Patuh) / total : null;
    }

    // ------------------------------------------------------------------ IKM
    /// <summary>The nine service elements of PermenPANRB 14/2017.</summary>
    public static readonly (string Id, string En)[] Unsur =
    [
        ("Persyaratan", "Requirements"), ("Sistem, mekanisme, dan prosedur", "System and procedure"),
        ("Waktu penyelesaian", "Completion time"), ("Biaya/tarif", "Cost/fee"), ("Produk layanan", "Service product"),
        ("Kompetensi pelaksana", "Staff competence"), ("Perilaku pelaksana", "Staff conduct"),
        ("Penanganan pengaduan", "Complaint handling"), ("Sarana dan prasarana", "Facilities"),
    ];

    /// <summary>A unit's grade as printed: "B*" when the sample is below the Krejcie–Morgan minimum (IkmScale.Indicative).</summary>
    public static string Mutu(IkmRow r) => IkmScale.MutuLabel(r.Mutu, r.SampelCukup) ?? "";

    /// <summary>
    /// The grade to go by for a quarter's row: the quarter's own when its sample suffices (or sufficiency is unknown);
    /// else the same group's grade for the quarter's year when that sample suffices (issue 11.6); else the quarter's, indicative.
    /// Rows starting on or after <paramref name="startsBefore"/> are ignored.
    /// </summary>
    public static IkmRow PreferredGrade(IEnumerable<IkmRow> rows, IkmRow quarter, DateOnly startsBefore)
    {
        if (!IkmScale.Indicative(quarter.SampelCukup) || quarter.JenisPeriode != "triwulan") return quarter;
        var year = rows.FirstOrDefault(r => r.Level == quarter.Level && r.KodeUnit == quarter.KodeUnit && r.NamaUnit == quarter.NamaUnit
            && r.JenisLayanan == quarter.JenisLayanan && r.JenisPeriode == "tahun" && r.PeriodeMulai.Year == quarter.PeriodeMulai.Year && r.PeriodeMulai < startsBefore);
        return year is { SampelCukup: true } ? year : quarter;
    }

    /// <summary>
    /// The IKM trend: the latest <see cref="TrendPeriods"/> quarters of <paramref name="rows"/>, the city line, and either
    /// <paramref name="unit"/> or the <see cref="TrendUnits"/> units with the lowest IKM in the latest quarter that has unit rows.
    /// </summary>
    public static IkmTrendFigures IkmTrend(IEnumerable<IkmRow> rows, string? unit, string cityName, Func<string, string> unitName)
    {
        var q = rows.Where(r => r.JenisPeriode == "triwulan").ToList();
        var periods = q.Select(r => (r.Periode, r.PeriodeMulai)).Distinct().OrderBy(p => p.PeriodeMulai).Select(p => p.Periode).TakeLast(TrendPeriods).ToList();
        var series = new List<(string, IReadOnlyList<double?>)>();
        if (periods.Count == 0) return new IkmTrendFigures(periods, series);
        var city = q.Where(r => r.Level == "kota").ToList();
        if (city.Count > 0) series.Add((cityName, periods.Select(p => city.FirstOrDefault(r => r.Periode == p)?.Ikm).ToList()));
        var units = q.Where(r => r.Level == "unit").ToList();
        if (unit is not null)
            series.Add((unitName(unit), periods.Select(p => units.FirstOrDefault(r => r.KodeUnit == unit && r.Periode == p)?.Ikm).ToList()));
        else
        {
            var latest = units.Where(r => periods.Contains(r.Periode)).MaxBy(r => r.PeriodeMulai)?.Periode;
            foreach (var u in units.Where(r => r.Periode == latest).OrderBy(r => r.Ikm).ThenBy(r => r.NamaUnit, NaturalOrder.Instance).Take(TrendUnits))
                series.Add((u.NamaUnit, periods.Select(p => units.FirstOrDefault(r => r.KodeUnit == u.KodeUnit && r.Periode == p)?.Ikm).ToList()));
        }
        return new IkmTrendFigures(periods, series);
    }

    /// <summary>The nine elements' NRR of one row (those with a value) beside the same element of <paramref name="previous"/>.</summary>
    public static List<(string Element, double Nrr, double? Previous)> Elements(IkmRow row, IkmRow? previous, ReportText text) =>
        Enumerable.Range(0, 9).Where(k => row.Nrr[k] is not null)
            .Select(k => (text.T(Unsur[k].Id, Unsur[k].En), row.Nrr[k]!.Value, previous?.Nrr[k])).ToList();

    /// <summary>The mart_ikm row behind an alert (same unit, level by its name: "Kantor …" vs "Wilayah …") in a period.</summary>
    public static IkmRow? AlertIkmRow(IEnumerable<IkmRow> ikm, IkmAlertRow a, string? periode) =>
        ikm.FirstOrDefault(r => r.KodeUnit == a.KodeUnit && r.NamaUnit == a.NamaUnit && r.JenisLayanan is null && r.Periode == periode);

    /// <summary>An alert's grade (its own period's, or the quarter before's) marked like the unit's mart_ikm row of that period.</summary>
    public static string? AlertMutu(IEnumerable<IkmRow> ikm, IkmAlertRow a, string? mutu, bool previous)
    {
        var periode = previous && Periode.TryParse(a.Periode, out var p) ? p.Previous().ToString() : a.Periode;
        return IkmScale.MutuLabel(mutu, AlertIkmRow(ikm, a, periode)?.SampelCukup);
    }

    // ------------------------------------------------------------------ kinerja
    /// <summary>
    /// The predikat distribution: the latest <see cref="TrendPeriods"/> periods of <paramref name="rows"/> (one period kind),
    /// each with at least MinCellSize employees, with the counts as published (hidden cells drawn as 0).
    /// </summary>
    public static PredikatFigures Predikat(IReadOnlyList<KinerjaUnitRow> rows, int minCell)
    {
        var periods = rows.Select(r => r.Periode).Distinct().OrderBy(StartOf).TakeLast(TrendPeriods)
            .Where(p => rows.Where(r => r.Periode == p).Sum(r => r.N) >= minCell).ToList();
        return new PredikatFigures(periods, periods.Select(p => PublishedPredikat(rows.Where(r => r.Periode == p).ToList(), minCell)).ToList());
    }

    /// <summary>Predikat counts (SB, B, BP, K, SK) of some unit rows, hidden cells drawn as 0.</summary>
    public static long[] PublishedPredikat(IReadOnlyList<KinerjaUnitRow> g, int minCell)
    {
        long[] c = [g.Sum(r => r.NSangatBaik), g.Sum(r => r.NBaik), g.Sum(r => r.NButuhPerbaikan), g.Sum(r => r.NKurang), g.Sum(r => r.NSangatKurang)];
        var s = SmallCells.Row(minCell, c.Sum(), c);
        return c.Select((n, i) => s.Part(i) ? 0 : n).ToArray();
    }

    /// <summary>
    /// The performance trend: employee-weighted mean of the unit means per period (null under MinCellSize employees), then
    /// up to four forecast periods after them with their band. The city passes its own forecast (employee-weighted, band
    /// from its own backtest errors), never an average of unit forecasts (issue 11.3).
    /// </summary>
    public static PerformanceTrendFigures PerformanceTrend(IEnumerable<KinerjaUnitRow> rows,
        IEnumerable<(string Periode, double Forecast, double? Lower, double? Upper, string? Metode)> forecast, int minCell)
    {
        var observedRows = rows.Where(r => r.MeanNilaiSkp is not null).ToList();
        var periods = observedRows.Select(r => r.Periode).Distinct().OrderBy(StartOf).TakeLast(TrendPeriods).ToList();
        var observed = periods.Select(p =>
        {
            var g = observedRows.Where(r => r.Periode == p).ToList();
            return g.Sum(r => r.N) < minCell ? null : WeightedMean(g.Select(r => (r.MeanNilaiSkp!.Value, (double)r.N)));
        }).ToList();
        var fc = forecast.Where(f => !periods.Contains(f.Periode)).OrderBy(f => StartOf(f.Periode)).Take(4).ToList();
        var all = periods.Concat(fc.Select(f => f.Periode)).ToList();
        var band = fc.Select(f => (all.IndexOf(f.Periode), f.Forecast, f.Lower ?? f.Forecast, f.Upper ?? f.Forecast)).ToList();
        if (band.Count > 0 && observed.Count > 0 && observed[^1] is { } last)
            band.Insert(0, (periods.Count - 1, last, last, last)); // join the band to the last observation
        return new PerformanceTrendFigures(all, observed.Concat(fc.Select(_ => (double?)null)).ToList(), band, fc.Count > 0 ? fc[0].Metode : null);
    }

    // ------------------------------------------------------------------ diklat
    /// <summary>The rows of the training-effect chart (report and dashboard): kinds of training by readable name, no estimate below MinCellSize.</summary>
    public static List<(string Group, double? Att, double? Low, double? High, long NTreated)> TrainingForestRows(IEnumerable<DiklatDampakRow> dampak, int minCell) =>
        dampak.Where(d => d.JenisKelompok == Kepegawaian.Analytics.Training.TrainingGroup.Jenis).OrderBy(d => d.Kelompok, StringComparer.Ordinal)
            .Select(d => (ReportText.Readable(d.Kelompok), d.NTreated >= minCell ? d.Att : null, d.NTreated >= minCell ? d.CiLow : null, d.NTreated >= minCell ? d.CiHigh : null, d.NTreated)).ToList();

    // ------------------------------------------------------------------ cuti
    /// <summary>The share of online requests over some rows (employee-weighted), null under MinCellSize requests.</summary>
    public static double? OnlineShare(IEnumerable<CutiOnlineRow> rows, int minCell)
    {
        var list = rows.ToList();
        return list.Sum(o => o.N) < minCell ? null : WeightedMean(list.Select(o => (o.ShareOnline, (double)o.N)));
    }

    /// <summary>Online adoption: monthly rows when present, the latest <see cref="ChartFactory.LeaveMonths"/> periods, one share each.</summary>
    public static OnlineFigures Online(IEnumerable<CutiOnlineRow> rows, int minCell)
    {
        var list = PreferKind(rows, o => o.Periode, PeriodeKind.Bulan).ToList();
        var periods = list.Select(o => o.Periode).Distinct().OrderBy(StartOf).TakeLast(ChartFactory.LeaveMonths).ToList();
        return new OnlineFigures(periods, periods.Select(p => OnlineShare(list.Where(o => o.Periode == p), minCell)).ToList());
    }

    /// <summary>
    /// The median processing time of a month for one unit (null = city) and channel (null = all): a row of the roll-up,
    /// never an average of medians; Kaplan–Meier, so pending requests count at their age. Null under MinCellSize requests.
    /// </summary>
    public static double? LeaveMedian(IEnumerable<CutiWaktuRow> rows, DateOnly month, string? kanal, string? unit, int minCell) =>
        LeaveCell(rows, month, kanal, unit) is { } row && row.N >= minCell ? row.MedianHariKerja : null;

    public static CutiWaktuRow? LeaveCell(IEnumerable<CutiWaktuRow> rows, DateOnly month, string? kanal, string? unit) =>
        rows.FirstOrDefault(c => c.Bulan.Year == month.Year && c.Bulan.Month == month.Month && c.Kanal == kanal && c.KodeUnit == unit);

    /// <summary>Per channel, the median of each month (the leave-processing chart) for one unit or (null) the city.</summary>
    public static List<(string Kanal, IReadOnlyList<double?> Median)> LeaveSeries(IReadOnlyList<CutiWaktuRow> rows, IReadOnlyList<DateOnly> months,
        string? unit, int minCell) =>
        rows.Where(c => c.KodeUnit == unit).Select(c => c.Kanal).OfType<string>().Distinct().Order(StringComparer.Ordinal)
            .Select(k => (k, (IReadOnlyList<double?>)months.Select(m => LeaveMedian(rows, m, k, unit, minCell)).ToList())).ToList();
}
