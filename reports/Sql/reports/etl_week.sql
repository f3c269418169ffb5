-- What the ETL loaded in a week (WIB timestamps): rows per entity.
SELECT coalesce(entity, '?') AS entity, count(*)::BIGINT AS files, sum(rows_loaded)::BIGINT AS rows_loaded,
       sum(rows_rejected)::BIGINT AS rows_rejected
FROM etl_file
WHERE started_at >= $from AND started_at < $to
GROUP BY 1 ORDER BY 1
