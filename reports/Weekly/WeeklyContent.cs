using Kepegawaian.Analytics.Common;
using TrainingGroup = Kepegawaian.Analytics.Training.TrainingGroup;
using Kepegawaian.Analytics.Ikm;
using Kepegawaian.Reports.Charts;
using Kepegawaian.Reports.Content;
using Kepegawaian.Reports.Data;

namespace Kepegawaian.Reports.Weekly;

/// <summary>
/// Turns mart rows into the weekly report's summary, tables and charts, as of the end of the
/// report week. Every figure is an aggregate; a figure describing fewer than MinCellSize employees
/// is replaced by <c>&lt;5</c> (spec §4 "Small cells"); no NIP or name appears.
/// </summary>
public sealed class WeeklyContent(ReportData data, Periode week, ReportText text, int minCell, double? onlineTarget = null)
{

    private readonly ChartFactory charts = new(text);
    private readonly SuppressedCell suppressed = new(minCell);

    /// <summary>A period string is visible in this week's report if it started before the week ended.</summary>
    private bool Visible(string periode) => !Periode.TryParse(periode, out var p) || p.Start < week.End;

    /// <summary>
    /// A period's label in this week's report: a period not ended with the report week is "berjalan" with the last day
    /// of data the area's marts hold (<paramref name="area"/>: ikm, diklat, kinerja, cuti).
    /// </summary>
    public string Label(string? periode, string area) =>
        text.Period(periode, week.End, data.DataThrough.TryGetValue(area, out var d) ? d : null);

    private static DateOnly StartOf(string periode) => Periode.TryParse(periode, out var p) ? p.Start : DateOnly.MinValue;

    // Every hidden cell comes from SmallCells (primary + complementary suppression).
    private object? Cell(long n, object? value) => Cell(SmallCells.Row(minCell, n).Small, value);
    private object? Cell(bool hidden, object? value) => hidden ? suppressed : value;

    // Figures shared with the dashboard (series, shares, small-cell lines) are owned by PageFigures; this class picks the
    // rows the report week may show and lays the figures out as sections, tables and charts.
    private static IEnumerable<T> PreferKind<T>(IEnumerable<T> rows, Func<T, string> periode, PeriodeKind kind) => PageFigures.PreferKind(rows, periode, kind);

    // ------------------------------------------------------------------ IKM
    public IReadOnlyList<IkmRow> IkmRows(string level) =>
        data.Ikm.Where(r => r.Level == level && r.PeriodeMulai < week.End).ToList();

    public string? LatestIkmPeriod(IReadOnlyList<IkmRow> rows) =>
        rows.Where(r => r.JenisPeriode == "triwulan").DefaultIfEmpty().Max(r => r?.PeriodeMulai) is { } start && start != default
            ? rows.First(r => r.PeriodeMulai == start && r.JenisPeriode == "triwulan").Periode
            : rows.OrderByDescending(r => r.PeriodeMulai).FirstOrDefault()?.Periode;

    private static string Mutu(IkmRow r) => PageFigures.Mutu(r);

    /// <summary>
    /// (<see cref="PageFigures.PreferredGrade"/>) The grade to go by for a quarter's row: the quarter's own when its sample suffices (or sufficiency is unknown);
    /// else the same group's grade for the quarter's year when that sample suffices (issue 11.6: quarterly samples rarely
    /// reach the minimum, annual ones may); else the quarter's, indicative. Rows starting after the report week are ignored.
    /// </summary>
    public IkmRow PreferredGrade(IkmRow quarter) => PageFigures.PreferredGrade(data.Ikm, quarter, week.End);

    /// <summary>Whether the latest quarter's unit grades (table or brief) show an indicative mark: then the footnote is due.</summary>
    public bool AnyIndicative()
    {
        var units = IkmRows("unit");
        var latest = LatestIkmPeriod(units);
        return units.Where(r => r.Periode == latest).Any(r => IkmScale.Indicative(r.SampelCukup))
            || Alerts().Any(a => AlertRow(a, a.Periode) is { } r && IkmScale.Indicative(r.SampelCukup)
                || Periode.TryParse(a.Periode, out var p) && AlertRow(a, p.Previous().ToString()) is { } q && IkmScale.Indicative(q.SampelCukup));
    }

    private IkmRow? AlertRow(IkmAlertRow a, string periode) => PageFigures.AlertIkmRow(data.Ikm, a, periode);

    private string? AlertMutu(IkmAlertRow a, string? mutu, bool previous) => PageFigures.AlertMutu(data.Ikm, a, mutu, previous);

