SELECT periode, forecast, lower, upper, n_origin
FROM mart_kinerja_forecast_kota
