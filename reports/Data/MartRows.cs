namespace Kepegawaian.Reports.Data;

// Rows of the analytics marts, one record per mart (column names in the contract → PascalCase).

public sealed record IkmRow(
    string Level, string KodeUnit, string NamaUnit, string? JenisLayanan, string Periode, string JenisPeriode,
    DateOnly PeriodeMulai, long Responden, double?[] Nrr, double Ikm, string Mutu, string Kinerja,
    double? CiLow, double? CiHigh, long? Populasi, long? SampelMinimum, bool? SampelCukup);

/// <summary>An IKM alert (Status "peringatan", ranked by Peringkat) or a drop not confirmed ("tidak_terkonfirmasi").</summary>
public sealed record IkmAlertRow(
    string KodeUnit, string NamaUnit, string Periode, string Status, long? Peringkat, double Ikm, double? IkmSebelumnya, double? Selisih,
    string Mutu, string? MutuSebelumnya, double? Lereng, double? LerengCiLow, double? LerengCiHigh, double? QValue, long TriwulanDipakai,
    string Alasan)
{
    public bool IsAlert => Status == "peringatan";
}

public sealed record UnsurLemahRow(
    string KodeUnit, string Periode, string Unsur, string NamaUnsur, double Nrr, double? NrrSebelumnya, int Peringkat);

/// <summary>
/// Leave processing time for one month; a null unit or channel means all of them (mart_cuti_waktu_ringkas). Kaplan–Meier
/// estimates: N counts every request, NTertunda those still pending; a null median is not yet estimable; Stabil false
/// while pending decisions can still move the figures.
/// </summary>
public sealed record CutiWaktuRow(
    string? KodeUnit, string? Kanal, DateOnly Bulan, long N,
    double? MedianJam, double? P90Jam, double? MedianHariKerja, double? P90HariKerja, long NTertunda = 0, bool Stabil = true);

public sealed record CutiOnlineRow(string KodeUnit, string Periode, long N, double ShareOnline);

public sealed record KinerjaUnitRow(
    string KodeUnit, string NamaUnit, string Periode, long N, double? MeanNilaiSkp, double? MeanSkor,
    long NSangatBaik, long NBaik, long NButuhPerbaikan, long NKurang, long NSangatKurang);

public sealed record KinerjaTrenRow(string KodeUnit, double Slope, double? CiLow, double? CiHigh, bool Menurun);

public sealed record KinerjaForecastRow(
    string KodeUnit, string Periode, double Forecast, double? Lower, double? Upper, double? MaeModel, double? MaeNaive, string? Metode = null);

/// <summary>The city's forecast at the level the report plots (employee-weighted), band from the city's own backtest errors.</summary>
/// Metode: model | tren_linear | nilai_terakhir — what the forecast is (chosen on earlier backtest origins).
public sealed record KinerjaForecastKotaRow(string Periode, double Forecast, double? Lower, double? Upper, long Origins, string? Metode = null);

/// <summary>Leave requests due (≥ N working days old) and still undecided at the reference instant; 'KOTA' = city.</summary>
public sealed record CutiTertundaRow(string KodeUnit, DateTime WaktuAcuan, long NJatuhTempo, long NTertunda);

public sealed record DiklatDampakRow(
    string Kelompok, string JenisKelompok, string Status, double? Att, double? CiLow, double? CiHigh, double? PValue,
    long NTreated, long NControl, double? MaxSmd, double? CohensD, double? PretrendP, string? Pool,
    double? Reaksi, double? GainTest, double? PHolm = null)
{
    /// <summary>Benjamini–Hochberg q over the refresh's family of estimates.</summary>
    public double? QBh { get; init; }
    public long NReaksi { get; init; }
    /// <summary>Kirkpatrick level 2: the paired 95 % CI of the mean test gain, from <see cref="NTest"/> records.</summary>
    public double? GainCiLow { get; init; }
    public double? GainCiHigh { get; init; }
    public long NTest { get; init; }
    /// <summary>Kirkpatrick level 4 (descriptive): IKM change of largely trained units vs the rest, over <see cref="IkmNUnit"/> unit-years.</summary>
    public double? IkmChange { get; init; }
    public long IkmNUnit { get; init; }
}

public sealed record DiklatEventRow(string Kelompok, int RelatifTriwulan, double Estimate, double? CiLow, double? CiHigh);

public sealed record JpUnitRow(string KodeUnit, int Tahun, long Pegawai, long Patuh, double SharePatuh);

/// <summary>HR only: carries NIP and name.</summary>

/// <summary>A unit of <c>dim_unit</c> with its parent (<c>kode_induk</c>; null at the top).</summary>
public sealed record UnitNode(string KodeUnit, string NamaUnit, string JenisUnit, string? KodeInduk);

