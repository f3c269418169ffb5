SELECT tahun FROM mart_libur_cakupan WHERE NOT tercakup ORDER BY tahun
