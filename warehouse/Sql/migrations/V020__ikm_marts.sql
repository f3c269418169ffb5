-- V020: IKM marts (PermenPANRB 14/2017). Rebuilt in full by Kepegawaian.Analytics.Ikm.IkmMarts.Refresh;
-- documented in analytics/Sql/marts/README.md ("IKM and efficiency"). jenis_periode is
-- triwulan | semester | tahun; periode is written 2026-Q3 | 2026-S2 | 2026.

CREATE TABLE mart_ikm (
    level           VARCHAR NOT NULL,        -- unit | layanan | kecamatan | kota
    kode_unit       VARCHAR NOT NULL,        -- 'KOTA' for city-wide rows
    nama_unit       VARCHAR NOT NULL,
    jenis_layanan   VARCHAR,                 -- only for level = layanan
    periode         VARCHAR NOT NULL,
    jenis_periode   VARCHAR NOT NULL,
    periode_mulai   DATE NOT NULL,
    responden       BIGINT NOT NULL,
    nrr_u1 DOUBLE, nrr_u2 DOUBLE, nrr_u3 DOUBLE, nrr_u4 DOUBLE, nrr_u5 DOUBLE,
    nrr_u6 DOUBLE, nrr_u7 DOUBLE, nrr_u8 DOUBLE, nrr_u9 DOUBLE,   -- unrounded
    ikm             DECIMAL(5,2),            -- rounded once, half away from zero
    mutu            VARCHAR,                 -- A | B | C | D
    kinerja         VARCHAR,                 -- Sangat Baik | Baik | Kurang Baik | Tidak Baik
    ci_low          DECIMAL(5,2),            -- 95 % CI of IKM
    ci_high         DECIMAL(5,2),
    se              DOUBLE,                  -- standard error of IKM (per-respondent scores)
    populasi        BIGINT,
    sampel_minimum  INTEGER,                 -- Krejcie & Morgan
    sampel_cukup    BOOLEAN
);

CREATE TABLE mart_ikm_tren (
    level            VARCHAR NOT NULL,
    kode_unit        VARCHAR NOT NULL,
    nama_unit        VARCHAR NOT NULL,
    jenis_layanan    VARCHAR,
    jenis_periode    VARCHAR NOT NULL,
    periode          VARCHAR NOT NULL,
    periode_mulai    DATE NOT NULL,
    ikm              DECIMAL(5,2),
    ikm_sebelumnya   DECIMAL(5,2),
    selisih          DECIMAL(5,2),
    selisih_ci_low   DECIMAL(5,2),
    selisih_ci_high  DECIMAL(5,2),
    signifikan       BOOLEAN NOT NULL,        -- the 95 % CI of the difference excludes 0
    mutu             VARCHAR,
    mutu_sebelumnya  VARCHAR
);

CREATE TABLE mart_ikm_alert (
    level            VARCHAR NOT NULL,        -- unit | kecamatan
    kode_unit        VARCHAR NOT NULL,
    nama_unit        VARCHAR NOT NULL,
    jenis_periode    VARCHAR NOT NULL,
    periode          VARCHAR NOT NULL,
    ikm              DECIMAL(5,2),
    ikm_sebelumnya   DECIMAL(5,2),
    selisih          DECIMAL(5,2),
    mutu             VARCHAR,
    mutu_sebelumnya  VARCHAR,
    signifikan       BOOLEAN NOT NULL,
    alasan           VARCHAR NOT NULL         -- Indonesian
);

CREATE TABLE mart_ikm_unsur_lemah (
    kode_unit        VARCHAR NOT NULL,
    jenis_periode    VARCHAR NOT NULL,
    periode          VARCHAR NOT NULL,
    unsur            VARCHAR NOT NULL,        -- u1 … u9
    nama_unsur       VARCHAR NOT NULL,
    nrr              DOUBLE NOT NULL,
    nrr_sebelumnya   DOUBLE,
    perubahan        DOUBLE,
    peringkat        INTEGER NOT NULL         -- 1 = weakest
);

CREATE TABLE mart_ikm_profil (
    level            VARCHAR NOT NULL,        -- unit | kota
    kode_unit        VARCHAR NOT NULL,
    jenis_periode    VARCHAR NOT NULL,
    periode          VARCHAR NOT NULL,
    dimensi          VARCHAR NOT NULL,        -- jenis_kelamin | kelompok_usia | pendidikan | pekerjaan
    kategori         VARCHAR NOT NULL,        -- '(tidak diisi)' for a blank answer
    responden        BIGINT,                  -- NULL when suppressed (fewer than MinCellSize)
    responden_teks   VARCHAR NOT NULL,        -- the count, or '<5'
    ikm              DECIMAL(5,2),            -- NULL when suppressed
    mutu             VARCHAR
);
