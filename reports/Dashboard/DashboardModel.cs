using Kepegawaian.Analytics.Common;
using Kepegawaian.Analytics.Ikm;
using Kepegawaian.Reports.Charts;
using Kepegawaian.Reports.Content;
using Kepegawaian.Reports.Data;
using Kepegawaian.Reports.Weekly;
using ScottPlot;
using JpPegawaiRow = Kepegawaian.Analytics.Training.JpPegawaiRow;

namespace Kepegawaian.Reports.Dashboard;

/// <summary>Filter values of a dashboard request (all optional).</summary>
public sealed record DashboardFilter(string? Periode, string? Unit, int? Tahun);

/// <summary>
/// The dashboard's figures for one request: tables as rows of named cells (JSON API) and charts
/// drawn by <see cref="ChartFactory"/>. Aggregates only, small cells suppressed — except the HR
/// methods, which the endpoints protect with the token. Every figure the weekly report also shows comes from
/// <see cref="PageFigures"/> (one content model); this class only picks the filter's rows and lays them out.
/// </summary>
public sealed partial class DashboardModel(ReportData data, ReportText text, int minCell, double? onlineTarget = null)
{
    private readonly ChartFactory charts = new(text);
    private readonly string suppressed = ReportText.Suppressed(minCell);

    // Hidden cells come from SmallCells (primary + complementary), the same rule as the weekly report.
    private object? Cell(long n, object? value) => Cell(SmallCells.Row(minCell, n).Small, value);
    private object? Cell(bool hidden, object? value) => hidden ? suppressed : value;

    /// <summary>Quarterly rows when the mart also holds yearly ones.</summary>
    private readonly IReadOnlyList<KinerjaUnitRow> kinerja = PageFigures.PreferKind(data.KinerjaUnit, r => r.Periode, PeriodeKind.Triwulan).ToList();
    private static DateOnly StartOf(string p) => Periode.TryParse(p, out var x) ? x.Start : DateOnly.MinValue;

    // ---------------------------------------------------------------- filter choices
    public IReadOnlyList<string> IkmPeriods() =>
        data.Ikm.Where(r => r.Level == "unit").OrderByDescending(r => r.PeriodeMulai).Select(r => r.Periode).Distinct().ToList();

    public IReadOnlyList<string> KinerjaPeriods() => kinerja.Select(r => r.Periode).Distinct().OrderByDescending(StartOf).ToList();
    public IReadOnlyList<string> AlertPeriods() => data.IkmAlerts.Select(r => r.Periode).Distinct().OrderByDescending(StartOf).ToList();
    public IReadOnlyList<int> JpYears() => data.JpUnit.Select(r => r.Tahun).Distinct().OrderDescending().ToList();

    public IReadOnlyList<(string Kode, string Nama)> Units() =>
        data.Ikm.Where(r => r.Level == "unit").Select(r => r.KodeUnit)
            .Concat(kinerja.Select(r => r.KodeUnit)).Concat(data.CutiWaktu.Select(r => r.KodeUnit).OfType<string>()).Concat(data.JpUnit.Select(r => r.KodeUnit))
            // Units the placement marts know (a unit with staff but no survey, appraisal, leave or training yet).
            .Concat(data.PenempatanBeban.Select(r => r.KodeUnit)).Concat(data.PenempatanLayanan.Select(r => r.KodeUnit))
            .Concat(data.Penempatan?.MasaKerja.Select(r => r.KodeUnit) ?? [])
            .Where(k => k != Kepegawaian.Warehouse.Domain.Codes.KodeKota)
            .Distinct().Select(k => (k, data.UnitName(k))).OrderBy(u => u.Item2, StringComparer.Ordinal).ToList();

    private string? Pick(string? requested, IReadOnlyList<string> options) =>
        requested is not null && options.Contains(requested) ? requested : options.FirstOrDefault();

