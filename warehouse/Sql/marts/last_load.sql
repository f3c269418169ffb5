-- The last committed load: the highest file_id of a file whose rows were committed. 'loaded%' also
-- covers a committed file whose move to processed/ failed, if the ETL records that separately.
SELECT coalesce(max(file_id), 0) FROM etl_file WHERE status LIKE 'loaded%'
