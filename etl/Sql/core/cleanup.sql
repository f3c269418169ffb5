-- Empties the scratch a file's load shares, inside the file's transaction, so no staged row outlives its file; run again
-- before a file is staged (after a failed file). The entity's own staging table is recreated after this
-- (etl/Loading/EtlSql.cs ResetStaging): recreating it gives a large file's rows back at once, where a DELETE of rows
-- staged before the transaction would keep them in memory.
DELETE FROM stg_reject;
DELETE FROM stg_warning;
DELETE FROM stg_raw;
DELETE FROM ctx;
DROP TABLE IF EXISTS merge_result;