public sealed record EtlWeekRow(string Entity, long Files, long RowsLoaded, long RowsRejected);

/// <summary>Everything the reports and dashboard show, read in one pass (the marts are small aggregates).</summary>
public sealed record ReportData(
    IReadOnlyList<IkmRow> Ikm,
    IReadOnlyList<IkmAlertRow> IkmAlerts,
    IReadOnlyList<UnsurLemahRow> UnsurLemah,
    IReadOnlyList<CutiWaktuRow> CutiWaktu,
    IReadOnlyList<CutiOnlineRow> CutiOnline,
    IReadOnlyList<KinerjaUnitRow> KinerjaUnit,
    IReadOnlyList<KinerjaTrenRow> KinerjaTren,
    IReadOnlyList<KinerjaForecastRow> KinerjaForecast,
    IReadOnlyList<DiklatDampakRow> DiklatDampak,
    IReadOnlyList<DiklatEventRow> DiklatEvent,
    IReadOnlyList<JpUnitRow> JpUnit,
    IReadOnlyDictionary<string, string> UnitNames,
    IReadOnlyList<int>? TahunTanpaLibur = null)
{
    /// <summary>Set when a mart area is older than the last committed load (<see cref="Warehouse.MartFreshness"/>): reports and pages say so.</summary>
    public string? MartsWarning { get; init; }

    /// <summary>When each mart area (<c>MartFreshness.Areas</c>) was last built, wall clock in <c>Schedule:TimeZone</c> (mart_build).</summary>
    public IReadOnlyDictionary<string, DateTime> MartBuiltAt { get; init; } = new Dictionary<string, DateTime>();
    public IReadOnlyList<KinerjaForecastKotaRow> KinerjaForecastKota { get; init; } = [];
    public IReadOnlyList<CutiTertundaRow> CutiTertunda { get; init; } = [];

    /// <summary>The placement marts (issue 15: retirement wave, tenure); null before their first refresh.</summary>
    public Kepegawaian.Analytics.Penempatan.PenempatanResult? Penempatan { get; init; }

    /// <summary>mart_beban (issue 15: staff against service load per unit); empty before its first refresh.</summary>
    public IReadOnlyList<Kepegawaian.Analytics.Penempatan.BebanRow> PenempatanBeban { get; init; } = [];

    /// <summary>mart_penempatan_layanan (issue 15 item 5: staffing beside service, an association); empty before its first refresh.</summary>
    public IReadOnlyList<Kepegawaian.Analytics.Penempatan.LayananRow> PenempatanLayanan { get; init; } = [];

    /// <summary>mart_kesesuaian and mart_formasi (issue 15: education against the position's minimum, headcount by jenis_jabatan × golongan); null before their first refresh.</summary>
    public Kepegawaian.Analytics.Penempatan.KomposisiResult? PenempatanKomposisi { get; init; }

    /// <summary>Last day of data per area ("ikm", "diklat", "kinerja", "cuti"): what a running period's label says it holds.</summary>
    public IReadOnlyDictionary<string, DateOnly> DataThrough { get; init; } = new Dictionary<string, DateOnly>();

    /// <summary>
    /// Rows of the quarter before a running quarter over the same number of days (<see cref="ReportDataReader.ReadThrough"/>),
    /// for comparisons like with like; empty when nothing is running or the facts are not at hand.
    /// </summary>
    public IReadOnlyList<IkmRow> IkmSameSpanBefore { get; init; } = [];

    /// <summary>Leave processing time of the month before a running month over the same days, aged to the same day (like with like).</summary>
    public IReadOnlyList<CutiWaktuRow> CutiSameSpanBefore { get; init; } = [];

    /// <summary>Online share per unit of the month before a running month over the same days (like with like).</summary>
    public IReadOnlyList<CutiOnlineRow> CutiOnlineSameSpanBefore { get; init; } = [];

    public string UnitName(string kode) =>
        UnitNames.TryGetValue(kode, out var n) ? n
        : Ikm.FirstOrDefault(r => r.KodeUnit == kode)?.NamaUnit
          ?? KinerjaUnit.FirstOrDefault(r => r.KodeUnit == kode)?.NamaUnit ?? kode;
}

/// <summary>City IKM over an exact date span (IkmScale arithmetic).</summary>
public sealed record IkmSpan(long Responden, decimal? Ikm);

/// <summary>City 20 JP coverage over an exact date span.</summary>
public sealed record JpSpan(long Pegawai, long Patuh);

/// <summary>
/// Figures recomputed from the facts over an exact span, so a running period is compared like with like (the same
/// elapsed days of the previous period) and holds nothing after the report week; the marts only know whole periods.
/// </summary>
public interface ISpanFacts
{
    IkmSpan? CityIkm(DateOnly from, DateOnly to);
    JpSpan? CityJp(DateOnly from, DateOnly to);
}
