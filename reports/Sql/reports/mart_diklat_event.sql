SELECT kelompok, relatif_triwulan, estimate, ci_low, ci_high
FROM mart_diklat_event