    // ---------------------------------------------------------------- IKM
    public IReadOnlyList<Dictionary<string, object?>> IkmTable(DashboardFilter f)
    {
        var periode = Pick(f.Periode, IkmPeriods());
        return data.Ikm.Where(r => r.Level == "unit" && r.Periode == periode && (f.Unit is null || r.KodeUnit == f.Unit))
            .OrderByDescending(r => r.Ikm)
            .Select(r => (r, g: PageFigures.PreferredGrade(data.Ikm, r, DateOnly.MaxValue)))
            // "mutu" is as printed ("B*" when indicative, IkmScale.Indicative); mutu_acuan is the grade to go by and the period it is for.
            .Select(x => Row(("kode_unit", x.r.KodeUnit), ("unit", x.r.NamaUnit), ("periode", text.Period(x.r.Periode)), ("kode_periode", x.r.Periode), ("responden", x.r.Responden), ("ikm", x.r.Ikm),
                ("mutu", PageFigures.Mutu(x.r)), ("kinerja", x.r.Kinerja), ("ci_low", x.r.CiLow), ("ci_high", x.r.CiHigh), ("sampel_cukup", x.r.SampelCukup),
                ("indikatif", IkmScale.Indicative(x.r.SampelCukup)), ("mutu_acuan", PageFigures.Mutu(x.g)), ("periode_mutu_acuan", text.Period(x.g.Periode))))
            .ToList();
    }

    public Plot IkmUnitChart(DashboardFilter f)
    {
        var periode = Pick(f.Periode, IkmPeriods());
        var rows = data.Ikm.Where(r => r.Level == "unit" && r.Periode == periode).ToList();
        return rows.Count == 0 ? charts.Empty("IKM") : charts.IkmByUnit(rows.Select(r => (r.NamaUnit, r.Ikm, r.Mutu)).ToList(), periode!);
    }

    /// <summary>The IKM trend: the city and the filter's unit, or the four lowest units of the latest quarter.</summary>
    public IkmTrendFigures IkmTrend(DashboardFilter f) =>
        PageFigures.IkmTrend(data.Ikm.Where(r => r.Level is "kota" or "unit"), f.Unit, text.T("Kota Palembang", "City"), data.UnitName);

    public Plot IkmTrendChart(DashboardFilter f) =>
        IkmTrend(f) is { Periods.Count: > 0 } t ? charts.IkmTrend(t.Periods, t.Series) : charts.Empty(text.T("Tren IKM", "IKM trend"));

    public Plot IkmElementsChart(DashboardFilter f)
    {
        var periode = Pick(f.Periode, IkmPeriods());
        var row = f.Unit is not null
            ? data.Ikm.FirstOrDefault(r => r.Level == "unit" && r.KodeUnit == f.Unit && r.Periode == periode)
            : data.Ikm.FirstOrDefault(r => r.Level == "kota" && r.Periode == periode);
        if (row is null) return charts.Empty(text.T("Unsur pelayanan", "Service elements"));
        var previous = data.Ikm.Where(r => r.Level == row.Level && r.KodeUnit == row.KodeUnit && r.JenisPeriode == row.JenisPeriode && r.PeriodeMulai < row.PeriodeMulai)
            .OrderByDescending(r => r.PeriodeMulai).FirstOrDefault();
        return charts.WeakestElements(PageFigures.Elements(row, previous, text), $"{row.NamaUnit}, {text.Period(row.Periode)}");
    }

