SELECT kode_unit, slope, ci_low, ci_high, menurun
FROM mart_kinerja_tren
