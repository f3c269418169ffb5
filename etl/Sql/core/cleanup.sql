-- Empties staging inside the file's transaction, so no staged row outlives its file.
DELETE FROM staging.stg_reject;
DELETE FROM staging.stg_raw;
DELETE FROM staging.stg_unit_kerja;
DELETE FROM staging.stg_pegawai;
DELETE FROM staging.stg_mutasi;
DELETE FROM staging.stg_diklat;
DELETE FROM staging.stg_kinerja;
DELETE FROM staging.stg_cuti;
DELETE FROM staging.stg_skm;
DELETE FROM staging.ctx;
DROP TABLE IF EXISTS merge_result;
