-- The last file loaded before $to (WIB wall-clock): the "data per" stamp of a report.
SELECT max(coalesce(finished_at, started_at)) AS last_loaded
FROM etl_file
WHERE status = 'loaded' AND started_at < $to
