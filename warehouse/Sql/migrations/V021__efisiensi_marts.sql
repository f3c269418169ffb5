-- V021: administrative efficiency marts (spec §4 Efficiency). Rebuilt in full by
-- Kepegawaian.Analytics.Efficiency.EfisiensiMarts.Refresh; documented in analytics/Sql/marts/README.md.

-- Processing time of decided leave requests, one row per unit × kanal × jenis_cuti × month.
CREATE TABLE mart_cuti_waktu (
    kode_unit          VARCHAR NOT NULL,
    kanal              VARCHAR NOT NULL,
    jenis_cuti         VARCHAR NOT NULL,
    bulan              DATE NOT NULL,         -- first day of the month of waktu_pengajuan
    n                  BIGINT NOT NULL,       -- decided requests
    median_jam         DOUBLE,
    p90_jam            DOUBLE,
    median_hari_kerja  DOUBLE,
    p90_hari_kerja     DOUBLE
);

-- The same measures over roll-ups (medians cannot be combined from the cells above).
-- NULL in a dimension = all; tingkat names the dimensions present.
CREATE TABLE mart_cuti_waktu_ringkas (
    tingkat            VARCHAR NOT NULL,      -- unit+bulan | kanal+bulan | jenis_cuti+bulan | bulan | unit+kanal | unit | kanal | jenis_cuti | semua
    kode_unit          VARCHAR,
    kanal              VARCHAR,
    jenis_cuti         VARCHAR,
    bulan              DATE,
    n                  BIGINT NOT NULL,
    median_jam         DOUBLE,
    p90_jam            DOUBLE,
    median_hari_kerja  DOUBLE,
    p90_hari_kerja     DOUBLE
);

-- Online share per unit and month (units only, so rows can be summed).
CREATE TABLE mart_cuti_online (
    kode_unit                VARCHAR NOT NULL,
    periode                  VARCHAR NOT NULL,  -- 2026-07
    n                        BIGINT NOT NULL,
    share_online             DOUBLE NOT NULL,
    jenis_periode            VARCHAR NOT NULL,  -- bulan | triwulan | tahun
    periode_mulai            DATE NOT NULL,
    n_online                 BIGINT NOT NULL,
    share_online_sebelumnya  DOUBLE,
    perubahan                DOUBLE,
    tetap_manual             BOOLEAN NOT NULL   -- below target this period and the previous one
);

-- The same per month, quarter and year, for units and the city ('KOTA'): the trend view.
CREATE TABLE mart_cuti_online_periode (
    kode_unit                VARCHAR NOT NULL,  -- 'KOTA' = city-wide
    periode                  VARCHAR NOT NULL,  -- 2026-07 | 2026-Q3 | 2026
    n                        BIGINT NOT NULL,
    share_online             DOUBLE NOT NULL,
    jenis_periode            VARCHAR NOT NULL,  -- bulan | triwulan | tahun
    periode_mulai            DATE NOT NULL,
    n_online                 BIGINT NOT NULL,
    share_online_sebelumnya  DOUBLE,
    perubahan                DOUBLE,
    tetap_manual             BOOLEAN NOT NULL   -- below target this period and the previous one
);

CREATE TABLE mart_cuti_tertunda (
    kode_unit       VARCHAR NOT NULL,          -- 'KOTA' = city-wide
    waktu_acuan     TIMESTAMP NOT NULL,        -- WIB reference instant
    n_jatuh_tempo   BIGINT NOT NULL,           -- requests ≥ N working days and ≤ PendingWindowDays (90) days old at waktu_acuan
    n_tertunda      BIGINT NOT NULL,           -- of those, still undecided at waktu_acuan
    share_tertunda  DOUBLE
);

CREATE TABLE mart_kualitas_data (
    tingkat        VARCHAR NOT NULL,           -- sumber (exact) | unit (approximate attribution)
    sumber         VARCHAR NOT NULL,           -- entity: unit_kerja, pegawai, mutasi, diklat, kinerja, cuti, skm
    kode_unit      VARCHAR,
    rows_read      BIGINT NOT NULL,
    rows_rejected  BIGINT NOT NULL,
    reject_rate    DOUBLE
);
