-- Loaded (new, corrected, new version, updated) and unchanged rows of the current file's merge: every staged row that
-- passed the checks is one or the other. merge_result holds one row per staged row for the dimensions, only the known
-- keys for the facts (core/merge_fact.sql); either way its 'same' rows are the unchanged ones.
SELECT (SELECT count(*) FROM {{staging}}) - count(*) FILTER (WHERE action = 'same') AS rows_loaded,
       count(*) FILTER (WHERE action = 'same') AS rows_unchanged
FROM merge_result;
