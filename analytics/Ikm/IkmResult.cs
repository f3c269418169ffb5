namespace Kepegawaian.Analytics.Ikm;

/// <summary>Group levels of the IKM results.</summary>
public static class IkmLevel
{
    public const string Unit = "unit";
    public const string Layanan = "layanan";
    public const string Kecamatan = "kecamatan";
    public const string Kota = "kota";

    /// <summary>kode_unit used for city-wide rows.</summary>
    public const string KodeKota = Kepegawaian.Warehouse.Domain.Codes.KodeKota;

    public static readonly IReadOnlyList<string> All = [Unit, Layanan, Kecamatan, Kota];
}

/// <summary>
/// IKM of one group of responses (level × unit [× jenis_layanan] × period), PermenPANRB 14/2017.
/// <see cref="Nrr"/> holds NRR u1…u9 unrounded; <see cref="Ikm"/> is rounded once to 2 decimals.
/// </summary>
public sealed record IkmResult(
    string Level,
    string KodeUnit,
    string NamaUnit,
    string? JenisLayanan,
    string JenisPeriode,
    string Periode,
    DateOnly PeriodeMulai,
    long Responden,
    IReadOnlyList<double?> Nrr,
    decimal? Ikm,
    string? Mutu,
    string? Kinerja,
    decimal? CiLow,
    decimal? CiHigh,
    double? StandardError,
    long? Populasi,
    int? SampelMinimum,
    bool? SampelCukup)
{
    /// <summary>The unrounded IKM, for interval arithmetic only.</summary>
    public double? IkmExact { get; init; }

    /// <summary>Respondents with at least one answered element (those behind <see cref="StandardError"/>).</summary>
    public long RespondenSkor { get; init; }

    /// <summary>Identifies the same group in another period.</summary>
    public (string, string, string?, string) GroupKey => (Level, KodeUnit, JenisLayanan, JenisPeriode);
}

/// <summary>Change of a group's IKM from the previous period of the same kind.</summary>
public sealed record IkmTrend(
    string Level,
    string KodeUnit,
    string NamaUnit,
    string? JenisLayanan,
    string JenisPeriode,
    string Periode,
    DateOnly PeriodeMulai,
    decimal? Ikm,
    decimal? IkmSebelumnya,
    decimal? Selisih,
    decimal? SelisihCiLow,
    decimal? SelisihCiHigh,
    bool Signifikan,
    string? Mutu,
    string? MutuSebelumnya);

/// <summary>Status of an <see cref="IkmAlert"/>.</summary>
public static class IkmAlertStatus
{
    /// <summary>A decline across several quarters that survives the false-discovery-rate control.</summary>
    public const string Peringatan = "peringatan";

    /// <summary>A visible drop (grade, one quarter, or an uncorrected trend) that the evidence does not confirm.</summary>
    public const string TidakTerkonfirmasi = "tidak_terkonfirmasi";
}

/// <summary>
/// A unit (or kecamatan area) in a quarter: either an alert (IKM declining across the last quarters beyond
/// sampling noise, after Benjamini–Hochberg across the units tested) or a visible drop that is not confirmed.
/// Lereng is IKM points per quarter; Peringkat ranks the alerts of a period by evidence (q, then slope).
/// </summary>
public sealed record IkmAlert(
    string Level,
    string KodeUnit,
    string NamaUnit,
    string JenisPeriode,
    string Periode,
    string Status,
    int? Peringkat,
    decimal? Ikm,
    decimal? IkmSebelumnya,
    decimal? Selisih,
    string? Mutu,
    string? MutuSebelumnya,
    double? Lereng,
    double? LerengCiLow,
    double? LerengCiHigh,
    double? PValue,
    double? QValue,
    int TriwulanDipakai,
    string? TriwulanAwal,
    string Alasan);

/// <summary>One of a unit's weakest elements (lowest NRR) in a period, with its NRR one period earlier.</summary>
public sealed record IkmWeakElement(
    string KodeUnit,
    string JenisPeriode,
    string Periode,
    string Unsur,
    string NamaUnsur,
    double Nrr,
    double? NrrSebelumnya,
    double? Perubahan,
    int Peringkat);
