SELECT periode, forecast, lower, upper, n_origin, metode
FROM mart_kinerja_forecast_kota