    /// <summary>The latest quarter's confirmed alerts (a decline across quarters after FDR control), strongest evidence first.</summary>
    public IReadOnlyList<IkmAlertRow> Alerts()
    {
        var visible = PreferKind(data.IkmAlerts.Where(a => a.IsAlert && Visible(a.Periode)), a => a.Periode, PeriodeKind.Triwulan).ToList();
        var latest = visible.Select(a => a.Periode).OrderBy(StartOf).LastOrDefault();
        return visible.Where(a => a.Periode == latest).OrderBy(a => a.Peringkat ?? long.MaxValue).ThenBy(a => a.Lereng ?? 0).ToList();
    }

    public ReportTable AlertsTable() => new("peringatan", text.T("Peringatan: unit yang memburuk", "Alerts: units getting worse"),
        [text.T("Unit", "Unit"), text.T("Periode", "Period"), "IKM", text.T("IKM sebelumnya", "Previous IKM"), text.T("Selisih", "Change"),
         text.T("Tren per triwulan", "Trend per quarter"), "q", text.T("Mutu", "Grade"), text.T("Mutu sebelumnya", "Previous grade"), text.T("Alasan", "Reason")],
        Alerts().Select(a => new object?[] { a.NamaUnit, Label(a.Periode, "ikm"), a.Ikm, a.IkmSebelumnya, a.Selisih, a.Lereng, a.QValue,
            AlertMutu(a, a.Mutu, false), AlertMutu(a, a.MutuSebelumnya, true), a.Alasan }).ToList(),
        null, Alerts().Select(a => (string?)a.KodeUnit).ToList());

    /// <summary>The IKM trend the report draws: the city and the four lowest units, quarters started before the week ends.</summary>
    public IkmTrendFigures IkmTrend() =>
        PageFigures.IkmTrend(data.Ikm.Where(r => r.PeriodeMulai < week.End && r.Level is "kota" or "unit"), null, text.T("Kota Palembang", "City"), data.UnitName);

    /// <summary>The city's row of the latest quarter (the IKM the brief and the dashboard call "the city's").</summary>
    public IkmRow? CityIkm() =>
        IkmRows("kota").Where(r => r.JenisPeriode == "triwulan").MaxBy(r => r.PeriodeMulai);

