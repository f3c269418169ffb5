SELECT kode_unit, periode, unsur, nama_unsur, nrr, nrr_sebelumnya, peringkat
FROM mart_ikm_unsur_lemah
