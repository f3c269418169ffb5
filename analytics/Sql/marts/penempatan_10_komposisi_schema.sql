-- Staff-composition marts of the placement area (issue 15 items 1 and 4), filled by KomposisiAnalysis (C#) in the
-- penempatan refresh; documented in Sql/marts/README.md "Penempatan". Rows per unit (level 'unit') and for the city
-- (level 'kota', kode_unit 'KOTA'); kelompok / jenis_jabatan 'semua' = all groups of the unit or city.
CREATE OR REPLACE TABLE mart_kesesuaian (
    tanggal_acuan       DATE NOT NULL,
    level               VARCHAR NOT NULL,
    kode_unit           VARCHAR NOT NULL,
    nama_unit           VARCHAR,
    kelompok            VARCHAR NOT NULL,
    pendidikan_minimum  VARCHAR,
    dasar               VARCHAR,
    pegawai             BIGINT NOT NULL,
    kurang              BIGINT NOT NULL,
    sesuai              BIGINT NOT NULL,
    tidak_diketahui     BIGINT NOT NULL,
    share_kurang        DOUBLE
);
CREATE OR REPLACE TABLE mart_formasi (
    tanggal_acuan             DATE NOT NULL,
    level                     VARCHAR NOT NULL,
    kode_unit                 VARCHAR NOT NULL,
    nama_unit                 VARCHAR,
    jenis_jabatan             VARCHAR NOT NULL,
    pegawai                   BIGINT NOT NULL,
    gol_i                     BIGINT NOT NULL,
    gol_ii                    BIGINT NOT NULL,
    gol_iii                   BIGINT NOT NULL,
    gol_iv                    BIGINT NOT NULL,
    pppk                      BIGINT NOT NULL,
    golongan_tidak_diketahui  BIGINT NOT NULL
);
