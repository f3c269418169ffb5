-- Staging tables of the ETL, created per connection as TEMP tables: the C# validator appends the
-- valid rows of ONE file to stg_<entity> (before the file's transaction opens), staging/<entity>.sql checks them,
-- the merge models merge them, and the file's transaction ends by emptying them (core/cleanup.sql, the staging table
-- recreated: etl/Loading/EtlSql.cs ResetStaging). Being temporary they never reach the warehouse file. The stg_<entity> tables themselves are generated from etl/Validation/EntitySchemas.cs
-- (etl/Loading/EntitySql.cs), so their columns cannot drift from the schema; the shared ones are here.

-- The file being loaded (one row), so the SQL models need no parameters.
-- keep_known: the file's profile says keepKnown (unit_kerja from a source without the contract's other unit columns).
CREATE TEMP TABLE IF NOT EXISTS ctx (run_id BIGINT, file_id BIGINT, file_name VARCHAR, entity VARCHAR, loaded_at TIMESTAMP, keep_known BOOLEAN);

-- raw_text is a bounded prefix of the row (etl/Reading/RawRow.cs), raw_length its full UTF-8 length.
CREATE TEMP TABLE IF NOT EXISTS stg_reject (line_number BIGINT, column_name VARCHAR, reason_code VARCHAR, message VARCHAR,
    raw_text VARCHAR, raw_length BIGINT, raw_sha256 VARCHAR);
-- Rows loaded with a finding (Etl:PredikatPolicy = KeepAndWarn), for etl_row_warning; expected = the value the rule expected.
CREATE TEMP TABLE IF NOT EXISTS stg_warning (line_number BIGINT, column_name VARCHAR, reason_code VARCHAR, message VARCHAR, expected VARCHAR);
CREATE TEMP TABLE IF NOT EXISTS stg_raw (line_number BIGINT, raw_text VARCHAR, raw_length BIGINT, raw_sha256 VARCHAR);
