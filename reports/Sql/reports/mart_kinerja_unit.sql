SELECT kode_unit, nama_unit, periode, n, mean_nilai_skp, mean_skor,
       n_sangat_baik, n_baik, n_butuh_perbaikan, n_kurang, n_sangat_kurang
FROM mart_kinerja_unit
