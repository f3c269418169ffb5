-- cuti: classify each staged row by natural key (id_pengajuan) against fact_cuti — new, same (identical row_hash:
-- unchanged) or changed (a correction) — keep the superseded version in fact_cuti_history, write.
-- merge_result is narrow (line, key, hash, action): the wide rows are read from staging only once.
CREATE OR REPLACE TEMP TABLE merge_result AS
SELECT s.line_number, s.id_pengajuan, s.row_hash,
       CASE WHEN f.row_hash IS NULL THEN 'new' WHEN f.row_hash = s.row_hash THEN 'same' ELSE 'changed' END AS action
FROM (SELECT line_number, id_pengajuan, hash(nip, jenis_cuti, kanal, waktu_pengajuan, waktu_keputusan, status, tanggal_mulai, tanggal_selesai, lama_hari, kode_unit) AS row_hash FROM stg_cuti) s
LEFT JOIN fact_cuti f ON f.id_pengajuan = s.id_pengajuan;

INSERT INTO fact_cuti_history BY NAME
SELECT f.*, c.loaded_at AS superseded_at, c.file_id AS superseded_by_file
FROM fact_cuti f JOIN merge_result m ON m.id_pengajuan = f.id_pengajuan AND m.action = 'changed' CROSS JOIN ctx c;

DELETE FROM fact_cuti WHERE id_pengajuan IN (SELECT id_pengajuan FROM merge_result WHERE action = 'changed');

INSERT INTO fact_cuti BY NAME
SELECT s.* EXCLUDE (line_number), m.row_hash, c.file_id AS etl_file_id
FROM stg_cuti s JOIN merge_result m ON m.line_number = s.line_number CROSS JOIN ctx c
WHERE m.action <> 'same';
