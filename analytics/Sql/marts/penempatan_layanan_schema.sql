-- mart_penempatan_layanan (issue 15 item 5), filled by PenempatanMarts from LayananAnalysis (C#); documented in
-- Sql/marts/README.md "Penempatan". An association between units, not an effect (catatan).
CREATE OR REPLACE TABLE mart_penempatan_layanan (
    tanggal_acuan           DATE NOT NULL,
    periode_mulai           DATE NOT NULL,
    kode_unit               VARCHAR NOT NULL,
    nama_unit               VARCHAR,
    jenis_unit              VARCHAR NOT NULL,
    pegawai                 BIGINT NOT NULL,
    responden_per_pegawai   DOUBLE,
    rasio_beban             DOUBLE,
    kategori_beban          VARCHAR,
    median_tahun_unit       DOUBLE,
    ikm_periode             VARCHAR,
    ikm                     DECIMAL(5,2),
    ikm_responden           BIGINT NOT NULL,
    cuti_n                  BIGINT NOT NULL,
    cuti_median_hari_kerja  DOUBLE,
    catatan                 VARCHAR NOT NULL
);
