namespace Kepegawaian.Reports.Data;

// Rows of the analytics marts, one record per mart (column names in the contract → PascalCase).

public sealed record IkmRow(
    string Level, string KodeUnit, string NamaUnit, string? JenisLayanan, string Periode, string JenisPeriode,
    DateOnly PeriodeMulai, long Responden, double?[] Nrr, double Ikm, string Mutu, string Kinerja,
    double? CiLow, double? CiHigh, long? Populasi, long? SampelMinimum, bool? SampelCukup);

public sealed record IkmAlertRow(
    string KodeUnit, string NamaUnit, string Periode, double Ikm, double? IkmSebelumnya, double? Selisih,
    string Mutu, string? MutuSebelumnya, string Alasan);

public sealed record UnsurLemahRow(
    string KodeUnit, string Periode, string Unsur, string NamaUnsur, double Nrr, double? NrrSebelumnya, int Peringkat);

/// <summary>Leave processing time for one month; a null unit or channel means all of them (mart_cuti_waktu_ringkas).</summary>
public sealed record CutiWaktuRow(
    string? KodeUnit, string? Kanal, DateOnly Bulan, long N,
    double? MedianJam, double? P90Jam, double? MedianHariKerja, double? P90HariKerja);

public sealed record CutiOnlineRow(string KodeUnit, string Periode, long N, double ShareOnline);

public sealed record KinerjaUnitRow(
    string KodeUnit, string NamaUnit, string Periode, long N, double? MeanNilaiSkp, double? MeanSkor,
    long NSangatBaik, long NBaik, long NButuhPerbaikan, long NKurang, long NSangatKurang);

public sealed record KinerjaTrenRow(string KodeUnit, double Slope, double? CiLow, double? CiHigh, bool Menurun);

public sealed record KinerjaForecastRow(
    string KodeUnit, string Periode, double Forecast, double? Lower, double? Upper, double? MaeModel, double? MaeNaive);

public sealed record DiklatDampakRow(
    string Kelompok, string JenisKelompok, string Status, double? Att, double? CiLow, double? CiHigh, double? PValue,
    long NTreated, long NControl, double? MaxSmd, double? CohensD, double? PretrendP, string? Pool,
    double? Reaksi, double? GainTest, double? PHolm = null);

public sealed record DiklatEventRow(string Kelompok, int RelatifTriwulan, double Estimate, double? CiLow, double? CiHigh);

public sealed record JpUnitRow(string KodeUnit, int Tahun, long Pegawai, long Patuh, double SharePatuh);

/// <summary>HR only: carries NIP and name.</summary>
public sealed record JpPegawaiRow(string Nip, string Nama, string KodeUnit, int Tahun, double Jp, bool Patuh);

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
    IReadOnlyDictionary<string, string> UnitNames)
{
    public string UnitName(string kode) =>
        UnitNames.TryGetValue(kode, out var n) ? n
        : Ikm.FirstOrDefault(r => r.KodeUnit == kode)?.NamaUnit
          ?? KinerjaUnit.FirstOrDefault(r => r.KodeUnit == kode)?.NamaUnit ?? kode;
}
