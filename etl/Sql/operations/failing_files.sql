-- Files that failed their last $n attempts or more in a row (status failed / error, per file name,
-- newest first until the first attempt that did not fail), and committed files whose move to
-- processed/ failed $n times or more. The caller keeps those still in the inbox.
WITH attempts AS (
    SELECT file_name, status IN ('failed', 'error') AS bad,
           row_number() OVER (PARTITION BY file_name ORDER BY file_id DESC) AS k
    FROM etl_file
    WHERE status NOT IN ('ignored', 'skipped')
), streaks AS (
    SELECT file_name, coalesce(min(k) FILTER (WHERE NOT bad) - 1, count(*)) AS failed_scans
    FROM attempts
    GROUP BY file_name
)
SELECT file_name, failed_scans::BIGINT FROM streaks WHERE failed_scans >= $n
UNION ALL
SELECT f.file_name, m.move_attempts::BIGINT FROM etl_file_move m JOIN etl_file f USING (file_id) WHERE m.move_attempts >= $n
ORDER BY 2 DESC, 1
