using System.Text.Json.Serialization;
using Kepegawaian.Analytics.Common;

namespace Kepegawaian.Analytics.Penempatan;

/// <summary>A service unit's staffing beside its service as policy outputs show it (units under 5 staff: no staff figure).</summary>
public sealed record LayananPublikRow(
    [property: JsonPropertyName("tanggal_acuan")] DateOnly TanggalAcuan,
    [property: JsonPropertyName("periode_mulai")] DateOnly PeriodeMulai,
    [property: JsonPropertyName("kode_unit")] string KodeUnit,
    [property: JsonPropertyName("nama_unit")] string? NamaUnit,
    [property: JsonPropertyName("jenis_unit")] string JenisUnit,
    [property: JsonPropertyName("pegawai")] long? Pegawai,
    [property: JsonPropertyName("responden_per_pegawai")] double? RespondenPerPegawai,
    [property: JsonPropertyName("rasio_beban")] double? RasioBeban,
    [property: JsonPropertyName("kategori_beban")] string? KategoriBeban,
    [property: JsonPropertyName("median_tahun_unit")] double? MedianTahunUnit,
    [property: JsonPropertyName("ikm_periode")] string? IkmPeriode,
    [property: JsonPropertyName("ikm")] decimal? Ikm,
    [property: JsonPropertyName("ikm_responden")] long IkmResponden,
    [property: JsonPropertyName("cuti_median_hari_kerja")] double? CutiMedianHariKerja,
    [property: JsonPropertyName("catatan")] string Catatan);

/// <summary>The small-cell rule on mart_penempatan_layanan (spec §4), the one place every output reads it through.</summary>
public static class LayananPublik
{
    /// <summary>
    /// A unit with 1–4 staff shows no headcount, load per employee, rating, tenure or leave time (each describes those few
    /// people); the leave median also needs ≥ <paramref name="minCellSize"/> requests, and the request count itself is not
    /// published (it describes the staff). IKM and its respondents are citizens' answers about the unit: always shown.
    /// </summary>
    public static IReadOnlyList<LayananPublikRow> Rows(IReadOnlyList<LayananRow> rows, int minCellSize) =>
        rows.Select(r =>
        {
            var small = SmallCells.IsSmall(r.Pegawai, minCellSize);
            var cuti = !small && r.CutiN >= minCellSize ? r.CutiMedianHariKerja : null;
            return new LayananPublikRow(r.TanggalAcuan, r.PeriodeMulai, r.KodeUnit, r.NamaUnit, r.JenisUnit, small ? null : r.Pegawai,
                small ? null : r.RespondenPerPegawai, small ? null : r.RasioBeban, small ? null : r.KategoriBeban,
                small ? null : r.MedianTahunUnit, r.IkmPeriode, r.Ikm, r.IkmResponden, cuti, r.Catatan);
        }).ToList();
}
