using Kepegawaian.Analytics.Common;
using Kepegawaian.Reports.Charts;
using Kepegawaian.Reports.Data;

namespace Kepegawaian.Reports.Weekly;

/// <summary>
/// Turns mart rows into the weekly report's summary, tables and charts, as of the end of the
/// report week. Every figure is an aggregate; a figure describing fewer than MinCellSize employees
/// is replaced by <c>&lt;5</c> (spec §4 "Small cells"); no NIP or name appears.
/// </summary>
public sealed class WeeklyContent(ReportData data, IReadOnlyList<EtlWeekRow> etlWeek, Periode week, ReportText text, int minCell)
{
    /// <summary>The nine service elements of PermenPANRB 14/2017.</summary>
    public static readonly (string Id, string En)[] Unsur =
    [
        ("Persyaratan", "Requirements"), ("Sistem, mekanisme, dan prosedur", "System and procedure"),
        ("Waktu penyelesaian", "Completion time"), ("Biaya/tarif", "Cost/fee"), ("Produk layanan", "Service product"),
        ("Kompetensi pelaksana", "Staff competence"), ("Perilaku pelaksana", "Staff conduct"),
        ("Penanganan pengaduan", "Complaint handling"), ("Sarana dan prasarana", "Facilities"),
    ];

    private readonly ChartFactory charts = new(text);
    private readonly string suppressed = ReportText.Suppressed(minCell);

    /// <summary>A period string is visible in this week's report if it started before the week ended.</summary>
    private bool Visible(string periode) => !Periode.TryParse(periode, out var p) || p.Start < week.End;

    private static DateOnly StartOf(string periode) => Periode.TryParse(periode, out var p) ? p.Start : DateOnly.MinValue;

    private object? Cell(long n, object? value) => n < minCell ? suppressed : value;

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

    // ------------------------------------------------------------------ IKM
    public IReadOnlyList<IkmRow> IkmRows(string level) =>
        data.Ikm.Where(r => r.Level == level && r.PeriodeMulai < week.End).ToList();

    public string? LatestIkmPeriod(IReadOnlyList<IkmRow> rows) =>
        rows.Where(r => r.JenisPeriode == "triwulan").DefaultIfEmpty().Max(r => r?.PeriodeMulai) is { } start && start != default
            ? rows.First(r => r.PeriodeMulai == start && r.JenisPeriode == "triwulan").Periode
            : rows.OrderByDescending(r => r.PeriodeMulai).FirstOrDefault()?.Periode;

    public IReadOnlyList<IkmAlertRow> Alerts()
    {
        var visible = PreferKind(data.IkmAlerts.Where(a => Visible(a.Periode)), a => a.Periode, PeriodeKind.Triwulan).ToList();
        var latest = visible.Select(a => a.Periode).OrderBy(StartOf).LastOrDefault();
        return visible.Where(a => a.Periode == latest).OrderBy(a => a.Selisih ?? 0).ToList();
    }

    public ReportTable AlertsTable() => new("peringatan", text.T("Peringatan: unit yang memburuk", "Alerts: units getting worse"),
        [text.T("Unit", "Unit"), text.T("Periode", "Period"), "IKM", text.T("IKM sebelumnya", "Previous IKM"), text.T("Selisih", "Change"),
         text.T("Mutu", "Grade"), text.T("Mutu sebelumnya", "Previous grade"), text.T("Alasan", "Reason")],
        Alerts().Select(a => new object?[] { a.NamaUnit, a.Periode, a.Ikm, a.IkmSebelumnya, a.Selisih, a.Mutu, a.MutuSebelumnya, a.Alasan }).ToList());

