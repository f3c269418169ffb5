-- Test support: a small, hand-checkable set of mart rows (see ReportSeed for the expected values), inserted into the real
-- mart tables (ReportSeed creates them as the real refresh does), so every NOT NULL column of the real schema is given.
INSERT INTO dim_unit (kode_unit, nama_unit, jenis_unit, row_hash) VALUES
  ('U01', 'Dinas Kependudukan', 'dinas', 1),
  ('U02', 'Kecamatan Ilir Barat I', 'kecamatan', 2),
  ('U03', '<script>alert(1)</script> & Co', 'dinas', 3),
  ('U04', '=HYPERLINK("http://x")', 'badan', 4),
  ('U05', 'Kelurahan 10 Ilir', 'kelurahan', 5),
  ('U06', 'Kelurahan 2 Ilir', 'kelurahan', 6);

INSERT INTO mart_ikm (level, kode_unit, nama_unit, jenis_layanan, periode, jenis_periode, periode_mulai, responden,
    nrr_u1, nrr_u2, nrr_u3, nrr_u4, nrr_u5, nrr_u6, nrr_u7, nrr_u8, nrr_u9, ikm, mutu, kinerja, ci_low, ci_high,
    populasi, sampel_minimum, sampel_cukup) VALUES
  ('kota', 'KOTA', 'Kota Palembang', NULL, '2026-Q2', 'triwulan', DATE '2026-04-01', 900, 3.2,3.2,3.2,3.2,3.2,3.2,3.2,3.2,3.2, 80.00, 'B', 'Baik', 79.0, 81.0, NULL, NULL, NULL),
  ('kota', 'KOTA', 'Kota Palembang', NULL, '2026-Q3', 'triwulan', DATE '2026-07-01', 950, 3.4,3.3,2.5,3.9,3.3,3.4,3.5,3.0,3.3, 82.15, 'B', 'Baik', 81.1, 83.2, NULL, NULL, NULL),
  ('kota', 'KOTA', 'Kota Palembang', NULL, '2027-Q1', 'triwulan', DATE '2027-01-01', 950, 4,4,4,4,4,4,4,4,4, 100.00, 'A', 'Sangat Baik', 99.0, 100.0, NULL, NULL, NULL),
  ('unit', 'U01', 'Dinas Kependudukan', NULL, '2026-Q2', 'triwulan', DATE '2026-04-01', 400, 3.6,3.6,3.6,3.6,3.6,3.6,3.6,3.6,3.6, 90.00, 'A', 'Sangat Baik', 89.0, 91.0, 5000, 357, true),
  ('unit', 'U01', 'Dinas Kependudukan', NULL, '2026-Q3', 'triwulan', DATE '2026-07-01', 410, 3.6,3.6,3.6,3.6,3.6,3.6,3.6,3.6,3.5, 89.72, 'A', 'Sangat Baik', 88.7, 90.7, 5000, 357, true),
  ('unit', 'U02', 'Kecamatan Ilir Barat I', NULL, '2026-Q2', 'triwulan', DATE '2026-04-01', 300, 3.1,3.1,3.1,3.1,3.1,3.1,3.1,3.1,3.1, 77.50, 'B', 'Baik', 76.0, 79.0, NULL, NULL, NULL),
  ('unit', 'U02', 'Kecamatan Ilir Barat I', NULL, '2026-Q3', 'triwulan', DATE '2026-07-01', 320, 3.1,3.1,3.1,3.0,3.1,3.1,3.1,3.1,3.1, 77.22, 'B', 'Baik', 75.9, 78.5, NULL, NULL, NULL),
  ('unit', 'U03', '<script>alert(1)</script> & Co', NULL, '2026-Q2', 'triwulan', DATE '2026-04-01', 200, 3.1,3.1,3.1,3.1,3.1,3.1,3.1,3.1,3.1, 78.00, 'B', 'Baik', 76.0, 80.0, NULL, NULL, NULL),
  ('unit', 'U03', '<script>alert(1)</script> & Co', NULL, '2026-Q3', 'triwulan', DATE '2026-07-01', 210, 2.8,2.8,2.8,2.8,2.8,2.8,2.8,2.8,2.8, 70.00, 'C', 'Kurang Baik', 68.0, 72.0, NULL, NULL, NULL),
  ('unit', 'U04', '=HYPERLINK("http://x")', NULL, '2026-Q3', 'triwulan', DATE '2026-07-01', 150, 2.4,2.4,2.4,2.4,2.4,2.4,2.4,2.4,2.4, 60.00, 'D', 'Tidak Baik', 57.0, 63.0, NULL, NULL, NULL),
  -- Two grade-D kelurahan whose names sort wrongly as text ("10" before "2").
  ('unit', 'U05', 'Kelurahan 10 Ilir', NULL, '2026-Q3', 'triwulan', DATE '2026-07-01', 120, 2.6,2.6,2.6,2.6,2.6,2.6,2.6,2.6,2.6, 64.50, 'D', 'Tidak Baik', 61.0, 68.0, NULL, NULL, NULL),
  ('unit', 'U06', 'Kelurahan 2 Ilir', NULL, '2026-Q3', 'triwulan', DATE '2026-07-01', 130, 2.5,2.5,2.5,2.5,2.5,2.5,2.5,2.5,2.5, 63.00, 'D', 'Tidak Baik', 60.0, 66.0, NULL, NULL, NULL);

