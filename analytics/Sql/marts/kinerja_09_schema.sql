-- Marts filled by C# (KinerjaMarts.Refresh): created empty here so their columns live in SQL.

-- mart_kinerja_tren: one row per unit; OLS slope of the unit's quarterly mean outcome on the
-- quarter index (points per quarter), 95 % t-interval with n_periode − 2 degrees of freedom.
CREATE OR REPLACE TABLE mart_kinerja_tren (
    kode_unit   VARCHAR NOT NULL,
    nama_unit   VARCHAR,
    ukuran      VARCHAR NOT NULL,     -- nilai_skp | skor (skor where the unit has no nilai_skp)
    n_periode   INTEGER NOT NULL,
    periode_awal VARCHAR,
    periode_akhir VARCHAR,
    slope       DOUBLE,
    ci_low      DOUBLE,
    ci_high     DOUBLE,
    p_value     DOUBLE,
    menurun     BOOLEAN NOT NULL,     -- whole CI below 0
    status      VARCHAR NOT NULL      -- ok (units with too few quarters get no row)
);

-- mart_kinerja_forecast: next two quarters per unit with ≥ MinEmployeesForForecast employees in its last
-- quarter, by the method chosen on the earlier (selection) backtest origins; MAEs are that horizon's on
-- the later, held-out origins; lower/upper: 90 % size-scaled conformal band (KinerjaForecaster).
CREATE OR REPLACE TABLE mart_kinerja_forecast (
    kode_unit   VARCHAR NOT NULL,
    periode     VARCHAR NOT NULL,
    forecast    DOUBLE,
    lower       DOUBLE,
    upper       DOUBLE,
    mae_model   DOUBLE,               -- NULL where the model could not be trained for the held-out origins
    mae_naive   DOUBLE,               -- last value
    metode      VARCHAR,              -- model | tren_linear | nilai_terakhir (what forecast is)
    mae_tren    DOUBLE,               -- OLS line through the last 8 quarters
    n_pegawai   BIGINT                -- employees in the unit's last quarter (scales the band)
);

-- mart_kinerja_forecast_kota: the city's employee-weighted mean forecast by the method chosen for the
-- city series, 90 % band from that method's held-out errors of the city series (n_origin of them), so
-- observed and forecast are plotted at the same level.
CREATE OR REPLACE TABLE mart_kinerja_forecast_kota (
    periode     VARCHAR NOT NULL,
    forecast    DOUBLE,
    lower       DOUBLE,
    upper       DOUBLE,
    mae_model   DOUBLE,
    mae_naive   DOUBLE,
    n_origin    INTEGER,
    metode      VARCHAR,
    mae_tren    DOUBLE
);

-- mart_kinerja_pendorong: drivers of next-quarter performance (Permutation Feature Importance).
CREATE OR REPLACE TABLE mart_kinerja_pendorong (
    peringkat        INTEGER NOT NULL,
    fitur            VARCHAR NOT NULL,
    kenaikan_mae     DOUBLE,          -- mean increase of MAE when the feature is permuted
    kenaikan_mae_sd  DOUBLE,
    mae_model        DOUBLE,
    mae_baseline     DOUBLE
);
