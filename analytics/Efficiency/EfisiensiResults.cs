namespace Kepegawaian.Analytics.Efficiency;

/// <summary>Processing time of decided leave requests for one cell; a null dimension means "all" (see <see cref="Tingkat"/>).</summary>
public sealed record CutiWaktu(
    string Tingkat, string? KodeUnit, string? Kanal, string? JenisCuti, DateOnly? Bulan, long N,
    double? MedianJam, double? P90Jam, double? MedianHariKerja, double? P90HariKerja);

/// <summary>Online share of requests of a unit ('KOTA' = city) in a period, with the previous period's share.</summary>
public sealed record CutiOnline(
    string KodeUnit, string JenisPeriode, string Periode, DateOnly PeriodeMulai, long N, long NOnline,
    double ShareOnline, double? ShareOnlineSebelumnya, double? Perubahan, bool TetapManual);

/// <summary>Share of requests still undecided after the pending threshold, as of <see cref="WaktuAcuan"/>.</summary>
public sealed record CutiTertunda(string KodeUnit, DateTime WaktuAcuan, long NJatuhTempo, long NTertunda, double? ShareTertunda);

/// <summary>Rejected rows ÷ rows read per source (exact) or per source × unit (approximate, see efisiensi_kualitas.sql).</summary>
public sealed record KualitasData(string Tingkat, string Sumber, string? KodeUnit, long RowsRead, long RowsRejected, double? RejectRate);

/// <summary>Leave-administration summary of a unit ('KOTA' = city) over requests submitted in a period.</summary>
public sealed record CutiPeriode(
    string KodeUnit, string Periode, long N, long NDiputus, double? ShareOnline,
    double? MedianJam, double? P90Jam, double? MedianHariKerja, double? P90HariKerja);