INSERT INTO mart_ikm_alert (level, jenis_periode, kode_unit, nama_unit, periode, status, peringkat, ikm, ikm_sebelumnya, selisih, mutu, mutu_sebelumnya, lereng, lereng_ci_low, lereng_ci_high, q_value, triwulan_dipakai, alasan) VALUES
  ('unit', 'triwulan', 'U03', '<script>alert(1)</script> & Co', '2026-Q3', 'peringatan', 1, 70.00, 78.00, -8.00, 'C', 'B', -2.1, -3.0, -1.2, 0.004, 6, 'mutu turun dari B ke C'),
  ('unit', 'triwulan', 'U02', 'Kecamatan Ilir Barat I', '2026-Q3', 'tidak_terkonfirmasi', NULL, 77.22, 77.50, -0.28, 'B', 'B', -0.3, -0.9, 0.3, 0.6, 6, 'tidak terkonfirmasi');

INSERT INTO mart_ikm_unsur_lemah (kode_unit, jenis_periode, periode, unsur, nama_unsur, nrr, nrr_sebelumnya, peringkat) VALUES
  ('U02', 'triwulan', '2026-Q3', 'u4', 'Biaya/tarif', 3.0, 3.1, 1);

INSERT INTO mart_kinerja_unit (kode_unit, nama_unit, periode, n, mean_nilai_skp, mean_skor, n_sangat_baik, n_baik, n_butuh_perbaikan, n_kurang, n_sangat_kurang) VALUES
  ('U01', 'Dinas Kependudukan', '2026-Q2', 10, 78.0, 3.9, 2, 6, 2, 0, 0),
  ('U01', 'Dinas Kependudukan', '2026-Q3', 10, 80.0, 4.0, 3, 5, 2, 0, 0),
  ('U02', 'Kecamatan Ilir Barat I', '2026-Q3', 3, 70.0, 3.0, 0, 1, 2, 0, 0);
INSERT INTO mart_kinerja_tren (kode_unit, ukuran, n_periode, slope, ci_low, ci_high, menurun, status) VALUES
  ('U02', 'nilai_skp', 6, -1.5, -2.5, -0.5, true, 'ok'), ('U01', 'nilai_skp', 6, 0.5, -0.2, 1.2, false, 'ok');
INSERT INTO mart_kinerja_forecast (kode_unit, periode, forecast, lower, upper, mae_model, mae_naive, metode, mae_tren, n_pegawai) VALUES
  ('U01', '2026-Q4', 81.0, 78.0, 84.0, 1.1, 1.6, 'model', 1.3, 40),
  ('U01', '2027-Q1', 82.0, 77.0, 87.0, 1.1, 1.6, 'model', 1.3, 40);

-- The city's own forecast (weighted like the observed city mean); unit forecasts are not averaged.
INSERT INTO mart_kinerja_forecast_kota (periode, forecast, lower, upper, mae_model, mae_naive, n_origin, metode, mae_tren) VALUES
  ('2026-Q4', 80.6, 79.1, 82.1, 0.6, 0.9, 4, 'tren_linear', 0.5),
  ('2027-Q1', 81.0, 78.9, 83.1, 0.8, 1.1, 4, 'tren_linear', 0.7);

INSERT INTO mart_diklat_dampak (kelompok, jenis_kelompok, status, att, ci_low, ci_high, p_value, n_treated, n_control, max_smd, cohens_d, pretrend_p, pool, reaksi, gain_test, p_holm, q_bh, n_reaksi, gain_ci_low, gain_ci_high, n_test, ikm_change, ikm_n_unit) VALUES
  ('teknis', 'jenis', 'estimated', 2.5, 1.0, 4.0, 0.001, 30, 60, 0.08, 0.45, 0.6, 'clean', 4.2, 12.5, 0.002, 0.003, 28, 10.0, 15.0, 25, NULL, NULL),
  ('e_learning', 'jenis', 'estimated', 9.9, 1.0, 18.8, 0.04, 3, 6, 0.2, 1.1, 0.5, 'clean', 4.0, 5.0, 0.04, 0.04, 3, NULL, NULL, 3, NULL, NULL),
  ('LAT-KOM-01', 'kode', 'ok; peringatan: keseimbangan kovariat kurang (max SMD 0.124 > 0.1)', 0.4, -0.6, 1.4, 0.40, 12, 24, 0.124, 0.1, 0.7, 'clean', 3.9, 4.0, 0.9, 0.95, 12, 1.0, 7.0, 10, NULL, NULL);
