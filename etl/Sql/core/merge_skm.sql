-- skm: classify each staged row by natural key (id_responden) against fact_skm — new, same (identical row_hash:
-- unchanged) or changed (a correction) — keep the superseded version in fact_skm_history, write.
-- The row hash is defined once, in a view over staging; merge_result is narrow (line, key, hash, action).
CREATE OR REPLACE TEMP VIEW stg_skm_hashed AS SELECT *, hash(kode_unit, jenis_layanan, tanggal_survei, u1, u2, u3, u4, u5, u6, u7, u8, u9, jenis_kelamin, usia, pendidikan, pekerjaan, saran) AS row_hash FROM stg_skm;

CREATE OR REPLACE TEMP TABLE merge_result AS
SELECT s.line_number, s.id_responden, s.row_hash,
       CASE WHEN f.row_hash IS NULL THEN 'new' WHEN f.row_hash = s.row_hash THEN 'same' ELSE 'changed' END AS action
FROM stg_skm_hashed s
LEFT JOIN fact_skm f ON f.id_responden = s.id_responden;

INSERT INTO fact_skm_history BY NAME
SELECT f.*, c.loaded_at AS superseded_at, c.file_id AS superseded_by_file
FROM fact_skm f JOIN merge_result m ON m.id_responden = f.id_responden AND m.action = 'changed' CROSS JOIN ctx c;

DELETE FROM fact_skm WHERE id_responden IN (SELECT id_responden FROM merge_result WHERE action = 'changed');

-- Written: every staged row except the unchanged ones (an anti join on the few 'same' lines; joining
-- all staged rows with merge_result cost a third more at millions of rows, bench/README.md).
INSERT INTO fact_skm BY NAME
SELECT s.* EXCLUDE (line_number), c.file_id AS etl_file_id
FROM stg_skm_hashed s
ANTI JOIN (SELECT line_number FROM merge_result WHERE action = 'same') m ON m.line_number = s.line_number
CROSS JOIN ctx c;
