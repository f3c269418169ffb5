using Kepegawaian.Analytics.Common;
using Kepegawaian.Analytics.Ikm;
using Kepegawaian.Reports.Content;
using Kepegawaian.Reports.Data;

namespace Kepegawaian.Reports.Weekly;

/// <summary>Targets the brief measures against (<c>Analytics:OnlineShareTarget</c>, <c>Analytics:PendingAfterWorkingDays</c>).</summary>
public sealed record BriefTargets(double OnlineShareTarget, double PendingAfterWorkingDays);

/// <summary>
/// Computes the <see cref="ExecutiveBrief"/> from the same mart rows and <see cref="WeeklyContent"/> helpers the
/// sections use. Every figure describes at least MinCellSize employees or requests; a unit below it is not named.
/// </summary>
public sealed class ExecutiveBriefBuilder(
    WeeklyContent content, ReportData data, Periode week, ReportText text, int minCell, BriefTargets targets,
    IReadOnlyList<EtlWeekRow> etlSince, DateTime? lastLoadLocal, DateTime generatedLocal, string zoneLabel, ISpanFacts? facts = null)
{
    /// <summary>Lines per action category on the executive page; the rest are counted and left to the annex.</summary>
    public const int PerGroup = 5;

    /// <summary>
    /// Which units the "Perlu tindakan" lines may name (null = all): a unit section (<see cref="UnitBriefBuilder"/>) lists
    /// its subtree only, under the city's periods and by the city's rules.
    /// </summary>
    public Func<string, bool>? UnitFilter { get; init; }

    private bool Included(string kodeUnit) => UnitFilter?.Invoke(kodeUnit) ?? true;

    private string Days => text.N(targets.PendingAfterWorkingDays, targets.PendingAfterWorkingDays % 1 == 0 ? 0 : 1);

    public ExecutiveBrief Build() =>
        new(DataStatus(), DataThrough(), Kpis(), Actions()) { Notes = content.AnyIndicative() ? [text.IndicativeNote()] : [] };

    // The window runs from the start of the report week up to the moment the report is built: a load on the
    // Monday morning the report goes out (or any day after the week, when a week is rebuilt later) is data the
    // report contains, and used to be reported as "no new data" because the window stopped at Sunday 24:00.
    private string DataStatus()
    {
        var since = text.Date(week.Start);
        if (etlSince.Count == 0 || etlSince.Sum(e => e.Files) == 0)
            return text.T($"Tidak ada data baru yang dimuat sejak {since}", $"No new data loaded since {since}")
                + (lastLoadLocal is { } last ? text.T($"; pemuatan terakhir {Stamp(last)}.", $"; last load {Stamp(last)}.") : ".");
        var perEntity = string.Join(", ", etlSince.Select(e => $"{e.Entity} {text.Int(e.RowsLoaded)}"));
        return text.T(
            $"Data baru sejak {since}: {text.Int(etlSince.Sum(e => e.Files))} berkas, {text.Int(etlSince.Sum(e => e.RowsLoaded))} baris dimuat ({perEntity}), {text.Int(etlSince.Sum(e => e.RowsRejected))} baris ditolak.",
            $"New data since {since}: {text.Int(etlSince.Sum(e => e.Files))} files, {text.Int(etlSince.Sum(e => e.RowsLoaded))} rows loaded ({perEntity}), {text.Int(etlSince.Sum(e => e.RowsRejected))} rows rejected.");
    }

    private string DataThrough() => text.T($"Data per {Stamp(lastLoadLocal ?? generatedLocal)}", $"Data as of {Stamp(lastLoadLocal ?? generatedLocal)}");

    // Stored times are wall clock in Schedule:TimeZone; zoneLabel (WIB, WITA, …) says which.
    private string Stamp(DateTime local) => $"{text.Date(DateOnly.FromDateTime(local))} {local:HH}.{local:mm} {zoneLabel}";

    private static KpiTone Tone(double? change, bool higherIsBetter = true) =>
        change is not { } c || Math.Abs(c) < 1e-9 ? KpiTone.Neutral : (c > 0) == higherIsBetter ? KpiTone.Good : KpiTone.Bad;

    private string Vs(string periode) => text.T($"dibanding {text.Period(periode)}", $"vs {text.Period(periode)}");

    /// <summary>The period's label, marked "berjalan" (running) with its data-through day when it has not ended with the report week.</summary>
    private string Label(string? periode, string area) => content.Label(periode, area);

    /// <summary>
    /// The running period <paramref name="p"/> to date and the same number of days from the start of <paramref name="previous"/>,
    /// both from the facts (issue 11.6: a partial quarter was compared with a whole one, and held data after the report week).
    /// To date = up to the report week's end, or the area's last day of data when that is earlier. Null when not running or
    /// the facts are not at hand.
    /// </summary>
    private (T Now, DateOnly Through, T? Before, DateOnly BeforeThrough)? ToDate<T>(Periode p, Periode previous, string area, Func<DateOnly, DateOnly, T?> read)
        where T : class
    {
        if (facts is null || p.End <= week.End || p.Start >= week.End) return null;
        var through = data.DataThrough.TryGetValue(area, out var d) && d < week.End ? d : week.End.AddDays(-1);
        if (through < p.Start || read(p.Start, through.AddDays(1)) is not { } now) return null;
        var days = through.DayNumber - p.Start.DayNumber + 1;
        var beforeEnd = previous.Start.AddDays(days) is var e && e < previous.End ? e : previous.End;
        return (now, through, read(previous.Start, beforeEnd), beforeEnd.AddDays(-1));
    }

    // ------------------------------------------------------------------ KPI cards
    private List<KpiCard> Kpis()
    {
        var cards = new List<KpiCard>();
        var city = content.IkmRows("kota").Where(r => r.JenisPeriode == "triwulan").OrderBy(r => r.PeriodeMulai).ToList();
        if (city.Count > 0)
        {
            var now = city[^1];
            var prev = city.Count > 1 ? city[^2] : null;
            var quarter = Periode.Parse(now.Periode);
            if (ToDate(quarter, quarter.Previous(), "ikm", (a, b) => facts?.CityIkm(a, b)) is { Now: { Ikm: { } ikm } qtd } span && qtd.Responden >= minCell)
            {
                // Running quarter: to date from the facts (nothing after the report week), against the same days of the quarter before.
                var grade = IkmScale.Grade(ikm);
                var before = span.Before is { Ikm: { } b } bs && bs.Responden >= minCell ? (double?)b : null;
                cards.Add(new KpiCard(text.T("IKM Kota", "City IKM"), text.Period(now.Periode, week.End, span.Through), $"{text.N((double)ikm)} ({grade.Mutu} {grade.Kinerja})",
                    before is { } bv
                        ? $"{text.Signed((double)ikm - bv)} " + text.T($"dibanding {text.Period(quarter.Previous())} s.d. {text.Date(span.BeforeThrough)} (rentang sama)",
                            $"vs {text.Period(quarter.Previous())} to {text.Date(span.BeforeThrough)} (same span)")
                        : text.T("belum ada pembanding", "no earlier period"),
                    Tone((double)ikm - before)));
            }
            else
            {
                // A partial period read from the mart is compared with a whole one: say so.
                var whole = quarter.End > week.End ? text.T(" (triwulan penuh)", " (full quarter)") : "";
                cards.Add(new KpiCard(text.T("IKM Kota", "City IKM"), Label(now.Periode, "ikm"), $"{text.N(now.Ikm)} ({now.Mutu.Trim()} {now.Kinerja})",
                    prev is null ? text.T("belum ada pembanding", "no earlier period") : $"{text.Signed(now.Ikm - prev.Ikm)} {Vs(prev.Periode)}{whole}",
                    Tone(now.Ikm - prev?.Ikm)));
            }
        }

        var months = content.CutiMonths();
        if (months.Count > 0)
        {
            var m = months[^1];
            string Pair(DateOnly month) =>
                $"online {text.N(content.CutiMedian(month, "online"), 1)} · manual {text.N(content.CutiMedian(month, "manual"), 1)}";
            var all = content.CutiMedian(m, null);
            // A running month is compared with the same days of the month before, aged the same way (like with like).
            var span = months.Count > 1 ? content.CutiSameSpanThrough(months[^2]) : null;
            double? Before(string? kanal) => span is null ? content.CutiMedian(months[^2], kanal) : content.CutiMedianSameSpan(months[^2], kanal);
            var before = months.Count > 1 ? Before(null) : null;
            var beforeName = months.Count < 2 ? "" : span is { } through
                ? text.T($"{text.MonthName(months[^2].Month)} s.d. {text.Date(through)} (rentang sama)", $"{text.MonthName(months[^2].Month)} to {text.Date(through)} (same span)")
                : text.MonthName(months[^2].Month);
            var beforePair = months.Count > 1 ? $"online {text.N(Before("online"), 1)} · manual {text.N(Before("manual"), 1)}" : "";
            // Kaplan–Meier medians count pending requests at their age: say how many, and hold the tone while the month can still move.
            var allText = content.CutiPendingNote(m) is { } note ? $"{text.N(all, 1)} ({note})" : text.N(all, 1);
            cards.Add(new KpiCard(text.T("Median proses cuti (hari kerja)", "Median leave processing (working days)"),
                Label($"{m.Year}-{m.Month:00}", "cuti"), Pair(m),
                months.Count > 1
                    ? text.T($"semua {allText}; {beforeName}: {text.N(before, 1)} ({beforePair})",
                             $"all {allText}; {beforeName}: {text.N(before, 1)} ({beforePair})")
                    : text.T($"semua {allText}", $"all {allText}"),
                content.CutiStable(m) ? Tone(all - before, higherIsBetter: false) : KpiTone.Neutral));
        }

        var (onlinePeriods, online) = OnlineMonths();
        if (onlinePeriods.Count > 0 && content.OnlineShare(online.Where(o => o.Periode == onlinePeriods[^1])) is { } share)
        {
            // A running month against the same days of the month before, when the reader cut them (like with like).
            var sameSpan = onlinePeriods.Count > 1 ? data.CutiOnlineSameSpanBefore.Where(o => o.Periode == onlinePeriods[^2]).ToList() : [];
            var spanEnd = sameSpan.Count > 0 && Periode.TryParse(onlinePeriods[^1], out var running) ? ReportDataReader.SameSpan(running, week.End).AddDays(-1) : (DateOnly?)null;
            var prev = onlinePeriods.Count > 1 ? content.OnlineShare(spanEnd is null ? online.Where(o => o.Periode == onlinePeriods[^2]) : sameSpan) : null;
            var vs = spanEnd is { } se
                ? text.T($"dibanding {text.Period(onlinePeriods[^2])} s.d. {text.Date(se)} (rentang sama)", $"vs {text.Period(onlinePeriods[^2])} to {text.Date(se)} (same span)")
                : onlinePeriods.Count > 1 ? Vs(onlinePeriods[^2]) : "";
            cards.Add(new KpiCard(text.T("Pengajuan cuti online", "Leave requested online"), Label(onlinePeriods[^1], "cuti"),
                $"{text.Pct(share)} ({text.T("target", "target")} {text.Pct(targets.OnlineShareTarget, 0)})",
                prev is { } p ? $"{text.Signed((share - p) * 100, 1)} {text.T("poin", "points")} {vs}" : text.T("belum ada pembanding", "no earlier period"),
                share >= targets.OnlineShareTarget ? KpiTone.Good : KpiTone.Bad));
        }

        if (data.CutiTertunda.FirstOrDefault(r => r.KodeUnit == Kepegawaian.Warehouse.Domain.Codes.KodeKota) is { } pending)
            cards.Add(new KpiCard(text.T($"Cuti tertunda > {Days} hari kerja", $"Leave pending > {Days} working days"),
                text.T($"per {Stamp(pending.WaktuAcuan)}", $"as of {Stamp(pending.WaktuAcuan)}"),
                PageFigures.PendingHidden(pending.NTertunda, minCell) ? ReportText.Suppressed(minCell) : text.T($"{text.Int(pending.NTertunda)} pengajuan", $"{text.Int(pending.NTertunda)} requests"),
                pending.NJatuhTempo >= minCell && pending.NTertunda >= minCell
                    ? text.T($"{text.Pct((double)pending.NTertunda / pending.NJatuhTempo)} dari {text.Int(pending.NJatuhTempo)} yang jatuh tempo; tanpa pembanding (satu titik waktu)",
                             $"{text.Pct((double)pending.NTertunda / pending.NJatuhTempo)} of {text.Int(pending.NJatuhTempo)} due; no comparison (one point in time)")
                    : "",
                pending.NTertunda > 0 ? KpiTone.Bad : KpiTone.Good));

        var year = content.JpYear();
        var jp = data.JpUnit.Where(j => j.Tahun == year).ToList();
        var jpPrev = data.JpUnit.Where(j => j.Tahun == year - 1).ToList();
        var jpYear = new Periode(PeriodeKind.Tahun, year, 0);
        var jpTitle = text.T("Pegawai memenuhi 20 JP", "Employees meeting 20 JP");
        if (year > 0 && ToDate(jpYear, jpYear.Previous(), "diklat", (a, b) => facts?.CityJp(a, b)) is { Now: { } ytd } jspan && ytd.Pegawai >= minCell)
        {
            // Running year: to date from the facts, against the same days of the previous year (like with like).
            var s = (double)ytd.Patuh / ytd.Pegawai;
            double? p = jspan.Before is { } b && b.Pegawai >= minCell ? (double)b.Patuh / b.Pegawai : null;
            cards.Add(new KpiCard(jpTitle, text.Period(WeeklyContent.YearCode(year), week.End, jspan.Through), text.Pct(s),
                p is { } pv
                    ? $"{text.Signed((s - pv) * 100, 1)} {text.T("poin", "points")} " + text.T($"dibanding {text.Period(jpYear.Previous())} s.d. {text.Date(jspan.BeforeThrough)} (rentang sama)",
                        $"vs {text.Period(jpYear.Previous())} to {text.Date(jspan.BeforeThrough)} (same span)")
                    : text.T("belum ada pembanding", "no earlier period"),
                Tone(s - p)));
        }
        else if (PageFigures.JpShare(jp, minCell) is { } s)
        {
            var p = PageFigures.JpShare(jpPrev, minCell);
            // A running year read from the mart is compared with the whole previous year: say so.
            var running = jpYear.End > week.End;
            cards.Add(new KpiCard(jpTitle, Label(WeeklyContent.YearCode(year), "diklat"), text.Pct(s),
                p is { } pv ? $"{text.Signed((s - pv) * 100, 1)} {text.T("poin", "points")} {text.T($"dibanding Tahun {year - 1}{(running ? " (setahun penuh)" : "")}", $"vs Year {year - 1}{(running ? " (full year)" : "")}")}"
                    : text.T("belum ada pembanding", "no earlier period"),
                Tone(s - p)));
        }

        var jenis = data.DiklatDampak.Where(d => d.JenisKelompok != "kode").ToList();
        if (jenis.Count > 0)
        {
            var effective = jenis.Where(d => TrainingVerdicts.Of(d, minCell) == TrainingVerdict.Efektif).OrderByDescending(d => d.Att).ToList();
            var unproven = jenis.Count(d => TrainingVerdicts.Of(d, minCell) == TrainingVerdict.TidakTerbukti);
            var unknown = jenis.Count(d => TrainingVerdicts.Of(d, minCell) == TrainingVerdict.DataBelumCukup);
            cards.Add(new KpiCard(text.T("Dampak diklat pada kinerja", "Training effect on performance"), text.T("jenis diklat", "training kinds"),
                text.T($"{effective.Count} dari {jenis.Count} jenis efektif", $"{effective.Count} of {jenis.Count} kinds effective"),
                (effective.Count > 0 ? text.T("efektif: ", "effective: ") + string.Join(", ", effective.Select(d => $"{ReportText.Readable(d.Kelompok)} ({text.Signed(d.Att, 1)})")) + "; " : "")
                + text.T($"tidak terbukti {unproven}, data belum cukup {unknown}", $"not shown {unproven}, too little data {unknown}")));
        }
        return cards;
    }

    private (List<string> Periods, List<CutiOnlineRow> Rows) OnlineMonths()
    {
        var rows = content.OnlineRows().ToList();   // the rows the report's online chart draws
        var periods = rows.Select(o => o.Periode).Distinct()
            .OrderBy(p => Periode.TryParse(p, out var x) ? x.Start : DateOnly.MinValue).ToList();
        return (periods, rows);
    }

    // ------------------------------------------------------------------ actions
    private List<ActionGroup> Actions()
    {
        var groups = new List<ActionGroup>();
        var none = text.T("tidak ada", "none");

        var units = content.IkmRows("unit");
        var latest = content.LatestIkmPeriod(units);
        // The grade to go by (annual where the quarter's sample is too small but the year's suffices), marked when indicative.
        var low = units.Where(r => r.Periode == latest && Included(r.KodeUnit)).Select(r => (Row: r, Grade: content.PreferredGrade(r)))
            .Where(x => x.Grade.Mutu.Trim().FirstOrDefault() is 'C' or 'D')
            .OrderByDescending(x => x.Grade.Mutu.Trim()).ThenBy(x => x.Grade.Ikm).ThenBy(x => x.Row.NamaUnit, NaturalOrder.Instance).ToList();
        groups.Add(Group(text.T($"IKM bermutu C/D — {Label(latest, "ikm")}", $"IKM graded C/D — {Label(latest, "ikm")}"),
            low.Select(x => (x.Row.NamaUnit, text.T($"IKM {text.N(x.Grade.Ikm)}, mutu {PageFigures.Mutu(x.Grade)}", $"IKM {text.N(x.Grade.Ikm)}, grade {PageFigures.Mutu(x.Grade)}")
                + (x.Grade.Periode != x.Row.Periode ? $", {Label(x.Grade.Periode, "ikm")}" : ""))), none));

        var alerts = content.Alerts().Where(a => Included(a.KodeUnit)).ToList();
        groups.Add(Group(text.T("Penurunan IKM (peringatan)", "IKM decline (alerts)"),
            alerts.Select(a => (a.NamaUnit, $"{AlertFigure(text, a)}, {text.Period(a.Periode)}")), none));

        var pending = PendingBesideCity(data, minCell, Included);
        groups.Add(Group(text.T($"Cuti tertunda > {Days} hari kerja terbanyak", $"Most leave pending > {Days} working days"),
            pending.Select(r => (data.UnitName(r.KodeUnit), text.T($"{text.Int(r.NTertunda)} pengajuan tertunda dari {text.Int(r.NJatuhTempo)} jatuh tempo",
                $"{text.Int(r.NTertunda)} pending of {text.Int(r.NJatuhTempo)} due"))), none));

        var (periods, online) = OnlineMonths();
        var month = periods.LastOrDefault();
        var under = online.Where(o => o.Periode == month && o.N >= minCell && o.ShareOnline < targets.OnlineShareTarget && Included(o.KodeUnit))
            .OrderBy(o => o.ShareOnline).ThenBy(o => data.UnitName(o.KodeUnit), NaturalOrder.Instance).ToList();
        groups.Add(Group(text.T($"Di bawah target online {text.Pct(targets.OnlineShareTarget, 0)} — {Label(month, "cuti")}", $"Below the {text.Pct(targets.OnlineShareTarget, 0)} online target — {Label(month, "cuti")}"),
            under.Select(o => (data.UnitName(o.KodeUnit), text.T($"online {text.Pct(o.ShareOnline)} dari {text.Int(o.N)} pengajuan", $"online {text.Pct(o.ShareOnline)} of {text.Int(o.N)} requests"))), none));

        var year = content.JpYear();
        var jpCells = PageFigures.JpCells(data.JpUnit.Where(j => j.Tahun == year), minCell);
        // Only units whose share the annex shows can be ranked: naming a hidden one among the lowest brackets its count.
        var jp = PageFigures.JpLowestFirst(data.JpUnit.Where(j => j.Tahun == year && Included(j.KodeUnit)), jpCells, data.UnitName)
            .Where(j => !jpCells[j.KodeUnit].Total && !jpCells[j.KodeUnit].AnyPart).ToList();
        groups.Add(Group(text.T($"Cakupan 20 JP terendah — {Label(WeeklyContent.YearCode(year), "diklat")}", $"Lowest 20 JP coverage — {Label(WeeklyContent.YearCode(year), "diklat")}"),
            jp.Select(j => (data.UnitName(j.KodeUnit), text.T($"{text.Pct(j.SharePatuh)} dari {text.Int(j.Pegawai)} pegawai memenuhi 20 JP", $"{text.Pct(j.SharePatuh)} of {text.Int(j.Pegawai)} employees met 20 JP"))),
            none, always: PerGroup));

        // Retirement wave (issue 15, PP 11/2017 Pasal 239): listed only when a flagged group can be shown under the small-cell rule.
        if (data.Penempatan is { } penempatan)
        {
            var waves = Kepegawaian.Analytics.Penempatan.PenempatanSinyal.Gelombang(penempatan, minCell)
                .OrderByDescending(w => w.ShareJendela).ThenBy(w => data.UnitName(w.KodeUnit), NaturalOrder.Instance).ToList();
            if (waves.Count > 0)
            {
                var batas = text.Date(waves[0].BatasTanggal);
                groups.Add(Group(text.T($"Gelombang pensiun s.d. {batas}", $"Retirement wave until {batas}"),
                    waves.Select(w => (data.UnitName(w.KodeUnit), text.T(
                        $"{text.Int(w.PensiunJendela!.Value)} dari {text.Int(w.Pegawai!.Value)} {Kepegawaian.Analytics.Penempatan.BupRules.NamaKelompok(w.Kelompok)} pensiun ({text.Pct(w.ShareJendela!.Value, 0)})",
                        $"{text.Int(w.PensiunJendela!.Value)} of {text.Int(w.Pegawai!.Value)} {Kepegawaian.Analytics.Penempatan.BupRules.NamaKelompok(w.Kelompok)} retire ({text.Pct(w.ShareJendela!.Value, 0)})"))),
                    none));
            }
        }

        // Staffing against load (issue 15): units whose SKM respondents per employee are ≥ 2× their jenis_unit's median
        // (mart_beban; respondents are a proxy for service volume). Units under 5 staff are never rated.
        var beban = Kepegawaian.Analytics.Penempatan.PenempatanSinyal.BebanTinggi(data.PenempatanBeban, minCell)
            .OrderByDescending(b => b.RasioMedian).ThenBy(b => data.UnitName(b.KodeUnit), NaturalOrder.Instance).ToList();
        if (beban.Count > 0)
            groups.Add(Group(text.T("Beban per pegawai tinggi", "High load per employee"),
                beban.Select(b => (data.UnitName(b.KodeUnit), text.T(
                    $"beban {text.N(b.RasioMedian!.Value, 1)}× median {b.JenisUnit} (kurang ±{text.Int(b.TambahanPegawaiKeMedian!.Value)} pegawai)",
                    $"load {text.N(b.RasioMedian!.Value, 1)}× the {b.JenisUnit} median (about {text.Int(b.TambahanPegawaiKeMedian!.Value)} staff short)"))),
                none));
        return groups;
    }

    /// <summary>
    /// What an IKM alert says in a sentence. The alert is a declining trend over several quarters (IkmAlerts), so the slope
    /// is its figure; the last quarter's step alone may even be a small rise ("+0,60 dari 71,80" under "Penurunan" misled
    /// readers) and is given after it.
    /// </summary>
    public static string AlertFigure(ReportText text, IkmAlertRow a) => a.Lereng is { } slope && slope < 0
        ? text.T($"IKM {text.N(a.Ikm)}, turun {text.N(-slope)} poin per triwulan selama {a.TriwulanDipakai} triwulan (triwulan lalu {text.N(a.IkmSebelumnya)})",
                 $"IKM {text.N(a.Ikm)}, down {text.N(-slope)} points per quarter over {a.TriwulanDipakai} quarters (previous quarter {text.N(a.IkmSebelumnya)})")
        : text.T($"IKM {text.N(a.Ikm)} ({text.Signed(a.Selisih)} dari {text.N(a.IkmSebelumnya)})", $"IKM {text.N(a.Ikm)} ({text.Signed(a.Selisih)} from {text.N(a.IkmSebelumnya)})");

    /// <summary>
    /// Units named beside the city's published total (spec §4, small cells by subtraction): the city total minus the named
    /// units must be 0 or ≥ MinCellSize on every line the brief prints (pending and due), so while it is not, the smallest
    /// named unit is left out — <see cref="SmallCells.Suppress"/> on the line city = named units + the rest.
    /// </summary>
    /// <summary>
    /// The units the brief's pending-leave group may name, most pending first (the first <see cref="PerGroup"/> are named):
    /// unit sections (<see cref="UnitBriefBuilder"/>) take the city brief's names from here, so they check against what it prints.
    /// </summary>
    public static List<CutiTertundaRow> PendingBesideCity(ReportData data, int minCell, Func<string, bool>? included = null) =>
        BesideCityTotal(data.CutiTertunda.Where(r => r.KodeUnit != Kepegawaian.Warehouse.Domain.Codes.KodeKota && r.NTertunda >= minCell && (included?.Invoke(r.KodeUnit) ?? true))
                .OrderByDescending(r => r.NTertunda).ThenBy(r => data.UnitName(r.KodeUnit), NaturalOrder.Instance).ToList(),
            data.CutiTertunda.FirstOrDefault(r => r.KodeUnit == Kepegawaian.Warehouse.Domain.Codes.KodeKota), minCell, r => r.NTertunda, r => r.NJatuhTempo);

    private static List<CutiTertundaRow> BesideCityTotal(List<CutiTertundaRow> candidates, CutiTertundaRow? city, int minCell, params Func<CutiTertundaRow, long>[] lines)
    {
        // Only the first PerGroup are named; a unit left out makes room for the next, which is checked again.
        while (true)
        {
            var named = candidates.Take(PerGroup).ToList();
            var safe = SafeNamed(named, city, minCell, lines);
            if (safe.Count == named.Count)
                return candidates;
            candidates = [.. candidates.Where(c => !named.Contains(c) || safe.Contains(c))];
        }
    }

    private static List<CutiTertundaRow> SafeNamed(List<CutiTertundaRow> named, CutiTertundaRow? city, int minCell, Func<CutiTertundaRow, long>[] lines)
    {
        if (city is null || named.Count == 0)
            return named;
        var hidden = new bool[named.Count];
        foreach (var count in lines)
        {
            // counts: [city, named…, rest]; the rest is what the reader gets by subtraction.
            var counts = named.Select(count).Prepend(count(city)).Append(count(city) - named.Sum(count)).ToList();
            var line = new CountLine(0, Enumerable.Range(1, named.Count + 1).ToList());
            var suppressed = SmallCells.Suppress(counts, [line], minCell);
            for (var i = 0; i < named.Count; i++)
                hidden[i] |= suppressed[i + 1];
        }
        return named.Where((_, i) => !hidden[i]).ToList();
    }

    /// <summary>The first <see cref="PerGroup"/> items; with <paramref name="always"/> the lowest N are listed even when none is "bad".</summary>
    private static ActionGroup Group(string title, IEnumerable<(string Unit, string Figure)> items, string empty, int? always = null)
    {
        var list = items.ToList();
        var shown = list.Take(always ?? PerGroup).Select(i => new ActionItem(title, i.Unit, i.Figure)).ToList();
        return new ActionGroup(title, shown, always is null ? list.Count - shown.Count : 0, empty);
    }
}
