-- V027: IKM alerts judged on a trend across quarters (replaces V020's one-quarter mart_ikm_alert).
-- Rebuilt by Kepegawaian.Analytics.Ikm.IkmMarts.Refresh (IkmAlerts); documented in analytics/Sql/marts/README.md.

DROP TABLE IF EXISTS mart_ikm_alert;

CREATE TABLE mart_ikm_alert (
    level            VARCHAR NOT NULL,        -- unit | kecamatan (the area: the kecamatan office and its kelurahan)
    kode_unit        VARCHAR NOT NULL,
    nama_unit        VARCHAR NOT NULL,
    jenis_periode    VARCHAR NOT NULL,        -- triwulan
    periode          VARCHAR NOT NULL,        -- the latest quarter of the trend window
    status           VARCHAR NOT NULL,        -- peringatan | tidak_terkonfirmasi
    peringkat        INTEGER,                 -- 1 = strongest evidence among the period's alerts (q, then slope); NULL if not confirmed
    ikm              DECIMAL(5,2),
    ikm_sebelumnya   DECIMAL(5,2),            -- previous quarter
    selisih          DECIMAL(5,2),
    mutu             VARCHAR,
    mutu_sebelumnya  VARCHAR,
    lereng           DOUBLE,                  -- IKM points per quarter over the window (NULL: too few quarters)
    lereng_ci_low    DOUBLE,                  -- 95 % CI of lereng
    lereng_ci_high   DOUBLE,
    p_value          DOUBLE,                  -- one-sided, decline
    q_value          DOUBLE,                  -- Benjamini–Hochberg over the period's tested units (or kecamatan areas)
    triwulan_dipakai INTEGER NOT NULL,        -- quarters with responses in the window
    triwulan_awal    VARCHAR,                 -- first quarter of the window
    alasan           VARCHAR NOT NULL         -- Indonesian sentence
);
