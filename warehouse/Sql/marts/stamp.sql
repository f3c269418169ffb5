-- What a reader that caches marts compares to know whether they changed: every area's build and the last load.
SELECT coalesce(string_agg(area || ':' || built_from_load || ':' || epoch_us(built_at), ',' ORDER BY area), '')
       || '|' || (SELECT coalesce(max(file_id), 0) FROM etl_file WHERE status LIKE 'loaded%')
FROM mart_build