    // ---------------------------------------------------------------- kinerja
    public IReadOnlyList<Dictionary<string, object?>> KinerjaTable(DashboardFilter f)
    {
        var periode = Pick(f.Periode, KinerjaPeriods());
        var tren = data.KinerjaTren.ToDictionary(t => t.KodeUnit);
        return kinerja.Where(r => r.Periode == periode && (f.Unit is null || r.KodeUnit == f.Unit)).OrderBy(r => r.NamaUnit, StringComparer.Ordinal)
            .Select(r => (r, s: PageFigures.KinerjaCells(r, minCell)))
            .Select(x => (x.s, r: x.r))
            .Select(x => Row(("kode_unit", x.r.KodeUnit), ("unit", x.r.NamaUnit), ("periode", text.Period(x.r.Periode)), ("kode_periode", x.r.Periode), ("n", Cell(x.s.Total, x.r.N)), ("mean_nilai_skp", Cell(x.s.Small, x.r.MeanNilaiSkp)),
                ("baik_atau_lebih", Cell(x.s.Part(0), x.r.NSangatBaik + x.r.NBaik)), ("butuh_perbaikan", Cell(x.s.Part(1), x.r.NButuhPerbaikan)),
                ("kurang_atau_lebih_buruk", Cell(x.s.Part(2), x.r.NKurang + x.r.NSangatKurang)),
                ("tren", tren.TryGetValue(x.r.KodeUnit, out var t) ? (t.Menurun ? text.T("menurun", "declining") : text.T("stabil/naik", "stable/rising")) : null)))
            .ToList();
    }

    /// <summary>The predikat distribution of the city or the filter's unit.</summary>
    public PredikatFigures Predikat(DashboardFilter f) => PageFigures.Predikat(kinerja.Where(r => f.Unit is null || r.KodeUnit == f.Unit).ToList(), minCell);

    public Plot PredikatChart(DashboardFilter f) =>
        Predikat(f) is { Periods.Count: > 0 } p ? charts.PredikatDistribution(p.Periods, p.Counts) : charts.Empty(text.T("Sebaran predikat", "Rating distribution"));

    /// <summary>The performance trend of the city (its own employee-weighted forecast, issue 11.3) or the filter's unit (its forecast).</summary>
    public PerformanceTrendFigures KinerjaTrend(DashboardFilter f) =>
        PageFigures.PerformanceTrend(kinerja.Where(r => f.Unit is null || r.KodeUnit == f.Unit),
            f.Unit is null
                ? data.KinerjaForecastKota.Select(x => (x.Periode, x.Forecast, x.Lower, x.Upper, x.Metode))
                : data.KinerjaForecast.Where(x => x.KodeUnit == f.Unit).Select(x => (x.Periode, x.Forecast, x.Lower, x.Upper, x.Metode)),
            minCell);

    public Plot KinerjaTrendChart(DashboardFilter f) =>
        KinerjaTrend(f) is { Periods.Count: > 0 } t
            ? charts.PerformanceTrend(t.Periods, t.Observed, t.Band, f.Unit is null ? text.T("rata-rata kota", "city average") : data.UnitName(f.Unit), t.Metode)
            : charts.Empty(text.T("Tren kinerja", "Performance trend"));

    // ---------------------------------------------------------------- 20 JP
    public int? PickYear(int? tahun) => tahun is { } t && JpYears().Contains(t) ? t : JpYears().FirstOrDefault() is var y && y != 0 ? y : null;

    public IReadOnlyList<Dictionary<string, object?>> JpTable(DashboardFilter f)
    {
        var year = PickYear(f.Tahun);
        var cells = PageFigures.JpCells(data.JpUnit.Where(r => r.Tahun == year), minCell);
        return PageFigures.JpLowestFirst(data.JpUnit.Where(r => r.Tahun == year && (f.Unit is null || r.KodeUnit == f.Unit)), cells, data.UnitName)
            .Select(r => (r, s: cells[r.KodeUnit]))
            .Select(x => Row(("kode_unit", x.r.KodeUnit), ("unit", data.UnitName(x.r.KodeUnit)), ("tahun", x.r.Tahun), ("pegawai", Cell(x.s.Total, x.r.Pegawai)),
                ("patuh", Cell(x.s.Part(0), x.r.Patuh)), ("persen_patuh", Cell(x.s.Part(0), Math.Round(x.r.SharePatuh * 100, 1)))))
            .ToList();
    }

