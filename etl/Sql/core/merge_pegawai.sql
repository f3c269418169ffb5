-- pegawai: SCD type 2 on (kode_unit, golongan, jenis_jabatan, nama_jabatan), spec §3.2.
--   no current version             → new version valid from tanggal_data
--   identical row_hash              → unchanged
--   same tracked columns, or a second snapshot on the current version's valid_from
--                                   → update the current version in place
--   tracked columns changed (later) → close the current version at tanggal_data, open a new one
-- Validity is half-open [valid_from, valid_to); the current version has valid_to 9999-12-31.
-- (Older snapshots with changed tracked columns were rejected in staging/pegawai.sql.)
CREATE OR REPLACE TEMP TABLE merge_result AS
WITH s AS (
    SELECT *,
           hash(kode_unit, golongan, jenis_jabatan, nama_jabatan) AS tracked_hash,
           hash(nama, jenis_kelamin, tanggal_lahir, status_kepegawaian, golongan, jenis_jabatan, nama_jabatan,
                kode_unit, pendidikan, tmt_cpns) AS row_hash
    FROM stg_pegawai)
SELECT s.*, e.employee_sk AS current_sk,
       CASE WHEN e.employee_sk IS NULL THEN 'new'
            WHEN e.row_hash = s.row_hash THEN 'same'
            WHEN e.tracked_hash = s.tracked_hash OR s.tanggal_data <= e.valid_from THEN 'update'
            ELSE 'version' END AS action
FROM s LEFT JOIN dim_employee e ON e.nip = s.nip AND e.is_current;

UPDATE dim_employee SET valid_to = m.tanggal_data, is_current = false
FROM merge_result m
WHERE dim_employee.employee_sk = m.current_sk AND m.action = 'version';

UPDATE dim_employee SET nama = m.nama, jenis_kelamin = m.jenis_kelamin, tanggal_lahir = m.tanggal_lahir,
       status_kepegawaian = m.status_kepegawaian, golongan = m.golongan, jenis_jabatan = m.jenis_jabatan,
       nama_jabatan = m.nama_jabatan, kode_unit = m.kode_unit, pendidikan = m.pendidikan, tmt_cpns = m.tmt_cpns,
       tracked_hash = m.tracked_hash, row_hash = m.row_hash, etl_file_id = c.file_id
FROM merge_result m, ctx c
WHERE dim_employee.employee_sk = m.current_sk AND m.action = 'update';

INSERT INTO dim_employee (nip, nama, jenis_kelamin, tanggal_lahir, status_kepegawaian, golongan, jenis_jabatan,
                          nama_jabatan, kode_unit, pendidikan, tmt_cpns, valid_from, valid_to, is_current,
                          tracked_hash, row_hash, source, etl_file_id)
SELECT m.nip, m.nama, m.jenis_kelamin, m.tanggal_lahir, m.status_kepegawaian, m.golongan, m.jenis_jabatan,
       m.nama_jabatan, m.kode_unit, m.pendidikan, m.tmt_cpns, m.tanggal_data, DATE '9999-12-31', true,
       m.tracked_hash, m.row_hash, 'pegawai', c.file_id
FROM merge_result m CROSS JOIN ctx c
WHERE m.action IN ('new', 'version');