    public ReportSection IkmSection()
    {
        var units = IkmRows("unit");
        var latest = LatestIkmPeriod(units);
        var latestRows = units.Where(r => r.Periode == latest).OrderBy(r => r.NamaUnit, StringComparer.Ordinal).ToList();
        var chartList = new List<ReportChart>();
        var title = text.T("IKM per unit", "IKM by unit");
        chartList.Add(latestRows.Count == 0
            ? new ReportChart("ikm_unit", title, charts.Empty(title))
            : new ReportChart("ikm_unit", title, charts.IkmByUnit(latestRows.Select(r => (r.NamaUnit, r.Ikm, r.Mutu)).ToList(), latest!)));

        // Trend: the city and the units with the lowest latest IKM (a readable handful of lines).
        var quarterly = units.Where(r => r.JenisPeriode == "triwulan").ToList();
        var periods = quarterly.Select(r => (r.Periode, r.PeriodeMulai)).Distinct().OrderBy(p => p.PeriodeMulai).Select(p => p.Periode).TakeLast(8).ToList();
        var city = IkmRows("kota").Where(r => r.JenisPeriode == "triwulan").ToList();
        var series = new List<(string, IReadOnlyList<double?>)>();
        if (city.Count > 0)
            series.Add((text.T("Kota Palembang", "City"), periods.Select(p => city.FirstOrDefault(r => r.Periode == p)?.Ikm).ToList()));
        foreach (var u in latestRows.OrderBy(r => r.Ikm).Take(4))
            series.Add((u.NamaUnit, periods.Select(p => quarterly.FirstOrDefault(r => r.KodeUnit == u.KodeUnit && r.Periode == p)?.Ikm).ToList()));
        if (periods.Count > 0)
            chartList.Add(new ReportChart("ikm_tren", text.T("Tren IKM", "IKM trend"), charts.IkmTrend(periods, series)));

        // Weakest elements of the city (or of all units pooled when no city row exists).
        var cityLatest = city.FirstOrDefault(r => r.Periode == latest);
        var cityPrev = periods.IndexOf(latest ?? "") is > 0 and var i ? city.FirstOrDefault(r => r.Periode == periods[i - 1]) : null;
        if (cityLatest is not null)
        {
            var elems = Enumerable.Range(0, 9).Where(k => cityLatest.Nrr[k] is not null)
                .Select(k => (text.T(Unsur[k].Id, Unsur[k].En), cityLatest.Nrr[k]!.Value, cityPrev?.Nrr[k])).ToList();
            chartList.Add(new ReportChart("ikm_unsur", text.T("Unsur pelayanan", "Service elements"), charts.WeakestElements(elems, text.T("Kota", "City") + " " + latest)));
        }

        var table = new ReportTable("ikm_unit", text.T($"IKM per unit, {latest}", $"IKM by unit, {latest}"),
            [text.T("Unit", "Unit"), text.T("Responden", "Respondents"), "IKM", text.T("IK 95 % bawah", "95 % CI low"), text.T("IK 95 % atas", "95 % CI high"),
             text.T("Mutu", "Grade"), text.T("Kinerja", "Performance"), text.T("Sampel minimum", "Minimum sample"), text.T("Sampel cukup", "Sample sufficient")],
            latestRows.Select(r => new object?[] { r.NamaUnit, r.Responden, r.Ikm, r.CiLow, r.CiHigh, r.Mutu, r.Kinerja, r.SampelMinimum,
                r.SampelCukup is { } ok ? (ok ? text.T("ya", "yes") : text.T("tidak", "no")) : null }).ToList(),
            [0, 0, 2, 2, 2, 0, 0, 0, 0]);
        var weak = data.UnsurLemah.Where(u => u.Periode == latest && u.Peringkat == 1).OrderBy(u => u.Nrr).ToList();
        var weakTable = new ReportTable("ikm_unsur_lemah", text.T("Unsur terlemah per unit", "Weakest element per unit"),
            [text.T("Unit", "Unit"), text.T("Unsur", "Element"), "NRR", text.T("NRR sebelumnya", "Previous NRR")],
            weak.Select(u => new object?[] { data.UnitName(u.KodeUnit), u.NamaUnsur, u.Nrr, u.NrrSebelumnya }).ToList());

        var paragraphs = new List<string>();
        if (latest is null) paragraphs.Add(text.T("Belum ada hasil IKM.", "No IKM results yet."));
        else
        {
            var byGrade = latestRows.GroupBy(r => r.Mutu.Trim().FirstOrDefault()).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}");
            paragraphs.Add(text.T($"Periode {latest}: {latestRows.Count} unit dinilai ({string.Join(", ", byGrade)}).",
                $"Period {latest}: {latestRows.Count} units rated ({string.Join(", ", byGrade)})."));
        }
        return new ReportSection("ikm", text.T("Indeks Kepuasan Masyarakat (IKM)", "Public satisfaction index (IKM)"), paragraphs, chartList, [table, weakTable]);
    }

    // ------------------------------------------------------------------ kinerja
    public ReportSection KinerjaSection()
    {
        var rows = PreferKind(data.KinerjaUnit.Where(r => Visible(r.Periode)), r => r.Periode, PeriodeKind.Triwulan).ToList();
        var periods = rows.Select(r => r.Periode).Distinct().OrderBy(StartOf).TakeLast(8).ToList();
        var chartList = new List<ReportChart>();
        // Periods with fewer than MinCellSize employees in total are left out of the distribution.
        var distPeriods = periods.Where(p => rows.Where(r => r.Periode == p).Sum(r => r.N) >= minCell).ToList();
        var counts = distPeriods.Select(p =>
        {
            var g = rows.Where(r => r.Periode == p).ToList();
            return new[] { g.Sum(r => r.NSangatBaik), g.Sum(r => r.NBaik), g.Sum(r => r.NButuhPerbaikan), g.Sum(r => r.NKurang), g.Sum(r => r.NSangatKurang) };
        }).ToList();
        var distTitle = text.T("Sebaran predikat", "Rating distribution");
        chartList.Add(distPeriods.Count == 0 ? new ReportChart("kinerja_predikat", distTitle, charts.Empty(distTitle))
            : new ReportChart("kinerja_predikat", distTitle, charts.PredikatDistribution(distPeriods, counts)));

        // City trend: employee-weighted mean of the unit means; forecast: mean of the unit forecasts.
        var observed = periods.Select(p => WeightedMean(rows.Where(r => r.Periode == p && r.MeanNilaiSkp is not null).Select(r => (r.MeanNilaiSkp!.Value, (double)r.N)))).ToList();
        var fc = data.KinerjaForecast.GroupBy(f => f.Periode).Where(g => !periods.Contains(g.Key)).OrderBy(g => StartOf(g.Key)).Take(4).ToList();
        var allPeriods = periods.Concat(fc.Select(g => g.Key)).ToList();
        var forecast = fc.Select(g => (allPeriods.IndexOf(g.Key), g.Average(f => f.Forecast), g.Average(f => f.Lower ?? f.Forecast), g.Average(f => f.Upper ?? f.Forecast))).ToList();
        if (forecast.Count > 0 && periods.Count > 0 && observed[^1] is { } last)
            forecast.Insert(0, (periods.Count - 1, last, last, last)); // join the band to the last observation
        if (allPeriods.Count > 0)
            chartList.Add(new ReportChart("kinerja_tren", text.T("Tren kinerja", "Performance trend"),
                charts.PerformanceTrend(allPeriods, observed.Concat(fc.Select(_ => (double?)null)).ToList(), forecast, text.T("rata-rata kota", "city average"))));

        var latest = periods.LastOrDefault();
        var table = new ReportTable("kinerja_unit", text.T($"Kinerja per unit, {latest}", $"Performance by unit, {latest}"),
            [text.T("Unit", "Unit"), text.T("Pegawai", "Employees"), text.T("Rata-rata nilai SKP", "Mean SKP score"), text.T("Rata-rata skor", "Mean score"),
             text.T("Sangat Baik + Baik", "Outstanding + Good"), text.T("Butuh Perbaikan", "Needs improvement"), text.T("Kurang + Sangat Kurang", "Poor + Very poor")],
            rows.Where(r => r.Periode == latest).OrderBy(r => r.NamaUnit, StringComparer.Ordinal)
                .Select(r => new object?[] { r.NamaUnit, Cell(r.N, r.N), Cell(r.N, r.MeanNilaiSkp), Cell(r.N, r.MeanSkor),
                    Cell(r.N, r.NSangatBaik + r.NBaik), Cell(r.N, r.NButuhPerbaikan), Cell(r.N, r.NKurang + r.NSangatKurang) }).ToList(),
            [0, 0, 2, 2, 0, 0, 0]);
        var declining = data.KinerjaTren.Where(t => t.Menurun).OrderBy(t => t.Slope).ToList();
        var decTable = new ReportTable("kinerja_menurun", text.T("Unit dengan tren kinerja menurun", "Units with a declining performance trend"),
            [text.T("Unit", "Unit"), text.T("Kemiringan per periode", "Slope per period"), text.T("IK 95 % bawah", "95 % CI low"), text.T("IK 95 % atas", "95 % CI high")],
            declining.Select(t => new object?[] { data.UnitName(t.KodeUnit), t.Slope, t.CiLow, t.CiHigh }).ToList(), [0, 3, 3, 3]);
        return new ReportSection("kinerja", text.T("Kinerja pegawai", "Employee performance"),
            [text.T($"{declining.Count} unit menunjukkan tren kinerja menurun.", $"{declining.Count} units show a declining performance trend.")],
            chartList, [table, decTable]);
    }

    // ------------------------------------------------------------------ diklat + 20 JP
    public ReportSection DiklatSection()
    {
        var chartList = new List<ReportChart>();
        var dampak = data.DiklatDampak.OrderBy(d => d.JenisKelompok, StringComparer.Ordinal).ThenBy(d => d.Kelompok, StringComparer.Ordinal).ToList();
        // A group with fewer treated employees than MinCellSize shows no estimate.
        var forest = dampak.Select(d => (d.Kelompok, d.NTreated >= minCell ? d.Att : null, d.NTreated >= minCell ? d.CiLow : null, d.NTreated >= minCell ? d.CiHigh : null, d.NTreated)).ToList();
        if (forest.Count > 0)
            chartList.Add(new ReportChart("diklat_dampak", text.T("Dampak diklat", "Training effect"), charts.TrainingForest(forest)));
        var eventGroup = dampak.Where(d => d.Att is not null && d.NTreated >= minCell).Select(d => d.Kelompok)
            .FirstOrDefault(k => data.DiklatEvent.Any(e => e.Kelompok == k));
        if (eventGroup is not null)
            chartList.Add(new ReportChart("diklat_event", text.T("Studi peristiwa", "Event study"), charts.EventStudy(data.DiklatEvent.Where(e => e.Kelompok == eventGroup).ToList(), eventGroup)));

        var year = data.JpUnit.Where(j => j.Tahun <= week.Start.Year).Select(j => j.Tahun).DefaultIfEmpty().Max();
        var jp = data.JpUnit.Where(j => j.Tahun == year).ToList();
        var shown = jp.Where(j => j.Pegawai >= minCell).ToList();
        if (shown.Count > 0)
            chartList.Add(new ReportChart("jp_cakupan", text.T("Kepatuhan 20 JP", "20 JP compliance"), charts.JpCoverage(shown.Select(j => (data.UnitName(j.KodeUnit), j.SharePatuh)).ToList(), year)));

        var dampakTable = new ReportTable("diklat_dampak", text.T("Efektivitas diklat (Kirkpatrick 1–4)", "Training effectiveness (Kirkpatrick 1–4)"),
            [text.T("Kelompok", "Group"), text.T("Jenis", "Kind"), "Status", "ATT", text.T("IK 95 % bawah", "95 % CI low"), text.T("IK 95 % atas", "95 % CI high"),
             "p", text.T("p (Holm, semua kelompok)", "p (Holm, all groups)"), text.T("n diklat", "n treated"), text.T("n kontrol", "n control"), "max SMD", "Cohen's d", text.T("p pra-tren", "pre-trend p"),
             text.T("Kelompok kontrol", "Control pool"), text.T("Reaksi (L1)", "Reaction (L1)"), text.T("Kenaikan tes (L2)", "Test gain (L2)")],
            dampak.Select(d => new object?[] { d.Kelompok, d.JenisKelompok, d.Status, Cell(d.NTreated, d.Att), Cell(d.NTreated, d.CiLow), Cell(d.NTreated, d.CiHigh),
                Cell(d.NTreated, d.PValue is null ? null : text.P(d.PValue)), Cell(d.NTreated, d.PHolm is null ? null : text.P(d.PHolm)), Cell(d.NTreated, d.NTreated), Cell(d.NControl, d.NControl), Cell(d.NTreated, d.MaxSmd), Cell(d.NTreated, d.CohensD),
                Cell(d.NTreated, d.PretrendP is null ? null : text.P(d.PretrendP)), d.Pool, Cell(d.NTreated, d.Reaksi), Cell(d.NTreated, d.GainTest) }).ToList(),
            [0, 0, 0, 2, 2, 2, 3, 3, 0, 0, 2, 2, 3, 0, 2, 2]);
        var jpTable = new ReportTable("jp_unit", text.T($"Kepatuhan 20 JP per unit, {year}", $"20 JP compliance by unit, {year}"),
            [text.T("Unit", "Unit"), text.T("Pegawai", "Employees"), text.T("Patuh", "Compliant"), text.T("Persen patuh", "Percent compliant")],
            jp.OrderBy(j => j.SharePatuh).Select(j => new object?[] { data.UnitName(j.KodeUnit), Cell(j.Pegawai, j.Pegawai), Cell(j.Pegawai, j.Patuh), Cell(j.Pegawai, j.SharePatuh * 100) }).ToList(),
            [0, 0, 0, 1]);
        var total = jp.Sum(j => j.Pegawai);
        var paragraphs = new List<string>();
        if (total >= minCell)
            paragraphs.Add(text.T($"Tahun {year}: {text.Pct((double)jp.Sum(j => j.Patuh) / total)} pegawai memenuhi 20 JP.",
                $"Year {year}: {text.Pct((double)jp.Sum(j => j.Patuh) / total)} of employees met 20 JP."));
        return new ReportSection("diklat", text.T("Diklat dan 20 JP", "Training and 20 JP"), paragraphs, chartList, [dampakTable, jpTable]);
    }

    // ------------------------------------------------------------------ cuti
    public IReadOnlyList<DateOnly> CutiMonths() =>
        data.CutiWaktu.Select(c => new DateOnly(c.Bulan.Year, c.Bulan.Month, 1)).Where(m => m < week.End).Distinct().Order().TakeLast(12).ToList();

    /// <summary>The median of the month's requests for one unit and channel (null = all): a row of the roll-up, never an average of medians.</summary>
    public double? CutiMedian(DateOnly month, string? kanal, string? unit = null) =>
        CutiCell(month, kanal, unit) is { } row && row.N >= minCell ? row.MedianHariKerja : null;

    private CutiWaktuRow? CutiCell(DateOnly month, string? kanal, string? unit) =>
        data.CutiWaktu.FirstOrDefault(c => c.Bulan.Year == month.Year && c.Bulan.Month == month.Month && c.Kanal == kanal && c.KodeUnit == unit);

    public ReportSection CutiSection()
    {
        var months = CutiMonths();
        var kanals = data.CutiWaktu.Select(c => c.Kanal).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        var chartList = new List<ReportChart>();
        if (months.Count > 0)
            chartList.Add(new ReportChart("cuti_waktu", text.T("Waktu proses cuti", "Leave processing time"),
                charts.LeaveProcessing(months, kanals.Select(k => (k, (IReadOnlyList<double?>)months.Select(m => CutiMedian(m, k)).ToList())).ToList())));
        var online = PreferKind(data.CutiOnline.Where(o => Visible(o.Periode)), o => o.Periode, PeriodeKind.Bulan).ToList();
        var periods = online.Select(o => o.Periode).Distinct().OrderBy(StartOf).TakeLast(12).ToList();
        var share = periods.Select(p => OnlineShare(online.Where(o => o.Periode == p))).ToList();
        if (periods.Count > 0)
            chartList.Add(new ReportChart("cuti_online", text.T("Adopsi online", "Online adoption"), charts.OnlineAdoption(periods, share)));

        var last = months.LastOrDefault();
        var table = new ReportTable("cuti_waktu", text.T($"Waktu proses cuti per unit, {(months.Count > 0 ? text.MonthYear(last) : "–")}", $"Leave processing time by unit, {(months.Count > 0 ? text.MonthYear(last) : "–")}"),
            [text.T("Unit", "Unit"), text.T("Kanal", "Channel"), text.T("Pengajuan", "Requests"), text.T("Median hari kerja", "Median working days"), text.T("P90 hari kerja", "P90 working days"), text.T("Median jam", "Median hours")],
            data.CutiWaktu.Where(c => c.Bulan.Year == last.Year && c.Bulan.Month == last.Month && c.KodeUnit is not null && c.Kanal is not null)
                .OrderBy(c => data.UnitName(c.KodeUnit!), StringComparer.Ordinal).ThenBy(c => c.Kanal, StringComparer.Ordinal)
                .Select(c => new object?[] { data.UnitName(c.KodeUnit!), c.Kanal, Cell(c.N, c.N),
                    Cell(c.N, c.MedianHariKerja), Cell(c.N, c.P90HariKerja), Cell(c.N, c.MedianJam) }).ToList(),
            [0, 0, 0, 1, 1, 1]);
        var latestShare = share.LastOrDefault();
        var paragraphs = new List<string>();
        if (latestShare is { } s)
            paragraphs.Add(text.T($"Pengajuan online periode {periods[^1]}: {text.Pct(s)}.", $"Online submissions in {periods[^1]}: {text.Pct(s)}."));
        return new ReportSection("cuti", text.T("Efisiensi layanan cuti", "Leave administration efficiency"), paragraphs, chartList, [table]);
    }

    public double? OnlineShare(IEnumerable<CutiOnlineRow> rows)
    {
        var list = rows.ToList();
        return list.Sum(o => o.N) < minCell ? null : WeightedMean(list.Select(o => (o.ShareOnline, (double)o.N)));
    }

    // ------------------------------------------------------------------ summary
    public IReadOnlyList<string> Summary()
    {
        var lines = new List<string>();
        var loaded = etlWeek.Sum(e => e.RowsLoaded);
        lines.Add(etlWeek.Count == 0
            ? text.T("Tidak ada data baru yang dimuat minggu ini.", "No new data was loaded this week.")
            : text.T($"Data baru minggu ini: {text.Int(etlWeek.Sum(e => e.Files))} berkas, {text.Int(loaded)} baris dimuat ({string.Join(", ", etlWeek.Select(e => $"{e.Entity} {text.Int(e.RowsLoaded)}"))}), {text.Int(etlWeek.Sum(e => e.RowsRejected))} baris ditolak.",
                     $"New data this week: {text.Int(etlWeek.Sum(e => e.Files))} files, {text.Int(loaded)} rows loaded ({string.Join(", ", etlWeek.Select(e => $"{e.Entity} {text.Int(e.RowsLoaded)}"))}), {text.Int(etlWeek.Sum(e => e.RowsRejected))} rows rejected."));

        var city = IkmRows("kota").Where(r => r.JenisPeriode == "triwulan").OrderBy(r => r.PeriodeMulai).ToList();
        if (city.Count > 0)
        {
            var now = city[^1];
            var prev = city.Count > 1 ? city[^2] : null;
            lines.Add(text.T($"IKM Kota {now.Periode}: {text.N(now.Ikm)} ({now.Mutu} {now.Kinerja})", $"City IKM {now.Periode}: {text.N(now.Ikm)} ({now.Mutu} {now.Kinerja})")
                + (prev is null ? "." : text.T($", {text.Signed(now.Ikm - prev.Ikm)} dibanding {prev.Periode}.", $", {text.Signed(now.Ikm - prev.Ikm)} vs {prev.Periode}.")));
        }
        var units = IkmRows("unit");
        var latest = LatestIkmPeriod(units);
        var low = units.Where(r => r.Periode == latest && r.Mutu.Trim().FirstOrDefault() is 'C' or 'D').ToList();
        if (latest is not null)
            lines.Add(text.T($"{low.Count} unit bermutu C atau D pada {latest}.", $"{low.Count} units graded C or D in {latest}."));
        var alerts = Alerts();
        lines.Add(alerts.Count == 0
            ? text.T("Tidak ada peringatan unit yang memburuk.", "No alerts of units getting worse.")
            : text.T($"{alerts.Count} peringatan: {string.Join(", ", alerts.Take(5).Select(a => a.NamaUnit))}{(alerts.Count > 5 ? ", …" : "")}.",
                     $"{alerts.Count} alerts: {string.Join(", ", alerts.Take(5).Select(a => a.NamaUnit))}{(alerts.Count > 5 ? ", …" : "")}."));
        var declining = data.KinerjaTren.Count(t => t.Menurun);
        if (data.KinerjaTren.Count > 0)
            lines.Add(text.T($"{declining} unit dengan tren kinerja menurun.", $"{declining} units with a declining performance trend."));
        var months = CutiMonths();
        if (months.Count > 0)
        {
            var m = months[^1];
            var now = CutiMedian(m, null);
            var before = months.Count > 1 ? CutiMedian(months[^2], null) : null;
            if (now is not null)
                lines.Add(text.T($"Median waktu proses cuti {text.MonthYear(m)}: {text.N(now, 1)} hari kerja", $"Median leave processing time {text.MonthYear(m)}: {text.N(now, 1)} working days")
                    + (before is null ? "." : text.T($" (bulan sebelumnya {text.N(before, 1)}).", $" (previous month {text.N(before, 1)}).")));
        }
        return lines;
    }

    public static double? WeightedMean(IEnumerable<(double Value, double Weight)> items)
    {
        double sw = 0, s = 0;
        foreach (var (v, w) in items) { s += v * w; sw += w; }
        return sw > 0 ? s / sw : null;
    }
}