    public Plot JpChart(DashboardFilter f)
    {
        var year = PickYear(f.Tahun);
        var rows = PageFigures.JpShown(data.JpUnit.Where(r => r.Tahun == year), minCell).ToList();
        return rows.Count == 0 ? charts.Empty(text.T("Kepatuhan 20 JP", "20 JP compliance"))
            : charts.JpCoverage(rows.Select(r => (data.UnitName(r.KodeUnit), r.SharePatuh)).ToList(), year!.Value);
    }

    // ---------------------------------------------------------------- cuti
    public IReadOnlyList<Dictionary<string, object?>> CutiTable(DashboardFilter f)
    {
        // Rows of the roll-up for this unit (or the city) per channel: true medians of the requests.
        var rows = CutiRows(f);
        var months = rows.Select(c => c.Bulan).Distinct().OrderDescending().Take(12).ToList();
        // The channels of a month add up to the month's total (published elsewhere): one SmallCells line.
        return months.SelectMany(m =>
            {
                var g = rows.Where(c => c.Bulan == m).OrderBy(c => c.Kanal, StringComparer.Ordinal).ToList();
                var s = PageFigures.ChannelCells(g, minCell);
                return g.Select((c, i) => Row(("bulan", text.MonthYear(m)), ("kanal", c.Kanal), ("n", Cell(s.Part(i), c.N)),
                    ("n_tertunda", Cell(c.N, PageFigures.PendingHidden(c.NTertunda, minCell) ? suppressed : c.NTertunda)),
                    ("median_hari_kerja", Cell(c.N, Round(c.MedianHariKerja))), ("p90_hari_kerja", Cell(c.N, Round(c.P90HariKerja))),
                    ("stabil", Cell(c.N, c.Stabil ? text.T("ya", "yes") : text.T("belum", "not yet")))));
            })
            .ToList();
    }

    public Plot CutiChart(DashboardFilter f)
    {
        var rows = CutiRows(f);
        var months = rows.Select(c => c.Bulan).Distinct().Order().TakeLast(ChartFactory.LeaveMonths).ToList();
        if (months.Count == 0) return charts.Empty(text.T("Waktu proses cuti", "Leave processing time"));
        return charts.LeaveProcessing(months, PageFigures.LeaveSeries(rows, months, f.Unit, minCell), lastPartial: CutiRunning(months[^1].AddMonths(1)));
    }

    /// <summary>Per channel and month, for the filter's unit or (no unit) the whole city.</summary>
    private List<CutiWaktuRow> CutiRows(DashboardFilter f) =>
        data.CutiWaktu.Where(c => c.KodeUnit == f.Unit && c.Kanal is not null).ToList();

    /// <summary>Online adoption of the city (all units pooled) or the filter's unit.</summary>
    public OnlineFigures Online(DashboardFilter f) => PageFigures.Online(data.CutiOnline.Where(o => f.Unit is null || o.KodeUnit == f.Unit), minCell);

    public Plot OnlineChart(DashboardFilter f) =>
        Online(f) is { Periods.Count: > 0 } o
            ? charts.OnlineAdoption(o.Periods, o.Share, onlineTarget ?? new Kepegawaian.Analytics.Efficiency.EfisiensiOptions().OnlineShareTarget,
                lastPartial: Periode.TryParse(o.Periods[^1], out var last) && CutiRunning(last.End))
            : charts.Empty(text.T("Adopsi online", "Online adoption"));

    /// <summary>A leave period ending (exclusive) at <paramref name="end"/> is running when the leave data stop before its last day.</summary>
    private bool CutiRunning(DateOnly end) =>
        data.DataThrough.TryGetValue("cuti", out var through) && end > through.AddDays(1);

