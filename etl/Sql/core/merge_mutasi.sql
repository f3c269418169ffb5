-- mutasi: classify each staged row by natural key (id_mutasi) against fact_mutasi — new, same (identical row_hash:
-- unchanged) or changed (a correction) — keep the superseded version in fact_mutasi_history, write.
-- merge_result is narrow (line, key, hash, action): the wide rows are read from staging only once.
CREATE OR REPLACE TEMP TABLE merge_result AS
SELECT s.line_number, s.id_mutasi, s.row_hash,
       CASE WHEN f.row_hash IS NULL THEN 'new' WHEN f.row_hash = s.row_hash THEN 'same' ELSE 'changed' END AS action
FROM (SELECT line_number, id_mutasi, hash(nip, jenis_mutasi, tanggal_efektif, kode_unit_asal, kode_unit_tujuan, golongan_baru, jabatan_baru, nomor_sk) AS row_hash FROM stg_mutasi) s
LEFT JOIN fact_mutasi f ON f.id_mutasi = s.id_mutasi;

INSERT INTO fact_mutasi_history BY NAME
SELECT f.*, c.loaded_at AS superseded_at, c.file_id AS superseded_by_file
FROM fact_mutasi f JOIN merge_result m ON m.id_mutasi = f.id_mutasi AND m.action = 'changed' CROSS JOIN ctx c;

DELETE FROM fact_mutasi WHERE id_mutasi IN (SELECT id_mutasi FROM merge_result WHERE action = 'changed');

INSERT INTO fact_mutasi BY NAME
SELECT s.* EXCLUDE (line_number), m.row_hash, c.file_id AS etl_file_id
FROM stg_mutasi s JOIN merge_result m ON m.line_number = s.line_number CROSS JOIN ctx c
WHERE m.action <> 'same';
