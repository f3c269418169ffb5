using Kepegawaian.Testing;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Etl.Tests.Warehouse;

public sealed class WarehouseSummaryTests
{
    [Fact]
    public void Counts_current_employees_facts_per_year_and_rejects_per_reason()
    {
        using var wh = new TempWarehouse();
        using var c = wh.Open();
        c.Execute("""
            INSERT INTO dim_unit (kode_unit, nama_unit, jenis_unit, row_hash) VALUES ('A', 'Unit A', 'dinas', 1), ('B', 'Unit B', 'badan', 2);
            -- one employee moved A → B (two versions, one current), one in A
            INSERT INTO dim_employee (nip, nama, nama_jabatan, kode_unit, valid_from, valid_to, is_current, tracked_hash, row_hash, source) VALUES
              ('1', 'X', 'j', 'A', DATE '2024-01-01', DATE '2025-01-01', false, 1, 1, 'pegawai'),
              ('1', 'X', 'j', 'B', DATE '2025-01-01', DATE '9999-12-31', true, 2, 2, 'pegawai'),
              ('2', 'Y', 'j', 'A', DATE '2024-01-01', DATE '9999-12-31', true, 3, 3, 'pegawai');
            INSERT INTO fact_skm (id_responden, kode_unit, jenis_layanan, tanggal_survei, row_hash, etl_file_id) VALUES
              ('r1', 'A', 'KTP-el', DATE '2025-03-01', 1, 1), ('r2', 'A', 'KTP-el', DATE '2025-04-01', 1, 1), ('r3', 'A', 'KTP-el', DATE '2026-01-05', 1, 1);
            INSERT INTO etl_reject VALUES
              (1, 1, 1, 'skm.csv', 'skm', 2, 'u1', 'RENTANG_NILAI', 'm', 'raw', now()::TIMESTAMP),
              (2, 1, 1, 'skm.csv', 'skm', 3, 'u2', 'RENTANG_NILAI', 'm', 'raw', now()::TIMESTAMP),
              (3, 1, 1, 'skm.csv', 'skm', 4, 'kode_unit', 'UNIT_TIDAK_DIKENAL', 'm', 'raw', now()::TIMESTAMP);
            """);

        var s = WarehouseSummary.Read(c);

        Assert.Equal([("A", 1L), ("B", 1L)], s.EmployeesPerUnit.Select(u => (u.KodeUnit, u.Pegawai)).Order());
        Assert.Equal([("skm", 2025, 2L), ("skm", 2026, 1L)], s.FactsPerYear.Select(f => (f.Entitas, f.Tahun, f.Baris)));
        Assert.Equal(("skm", "RENTANG_NILAI", 2L), (s.RejectsByReason[0].Entitas, s.RejectsByReason[0].ReasonCode, s.RejectsByReason[0].Baris));
    }
}