    // ---------------------------------------------------------------- alerts
    public IReadOnlyList<Dictionary<string, object?>> AlertTable(DashboardFilter f)
    {
        var periode = Pick(f.Periode, AlertPeriods());
        // Confirmed alerts first, by evidence (peringkat); then the drops that are not confirmed.
        return data.IkmAlerts.Where(a => a.Periode == periode && (f.Unit is null || a.KodeUnit == f.Unit))
            .OrderBy(a => a.IsAlert ? 0 : 1).ThenBy(a => a.Peringkat ?? long.MaxValue).ThenBy(a => a.Lereng ?? 0)
            .Select(a => Row(("kode_unit", a.KodeUnit), ("unit", a.NamaUnit), ("periode", text.Period(a.Periode)), ("kode_periode", a.Periode), ("status", a.Status), ("ikm", a.Ikm),
                ("ikm_sebelumnya", a.IkmSebelumnya), ("selisih", a.Selisih), ("lereng", a.Lereng), ("q_value", a.QValue), ("mutu", PageFigures.AlertMutu(data.Ikm, a, a.Mutu, previous: false)),
                ("mutu_sebelumnya", PageFigures.AlertMutu(data.Ikm, a, a.MutuSebelumnya, previous: true)), ("alasan", a.Alasan)))
            .ToList();
    }

    // ---------------------------------------------------------------- HR (token-protected)
    /// <summary>Method notes: every group's estimator diagnostics (codes kept in <c>kelompok</c>, readable in <c>nama</c>).</summary>
    public IReadOnlyList<Dictionary<string, object?>> DiklatTable() =>
        data.DiklatDampak.OrderBy(d => d.JenisKelompok, StringComparer.Ordinal).ThenBy(d => d.Kelompok, StringComparer.Ordinal)
            .Select(d => Row(("kelompok", d.Kelompok), ("nama", TrainingPlainRow.Name(d)), ("jenis_kelompok", d.JenisKelompok), ("putusan", TrainingVerdicts.Label(TrainingVerdicts.Of(d, minCell), text)),
                ("status", text.Prose(d.Status)), ("att", Cell(d.NTreated, d.Att)),
                ("ci_low", Cell(d.NTreated, d.CiLow)), ("ci_high", Cell(d.NTreated, d.CiHigh)), ("p_value", Cell(d.NTreated, d.PValue)), ("q_bh", Cell(d.NTreated, d.QBh)),
                ("n_treated", Cell(d.NTreated, d.NTreated)), ("n_control", Cell(d.NControl, d.NControl)), ("max_smd", Cell(d.NTreated, d.MaxSmd)), ("cohens_d", Cell(d.NTreated, d.CohensD)),
                ("pretrend_p", Cell(d.NTreated, d.PretrendP)), ("pool", d.Pool), ("reaksi", Cell(d.NTreated, d.Reaksi)), ("gain_test", Cell(d.NTreated, d.GainTest))))
            .ToList();

    /// <summary>The plain-language training table (kinds or courses), the same rows as the report's diklat_jenis / diklat_kursus.</summary>
    public IReadOnlyList<Dictionary<string, object?>> DiklatPlain(bool courses) =>
        data.DiklatDampak.Where(d => (d.JenisKelompok == Kepegawaian.Analytics.Training.TrainingGroup.Kode) == courses)
            .Select(d => TrainingPlainRow.Of(d, text, minCell)).OrderBy(r => r.Verdict).ThenBy(r => r.Kelompok, NaturalOrder.Instance)
            .Select(r => Row(("kelompok", r.Kelompok), ("kode", r.Kode), ("putusan", r.Putusan), ("peserta", Cell(r.PesertaHidden, r.Peserta)),
                ("l1", r.Level1), ("l2", r.Level2), ("l3", r.Level3), ("l4", r.Level4)))
            .ToList();

    /// <summary>Group filter options: code as value, readable name as text.</summary>
    public IReadOnlyList<(string Value, string Text)> DiklatGroups() =>
        data.DiklatDampak.OrderBy(d => d.JenisKelompok, StringComparer.Ordinal).ThenBy(d => d.Kelompok, NaturalOrder.Instance)
            .Select(d => (d.Kelompok, d.JenisKelompok == Kepegawaian.Analytics.Training.TrainingGroup.Kode ? text.T($"Mata diklat {d.Kelompok}", $"Course {d.Kelompok}") : TrainingPlainRow.Name(d)))
            .DistinctBy(x => x.Kelompok).ToList();

