-- Marts filled by C# (DiklatMarts.Refresh): created empty here so their columns live in SQL.

-- mart_diklat_dampak: one row per training group (jenis_pelatihan, or kode_pelatihan with enough
-- participants). Numbers are NULL when status says the group is too small.
CREATE OR REPLACE TABLE mart_diklat_dampak (
    kelompok        VARCHAR NOT NULL,
    jenis_kelompok  VARCHAR NOT NULL,   -- jenis | kode
    status          VARCHAR NOT NULL,   -- ok | text saying why there is no estimate / a warning
    ukuran          VARCHAR,            -- outcome: nilai_skp | skor
    att             DOUBLE,             -- Kirkpatrick level 3: matched difference-in-differences
    ci_low          DOUBLE,
    ci_high         DOUBLE,
    p_value         DOUBLE,             -- unadjusted, two-sided
    p_holm          DOUBLE,             -- Holm-adjusted over every estimate of the same refresh (family-wise error)
    q_bh            DOUBLE,             -- Benjamini–Hochberg q over the same family (false-discovery rate)
    n_treated       INTEGER,
    n_control       INTEGER,
    n_peserta_lulus INTEGER,            -- all lulus participants (before window/matching filters)
    max_smd         DOUBLE,             -- covariate balance after matching
    cohens_d        DOUBLE,
    pretrend        DOUBLE,             -- placebo DiD on the two quarters before the pre window
    pretrend_p      DOUBLE,
    pool            VARCHAR,            -- bersih | tanpa_kelompok (which control pool was used)
    naive           DOUBLE,             -- unmatched post-period difference, for comparison only
    reaksi          DOUBLE,             -- Kirkpatrick level 1: mean nilai_reaksi (1…5)
    n_reaksi        INTEGER,
    gain_test       DOUBLE,             -- Kirkpatrick level 2: mean post − pre test
    gain_ci_low     DOUBLE,
    gain_ci_high    DOUBLE,
    n_test          INTEGER,
    ikm_change      DOUBLE,             -- Kirkpatrick level 4: see mart README
    ikm_n_unit      INTEGER
);

-- mart_diklat_event: event-study series per group, quarters relative to training (−4 … +4).
CREATE OR REPLACE TABLE mart_diklat_event (
    kelompok          VARCHAR NOT NULL,
    jenis_kelompok    VARCHAR NOT NULL,
    relatif_triwulan  INTEGER NOT NULL,
    estimate          DOUBLE,
    ci_low            DOUBLE,
    ci_high           DOUBLE,
    n                 INTEGER
);
