using DuckDB.NET.Data;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Testing;

/// <summary>
/// <see cref="BebanSeed"/> plus, for K2, eight respondents answering 3 to every element on 20 November 2026 (IKM 2026-Q4 =
/// 3 × 25 = 75.00) and five leave requests filed Monday 2 March 2026 09:00, decided 6, 12, 18, 24 and 48 hours later on working
/// days (0.25, 0.5, 0.75, 1 and 2 working days: the median, the third of five, is 0.75). K2's load is then (60 + 8) / 6 = 11.33
/// per employee; the kelurahan median (8 + 11.33) / 2 = 9.67; ratio 1.172. Every seeded employee has tmt_cpns 2010-01-01 and
/// no move: 6 178 days to 2026-12-01 = 16.91 years in the unit.
/// </summary>
public static class LayananSeed
{
    public static void Seed(DuckDBConnection c)
    {
        BebanSeed.Seed(c);
        c.Execute("""
            INSERT INTO fact_skm (id_responden, kode_unit, jenis_layanan, tanggal_survei, u1, u2, u3, u4, u5, u6, u7, u8, u9, row_hash, etl_file_id)
            SELECT 'K2-Q4-' || i, 'K2', 'umum', DATE '2026-11-20', 3, 3, 3, 3, 3, 3, 3, 3, 3, 0, 1 FROM range(8) t(i);
            INSERT INTO fact_cuti (id_pengajuan, nip, jenis_cuti, kanal, waktu_pengajuan, waktu_keputusan, status, tanggal_mulai, tanggal_selesai, lama_hari, kode_unit, row_hash, etl_file_id)
            SELECT 'K2-C' || h, 'K2-0', 'tahunan', 'online', TIMESTAMP '2026-03-02 09:00:00', TIMESTAMP '2026-03-02 09:00:00' + h * INTERVAL 1 HOUR,
                   'disetujui', DATE '2026-03-20', DATE '2026-03-20', 1, 'K2', 0, 1
            FROM (VALUES (6), (12), (18), (24), (48)) v(h);
            """);
    }
}