    /// <summary>The kinds of training by readable name, as the report draws them (courses are in the tables).</summary>
    public Plot DiklatForestChart() =>
        PageFigures.TrainingForestRows(data.DiklatDampak, minCell) is { Count: > 0 } rows ? charts.TrainingForest(rows)
            : charts.Empty(text.T("Dampak diklat", "Training effect"));

    /// <summary>The group the event-study chart shows: the one asked for, else the first with a series (the filter preselects it).</summary>
    public string? EventGroup(string? kelompok) => kelompok ?? data.DiklatEvent.Select(e => e.Kelompok).FirstOrDefault();

    public Plot DiklatEventChart(string? kelompok)
    {
        var group = EventGroup(kelompok);
        var rows = data.DiklatEvent.Where(e => e.Kelompok == group).ToList();
        var name = data.DiklatDampak.FirstOrDefault(d => d.Kelompok == group) is { } d ? TrainingPlainRow.Name(d) : group;
        return rows.Count == 0 ? charts.Empty(text.T("Studi peristiwa", "Event study")) : charts.EventStudy(rows, name!);
    }

    /// <summary>HR: employees below 20 JP in the year, optionally of one unit, with the JP they still miss.</summary>
    public static IReadOnlyList<Dictionary<string, object?>> JpNonCompliant(IReadOnlyList<JpPegawaiRow> rows, ReportData data, int? tahun, string? unit = null)
    {
        var year = tahun ?? rows.Select(r => r.Tahun).DefaultIfEmpty().Max();
        return rows.Where(r => r.Tahun == year && !r.Patuh && (unit is null || r.KodeUnit == unit))
            .OrderBy(r => data.UnitName(r.KodeUnit), StringComparer.Ordinal).ThenBy(r => r.Nama, StringComparer.Ordinal)
            .Select(r => Row(("nip", r.Nip), ("nama", r.Nama), ("kode_unit", r.KodeUnit), ("unit", data.UnitName(r.KodeUnit)), ("tahun", r.Tahun), ("jp", r.Jp),
                ("kekurangan_jp", r.KekuranganJp)))
            .ToList();
    }

    private static double? Round(double? v) => v is { } x ? Math.Round(x, 1) : null;

    // ---------------------------------------------------------------- penempatan (issue 15)
    /// <summary>Retirement outlook per unit and jabatan group (<see cref="Kepegawaian.Analytics.Penempatan.PenempatanPublik"/>: small cells already hidden).</summary>
    public IReadOnlyList<Dictionary<string, object?>> PensiunTable(DashboardFilter f)
    {
        if (data.Penempatan is not { } p) return [];
        object? C(long? v, bool known = true) => known ? (object?)v ?? suppressed : null;
        return Kepegawaian.Analytics.Penempatan.PenempatanPublik.Pensiun(p, minCell)
            .Where(r => f.Unit is null || r.KodeUnit == f.Unit)
            .OrderByDescending(r => r.Gelombang == true).ThenByDescending(r => r.ShareJendela ?? -1).ThenBy(r => data.UnitName(r.KodeUnit), NaturalOrder.Instance)
            .Select(r => Row(("kode_unit", r.KodeUnit), ("unit", data.UnitName(r.KodeUnit)), ("kelompok", Kepegawaian.Analytics.Penempatan.BupRules.NamaKelompok(r.Kelompok)),
                ("bup", r.Bup is { } b ? b : text.T("tidak diketahui", "unknown")), ("pegawai", C(r.Pegawai)),
                ("pensiun_1", C(r.Pensiun1, r.Bup is not null)), ("pensiun_2", C(r.Pensiun2, r.Bup is not null)), ("pensiun_3", C(r.Pensiun3, r.Bup is not null)),
                ("pensiun_4", C(r.Pensiun4, r.Bup is not null)), ("pensiun_5", C(r.Pensiun5, r.Bup is not null)),
                ("pensiun_jendela", C(r.PensiunJendela, r.Bup is not null)), ("persen_jendela", r.ShareJendela is { } s ? Math.Round(s * 100, 1) : null),
                ("gelombang", r.Gelombang switch { true => text.T("ya", "yes"), false => text.T("tidak", "no"), null => null })))
            .ToList();
    }

