-- Loaded (new, corrected, new version, updated) and unchanged rows of the current file's merge.
SELECT count(*) FILTER (WHERE action <> 'same') AS rows_loaded,
       count(*) FILTER (WHERE action = 'same')  AS rows_unchanged
FROM merge_result;
