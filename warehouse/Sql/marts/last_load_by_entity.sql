-- The last committed load of each entity (the same files last_load.sql counts); entity is '' where a file
-- recorded none, which MartFreshness treats as touching every area.
SELECT coalesce(entity, '') AS entity, max(file_id) AS last_load FROM etl_file WHERE status LIKE 'loaded%' GROUP BY ALL
