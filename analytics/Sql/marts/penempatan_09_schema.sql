-- Placement marts (issue 15), filled by PenempatanMarts (C#); documented in Sql/marts/README.md "Penempatan".
CREATE OR REPLACE TABLE mart_pensiun (
    tanggal_acuan      DATE NOT NULL,
    kode_unit          VARCHAR NOT NULL,
    nama_unit          VARCHAR,
    kelompok           VARCHAR NOT NULL,
    bup                INTEGER,
    pegawai            BIGINT NOT NULL,
    tahun_ke           INTEGER NOT NULL,
    periode_mulai      DATE NOT NULL,
    periode_selesai    DATE NOT NULL,
    pensiun            BIGINT,
    pensiun_kumulatif  BIGINT,
    share_kumulatif    DOUBLE,
    tanpa_bup          BIGINT NOT NULL
);
CREATE OR REPLACE TABLE mart_pensiun_gelombang (
    tanggal_acuan      DATE NOT NULL,
    kode_unit          VARCHAR NOT NULL,
    nama_unit          VARCHAR,
    kelompok           VARCHAR NOT NULL,
    bup                INTEGER,
    dasar              VARCHAR,
    pegawai            BIGINT NOT NULL,
    batas_tanggal      DATE NOT NULL,
    pensiun_jendela    BIGINT,
    share_jendela      DOUBLE,
    gelombang          BOOLEAN,
    lewat_bup          BIGINT NOT NULL,
    tanpa_bup          BIGINT NOT NULL
);
CREATE OR REPLACE TABLE mart_masa_kerja (
    tanggal_acuan         DATE NOT NULL,
    kode_unit             VARCHAR NOT NULL,
    nama_unit             VARCHAR,
    pegawai               BIGINT NOT NULL,
    median_tahun_unit     DOUBLE,
    n_unit_lebih_5        BIGINT NOT NULL,
    share_unit_lebih_5    DOUBLE,
    median_tahun_jabatan  DOUBLE,
    n_jabatan_lebih_5     BIGINT NOT NULL,
    share_jabatan_lebih_5 DOUBLE,
    n_sejak_tmt           BIGINT NOT NULL,
    rotasi_terakhir       DATE,
    tahun_sejak_rotasi    DOUBLE,
    tanpa_rotasi          BOOLEAN,
    masuk_12_bulan        BIGINT NOT NULL,
    keluar_12_bulan       BIGINT NOT NULL,
    pensiun_12_bulan      BIGINT NOT NULL,
    berhenti_12_bulan     BIGINT NOT NULL
);
CREATE OR REPLACE TABLE mart_mutasi_tahunan (
    kode_unit     VARCHAR NOT NULL,
    tahun         INTEGER NOT NULL,
    jenis_mutasi  VARCHAR NOT NULL,
    arah          VARCHAR NOT NULL,
    n             BIGINT NOT NULL
);
CREATE OR REPLACE TABLE mart_beban (
    tanggal_acuan              DATE NOT NULL,
    periode_mulai              DATE NOT NULL,
    kode_unit                  VARCHAR NOT NULL,
    nama_unit                  VARCHAR,
    jenis_unit                 VARCHAR NOT NULL,
    pegawai                    BIGINT NOT NULL,
    responden_skm              BIGINT NOT NULL,
    pengajuan_cuti             BIGINT NOT NULL,
    populasi                   BIGINT,
    responden_per_pegawai      DOUBLE,
    cuti_per_pegawai           DOUBLE,
    populasi_per_pegawai       DOUBLE,
    dinilai                    BOOLEAN NOT NULL,
    unit_sebanding             BIGINT NOT NULL,
    median_responden_per_pegawai DOUBLE,
    rasio_median               DOUBLE,
    median_populasi_per_pegawai DOUBLE,
    rasio_median_populasi      DOUBLE,
    kategori                   VARCHAR,
    tambahan_pegawai_ke_median BIGINT
);
