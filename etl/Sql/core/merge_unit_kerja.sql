-- unit_kerja: new units are inserted, a changed unit is updated in place (dimension, no history).
CREATE OR REPLACE TEMP TABLE merge_result AS
WITH s AS (SELECT *, hash(nama_unit, jenis_unit, kode_induk, populasi) AS row_hash FROM stg_unit_kerja)
SELECT s.*, CASE WHEN d.row_hash IS NULL THEN 'new' WHEN d.row_hash = s.row_hash THEN 'same' ELSE 'changed' END AS action
FROM s LEFT JOIN dim_unit d ON d.kode_unit = s.kode_unit;

UPDATE dim_unit SET nama_unit = m.nama_unit, jenis_unit = m.jenis_unit, kode_induk = m.kode_induk, populasi = m.populasi,
                    row_hash = m.row_hash, etl_file_id = c.file_id, updated_at = c.loaded_at
FROM merge_result m, ctx c
WHERE dim_unit.kode_unit = m.kode_unit AND m.action = 'changed';

INSERT INTO dim_unit (kode_unit, nama_unit, jenis_unit, kode_induk, populasi, row_hash, etl_file_id, updated_at)
SELECT m.kode_unit, m.nama_unit, m.jenis_unit, m.kode_induk, m.populasi, m.row_hash, c.file_id, c.loaded_at
FROM merge_result m CROSS JOIN ctx c
WHERE m.action = 'new';