INSERT INTO mart_diklat_event (kelompok, jenis_kelompok, relatif_triwulan, estimate, ci_low, ci_high) VALUES
  ('teknis', 'jenis', -2, 0.1, -0.8, 1.0), ('teknis', 'jenis', -1, 0.0, -0.7, 0.7), ('teknis', 'jenis', 0, 1.8, 0.6, 3.0), ('teknis', 'jenis', 1, 2.6, 1.2, 4.0);

INSERT INTO mart_jp_unit (kode_unit, tahun, pegawai, patuh, share_patuh) VALUES ('U01', 2026, 20, 15, 0.75), ('U02', 2026, 4, 1, 0.25), ('U05', 2026, 40, 10, 0.25), ('U06', 2026, 8, 6, 0.75),
  ('U01', 2025, 20, 10, 0.5);
INSERT INTO mart_jp_pegawai (nip, nama, kode_unit, tahun, jp, patuh, kekurangan_jp) VALUES ('199001012015031001', 'Budi Santoso', 'U01', 2026, 12, false, 8);

-- U01's decided leave requests, working days (quantile_cont as the mart computes it):
--   Oct online (8 tahunan + 2 sakit): 1 1 2 2 2 2 3 3 4 5 → median 2.0, p90 4.1
--   Oct manual (6 tahunan):           3 4 5 5 7 9         → median 5.0, p90 8.0
--   Oct all 16: 1 1 2 2 2 2 3 3 3 4 4 5 5 5 7 9           → median 3.0, p90 6.0
--     (the request-weighted mean of the channel medians would be (10·2 + 6·5)/16 = 3.125: not a median)
--   Sep manual (5 tahunan):           4 5 6 7 8           → median 6.0, p90 7.6
INSERT INTO mart_cuti_waktu (kode_unit, kanal, jenis_cuti, bulan, n, median_jam, p90_jam, median_hari_kerja, p90_hari_kerja, n_tertunda, stabil, waktu_acuan) VALUES
  ('U01', 'online', 'tahunan', DATE '2026-10-01', 8, 48.0, 96.0, 2.0, 3.3, 0, true, TIMESTAMP '2026-11-22 18:00'),
  ('U01', 'online', 'sakit',   DATE '2026-10-01', 2, 84.0, 117.6, 3.5, 4.9, 0, true, TIMESTAMP '2026-11-22 18:00'),
  ('U01', 'manual', 'tahunan', DATE '2026-10-01', 6, 120.0, 192.0, 5.0, 8.0, 0, true, TIMESTAMP '2026-11-22 18:00'),
  ('U01', 'manual', 'tahunan', DATE '2026-09-01', 5, 144.0, 182.4, 6.0, 7.6, 0, true, TIMESTAMP '2026-11-22 18:00');
