using System.Data.Common;
using DuckDB.NET.Data;
using Kepegawaian.Analytics.Common;
using Kepegawaian.Analytics.Performance;

namespace Kepegawaian.Analytics.Penempatan;

/// <summary>Reads the placement marts back (a read-only connection is enough).</summary>
public static class PenempatanQueries
{
    /// <summary>True when <see cref="PenempatanMarts.Refresh"/> has run on this warehouse.</summary>
    public static bool MartsExist(DuckDBConnection c) => MartReader.TableExists(c, "mart_masa_kerja");

    public static PenempatanResult? Read(DuckDBConnection c)
    {
        if (!MartsExist(c)) return null;
        var pensiun = MartReader.Read(c, """
            SELECT tanggal_acuan, kode_unit, nama_unit, kelompok, bup, pegawai, tahun_ke, periode_mulai, periode_selesai, pensiun,
                   pensiun_kumulatif, share_kumulatif, tanpa_bup
            FROM mart_pensiun ORDER BY kode_unit, kelompok, tahun_ke
            """, r => new PensiunRow(D(r, 0)!.Value, r.GetString(1), r.NullableString(2), r.GetString(3), I(r, 4), r.GetInt64(5), r.GetInt32(6),
                D(r, 7)!.Value, D(r, 8)!.Value, L(r, 9), L(r, 10), r.NullableDouble(11), r.GetInt64(12)));
        var gelombang = MartReader.Read(c, """
            SELECT tanggal_acuan, kode_unit, nama_unit, kelompok, bup, dasar, pegawai, batas_tanggal, pensiun_jendela, share_jendela, gelombang,
                   lewat_bup, tanpa_bup
            FROM mart_pensiun_gelombang ORDER BY kode_unit, kelompok
            """, r => new GelombangRow(D(r, 0)!.Value, r.GetString(1), r.NullableString(2), r.GetString(3), I(r, 4), r.NullableString(5) ?? "", r.GetInt64(6),
                D(r, 7)!.Value, L(r, 8), r.NullableDouble(9), r.IsDBNull(10) ? null : r.GetBoolean(10), r.GetInt64(11), r.GetInt64(12)));
        var masa = MartReader.Read(c, """
            SELECT tanggal_acuan, kode_unit, nama_unit, pegawai, median_tahun_unit, n_unit_lebih_5, share_unit_lebih_5, median_tahun_jabatan,
                   n_jabatan_lebih_5, share_jabatan_lebih_5, n_sejak_tmt, rotasi_terakhir, tahun_sejak_rotasi, tanpa_rotasi,
                   masuk_12_bulan, keluar_12_bulan, pensiun_12_bulan, berhenti_12_bulan
            FROM mart_masa_kerja ORDER BY kode_unit
            """, r => new MasaKerjaRow(D(r, 0)!.Value, r.GetString(1), r.NullableString(2), r.GetInt64(3), r.NullableDouble(4), r.GetInt64(5), r.NullableDouble(6),
                r.NullableDouble(7), r.GetInt64(8), r.NullableDouble(9), r.GetInt64(10), D(r, 11), r.NullableDouble(12), r.IsDBNull(13) ? null : r.GetBoolean(13),
                r.GetInt64(14), r.GetInt64(15), r.GetInt64(16), r.GetInt64(17)));
        var tahunan = MartReader.Read(c, "SELECT kode_unit, tahun, jenis_mutasi, arah, n FROM mart_mutasi_tahunan ORDER BY ALL",
            r => new MutasiTahunanRow(r.GetString(0), r.GetInt32(1), r.GetString(2), r.GetString(3), r.GetInt64(4)));
        var acuan = masa.Count > 0 ? masa[0].TanggalAcuan : pensiun.Count > 0 ? pensiun[0].TanggalAcuan : default;
        return new PenempatanResult(acuan, pensiun, gelombang, masa, tahunan);
    }

    /// <summary>mart_beban; null before the first refresh that built it.</summary>
    public static IReadOnlyList<BebanRow>? ReadBeban(DuckDBConnection c)
    {
        if (!MartReader.TableExists(c, "mart_beban")) return null;
        return MartReader.Read(c, """
            SELECT tanggal_acuan, periode_mulai, kode_unit, nama_unit, jenis_unit, pegawai, responden_skm, pengajuan_cuti, populasi,
                   responden_per_pegawai, cuti_per_pegawai, populasi_per_pegawai, dinilai, unit_sebanding, median_responden_per_pegawai,
                   rasio_median, median_populasi_per_pegawai, rasio_median_populasi, kategori, tambahan_pegawai_ke_median
            FROM mart_beban ORDER BY kode_unit
            """, r => new BebanRow(D(r, 0)!.Value, D(r, 1)!.Value, r.GetString(2), r.NullableString(3), r.GetString(4), r.GetInt64(5), r.GetInt64(6),
                r.GetInt64(7), L(r, 8), r.NullableDouble(9), r.NullableDouble(10), r.NullableDouble(11), r.GetBoolean(12), r.GetInt64(13),
                r.NullableDouble(14), r.NullableDouble(15), r.NullableDouble(16), r.NullableDouble(17), r.NullableString(18), L(r, 19)));
    }

    private static DateOnly? D(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetValue(i) switch
    {
        DateOnly d => d,
        DateTime t => DateOnly.FromDateTime(t),
        var v => throw new InvalidCastException($"Not a date: {v.GetType()}"),
    };

    private static long? L(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt64(i);

    private static int? I(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt32(i);
}
