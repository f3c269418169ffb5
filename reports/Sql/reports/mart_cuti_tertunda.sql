SELECT kode_unit, waktu_acuan, n_jatuh_tempo, n_tertunda
FROM mart_cuti_tertunda