    /// <summary>Tenure and rotation per unit (small cells already hidden).</summary>
    public IReadOnlyList<Dictionary<string, object?>> MasaKerjaTable(DashboardFilter f)
    {
        if (data.Penempatan is not { } p) return [];
        return Kepegawaian.Analytics.Penempatan.PenempatanPublik.MasaKerja(p, minCell)
            .Where(r => f.Unit is null || r.KodeUnit == f.Unit)
            .OrderByDescending(r => r.TanpaRotasi == true).ThenBy(r => data.UnitName(r.KodeUnit), NaturalOrder.Instance)
            .Select(r => Row(("kode_unit", r.KodeUnit), ("unit", data.UnitName(r.KodeUnit)), ("pegawai", (object?)r.Pegawai ?? suppressed),
                ("median_tahun_unit", r.MedianTahunUnit is { } a ? Math.Round(a, 1) : null), ("persen_unit_lebih_5", r.ShareUnitLebih5 is { } b ? Math.Round(b * 100, 1) : null),
                ("median_tahun_jabatan", r.MedianTahunJabatan is { } c ? Math.Round(c, 1) : null), ("persen_jabatan_lebih_5", r.ShareJabatanLebih5 is { } d ? Math.Round(d * 100, 1) : null),
                ("tahun_sejak_rotasi", r.TahunSejakRotasi), ("tanpa_rotasi", r.TanpaRotasi switch { true => text.T("ya", "yes"), false => text.T("tidak", "no"), null => null }),
                ("masuk_12_bulan", (object?)r.Masuk12Bulan ?? suppressed), ("keluar_12_bulan", (object?)r.Keluar12Bulan ?? suppressed),
                ("pensiun_12_bulan", (object?)r.Pensiun12Bulan ?? suppressed), ("berhenti_12_bulan", (object?)r.Berhenti12Bulan ?? suppressed)))
            .ToList();
    }

    /// <summary>Staff against service load per unit (mart_beban through PenempatanPublik: units under 5 staff show "&lt;5" and no rate).</summary>
    public IReadOnlyList<Dictionary<string, object?>> BebanTable(DashboardFilter f)
    {
        return Kepegawaian.Analytics.Penempatan.PenempatanPublik.Beban(data.PenempatanBeban, minCell)
            .Where(r => f.Unit is null || r.KodeUnit == f.Unit)
            .OrderByDescending(r => r.Kategori == Kepegawaian.Analytics.Penempatan.BebanAnalysis.KategoriTinggi).ThenByDescending(r => r.RasioMedian ?? -1)
            .ThenBy(r => data.UnitName(r.KodeUnit), NaturalOrder.Instance)
            .Select(r => Row(("kode_unit", r.KodeUnit), ("unit", data.UnitName(r.KodeUnit)), ("jenis_unit", r.JenisUnit),
                ("pegawai", (object?)r.Pegawai ?? suppressed), ("responden_skm", r.RespondenSkm),
                ("responden_per_pegawai", Round(r.RespondenPerPegawai)), ("cuti_per_pegawai", Round(r.CutiPerPegawai)),
                ("populasi_per_pegawai", r.PopulasiPerPegawai is { } pp ? Math.Round(pp, 0) : null),
                ("median_responden_per_pegawai", Round(r.MedianRespondenPerPegawai)), ("rasio_median", r.RasioMedian is { } x ? Math.Round(x, 2) : null),
                ("kategori", r.Kategori), ("tambahan_pegawai_ke_median", r.TambahanPegawaiKeMedian)))
            .ToList();
    }

    private static Dictionary<string, object?> Row(params (string Key, object? Value)[] cells) => cells.ToDictionary(c => c.Key, c => c.Value);
}
