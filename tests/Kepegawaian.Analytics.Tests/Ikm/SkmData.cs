using DuckDB.NET.Data;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Analytics.Tests.Ikm;

/// <summary>Inserts units and survey responses straight into a TempWarehouse (no ETL needed).</summary>
internal static class SkmData
{
    public static void Unit(DuckDBConnection c, string kode, string jenis = "dinas", string? induk = null, long? populasi = null) =>
        c.Execute("INSERT INTO dim_unit VALUES ($k, $n, $j, $i, $p, 0, NULL, NULL)",
            ("k", kode), ("n", "Unit " + kode), ("j", jenis), ("i", induk), ("p", populasi));

    private static int _id;

    /// <summary>One response; <paramref name="u"/> holds u1…u9 (null = blank).</summary>
    public static void Response(DuckDBConnection c, string unit, string date, int?[] u, string layanan = "KTP-el",
        string? jk = null, int? usia = null, string? pendidikan = null, string? pekerjaan = null)
    {
        var id = Interlocked.Increment(ref _id);
        c.Execute("""
            INSERT INTO fact_skm (id_responden, kode_unit, jenis_layanan, tanggal_survei, u1, u2, u3, u4, u5, u6, u7, u8, u9,
                                  jenis_kelamin, usia, pendidikan, pekerjaan, saran, row_hash, etl_file_id)
            VALUES ($id, $unit, $lay, CAST($d AS DATE), $u1, $u2, $u3, $u4, $u5, $u6, $u7, $u8, $u9, $jk, $usia, $pend, $pek, NULL, 0, 0)
            """,
            ("id", $"R{id}"), ("unit", unit), ("lay", layanan), ("d", date),
            ("u1", u[0]), ("u2", u[1]), ("u3", u[2]), ("u4", u[3]), ("u5", u[4]), ("u6", u[5]), ("u7", u[6]), ("u8", u[7]), ("u9", u[8]),
            ("jk", jk), ("usia", usia), ("pend", pendidikan), ("pek", pekerjaan));
    }

    public static int?[] All(int value) => Enumerable.Repeat<int?>(value, 9).ToArray();

    /// <summary>
    /// Respondents built column-wise: element i is answered by the first answered[i] respondents,
    /// fours[i] of them answering 4 and the rest 3; the others leave it blank.
    /// </summary>
    public static int?[][] Columns(int respondents, int[] answered, int[] fours) =>
        Enumerable.Range(0, respondents).Select(r =>
            Enumerable.Range(0, 9).Select(i => r < answered[i] ? (int?)(r < fours[i] ? 4 : 3) : null).ToArray()).ToArray();
}
