-- Issue 10: every inbox entry contained, every resource bounded. New tables rather than new columns,
-- so positional inserts into etl_file / etl_reject keep working.
-- etl_run.status now also takes 'abandoned' (left 'running' by a process that died; closed by the next
-- run) and 'cancelled'. etl_file.status also takes 'skipped' (not a regular file, never opened) and
-- 'error' (an unexpected failure; the file stays in the inbox).

-- A committed file (or a recorded duplicate) whose move to processed/ failed: the data is in, only the
-- move is retried by the next scans. The row goes when the move succeeds.
CREATE TABLE etl_file_move (
    file_id        BIGINT NOT NULL,
    move_error     VARCHAR NOT NULL,
    move_attempts  INTEGER NOT NULL,
    last_tried_at  TIMESTAMP NOT NULL
);

-- The ledger keeps at most the first 4 096 characters of a rejected row (etl_reject.raw_text); the row's
-- full length in UTF-8 bytes and its SHA-256 are here, so a 200 MB line costs a few KB and can still be
-- matched to its source file.
CREATE TABLE etl_reject_raw (
    reject_id   BIGINT NOT NULL,
    raw_length  BIGINT NOT NULL,
    raw_sha256  VARCHAR NOT NULL
);
INSERT INTO etl_reject_raw
SELECT reject_id, strlen(raw_text), sha256(raw_text) FROM etl_reject WHERE raw_text IS NOT NULL;
UPDATE etl_reject SET raw_text = left(raw_text, 4096) WHERE length(raw_text) > 4096;
