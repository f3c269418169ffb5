-- V022: IKM beside performance and training coverage (association across units, not cause).
-- Rebuilt by Kepegawaian.Analytics.Ikm.IkmMarts.Refresh; documented in analytics/Sql/marts/README.md.

CREATE TABLE mart_ikm_asosiasi (
    kode_unit            VARCHAR NOT NULL,
    nama_unit            VARCHAR NOT NULL,
    tahun                INTEGER NOT NULL,
    ikm                  DECIMAL(5,2),
    responden            BIGINT NOT NULL,
    rata_nilai_skp       DOUBLE,            -- mean over employees of their yearly mean nilai_skp
    rata_skor_predikat   DOUBLE,            -- same for the ordinal predikat score 1–5
    n_dinilai            BIGINT,            -- employees appraised in the unit that year
    n_pegawai            BIGINT,            -- staff on 31 December (dim_employee SCD2)
    n_20jp               BIGINT,            -- of those, ≥ 20 JP lulus in the year
    cakupan_20jp         DOUBLE
);

CREATE TABLE mart_ikm_korelasi (
    tahun      INTEGER NOT NULL,
    variabel   VARCHAR NOT NULL,            -- rata_nilai_skp | rata_skor_predikat | cakupan_20jp
    n_unit     INTEGER NOT NULL,
    r          DOUBLE,                      -- Pearson, across units
    ci_low     DOUBLE,                      -- 95 % Fisher z
    ci_high    DOUBLE,
    catatan    VARCHAR NOT NULL             -- always says: association, not cause
);
