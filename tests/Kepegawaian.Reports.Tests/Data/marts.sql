-- Test support: the mart tables of the analytics contract (the analytics helpers create the real
-- ones). Column names and meaning follow the contract in the rep brief; types are the natural ones.
-- Any real mart table from a migration is dropped first, so these tests pin the contract columns
-- only (the real marts may carry more columns; ReportDataReader reads columns by name).
DROP TABLE IF EXISTS mart_ikm;
DROP TABLE IF EXISTS mart_ikm_alert;
DROP TABLE IF EXISTS mart_ikm_unsur_lemah;
DROP TABLE IF EXISTS mart_cuti_waktu;
DROP TABLE IF EXISTS mart_cuti_waktu_ringkas;
DROP TABLE IF EXISTS mart_cuti_online;
DROP TABLE IF EXISTS mart_kinerja_unit;
DROP TABLE IF EXISTS mart_kinerja_tren;
DROP TABLE IF EXISTS mart_kinerja_forecast;
DROP TABLE IF EXISTS mart_kinerja_forecast_kota;
DROP TABLE IF EXISTS mart_diklat_dampak;
DROP TABLE IF EXISTS mart_diklat_event;
DROP TABLE IF EXISTS mart_jp_unit;
DROP TABLE IF EXISTS mart_jp_pegawai;
CREATE TABLE mart_ikm (
    level VARCHAR, kode_unit VARCHAR, nama_unit VARCHAR, jenis_layanan VARCHAR, periode VARCHAR,
    jenis_periode VARCHAR, periode_mulai DATE, responden BIGINT,
    nrr_u1 DOUBLE, nrr_u2 DOUBLE, nrr_u3 DOUBLE, nrr_u4 DOUBLE, nrr_u5 DOUBLE, nrr_u6 DOUBLE,
    nrr_u7 DOUBLE, nrr_u8 DOUBLE, nrr_u9 DOUBLE,
    ikm DOUBLE, mutu VARCHAR, kinerja VARCHAR, ci_low DOUBLE, ci_high DOUBLE,
    populasi BIGINT, sampel_minimum BIGINT, sampel_cukup BOOLEAN);
CREATE TABLE mart_ikm_alert (
    kode_unit VARCHAR, nama_unit VARCHAR, periode VARCHAR, status VARCHAR, peringkat INTEGER, ikm DOUBLE, ikm_sebelumnya DOUBLE,
    selisih DOUBLE, mutu VARCHAR, mutu_sebelumnya VARCHAR, lereng DOUBLE, lereng_ci_low DOUBLE, lereng_ci_high DOUBLE,
    q_value DOUBLE, triwulan_dipakai INTEGER, alasan VARCHAR);
CREATE TABLE mart_ikm_unsur_lemah (
    kode_unit VARCHAR, periode VARCHAR, unsur VARCHAR, nama_unsur VARCHAR, nrr DOUBLE,
    nrr_sebelumnya DOUBLE, peringkat INTEGER);
CREATE TABLE mart_cuti_waktu (
    kode_unit VARCHAR, kanal VARCHAR, jenis_cuti VARCHAR, bulan DATE, n BIGINT, median_jam DOUBLE,
    p90_jam DOUBLE, median_hari_kerja DOUBLE, p90_hari_kerja DOUBLE, n_tertunda BIGINT, stabil BOOLEAN, waktu_acuan TIMESTAMP);
CREATE TABLE mart_cuti_waktu_ringkas (
    tingkat VARCHAR, kode_unit VARCHAR, kanal VARCHAR, jenis_cuti VARCHAR, bulan DATE, n BIGINT, median_jam DOUBLE,
    p90_jam DOUBLE, median_hari_kerja DOUBLE, p90_hari_kerja DOUBLE, n_tertunda BIGINT, stabil BOOLEAN, waktu_acuan TIMESTAMP);
CREATE TABLE mart_cuti_online (
    kode_unit VARCHAR, periode VARCHAR, n BIGINT, share_online DOUBLE);
CREATE TABLE mart_kinerja_unit (
    kode_unit VARCHAR, nama_unit VARCHAR, periode VARCHAR, n BIGINT, mean_nilai_skp DOUBLE,
    mean_skor DOUBLE, n_sangat_baik BIGINT, n_baik BIGINT, n_butuh_perbaikan BIGINT, n_kurang BIGINT,
    n_sangat_kurang BIGINT);
CREATE TABLE mart_kinerja_tren (
    kode_unit VARCHAR, slope DOUBLE, ci_low DOUBLE, ci_high DOUBLE, menurun BOOLEAN);
CREATE TABLE mart_kinerja_forecast (
    kode_unit VARCHAR, periode VARCHAR, forecast DOUBLE, lower DOUBLE, upper DOUBLE,
    mae_model DOUBLE, mae_naive DOUBLE, metode VARCHAR, mae_tren DOUBLE, n_pegawai BIGINT);
CREATE TABLE mart_kinerja_forecast_kota (
    periode VARCHAR, forecast DOUBLE, lower DOUBLE, upper DOUBLE, mae_model DOUBLE, mae_naive DOUBLE, n_origin INTEGER,
    metode VARCHAR, mae_tren DOUBLE);
CREATE TABLE mart_diklat_dampak (
    kelompok VARCHAR, jenis_kelompok VARCHAR, status VARCHAR, att DOUBLE, ci_low DOUBLE,
    ci_high DOUBLE, p_value DOUBLE, n_treated BIGINT, n_control BIGINT, max_smd DOUBLE,
    cohens_d DOUBLE, pretrend_p DOUBLE, pool VARCHAR, reaksi DOUBLE, gain_test DOUBLE, p_holm DOUBLE,
    q_bh DOUBLE, n_reaksi INTEGER, gain_ci_low DOUBLE, gain_ci_high DOUBLE, n_test INTEGER, ikm_change DOUBLE, ikm_n_unit INTEGER);
CREATE TABLE mart_diklat_event (
    kelompok VARCHAR, relatif_triwulan INTEGER, estimate DOUBLE, ci_low DOUBLE, ci_high DOUBLE);
CREATE TABLE mart_jp_unit (
    kode_unit VARCHAR, tahun INTEGER, pegawai BIGINT, patuh BIGINT, share_patuh DOUBLE);
CREATE TABLE mart_jp_pegawai (
    nip VARCHAR, nama VARCHAR, kode_unit VARCHAR, tahun INTEGER, jp INTEGER, patuh BOOLEAN, kekurangan_jp INTEGER);
