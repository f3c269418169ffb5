SELECT kode_unit, nama_unit, periode, ikm, ikm_sebelumnya, selisih, mutu, mutu_sebelumnya, alasan
FROM mart_ikm_alert
