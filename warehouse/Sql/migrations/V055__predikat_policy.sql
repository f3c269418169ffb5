-- V055: Etl:PredikatPolicy (issue 13 item 4). A kinerja row whose predikat contradicts the PermenPANRB 6/2022
-- matrix may now be loaded with the source's value (KeepAndWarn, the default):
-- * fact_kinerja.predikat_matriks holds the matrix's predikat for hasil_kerja × perilaku_kerja (computed by the ETL
--   from the one matrix, warehouse/Domain/Predikat.cs); predikat and skor_predikat stay the source's values.
--   Rows loaded before V055 were rejected unless they matched the matrix, so their predikat IS the matrix's.
-- * etl_row_warning is the ledger of rows loaded with a finding, shaped like etl_reject (file, line, column,
--   reason code, Indonesian message) plus the expected value; etl_warning stays the per-file warning list.
-- * mart_kualitas_data counts such rows per source and unit (predikat_tidak_sesuai; NULL for other sources).
ALTER TABLE fact_kinerja ADD COLUMN IF NOT EXISTS predikat_matriks VARCHAR;
UPDATE fact_kinerja SET predikat_matriks = predikat WHERE predikat_matriks IS NULL;
ALTER TABLE fact_kinerja_history ADD COLUMN IF NOT EXISTS predikat_matriks VARCHAR;
UPDATE fact_kinerja_history SET predikat_matriks = predikat WHERE predikat_matriks IS NULL;

CREATE SEQUENCE IF NOT EXISTS seq_etl_row_warning START 1;
CREATE TABLE IF NOT EXISTS etl_row_warning (
    warning_id   BIGINT PRIMARY KEY,
    run_id       BIGINT NOT NULL,
    file_id      BIGINT NOT NULL,
    file_name    VARCHAR NOT NULL,
    entity       VARCHAR,
    line_number  BIGINT,                     -- physical line where the record starts (header = 1)
    column_name  VARCHAR,                    -- the SOURCE column when a profile read the file
    reason_code  VARCHAR NOT NULL,           -- PREDIKAT_TIDAK_SESUAI
    message      VARCHAR NOT NULL,           -- Indonesian, names the expected value
    expected     VARCHAR,                    -- what the rule expected (the matrix's predikat)
    created_at   TIMESTAMP NOT NULL
);

ALTER TABLE mart_kualitas_data ADD COLUMN IF NOT EXISTS predikat_tidak_sesuai BIGINT;
