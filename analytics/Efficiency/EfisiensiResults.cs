namespace Kepegawaian.Analytics.Efficiency;

/// <summary>
/// Processing time of the leave requests of one cell as of <see cref="WaktuAcuan"/>: Kaplan–Meier median and p90, pending
/// requests censored at their age (null = not yet estimable); a null dimension means "all" (see <see cref="Tingkat"/>).
/// <see cref="N"/> counts every request submitted by then, <see cref="NTertunda"/> those still pending.
/// </summary>
public sealed record CutiWaktu(
    string Tingkat, string? KodeUnit, string? Kanal, string? JenisCuti, DateOnly? Bulan, long N, long NTertunda, double? ShareOnline,
    double? MedianJam, double? P90Jam, double? MedianHariKerja, double? P90HariKerja, bool Stabil, DateTime WaktuAcuan)
{
    public long NDiputus => N - NTertunda;
}

/// <summary>Online share of requests of a unit ('KOTA' = city) in a period, with the previous period's share.</summary>
public sealed record CutiOnline(
    string KodeUnit, string JenisPeriode, string Periode, DateOnly PeriodeMulai, long N, long NOnline,
    double ShareOnline, double? ShareOnlineSebelumnya, double? Perubahan, bool TetapManual);

/// <summary>Share of requests still undecided after the pending threshold, as of <see cref="WaktuAcuan"/>.</summary>
public sealed record CutiTertunda(string KodeUnit, DateTime WaktuAcuan, long NJatuhTempo, long NTertunda, double? ShareTertunda);

/// <summary>
/// Rejected rows ÷ rows read per source (exact) or per source × unit (approximate, see efisiensi_kualitas.sql), and
/// for kinerja the appraisals loaded with a predikat that contradicts the PermenPANRB 6/2022 matrix
/// (<c>Etl:PredikatPolicy</c> = KeepAndWarn; null for the other sources).
/// </summary>
public sealed record KualitasData(string Tingkat, string Sumber, string? KodeUnit, long RowsRead, long RowsRejected, double? RejectRate,
    long? PredikatTidakSesuai = null);
