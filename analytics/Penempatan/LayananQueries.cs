using DuckDB.NET.Data;
using Kepegawaian.Analytics.Common;
using Kepegawaian.Analytics.Performance;

namespace Kepegawaian.Analytics.Penempatan;

/// <summary>Reads mart_penempatan_layanan back (a read-only connection is enough).</summary>
public static class LayananQueries
{
    /// <summary>mart_penempatan_layanan; null before the first refresh that built it.</summary>
    public static IReadOnlyList<LayananRow>? Read(DuckDBConnection c)
    {
        if (!MartReader.TableExists(c, "mart_penempatan_layanan")) return null;
        return MartReader.Read(c, """
            SELECT tanggal_acuan, periode_mulai, kode_unit, nama_unit, jenis_unit, pegawai, responden_per_pegawai, rasio_beban, kategori_beban,
                   median_tahun_unit, ikm_periode, ikm, ikm_responden, cuti_n, cuti_median_hari_kerja, catatan
            FROM mart_penempatan_layanan ORDER BY kode_unit
            """, r => new LayananRow(Date(r.GetValue(0)), Date(r.GetValue(1)), r.GetString(2), r.NullableString(3), r.GetString(4), r.GetInt64(5),
                r.NullableDouble(6), r.NullableDouble(7), r.NullableString(8), r.NullableDouble(9), r.NullableString(10),
                r.IsDBNull(11) ? null : Convert.ToDecimal(r.GetValue(11), System.Globalization.CultureInfo.InvariantCulture),
                r.GetInt64(12), r.GetInt64(13), r.NullableDouble(14), r.GetString(15)));
    }

    private static DateOnly Date(object v) => v switch
    {
        DateOnly d => d,
        DateTime t => DateOnly.FromDateTime(t),
        _ => throw new InvalidCastException($"Not a date: {v.GetType()}"),
    };
}
