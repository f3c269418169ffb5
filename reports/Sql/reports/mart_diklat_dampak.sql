SELECT kelompok, jenis_kelompok, status, att, ci_low, ci_high, p_value, n_treated, n_control,
       max_smd, cohens_d, pretrend_p, pool, reaksi, gain_test, p_holm,
       q_bh, n_reaksi, gain_ci_low, gain_ci_high, n_test, ikm_change, ikm_n_unit
FROM mart_diklat_dampak