INSERT INTO mart_cuti_waktu_ringkas (tingkat, kode_unit, kanal, jenis_cuti, bulan, n, median_jam, p90_jam, median_hari_kerja, p90_hari_kerja, n_tertunda, stabil, waktu_acuan) VALUES
  ('bulan',            NULL,  NULL,     NULL, DATE '2026-10-01', 16, 72.0, 144.0, 3.0, 6.0, 0, true, TIMESTAMP '2026-11-22 18:00'),
  ('unit+bulan',       'U01', NULL,     NULL, DATE '2026-10-01', 16, 72.0, 144.0, 3.0, 6.0, 0, true, TIMESTAMP '2026-11-22 18:00'),
  ('kanal+bulan',      NULL,  'online', NULL, DATE '2026-10-01', 10, 48.0, 98.4, 2.0, 4.1, 0, true, TIMESTAMP '2026-11-22 18:00'),
  ('kanal+bulan',      NULL,  'manual', NULL, DATE '2026-10-01', 6, 120.0, 192.0, 5.0, 8.0, 0, true, TIMESTAMP '2026-11-22 18:00'),
  ('unit+kanal+bulan', 'U01', 'online', NULL, DATE '2026-10-01', 10, 48.0, 98.4, 2.0, 4.1, 0, true, TIMESTAMP '2026-11-22 18:00'),
  ('unit+kanal+bulan', 'U01', 'manual', NULL, DATE '2026-10-01', 6, 120.0, 192.0, 5.0, 8.0, 0, true, TIMESTAMP '2026-11-22 18:00'),
  ('bulan',            NULL,  NULL,     NULL, DATE '2026-09-01', 5, 144.0, 182.4, 6.0, 7.6, 0, true, TIMESTAMP '2026-11-22 18:00'),
  -- Nov as the analytics would write it mid-month: 20 requests, 6 still pending, KM median 3.5, month not over → not stable
  --   online: 14 requests, none pending; manual: 6 requests, all pending → median not estimable
  ('bulan',            NULL,  NULL,     NULL, DATE '2026-11-01', 20, 84.0, NULL, 3.5, NULL, 6, false, TIMESTAMP '2026-11-22 18:00'),
  ('kanal+bulan',      NULL,  'online', NULL, DATE '2026-11-01', 14, 60.0, 96.0, 2.5, 4.0, 0, false, TIMESTAMP '2026-11-22 18:00'),
  ('kanal+bulan',      NULL,  'manual', NULL, DATE '2026-11-01', 6, NULL, NULL, NULL, NULL, 6, false, TIMESTAMP '2026-11-22 18:00'),
  ('unit+kanal+bulan', 'U01', 'online', NULL, DATE '2026-11-01', 14, 60.0, 96.0, 2.5, 4.0, 0, false, TIMESTAMP '2026-11-22 18:00'),
  ('unit+kanal+bulan', 'U01', 'manual', NULL, DATE '2026-11-01', 6, NULL, NULL, NULL, NULL, 6, false, TIMESTAMP '2026-11-22 18:00'),
  ('unit+bulan',       'U01', NULL,     NULL, DATE '2026-09-01', 5, 144.0, 182.4, 6.0, 7.6, 0, true, TIMESTAMP '2026-11-22 18:00'),
  ('kanal+bulan',      NULL,  'manual', NULL, DATE '2026-09-01', 5, 144.0, 182.4, 6.0, 7.6, 0, true, TIMESTAMP '2026-11-22 18:00'),
  ('unit+kanal+bulan', 'U01', 'manual', NULL, DATE '2026-09-01', 5, 144.0, 182.4, 6.0, 7.6, 0, true, TIMESTAMP '2026-11-22 18:00'),
  -- levels the report does not read
  ('jenis_cuti+bulan', NULL,  NULL, 'tahunan', DATE '2026-10-01', 14, 60.0, 150.0, 99.0, 99.0, 0, true, TIMESTAMP '2026-11-22 18:00'),
  ('unit',             'U01', NULL,     NULL, NULL, 21, 96.0, 170.0, 99.0, 99.0, 0, true, TIMESTAMP '2026-11-22 18:00');
-- Monthly rows (n_online = n × share; tetap_manual: below the 80 % target this month and the one before).
INSERT INTO mart_cuti_online (kode_unit, periode, jenis_periode, periode_mulai, n, n_online, share_online, tetap_manual) VALUES
  ('U01', '2026-09', 'bulan', DATE '2026-09-01', 5, 0, 0.0, false), ('U01', '2026-10', 'bulan', DATE '2026-10-01', 16, 10, 0.625, true),
  ('U05', '2026-10', 'bulan', DATE '2026-10-01', 12, 3, 0.25, false), ('U06', '2026-10', 'bulan', DATE '2026-10-01', 4, 0, 0.0, false);
-- Pending > 3 working days at the refresh: U05 most, U06 under the small-cell threshold (not named).
INSERT INTO mart_cuti_tertunda (kode_unit, waktu_acuan, n_jatuh_tempo, n_tertunda, share_tertunda) VALUES
  ('KOTA', TIMESTAMP '2026-11-22 20:00:00', 60, 19, 19.0 / 60),
  ('U01',  TIMESTAMP '2026-11-22 20:00:00', 30, 6, 0.2),
  ('U05',  TIMESTAMP '2026-11-22 20:00:00', 20, 11, 0.55),
  ('U06',  TIMESTAMP '2026-11-22 20:00:00', 10, 2, 0.2);

INSERT INTO etl_file (file_id, run_id, file_name, entity, format, content_hash, size_bytes, status, rows_read, rows_loaded, rows_rejected, started_at)
VALUES (1, 1, 'skm_2026_11.csv', 'skm', 'csv', 'ab', 10, 'loaded', 1240, 1234, 6, TIMESTAMP '2026-11-18 09:00:00'),
       (2, 1, 'cuti_old.csv', 'cuti', 'csv', 'cd', 10, 'loaded', 50, 50, 0, TIMESTAMP '2026-11-01 09:00:00'),
       -- Monday 23 Nov 06:30 WIB, before the 07:00 report on week 47: in the report, counted as new data.
       (3, 2, 'pegawai_2026_11_23.csv', 'pegawai', 'csv', 'ef', 10, 'loaded', 100, 100, 0, TIMESTAMP '2026-11-23 06:30:00'),
       -- After the report was built (07:00 WIB): not in it.
       (4, 3, 'skm_late.csv', 'skm', 'csv', 'gh', 10, 'loaded', 70, 70, 0, TIMESTAMP '2026-11-23 09:00:00');
