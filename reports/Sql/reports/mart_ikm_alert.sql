-- Alerts (status peringatan) and drops not confirmed (tidak_terkonfirmasi), quarterly; see analytics/Sql/marts/README.md.
SELECT kode_unit, nama_unit, periode, status, peringkat, ikm, ikm_sebelumnya, selisih, mutu, mutu_sebelumnya,
       lereng, lereng_ci_low, lereng_ci_high, q_value, triwulan_dipakai, alasan
FROM mart_ikm_alert
