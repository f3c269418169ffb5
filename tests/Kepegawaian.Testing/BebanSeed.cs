using DuckDB.NET.Data;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Testing;

/// <summary>
/// A tiny warehouse for staffing against load (mart_beban), reference date 1 December 2026, window
/// (2025-12-01, 2026-12-01]. Hand calculation (SKM respondents per employee):
/// K1 100/5 = 20, K2 60/6 = 10, K3 64/8 = 8, K4 40/10 = 4 → kelurahan median (8 + 10) / 2 = 9 (even count);
/// ratios 20/9 = 2,22 (tinggi), 10/9, 8/9 (wajar), 4/9 = 0,44 (rendah); staff to reach the median
/// ceil(100/9) − 5 = 12 − 5 = 7, ceil(60/9) − 6 = 1, ceil(64/9) − 8 = 0, ceil(40/9) − 10 &lt; 0 → 0.
/// K5 (4 staff) and K6 (no survey) are not rated; D1, D2: only two dinas, no median.
/// Population per employee: K1 10 000/5 = 2 000, K2 12 000/6 = 2 000, K3 8 000/8 = 1 000, K4 5 000/10 = 500 → median 1 500.
/// Leave requests: K1 10 in the window (one more just before it) → 2,0 per employee.
/// </summary>
public static class BebanSeed
{
    public static readonly DateOnly Acuan = new(2026, 12, 1);

    public static void Seed(DuckDBConnection c)
    {
        c.Execute("""
            INSERT INTO dim_unit (kode_unit, nama_unit, jenis_unit, populasi, row_hash) VALUES
              ('K1', 'Kelurahan Satu', 'kelurahan', 10000, 0), ('K2', 'Kelurahan Dua', 'kelurahan', 12000, 0),
              ('K3', 'Kelurahan Tiga', 'kelurahan', 8000, 0), ('K4', 'Kelurahan Empat', 'kelurahan', 5000, 0),
              ('K5', 'Kelurahan Lima', 'kelurahan', 3000, 0), ('K6', 'Kelurahan Enam', 'kelurahan', NULL, 0),
              ('D1', 'Dinas Satu', 'dinas', NULL, 0), ('D2', 'Dinas Dua', 'dinas', NULL, 0);
            CREATE TEMP TABLE staf (unit VARCHAR, n INTEGER);
            INSERT INTO staf VALUES ('K1', 5), ('K2', 6), ('K3', 8), ('K4', 10), ('K5', 4), ('K6', 7), ('D1', 6), ('D2', 6);
            INSERT INTO dim_employee (nip, nama, jenis_kelamin, tanggal_lahir, status_kepegawaian, golongan, jenis_jabatan, nama_jabatan, kode_unit,
                                      pendidikan, tmt_cpns, valid_from, valid_to, is_current, tracked_hash, row_hash, source)
            SELECT unit || '-' || i, 'Pegawai ' || unit || i, 'L', DATE '1985-01-01', 'PNS', 'III/a', 'pelaksana', 'Pengadministrasi Umum', unit,
                   'S1', DATE '2010-01-01', DATE '2020-01-01', DATE '9999-12-31', true, 0, 0, 'pegawai'
            FROM staf, range(n) t(i);
            -- left K3 before the reference date: not counted
            INSERT INTO dim_employee (nip, nama, tanggal_lahir, jenis_jabatan, nama_jabatan, kode_unit, valid_from, valid_to, is_current, tracked_hash, row_hash, source)
            VALUES ('K3-X', 'Pegawai K3X', DATE '1985-01-01', 'pelaksana', 'Pengadministrasi Umum', 'K3', DATE '2020-01-01', DATE '2026-06-01', false, 0, 0, 'pegawai');
            CREATE TEMP TABLE resp (unit VARCHAR, n INTEGER);
            INSERT INTO resp VALUES ('K1', 99), ('K2', 60), ('K3', 64), ('K4', 40), ('K5', 200), ('D1', 30), ('D2', 30);
            INSERT INTO fact_skm (id_responden, kode_unit, jenis_layanan, tanggal_survei, row_hash, etl_file_id)
            SELECT unit || '-R' || i, unit, 'umum', DATE '2026-06-15', 0, 1 FROM resp, range(n) t(i);
            INSERT INTO fact_skm (id_responden, kode_unit, jenis_layanan, tanggal_survei, row_hash, etl_file_id) VALUES
              ('K1-last', 'K1', 'umum', DATE '2026-12-01', 0, 1),     -- on the reference date: in
              ('K1-old', 'K1', 'umum', DATE '2025-12-01', 0, 1),      -- on the window's open start: out
              ('K2-late', 'K2', 'umum', DATE '2026-12-02', 0, 1);     -- after the reference date: out
            INSERT INTO fact_cuti (id_pengajuan, nip, jenis_cuti, kanal, waktu_pengajuan, status, tanggal_mulai, tanggal_selesai, lama_hari, kode_unit, row_hash, etl_file_id)
            SELECT 'C' || i, 'K1-0', 'tahunan', 'online', TIMESTAMP '2026-03-01 09:00:00', 'diajukan', DATE '2026-03-10', DATE '2026-03-11', 2, 'K1', 0, 1
            FROM range(10) t(i);
            INSERT INTO fact_cuti (id_pengajuan, nip, jenis_cuti, kanal, waktu_pengajuan, status, tanggal_mulai, tanggal_selesai, lama_hari, kode_unit, row_hash, etl_file_id)
            VALUES ('C-old', 'K1-0', 'tahunan', 'online', TIMESTAMP '2025-11-30 23:00:00', 'diajukan', DATE '2025-12-10', DATE '2025-12-10', 1, 'K1', 0, 1);
            DROP TABLE staf; DROP TABLE resp;
            """);
    }
}
