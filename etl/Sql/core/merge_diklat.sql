-- diklat: classify each staged row by natural key (id_diklat) against fact_diklat — new, same (identical row_hash:
-- unchanged) or changed (a correction) — keep the superseded version in fact_diklat_history, write.
-- The row hash is defined once, in a view over staging; merge_result is narrow (line, key, hash, action).
CREATE OR REPLACE TEMP VIEW stg_diklat_hashed AS SELECT *, hash(nip, kode_pelatihan, nama_pelatihan, jenis_pelatihan, tanggal_mulai, tanggal_selesai, jp, status, nilai_reaksi, nilai_pre_test, nilai_post_test) AS row_hash FROM stg_diklat;

CREATE OR REPLACE TEMP TABLE merge_result AS
SELECT s.line_number, s.id_diklat, s.row_hash,
       CASE WHEN f.row_hash IS NULL THEN 'new' WHEN f.row_hash = s.row_hash THEN 'same' ELSE 'changed' END AS action
FROM stg_diklat_hashed s
LEFT JOIN fact_diklat f ON f.id_diklat = s.id_diklat;

INSERT INTO fact_diklat_history BY NAME
SELECT f.*, c.loaded_at AS superseded_at, c.file_id AS superseded_by_file
FROM fact_diklat f JOIN merge_result m ON m.id_diklat = f.id_diklat AND m.action = 'changed' CROSS JOIN ctx c;

DELETE FROM fact_diklat WHERE id_diklat IN (SELECT id_diklat FROM merge_result WHERE action = 'changed');

-- Written: every staged row except the unchanged ones (an anti join on the few 'same' lines; joining
-- all staged rows with merge_result cost a third more at millions of rows, bench/README.md).
INSERT INTO fact_diklat BY NAME
SELECT s.* EXCLUDE (line_number), c.file_id AS etl_file_id
FROM stg_diklat_hashed s
ANTI JOIN (SELECT line_number FROM merge_result WHERE action = 'same') m ON m.line_number = s.line_number
CROSS JOIN ctx c;

-- The course dimension follows the training rows: the first row of a course in the file names it.
INSERT INTO dim_training_course (kode_pelatihan, nama_pelatihan, jenis_pelatihan)
SELECT kode_pelatihan, arg_min(nama_pelatihan, line_number), arg_min(jenis_pelatihan, line_number)
FROM stg_diklat GROUP BY kode_pelatihan
ON CONFLICT (kode_pelatihan) DO UPDATE SET nama_pelatihan = excluded.nama_pelatihan, jenis_pelatihan = excluded.jenis_pelatihan;
