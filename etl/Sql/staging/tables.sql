-- Staging tables of the ETL, created per connection as TEMP tables: the C# validator appends the
-- valid rows of ONE file (columns in the order of etl/Validation/EntitySchemas.cs, after
-- line_number), staging/<entity>.sql checks them, core/merge_<entity>.sql merges them, and
-- core/cleanup.sql empties them in the same transaction. Being temporary they never reach the
-- warehouse file. Integers are BIGINT and decimals DOUBLE (the Appender is strict about types);
-- the merge casts into the core tables.

-- The file being loaded (one row), so the SQL models need no parameters.
CREATE TEMP TABLE IF NOT EXISTS ctx (run_id BIGINT, file_id BIGINT, file_name VARCHAR, entity VARCHAR, loaded_at TIMESTAMP);

-- raw_text is a bounded prefix of the row (etl/Reading/RawRow.cs), raw_length its full UTF-8 length.
CREATE TEMP TABLE IF NOT EXISTS stg_reject (line_number BIGINT, column_name VARCHAR, reason_code VARCHAR, message VARCHAR,
    raw_text VARCHAR, raw_length BIGINT, raw_sha256 VARCHAR);
-- Rows loaded with a finding (Etl:PredikatPolicy = KeepAndWarn), for etl_row_warning; expected = the value the rule expected.
CREATE TEMP TABLE IF NOT EXISTS stg_warning (line_number BIGINT, column_name VARCHAR, reason_code VARCHAR, message VARCHAR, expected VARCHAR);
CREATE TEMP TABLE IF NOT EXISTS stg_raw (line_number BIGINT, raw_text VARCHAR, raw_length BIGINT, raw_sha256 VARCHAR);

CREATE TEMP TABLE IF NOT EXISTS stg_unit_kerja (
    line_number BIGINT, kode_unit VARCHAR, nama_unit VARCHAR, jenis_unit VARCHAR, kode_induk VARCHAR, populasi BIGINT);

CREATE TEMP TABLE IF NOT EXISTS stg_pegawai (
    line_number BIGINT, nip VARCHAR, nama VARCHAR, jenis_kelamin VARCHAR, tanggal_lahir DATE,
    status_kepegawaian VARCHAR, golongan VARCHAR, jenis_jabatan VARCHAR, nama_jabatan VARCHAR,
    kode_unit VARCHAR, pendidikan VARCHAR, tanggal_data DATE, tmt_cpns DATE, pns_id VARCHAR);

CREATE TEMP TABLE IF NOT EXISTS stg_mutasi (
    line_number BIGINT, id_mutasi VARCHAR, nip VARCHAR, jenis_mutasi VARCHAR, tanggal_efektif DATE,
    kode_unit_asal VARCHAR, kode_unit_tujuan VARCHAR, golongan_baru VARCHAR, jabatan_baru VARCHAR, nomor_sk VARCHAR);

CREATE TEMP TABLE IF NOT EXISTS stg_diklat (
    line_number BIGINT, id_diklat VARCHAR, nip VARCHAR, kode_pelatihan VARCHAR, nama_pelatihan VARCHAR,
    jenis_pelatihan VARCHAR, tanggal_mulai DATE, tanggal_selesai DATE, jp BIGINT, status VARCHAR,
    nilai_reaksi DOUBLE, nilai_pre_test DOUBLE, nilai_post_test DOUBLE);

CREATE TEMP TABLE IF NOT EXISTS stg_kinerja (
    line_number BIGINT, id_penilaian VARCHAR, nip VARCHAR, periode VARCHAR, hasil_kerja VARCHAR,
    perilaku_kerja VARCHAR, predikat VARCHAR, nilai_skp DOUBLE, kode_unit VARCHAR,
    jenis_periode VARCHAR, periode_mulai DATE, periode_selesai DATE, skor_predikat BIGINT, predikat_matriks VARCHAR);

CREATE TEMP TABLE IF NOT EXISTS stg_cuti (
    line_number BIGINT, id_pengajuan VARCHAR, nip VARCHAR, jenis_cuti VARCHAR, kanal VARCHAR,
    waktu_pengajuan TIMESTAMP, waktu_keputusan TIMESTAMP, status VARCHAR, tanggal_mulai DATE,
    tanggal_selesai DATE, lama_hari BIGINT, kode_unit VARCHAR);

CREATE TEMP TABLE IF NOT EXISTS stg_skm (
    line_number BIGINT, id_responden VARCHAR, kode_unit VARCHAR, jenis_layanan VARCHAR, tanggal_survei DATE,
    u1 BIGINT, u2 BIGINT, u3 BIGINT, u4 BIGINT, u5 BIGINT, u6 BIGINT, u7 BIGINT, u8 BIGINT, u9 BIGINT,
    jenis_kelamin VARCHAR, usia BIGINT, pendidikan VARCHAR, pekerjaan VARCHAR, saran VARCHAR);
