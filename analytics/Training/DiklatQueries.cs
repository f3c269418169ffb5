using DuckDB.NET.Data;
using Kepegawaian.Analytics.Common;
using Kepegawaian.Analytics.Performance;

namespace Kepegawaian.Analytics.Training;

/// <summary>mart_diklat_dampak row; field names are those of spec §5 (att, ci_low, ci_high, p_value, n_treated, n_control).</summary>
public sealed record DiklatDampakRow(string Kelompok, string JenisKelompok, string Status, string? Ukuran, double? Att, double? CiLow, double? CiHigh,
    double? PValue, double? PHolm, double? QBh, int NTreated, int NControl, int NPesertaLulus, double? MaxSmd, double? CohensD, double? Pretrend, double? PretrendP, string? Pool,
    double? Naive, double? Reaksi, int NReaksi, double? GainTest, double? GainCiLow, double? GainCiHigh, int NTest, double? IkmChange, int IkmNUnit);

public sealed record DiklatEventRow(string Kelompok, string JenisKelompok, int RelatifTriwulan, double? Estimate, double? CiLow, double? CiHigh, int N);

public sealed record JpUnitRow(string KodeUnit, string NamaUnit, int Tahun, long Pegawai, long Patuh, double SharePatuh);

/// <summary>
/// One employee's 20 JP year (mart_jp_pegawai): HR-only (NIP and names), spec §4 small cells / access rule. The one record
/// for the `diklat --show jp-pegawai` command and the dashboard's HR list.
/// </summary>
public sealed record JpPegawaiRow(string Nip, string Nama, string KodeUnit, int Tahun, int Jp, bool Patuh, int KekuranganJp);

public sealed record JpCakupanRow(int Tahun, string Dimensi, string Kategori, long Pegawai, long Patuh, double SharePatuh);

/// <summary>Reads the training marts (works on a read-only connection).</summary>
public static class DiklatQueries
{
    public static bool MartsExist(DuckDBConnection c) => MartReader.TableExists(c, "mart_diklat_dampak");

    /// <summary>Impact rows; <paramref name="jenis"/> keeps that jenis and its courses (kode_pelatihan of that jenis).</summary>
    public static IReadOnlyList<DiklatDampakRow> Impact(DuckDBConnection c, string? jenis = null) =>
        MartReader.Read(c, """
            SELECT kelompok, jenis_kelompok, status, ukuran, att, ci_low, ci_high, p_value, p_holm, q_bh, n_treated, n_control, n_peserta_lulus,
                   max_smd, cohens_d, pretrend, pretrend_p, pool, naive, reaksi, n_reaksi, gain_test, gain_ci_low, gain_ci_high,
                   n_test, ikm_change, ikm_n_unit
            FROM mart_diklat_dampak d
            WHERE $jenis IS NULL
               OR (jenis_kelompok = 'jenis' AND kelompok = $jenis)
               OR (jenis_kelompok = 'kode' AND kelompok IN (SELECT kode_pelatihan FROM fact_diklat WHERE jenis_pelatihan = $jenis))
            ORDER BY jenis_kelompok DESC, kelompok
            """, r => new DiklatDampakRow(r.GetString(0), r.GetString(1), r.GetString(2), r.NullableString(3), r.NullableDouble(4), r.NullableDouble(5),
                r.NullableDouble(6), r.NullableDouble(7), r.NullableDouble(8), r.NullableDouble(9), r.GetInt32(10), r.GetInt32(11), r.GetInt32(12),
                r.NullableDouble(13), r.NullableDouble(14), r.NullableDouble(15), r.NullableDouble(16), r.NullableString(17), r.NullableDouble(18),
                r.NullableDouble(19), r.GetInt32(20), r.NullableDouble(21), r.NullableDouble(22), r.NullableDouble(23), r.GetInt32(24),
                r.NullableDouble(25), r.GetInt32(26)),
            ("jenis", jenis));

    public static IReadOnlyList<DiklatEventRow> Events(DuckDBConnection c, string? kelompok = null) =>
        MartReader.Read(c, """
            SELECT kelompok, jenis_kelompok, relatif_triwulan, estimate, ci_low, ci_high, n FROM mart_diklat_event
            WHERE $k IS NULL OR kelompok = $k ORDER BY jenis_kelompok DESC, kelompok, relatif_triwulan
            """, r => new DiklatEventRow(r.GetString(0), r.GetString(1), r.GetInt32(2), r.NullableDouble(3), r.NullableDouble(4), r.NullableDouble(5), r.GetInt32(6)),
            ("k", kelompok));

    public static IReadOnlyList<JpUnitRow> JpUnits(DuckDBConnection c, int? tahun = null, string? kodeUnit = null) =>
        MartReader.Read(c, """
            SELECT kode_unit, nama_unit, tahun, pegawai, patuh, share_patuh FROM mart_jp_unit
            WHERE ($t IS NULL OR tahun = $t) AND ($u IS NULL OR kode_unit = $u) ORDER BY tahun, share_patuh, kode_unit
            """, r => new JpUnitRow(r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetInt64(3), r.GetInt64(4), r.GetDouble(5)),
            ("t", tahun), ("u", kodeUnit));

    /// <summary>Employees below 20 JP (or all with <paramref name="onlyNonCompliant"/> false), for HR.</summary>
    public static IReadOnlyList<JpPegawaiRow> JpEmployees(DuckDBConnection c, int? tahun = null, string? kodeUnit = null, bool onlyNonCompliant = true) =>
        MartReader.Read(c, """
            SELECT nip, nama, kode_unit, tahun, jp, patuh, kekurangan_jp FROM mart_jp_pegawai
            WHERE ($t IS NULL OR tahun = $t) AND ($u IS NULL OR kode_unit = $u) AND (NOT $only OR NOT patuh)
            ORDER BY tahun, kode_unit, jp, nip
            """, r => new JpPegawaiRow(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt32(3), r.GetInt32(4), r.GetBoolean(5), r.GetInt32(6)),
            ("t", tahun), ("u", kodeUnit), ("only", onlyNonCompliant));

    public static IReadOnlyList<JpCakupanRow> JpCoverage(DuckDBConnection c, int? tahun = null) =>
        MartReader.Read(c, "SELECT tahun, dimensi, kategori, pegawai, patuh, share_patuh FROM mart_jp_cakupan WHERE ($t IS NULL OR tahun = $t) ORDER BY tahun, dimensi, kategori",
            r => new JpCakupanRow(r.GetInt32(0), r.GetString(1), r.GetString(2), r.GetInt64(3), r.GetInt64(4), r.GetDouble(5)),
            ("t", tahun));
}
