-- Empties staging inside the file's transaction, so no staged row outlives its file.
DELETE FROM stg_reject;
DELETE FROM stg_warning;
DELETE FROM stg_raw;
DELETE FROM stg_unit_kerja;
DELETE FROM stg_pegawai;
DELETE FROM stg_mutasi;
DELETE FROM stg_diklat;
DELETE FROM stg_kinerja;
DELETE FROM stg_cuti;
DELETE FROM stg_skm;
DELETE FROM ctx;
DROP TABLE IF EXISTS merge_result;
