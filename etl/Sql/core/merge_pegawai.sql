-- pegawai: SCD type 2 on (kode_unit, golongan, jenis_jabatan, nama_jabatan), spec §3.2.
--   no current version             → new version valid from tanggal_data
--   identical row_hash              → unchanged
--   same tracked columns, or a second snapshot on the current version's valid_from
--                                   → update the current version in place
--   tracked columns changed (later) → close the current version at tanggal_data, open a new one
-- Validity is half-open [valid_from, valid_to); the current version has valid_to 9999-12-31.
-- (Older snapshots with changed tracked columns were rejected in staging/pegawai.sql.)
-- The hashes and column lists come from the schema's columns (etl/Loading/EntitySql.cs); dim_employee holds every
-- row-hash column, plus the key and the version's bookkeeping; {{not_stored}} are staged columns kept elsewhere.
CREATE OR REPLACE TEMP TABLE merge_result AS
WITH s AS (SELECT *, {{tracked_hash}} AS tracked_hash, {{row_hash}} AS row_hash FROM stg_pegawai)
SELECT s.*, e.employee_sk AS current_sk,
       CASE WHEN e.employee_sk IS NULL THEN 'new'
            WHEN e.row_hash = s.row_hash THEN 'same'
            WHEN e.tracked_hash = s.tracked_hash OR s.tanggal_data <= e.valid_from THEN 'update'
            ELSE 'version' END AS action
FROM s LEFT JOIN dim_employee e ON e.nip = s.nip AND e.is_current;

UPDATE dim_employee SET valid_to = m.tanggal_data, is_current = false
FROM merge_result m
WHERE dim_employee.employee_sk = m.current_sk AND m.action = 'version';

UPDATE dim_employee SET {{set_row_columns:m}}, tracked_hash = m.tracked_hash, row_hash = m.row_hash, etl_file_id = c.file_id
FROM merge_result m, ctx c
WHERE dim_employee.employee_sk = m.current_sk AND m.action = 'update';

INSERT INTO dim_employee BY NAME
SELECT m.* EXCLUDE (line_number, tanggal_data, current_sk, action{{not_stored}}), m.tanggal_data AS valid_from,
       DATE '9999-12-31' AS valid_to, true AS is_current, 'pegawai' AS source, c.file_id AS etl_file_id
FROM merge_result m CROSS JOIN ctx c
WHERE m.action IN ('new', 'version');
