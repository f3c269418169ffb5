SELECT kode_unit, periode, forecast, lower, upper, mae_model, mae_naive, metode
FROM mart_kinerja_forecast
