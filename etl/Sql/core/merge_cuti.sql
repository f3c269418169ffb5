-- cuti: classify each staged row by natural key (id_pengajuan) against fact_cuti — new, same (identical row_hash:
-- unchanged) or changed (a correction) — keep the superseded version in fact_cuti_history, write.
CREATE OR REPLACE TEMP TABLE merge_result AS
WITH s AS (SELECT *, hash(nip, jenis_cuti, kanal, waktu_pengajuan, waktu_keputusan, status, tanggal_mulai, tanggal_selesai, lama_hari, kode_unit) AS row_hash FROM stg_cuti)
SELECT s.*, CASE WHEN f.row_hash IS NULL THEN 'new' WHEN f.row_hash = s.row_hash THEN 'same' ELSE 'changed' END AS action
FROM s LEFT JOIN fact_cuti f ON f.id_pengajuan = s.id_pengajuan;

INSERT INTO fact_cuti_history BY NAME
SELECT f.*, c.loaded_at AS superseded_at, c.file_id AS superseded_by_file
FROM fact_cuti f JOIN merge_result m ON m.id_pengajuan = f.id_pengajuan AND m.action = 'changed' CROSS JOIN ctx c;

DELETE FROM fact_cuti WHERE id_pengajuan IN (SELECT id_pengajuan FROM merge_result WHERE action = 'changed');

INSERT INTO fact_cuti BY NAME
SELECT m.* EXCLUDE (line_number, action), c.file_id AS etl_file_id
FROM merge_result m CROSS JOIN ctx c
WHERE m.action <> 'same';