    public ReportSection IkmSection()
    {
        var units = IkmRows("unit");
        var latest = LatestIkmPeriod(units);
        var latestRows = units.Where(r => r.Periode == latest).OrderBy(r => r.NamaUnit, NaturalOrder.Instance).ToList();
        var chartList = new List<ReportChart>();
        var title = text.T("IKM per unit", "IKM by unit");
        chartList.Add(latestRows.Count == 0
            ? new ReportChart("ikm_unit", title, charts.Empty(title))
            : new ReportChart("ikm_unit", title, charts.IkmByUnit(latestRows.Select(r => (r.NamaUnit, r.Ikm, r.Mutu)).ToList(), latest!)));

        // Trend: the city and the units with the lowest latest IKM (a readable handful of lines).
        var trend = IkmTrend();
        var periods = trend.Periods.ToList();
        var city = IkmRows("kota").Where(r => r.JenisPeriode == "triwulan").ToList();
        if (periods.Count > 0)
            chartList.Add(new ReportChart("ikm_tren", text.T("Tren IKM", "IKM trend"), charts.IkmTrend(periods, trend.Series)));

        // Weakest elements of the city (or of all units pooled when no city row exists).
        var cityLatest = city.FirstOrDefault(r => r.Periode == latest);
        // A running quarter is compared with the same number of days of the quarter before, when the facts gave them.
        var cityPrev = periods.IndexOf(latest ?? "") is > 0 and var i
            ? data.IkmSameSpanBefore.FirstOrDefault(r => r.Level == "kota" && r.Periode == periods[i - 1]) ?? city.FirstOrDefault(r => r.Periode == periods[i - 1])
            : null;
        if (cityLatest is not null)
        {
            var elems = PageFigures.Elements(cityLatest, cityPrev, text);
            chartList.Add(new ReportChart("ikm_unsur", text.T("Unsur pelayanan", "Service elements"), charts.WeakestElements(elems, text.T("Kota", "City") + " " + Label(latest, "ikm"))));
        }

        // Annex tables: worst first (lowest IKM), names in natural order on ties. "Mutu acuan" is the grade to go by
        // (PreferredGrade) with the period it is for; an indicative grade carries "*" (footnote on the executive page).
        var table = new ReportTable("ikm_unit", text.T($"IKM per unit, {Label(latest, "ikm")} (terendah lebih dulu)", $"IKM by unit, {Label(latest, "ikm")} (lowest first)"),
            [text.T("Unit", "Unit"), text.T("Responden", "Respondents"), "IKM", text.T("IK 95 % bawah", "95 % CI low"), text.T("IK 95 % atas", "95 % CI high"),
             text.T("Mutu", "Grade"), text.T("Kinerja", "Performance"), text.T("Sampel minimum", "Minimum sample"), text.T("Sampel cukup", "Sample sufficient"),
             text.T("Mutu acuan", "Grade to use"), text.T("Periode mutu acuan", "Period of that grade")],
            latestRows.OrderBy(r => r.Ikm).ThenBy(r => r.NamaUnit, NaturalOrder.Instance).Select(r => (r, g: PreferredGrade(r))).Select(x => new object?[] {
                x.r.NamaUnit, x.r.Responden, x.r.Ikm, x.r.CiLow, x.r.CiHigh, Mutu(x.r), x.r.Kinerja, x.r.SampelMinimum,
                x.r.SampelCukup is { } ok ? (ok ? text.T("ya", "yes") : text.T("tidak", "no")) : null,
                Mutu(x.g), Label(x.g.Periode, "ikm") }).ToList(),
            [0, 0, 2, 2, 2, 0, 0, 0, 0, 0, 0], latestRows.OrderBy(r => r.Ikm).ThenBy(r => r.NamaUnit, NaturalOrder.Instance).Select(r => (string?)r.KodeUnit).ToList());
        var weak = data.UnsurLemah.Where(u => u.Periode == latest && u.Peringkat == 1).OrderBy(u => u.Nrr).ToList();
        var weakTable = new ReportTable("ikm_unsur_lemah", text.T("Unsur terlemah per unit", "Weakest element per unit"),
            [text.T("Unit", "Unit"), text.T("Unsur", "Element"), "NRR", text.T("NRR sebelumnya", "Previous NRR")],
            weak.Select(u => new object?[] { data.UnitName(u.KodeUnit), u.NamaUnsur, u.Nrr, u.NrrSebelumnya }).ToList(), null, weak.Select(u => (string?)u.KodeUnit).ToList());

        var paragraphs = new List<string>();
        if (latest is null) paragraphs.Add(text.T("Belum ada hasil IKM.", "No IKM results yet."));
        else
        {
            var byGrade = latestRows.GroupBy(r => r.Mutu.Trim().FirstOrDefault()).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}");
            var indicative = latestRows.Count(r => IkmScale.Indicative(r.SampelCukup));
            paragraphs.Add(text.T($"{Label(latest, "ikm")}: {latestRows.Count} unit dinilai ({string.Join(", ", byGrade)})",
                $"{Label(latest, "ikm")}: {latestRows.Count} units rated ({string.Join(", ", byGrade)})")
                + (indicative > 0 ? text.T($"; {indicative} di antaranya bermutu indikatif (*).", $"; {indicative} of them with an indicative grade (*).") : "."));
        }
        return new ReportSection("ikm", text.T("Indeks Kepuasan Masyarakat (IKM)", "Public satisfaction index (IKM)"), paragraphs, chartList, [table, weakTable]);
    }

    // ------------------------------------------------------------------ kinerja
    /// <summary>The unit kinerja rows the report shows: quarterly when the mart also holds yearly ones, started before the week ends.</summary>
    private List<KinerjaUnitRow> KinerjaRows() => PreferKind(data.KinerjaUnit.Where(r => Visible(r.Periode)), r => r.Periode, PeriodeKind.Triwulan).ToList();

    /// <summary>The city's predikat distribution as the report draws it.</summary>
    public PredikatFigures Predikat() => PageFigures.Predikat(KinerjaRows(), minCell);

    /// <summary>The city's performance trend with its own forecast, as the report draws it.</summary>
    public PerformanceTrendFigures KinerjaTrend() =>
        PageFigures.PerformanceTrend(KinerjaRows(), data.KinerjaForecastKota.Select(f => (f.Periode, f.Forecast, f.Lower, f.Upper, f.Metode)), minCell);

    public ReportSection KinerjaSection()
    {
        var rows = KinerjaRows();
        var periods = rows.Select(r => r.Periode).Distinct().OrderBy(StartOf).TakeLast(8).ToList();
        var chartList = new List<ReportChart>();
        // Periods with fewer than MinCellSize employees in total are left out of the distribution.
        var dist = PageFigures.Predikat(rows, minCell);
        var distTitle = text.T("Sebaran predikat", "Rating distribution");
        chartList.Add(dist.Periods.Count == 0 ? new ReportChart("kinerja_predikat", distTitle, charts.Empty(distTitle))
            : new ReportChart("kinerja_predikat", distTitle, charts.PredikatDistribution(dist.Periods, dist.Counts)));

        // City trend: employee-weighted mean of the unit means; forecast: the city's own forecast at that same
        // weighting with a band from the city's own backtest errors (issue 11.3: an average of unit forecasts
        // is an unweighted mean over the units that got one, and showed a drop that did not exist).
        var trend = KinerjaTrend();
        if (trend.Periods.Count > 0)
            chartList.Add(new ReportChart("kinerja_tren", text.T("Tren kinerja", "Performance trend"),
                charts.PerformanceTrend(trend.Periods, trend.Observed, trend.Band, text.T("rata-rata kota", "city average"), trend.Metode)));

        var latest = periods.LastOrDefault();
        var table = new ReportTable("kinerja_unit", text.T($"Kinerja per unit, {Label(latest, "kinerja")} (terendah lebih dulu)", $"Performance by unit, {Label(latest, "kinerja")} (lowest first)"),
            [text.T("Unit", "Unit"), text.T("Pegawai", "Employees"), text.T("Rata-rata nilai SKP", "Mean SKP score"), text.T("Rata-rata skor", "Mean score"),
             text.T("Sangat Baik + Baik", "Outstanding + Good"), text.T("Butuh Perbaikan", "Needs improvement"), text.T("Kurang + Sangat Kurang", "Poor + Very poor")],
            KinerjaLatest(rows, latest)
                .Select(r => (r, s: PageFigures.KinerjaCells(r, minCell)))
                .Select(x => new object?[] { x.r.NamaUnit, Cell(x.s.Total, x.r.N), Cell(x.s.Small, x.r.MeanNilaiSkp), Cell(x.s.Small, x.r.MeanSkor),
                    Cell(x.s.Part(0), x.r.NSangatBaik + x.r.NBaik), Cell(x.s.Part(1), x.r.NButuhPerbaikan), Cell(x.s.Part(2), x.r.NKurang + x.r.NSangatKurang) }).ToList(),
            [0, 0, 2, 2, 0, 0, 0], KinerjaLatest(rows, latest).Select(r => (string?)r.KodeUnit).ToList());
        var declining = data.KinerjaTren.Where(t => t.Menurun).OrderBy(t => t.Slope).ToList();
        var decTable = new ReportTable("kinerja_menurun", text.T("Unit dengan tren kinerja menurun", "Units with a declining performance trend"),
            [text.T("Unit", "Unit"), text.T("Kemiringan per periode", "Slope per period"), text.T("IK 95 % bawah", "95 % CI low"), text.T("IK 95 % atas", "95 % CI high")],
            declining.Select(t => new object?[] { data.UnitName(t.KodeUnit), t.Slope, t.CiLow, t.CiHigh }).ToList(), [0, 3, 3, 3], declining.Select(t => (string?)t.KodeUnit).ToList());
        return new ReportSection("kinerja", text.T("Kinerja pegawai", "Employee performance"),
            [text.T($"{declining.Count} unit menunjukkan tren kinerja menurun.", $"{declining.Count} units show a declining performance trend.")],
            chartList, [table, decTable]);
    }

    // ------------------------------------------------------------------ diklat + 20 JP
    /// <summary>The latest 20 JP year not after the report week's year: the one the report and its brief show.</summary>
    public int JpYear() => data.JpUnit.Where(j => j.Tahun <= week.Start.Year).Select(j => j.Tahun).DefaultIfEmpty().Max();

    public ReportSection DiklatSection()
    {
        var chartList = new List<ReportChart>();
        var dampak = data.DiklatDampak.OrderBy(d => d.JenisKelompok, StringComparer.Ordinal).ThenBy(d => d.Kelompok, StringComparer.Ordinal).ToList();
        // The chart shows the kinds of training by readable name; course rows stay in the table. A group with fewer
        // treated employees than MinCellSize shows no estimate.
        var forest = TrainingForestRows(dampak, minCell);
        if (forest.Count > 0)
            chartList.Add(new ReportChart("diklat_dampak", text.T("Dampak diklat", "Training effect"), charts.TrainingForest(forest)));
        var eventGroup = dampak.Where(d => d.Att is not null && d.NTreated >= minCell).Select(d => d.Kelompok)
            .FirstOrDefault(k => data.DiklatEvent.Any(e => e.Kelompok == k));
        if (eventGroup is not null)
            chartList.Add(new ReportChart("diklat_event", text.T("Studi peristiwa", "Event study"), charts.EventStudy(data.DiklatEvent.Where(e => e.Kelompok == eventGroup).ToList(), ReportText.Readable(eventGroup))));

        var year = JpYear();
        var jp = data.JpUnit.Where(j => j.Tahun == year).ToList();
        var shown = PageFigures.JpShown(jp, minCell).ToList();
        if (shown.Count > 0)
            chartList.Add(new ReportChart("jp_cakupan", text.T("Kepatuhan 20 JP", "20 JP compliance"), charts.JpCoverage(shown.Select(j => (data.UnitName(j.KodeUnit), j.SharePatuh)).ToList(), year)));

        // Plain language first (issue 12 item 3): kinds and courses in separate tables, a verdict decided by TrainingVerdicts
        // (as in the brief), Kirkpatrick 1–4 each with its scale; the estimator's diagnostics go to "Catatan metode".
        ReportTable Plain(string name, string title, bool courses)
        {
            var rows = dampak.Where(d => (d.JenisKelompok == TrainingGroup.Kode) == courses).Select(d => TrainingPlainRow.Of(d, text, minCell))
                .OrderBy(r => r.Verdict).ThenBy(r => r.Kelompok, NaturalOrder.Instance).ToList();
            return new ReportTable(name, title, TrainingPlainRow.Headers(text, courses),
                rows.Select(r => new object?[] { r.Kelompok, r.Putusan, Cell(r.PesertaHidden, r.Peserta), r.Level1, r.Level2, r.Level3, r.Level4 }).ToList(),
                [0, 0, 0, 0, 0, 0, 0]);
        }
        var jenisTable = Plain("diklat_jenis", text.T("Efektivitas per jenis diklat (Kirkpatrick 1–4)", "Training effectiveness by kind (Kirkpatrick 1–4)"), courses: false);
        var kodeTable = Plain("diklat_kursus", text.T("Efektivitas per mata diklat (Kirkpatrick 1–4)", "Training effectiveness by course (Kirkpatrick 1–4)"), courses: true);
        var dampakTable = new ReportTable("diklat_dampak", text.T("Catatan metode: diagnostik estimasi dampak diklat", "Method notes: diagnostics of the training-effect estimates"),
            [text.T("Kelompok", "Group"), text.T("Jenis", "Kind"), "Status", "ATT", text.T("IK 95 % bawah", "95 % CI low"), text.T("IK 95 % atas", "95 % CI high"),
             "p", text.T("p (Holm, semua kelompok)", "p (Holm, all groups)"), text.T("q (BH, semua kelompok)", "q (BH, all groups)"), text.T("n diklat", "n treated"), text.T("n kontrol", "n control"), "max SMD", "Cohen's d", text.T("p pra-tren", "pre-trend p"),
             text.T("Kelompok kontrol", "Control pool")],
            dampak.Select(d => new object?[] { TrainingPlainRow.Name(d), d.JenisKelompok, text.Prose(d.Status), Cell(d.NTreated, d.Att), Cell(d.NTreated, d.CiLow), Cell(d.NTreated, d.CiHigh),
                Cell(d.NTreated, d.PValue is null ? null : text.P(d.PValue)), Cell(d.NTreated, d.PHolm is null ? null : text.P(d.PHolm)), Cell(d.NTreated, d.QBh is null ? null : text.P(d.QBh)),
                Cell(d.NTreated, d.NTreated), Cell(d.NControl, d.NControl), Cell(d.NTreated, d.MaxSmd), Cell(d.NTreated, d.CohensD),
                Cell(d.NTreated, d.PretrendP is null ? null : text.P(d.PretrendP)), d.Pool }).ToList(),
            [0, 0, 0, 2, 2, 2, 3, 3, 3, 0, 0, 2, 2, 3, 0]);
        var jpCells = PageFigures.JpCells(jp, minCell);
        var jpTable = new ReportTable("jp_unit", text.T($"Kepatuhan 20 JP per unit, {Label(YearCode(year), "diklat")} (terendah lebih dulu)", $"20 JP compliance by unit, {Label(YearCode(year), "diklat")} (lowest first)"),
            [text.T("Unit", "Unit"), text.T("Pegawai", "Employees"), text.T("Patuh", "Compliant"), text.T("Persen patuh", "Percent compliant")],
            PageFigures.JpLowestFirst(jp, jpCells, data.UnitName).Select(j => (j, s: jpCells[j.KodeUnit]))
                .Select(x => new object?[] { data.UnitName(x.j.KodeUnit), Cell(x.s.Total, x.j.Pegawai), Cell(x.s.Part(0), x.j.Patuh), Cell(x.s.Part(0), x.j.SharePatuh * 100) }).ToList(),
            [0, 0, 0, 1], PageFigures.JpLowestFirst(jp, jpCells, data.UnitName).Select(j => (string?)j.KodeUnit).ToList());
        var paragraphs = TrainingParagraphs(dampak);
        if (PageFigures.JpShare(jp, minCell) is { } share)
            paragraphs.Add(text.T($"{Label(YearCode(year), "diklat")}: {text.Pct(share)} pegawai memenuhi 20 JP.",
                $"{Label(YearCode(year), "diklat")}: {text.Pct(share)} of employees met 20 JP."));
        return new ReportSection("diklat", text.T("Diklat dan 20 JP", "Training and 20 JP"), paragraphs, chartList, [jenisTable, kodeTable, dampakTable, jpTable]);
    }

    private static List<(string Group, double? Att, double? Low, double? High, long NTreated)> TrainingForestRows(IEnumerable<DiklatDampakRow> dampak, int minCell) =>
        PageFigures.TrainingForestRows(dampak, minCell);

    /// <summary>The verdicts in one line per verdict, the rule, and the Kirkpatrick levels no group has data for.</summary>
    private List<string> TrainingParagraphs(IReadOnlyList<DiklatDampakRow> dampak)
    {
        var paragraphs = new List<string>();
        var jenis = dampak.Where(d => d.JenisKelompok == TrainingGroup.Jenis).Select(d => TrainingPlainRow.Of(d, text, minCell)).ToList();
        if (jenis.Count == 0) return paragraphs;
        var parts = new[] { TrainingVerdict.Efektif, TrainingVerdict.TidakTerbukti, TrainingVerdict.DataBelumCukup }
            .Select(v => (v, names: jenis.Where(r => r.Verdict == v).Select(r => r.Kelompok).Order(NaturalOrder.Instance).ToList()))
            .Where(x => x.names.Count > 0).Select(x => $"{TrainingVerdicts.Label(x.v, text)}: {string.Join(", ", x.names)}");
        paragraphs.Add(text.T("Dampak jenis diklat pada kinerja — ", "Effect of kinds of training on performance — ") + string.Join("; ", parts) + ".");
        paragraphs.Add(TrainingVerdicts.Rule(text, minCell));
        string[] levels = [text.T("L1 reaksi", "L1 reaction"), text.T("L2 nilai tes", "L2 test scores"), text.T("L3 nilai SKP", "L3 SKP score"), text.T("L4 IKM unit", "L4 unit IKM")];
        bool[] missing = [dampak.All(d => d.Reaksi is null), dampak.All(d => d.GainTest is null), dampak.All(d => d.Att is null), dampak.All(d => d.IkmChange is null)];
        var empty = levels.Where((_, i) => missing[i]).ToList();
        if (empty.Count > 0)
            paragraphs.Add(text.T($"Belum ada data untuk {string.Join(", ", empty)} pada kelompok mana pun.", $"No group has data yet for {string.Join(", ", empty)}."));
        paragraphs.Add(text.T("Rincian metode (keseimbangan kovariat SMD, Cohen's d, uji pra-tren, ukuran kelompok kontrol) ada di tabel \"Catatan metode\" pada lampiran.",
            "Method details (covariate balance SMD, Cohen's d, pre-trend test, control pool sizes) are in the \"Method notes\" table of the annex."));
        return paragraphs;
    }

    // ------------------------------------------------------------------ cuti
    public IReadOnlyList<DateOnly> CutiMonths(int last = 12) =>
        data.CutiWaktu.Select(c => new DateOnly(c.Bulan.Year, c.Bulan.Month, 1)).Where(m => m < week.End).Distinct().Order().TakeLast(last).ToList();

    /// <summary>The online target the charts draw (<c>Analytics:OnlineShareTarget</c>; its default when not configured).</summary>
    public double OnlineTarget => onlineTarget ?? new Kepegawaian.Analytics.Efficiency.EfisiensiOptions().OnlineShareTarget;

    /// <summary>
    /// The median of the month's requests for one unit and channel (null = all): a row of the roll-up, never an average of
    /// medians; Kaplan–Meier, so pending requests count at their age (null while not estimable).
    /// </summary>
    public double? CutiMedian(DateOnly month, string? kanal, string? unit = null) => PageFigures.LeaveMedian(data.CutiWaktu, month, kanal, unit, minCell);

    /// <summary>
    /// The last day of the span of <paramref name="month"/> that matches the running month of the report (same days, same
    /// ageing), when the report reader cut it (<see cref="ReportData.CutiSameSpanBefore"/>); null = compare with the whole month.
    /// </summary>
    public DateOnly? CutiSameSpanThrough(DateOnly month) =>
        data.CutiSameSpanBefore.Any(c => c.Bulan.Year == month.Year && c.Bulan.Month == month.Month)
            ? ReportDataReader.SameSpan(new Periode(PeriodeKind.Bulan, month.Year, month.Month).Next(), week.End).AddDays(-1)
            : null;

    /// <summary>The median of <paramref name="month"/> over the same span as the running month (<see cref="CutiSameSpanThrough"/>).</summary>
    public double? CutiMedianSameSpan(DateOnly month, string? kanal) =>
        data.CutiSameSpanBefore.FirstOrDefault(c => c.Bulan.Year == month.Year && c.Bulan.Month == month.Month && c.Kanal == kanal && c.KodeUnit is null) is { } row
        && row.N >= minCell ? row.MedianHariKerja : null;

    /// <summary>A count of pending requests, shown unless it describes 1 to MinCellSize − 1 requests (people).</summary>
    private object CutiPending(long n) => PageFigures.PendingHidden(n, minCell) ? suppressed : n;

    /// <summary>Why a processing-time row is not final, or null.</summary>
    private string? CutiNote(CutiWaktuRow c) =>
        c.MedianHariKerja is null ? text.T("median belum dapat diestimasi", "median not yet estimable")
        : c.P90HariKerja is null ? text.T("p90 belum dapat diestimasi", "p90 not yet estimable")
        : c.Stabil ? null : text.T("belum stabil", "not yet stable");

    private CutiWaktuRow? CutiCell(DateOnly month, string? kanal, string? unit) => PageFigures.LeaveCell(data.CutiWaktu, month, kanal, unit);

    public ReportSection CutiSection()
    {
        var months = CutiMonths();
        var chartList = new List<ReportChart>();
        // The charts show every month there is (up to three years): the trend of adoption and processing time is the story.
        var chartMonths = CutiMonths(ChartFactory.LeaveMonths);
        if (chartMonths.Count > 0)
            chartList.Add(new ReportChart("cuti_waktu", text.T("Waktu proses cuti", "Leave processing time"),
                charts.LeaveProcessing(chartMonths, PageFigures.LeaveSeries(data.CutiWaktu, chartMonths, null, minCell),
                    lastPartial: chartMonths[^1].AddMonths(1) > week.End)));
        var adoption = Online();
        var periods = adoption.Periods;
        var share = adoption.Share;
        if (periods.Count > 0)
            chartList.Add(new ReportChart("cuti_online", text.T("Adopsi online", "Online adoption"), charts.OnlineAdoption(periods, share, OnlineTarget,
                lastPartial: Periode.TryParse(periods[^1], out var lastPeriod) && lastPeriod.End > week.End)));

        var last = months.LastOrDefault();
        var month = months.Count > 0 ? Label($"{last.Year}-{last.Month:00}", "cuti") : "–";
        var table = new ReportTable("cuti_waktu", text.T($"Waktu proses cuti per unit, {month}", $"Leave processing time by unit, {month}"),
            [text.T("Unit", "Unit"), text.T("Kanal", "Channel"), text.T("Pengajuan", "Requests"), text.T("Masih diproses", "Pending"),
             text.T("Median hari kerja", "Median working days"), text.T("P90 hari kerja", "P90 working days"), text.T("Median jam", "Median hours"), text.T("Catatan", "Note")],
            CutiUnitRows(last).Select(x => new object?[] { data.UnitName(x.Row.KodeUnit!), x.Row.Kanal, Cell(x.CountHidden, x.Row.N), Cell(x.Row.N, CutiPending(x.Row.NTertunda)),
                    Cell(x.Row.N, x.Row.MedianHariKerja), Cell(x.Row.N, x.Row.P90HariKerja), Cell(x.Row.N, x.Row.MedianJam), Cell(x.Row.N, CutiNote(x.Row)) }).ToList(),
            [0, 0, 0, 0, 1, 1, 1, 0], CutiUnitRows(last).Select(x => x.Row.KodeUnit).ToList());
        var latestShare = share.LastOrDefault();
        var paragraphs = new List<string>();
        if (latestShare is { } s)
            paragraphs.Add(text.T($"Pengajuan online {Label(periods[^1], "cuti")}: {text.Pct(s)}.", $"Online submissions in {Label(periods[^1], "cuti")}: {text.Pct(s)}."));
        if (HolidayTableNote() is { } note)
            paragraphs.Add(note);
        return new ReportSection("cuti", text.T("Efisiensi layanan cuti", "Leave administration efficiency"), paragraphs, chartList, [table]);
    }

    /// <summary>Footnote when the leave data runs through years the holiday table does not cover (their holidays counted as working days).</summary>
    public string? HolidayTableNote() => data.TahunTanpaLibur is { Count: > 0 } years
        ? text.T($"Catatan: tabel hari libur nasional belum memuat tahun {string.Join(", ", years)}; di tahun itu hari libur dihitung sebagai hari kerja, sehingga waktu proses tampak lebih lama. Tambahkan libur tahun itu di konfigurasi Analytics:ExtraHolidays.",
                 $"Note: the national holiday table does not cover {string.Join(", ", years)}; holidays in those years count as working days, so processing times look longer. Add them in Analytics:ExtraHolidays.")
        : null;

    /// <summary>
    /// A unit's channels in a month, sorted; a unit's monthly total is published elsewhere (CLI, dashboard),
    /// so its channels are one line of <see cref="SmallCells"/>: a hidden channel count hides another.
    /// </summary>
    private List<(CutiWaktuRow Row, bool CountHidden)> CutiUnitRows(DateOnly month) =>
        data.CutiWaktu.Where(c => c.Bulan.Year == month.Year && c.Bulan.Month == month.Month && c.KodeUnit is not null && c.Kanal is not null)
            // Slowest unit first (its slowest channel); units whose cells are all under MinCellSize last, in natural name order.
            .GroupBy(c => c.KodeUnit!)
            .OrderBy(g => g.All(c => c.N < minCell || c.MedianHariKerja is null))
            .ThenByDescending(g => g.Where(c => c.N >= minCell).Max(c => c.MedianHariKerja) ?? 0)
            .ThenBy(g => data.UnitName(g.Key), NaturalOrder.Instance)
            .SelectMany(g =>
            {
                var rows = g.OrderBy(c => c.Kanal, StringComparer.Ordinal).ToList();
                var s = PageFigures.ChannelCells(rows, minCell);
                return rows.Select((c, i) => (c, s.Part(i)));
            }).ToList();

    /// <summary>Annex order of the kinerja table: lowest mean first, units under MinCellSize last, natural name order.</summary>
    private IEnumerable<KinerjaUnitRow> KinerjaLatest(IEnumerable<KinerjaUnitRow> rows, string? latest) =>
        rows.Where(r => r.Periode == latest).OrderBy(r => r.N < minCell || r.MeanNilaiSkp is null).ThenBy(r => r.N < minCell ? 0 : r.MeanNilaiSkp ?? 0)
            .ThenBy(r => r.NamaUnit, NaturalOrder.Instance);

    public double? OnlineShare(IEnumerable<CutiOnlineRow> rows) => PageFigures.OnlineShare(rows, minCell);

    /// <summary>The online-share rows the report shows: monthly when present, periods started before the week ends (brief and section).</summary>
    public IReadOnlyList<CutiOnlineRow> OnlineRows() => PreferKind(data.CutiOnline.Where(o => Visible(o.Periode)), o => o.Periode, PeriodeKind.Bulan).ToList();

    /// <summary>The city's online adoption as the report draws it.</summary>
    public OnlineFigures Online() => PageFigures.Online(OnlineRows(), minCell);

    /// <summary>
    /// What the brief says beside a month's KM median (issue: pending requests count at their age):
    /// "6 masih diproses, belum stabil", or null when every request of the month was decided.
    /// </summary>
    public bool CutiStable(DateOnly month) => CutiCell(month, null, null) is not { } cell || cell.Stabil;

    public string? CutiPendingNote(DateOnly month)
    {
        if (CutiCell(month, null, null) is not { } cell || cell.N < minCell) return null;
        var parts = new List<string>();
        if (cell.NTertunda > 0)
            parts.Add(CutiPending(cell.NTertunda) is long n ? text.T($"{text.Int(n)} masih diproses", $"{text.Int(n)} pending") : text.T($"{suppressed} masih diproses", $"{suppressed} pending"));
        if (!cell.Stabil) parts.Add(text.T("belum stabil", "not yet stable"));
        return parts.Count == 0 ? null : string.Join(", ", parts);
    }

    public static string YearCode(int year) => year.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
