-- Rejected rows of the current file into the ledger (spec §3.8), with the raw text recovered for
-- rows rejected by the set-based checks. raw_text is at most 4 096 characters (etl/Reading/RawRow.cs);
-- etl_reject_raw holds the whole row's length and SHA-256.
UPDATE stg_reject SET raw_text = w.raw_text, raw_length = w.raw_length, raw_sha256 = w.raw_sha256
FROM stg_raw w
WHERE stg_reject.line_number = w.line_number AND stg_reject.raw_text IS NULL;

CREATE OR REPLACE TEMP TABLE stg_reject_numbered AS
SELECT nextval('seq_etl_reject') AS reject_id, r.*
FROM (SELECT * FROM stg_reject ORDER BY line_number) r;

INSERT INTO etl_reject (reject_id, run_id, file_id, file_name, entity, line_number, column_name, reason_code, message, raw_text, created_at)
SELECT r.reject_id, c.run_id, c.file_id, c.file_name, c.entity, r.line_number, r.column_name,
       r.reason_code, r.message, r.raw_text, c.loaded_at
FROM stg_reject_numbered r CROSS JOIN ctx c
ORDER BY r.reject_id;

INSERT INTO etl_reject_raw (reject_id, raw_length, raw_sha256)
SELECT reject_id, raw_length, raw_sha256 FROM stg_reject_numbered WHERE raw_sha256 IS NOT NULL;

DROP TABLE stg_reject_numbered;

-- Rows loaded with a finding (Etl:PredikatPolicy = KeepAndWarn) into their own ledger, same shape as etl_reject.
-- A file already loaded (same SHA-256) is never read again, so its warnings are recorded once.
INSERT INTO etl_row_warning (warning_id, run_id, file_id, file_name, entity, line_number, column_name, reason_code, message, expected, created_at)
SELECT nextval('seq_etl_row_warning'), c.run_id, c.file_id, c.file_name, c.entity, w.line_number, w.column_name,
       w.reason_code, w.message, w.expected, c.loaded_at
FROM (SELECT * FROM stg_warning ORDER BY line_number) w CROSS JOIN ctx c;
