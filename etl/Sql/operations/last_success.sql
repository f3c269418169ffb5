-- The last run that finished without a failed file, and the last run of any kind.
SELECT
    (SELECT max(finished_at) FROM etl_run WHERE status = 'succeeded') AS last_success_at,
    (SELECT max(started_at)  FROM etl_run)                            AS last_run_at,
    (SELECT status FROM etl_run ORDER BY run_id DESC LIMIT 1)         AS last_status
