-- Rejected rows of the current file into the ledger (spec §3.8), with the raw text recovered for
-- rows rejected by the set-based checks.
UPDATE stg_reject SET raw_text = w.raw_text
FROM stg_raw w
WHERE stg_reject.line_number = w.line_number AND stg_reject.raw_text IS NULL;

INSERT INTO etl_reject (reject_id, run_id, file_id, file_name, entity, line_number, column_name, reason_code, message, raw_text, created_at)
SELECT nextval('seq_etl_reject'), c.run_id, c.file_id, c.file_name, c.entity, r.line_number, r.column_name,
       r.reason_code, r.message, r.raw_text, c.loaded_at
FROM (SELECT * FROM stg_reject ORDER BY line_number) r CROSS JOIN ctx c;
