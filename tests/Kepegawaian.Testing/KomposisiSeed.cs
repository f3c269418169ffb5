using DuckDB.NET.Data;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Testing;

/// <summary>
/// A tiny warehouse for the staff-composition marts (mart_kesesuaian, mart_formasi) whose published figures survive the
/// small-cell rule, reference date 1 December 2026. Hand count:
/// A1 "Badan Satu" 33: fungsional Analis Kebijakan Ahli Pertama 15 (6 D3 = kurang, 9 S1; III/a), pengawas 8 (D3, fits; III/c),
/// pelaksana 10 (SMA, fits; II/a) → kurang 6, sesuai 27, share 6/33.
/// A2 "Badan Dua" 3 pelaksana SMP (I/c), A3 "Badan Tiga" 4 pelaksana SMP (I/c): every figure of theirs hidden (1–4), but the
/// city's pelaksana kurang 3 + 4 = 7 hides two units, so the city shows it: city 40, kurang 13, sesuai 27, share 13/40;
/// pelaksana 17 = kurang 7 + sesuai 10; golongan I 7, II 10, III 23.
/// </summary>
public static class KomposisiSeed
{
    public static readonly DateOnly Acuan = new(2026, 12, 1);

    public static void Seed(DuckDBConnection c)
    {
        c.Execute("""
            INSERT INTO dim_unit (kode_unit, nama_unit, jenis_unit, row_hash) VALUES
              ('A1', 'Badan Satu', 'badan', 0), ('A2', 'Badan Dua', 'badan', 0), ('A3', 'Badan Tiga', 'badan', 0);
            CREATE TEMP TABLE komposisi (unit VARCHAR, jenis VARCHAR, jabatan VARCHAR, pendidikan VARCHAR, golongan VARCHAR, n INTEGER);
            INSERT INTO komposisi VALUES
              ('A1', 'fungsional', 'Analis Kebijakan Ahli Pertama', 'D3', 'III/a', 6),
              ('A1', 'fungsional', 'Analis Kebijakan Ahli Pertama', 'S1', 'III/a', 9),
              ('A1', 'pengawas', 'Kepala Seksi', 'D3', 'III/c', 8),
              ('A1', 'pelaksana', 'Pengadministrasi Umum', 'SMA', 'II/a', 10),
              ('A2', 'pelaksana', 'Pengadministrasi Umum', 'SMP', 'I/c', 3),
              ('A3', 'pelaksana', 'Pengadministrasi Umum', 'SMP', 'I/c', 4);
            INSERT INTO dim_employee (nip, nama, tanggal_lahir, status_kepegawaian, golongan, jenis_jabatan, nama_jabatan, kode_unit, pendidikan,
                                      tmt_cpns, valid_from, is_current, tracked_hash, row_hash, source)
            SELECT k.unit || '-' || k.jenis || '-' || k.pendidikan || '-' || i, 'Pegawai', DATE '1985-01-01', 'PNS', k.golongan, k.jenis, k.jabatan, k.unit,
                   k.pendidikan, DATE '2010-01-01', DATE '2024-01-01', true, 0, 0, 'pegawai'
            FROM komposisi k, range(k.n) t(i);
            DROP TABLE komposisi;
            """);
    }
}
