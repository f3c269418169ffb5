SELECT kelompok, jenis_kelompok, status, att, ci_low, ci_high, p_value, n_treated, n_control,
       max_smd, cohens_d, pretrend_p, pool, reaksi, gain_test, p_holm
FROM mart_diklat_dampak
