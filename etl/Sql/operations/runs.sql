-- ETL run log for operators: one row per run, newest first, with file and row counts.
SELECT
    r.run_id,
    r.started_at,
    r.finished_at,
    date_diff('millisecond', r.started_at, coalesce(r.finished_at, r.started_at)) / 1000.0 AS duration_s,
    r.status,
    count(f.file_id)                                        AS files,
    count(f.file_id) FILTER (WHERE f.status = 'loaded')     AS files_loaded,
    count(f.file_id) FILTER (WHERE f.status = 'duplicate')  AS files_duplicate,
    count(f.file_id) FILTER (WHERE f.status = 'failed')     AS files_failed,
    coalesce(sum(f.rows_read), 0)::BIGINT                           AS rows_read,
    coalesce(sum(f.rows_loaded), 0)::BIGINT                         AS rows_loaded,
    coalesce(sum(f.rows_unchanged), 0)::BIGINT                      AS rows_unchanged,
    coalesce(sum(f.rows_rejected), 0)::BIGINT                       AS rows_rejected,
    r.message
FROM etl_run r
LEFT JOIN etl_file f USING (run_id)
GROUP BY ALL
ORDER BY r.run_id DESC
LIMIT $limit
