-- V001: star schema, audit and rejects ledger.
-- Conventions: dates are DATE; timestamps are TIMESTAMP holding WIB (Asia/Jakarta, UTC+7, no DST)
-- wall-clock time; row_hash is a hash of the business columns, used to tell "unchanged" from
-- "correction". Large fact tables carry no PRIMARY KEY: uniqueness of the natural key is enforced
-- by the ETL merge (an ART index would slow bulk loads and cost memory at national scale).

CREATE SEQUENCE IF NOT EXISTS seq_etl_run START 1;
CREATE SEQUENCE IF NOT EXISTS seq_etl_file START 1;
CREATE SEQUENCE IF NOT EXISTS seq_etl_reject START 1;
CREATE SEQUENCE IF NOT EXISTS seq_employee_sk START 1;

-- ---------------------------------------------------------------- audit
CREATE TABLE etl_run (
    run_id        BIGINT PRIMARY KEY,
    started_at    TIMESTAMP NOT NULL,
    finished_at   TIMESTAMP,
    status        VARCHAR NOT NULL,          -- running | succeeded | failed | partial
    inbox         VARCHAR,
    machine       VARCHAR,
    message       VARCHAR
);

CREATE TABLE etl_file (
    file_id         BIGINT PRIMARY KEY,
    run_id          BIGINT NOT NULL,
    file_name       VARCHAR NOT NULL,
    entity          VARCHAR,
    format          VARCHAR,                 -- csv | xlsx | jsonl
    content_hash    VARCHAR NOT NULL,        -- SHA-256 of the bytes, hex
    size_bytes      BIGINT NOT NULL,
    status          VARCHAR NOT NULL,        -- loaded | duplicate | failed
    rows_read       BIGINT NOT NULL DEFAULT 0,
    rows_loaded     BIGINT NOT NULL DEFAULT 0,
    rows_unchanged  BIGINT NOT NULL DEFAULT 0,
    rows_rejected   BIGINT NOT NULL DEFAULT 0,
    started_at      TIMESTAMP NOT NULL,
    finished_at     TIMESTAMP,
    message         VARCHAR
);

CREATE TABLE etl_warning (
    file_id     BIGINT NOT NULL,
    run_id      BIGINT NOT NULL,
    file_name   VARCHAR NOT NULL,
    message     VARCHAR NOT NULL
);

-- Every rejected row, kept until an operator purges it (spec §3.8).
CREATE TABLE etl_reject (
    reject_id    BIGINT PRIMARY KEY,
    run_id       BIGINT NOT NULL,
    file_id      BIGINT NOT NULL,
    file_name    VARCHAR NOT NULL,
    entity       VARCHAR,
    line_number  BIGINT,                     -- physical line where the record starts (header = 1)
    column_name  VARCHAR,
    reason_code  VARCHAR NOT NULL,
    message      VARCHAR NOT NULL,           -- Indonesian, human-readable
    raw_text     VARCHAR,
    created_at   TIMESTAMP NOT NULL
);

-- ---------------------------------------------------------------- dimensions
CREATE TABLE dim_unit (
    kode_unit    VARCHAR PRIMARY KEY,
    nama_unit    VARCHAR NOT NULL,
    jenis_unit   VARCHAR NOT NULL,
    kode_induk   VARCHAR,                    -- parent unit (a kelurahan's kecamatan)
    populasi     BIGINT,                     -- served population, optional (Krejcie & Morgan sample)
    row_hash     UBIGINT NOT NULL,
    etl_file_id  BIGINT,
    updated_at   TIMESTAMP
);

-- SCD type 2 over unit, golongan and jabatan; half-open validity [valid_from, valid_to),
-- valid_to = 9999-12-31 for the current version.
CREATE TABLE dim_employee (
    employee_sk         BIGINT PRIMARY KEY DEFAULT nextval('seq_employee_sk'),
    nip                 VARCHAR NOT NULL,
    nama                VARCHAR NOT NULL,
    jenis_kelamin       VARCHAR,
    tanggal_lahir       DATE,
    status_kepegawaian  VARCHAR,
    golongan            VARCHAR,
    jenis_jabatan       VARCHAR,
    nama_jabatan        VARCHAR NOT NULL,
    kode_unit           VARCHAR NOT NULL,
    pendidikan          VARCHAR,
    tmt_cpns            DATE,                -- from the NIP; tenure
    valid_from          DATE NOT NULL,
    valid_to            DATE NOT NULL DEFAULT DATE '9999-12-31',
    is_current          BOOLEAN NOT NULL,
    tracked_hash        UBIGINT NOT NULL,    -- hash of the SCD2-tracked columns
    row_hash            UBIGINT NOT NULL,    -- hash of all columns
    source              VARCHAR NOT NULL,    -- pegawai | mutasi
    etl_file_id         BIGINT
);

CREATE TABLE dim_training_course (
    kode_pelatihan   VARCHAR PRIMARY KEY,
    nama_pelatihan   VARCHAR NOT NULL,
    jenis_pelatihan  VARCHAR NOT NULL
);

CREATE TABLE dim_date AS
SELECT
    d::DATE                                   AS date_key,
    year(d)                                   AS year,
    quarter(d)                                AS quarter,
    month(d)                                  AS month,
    CASE WHEN month(d) <= 6 THEN 1 ELSE 2 END AS semester,
    isoyear(d)                                AS iso_year,
    week(d)                                   AS iso_week,
    isodow(d)                                 AS iso_dow,      -- 1 = Monday
    isodow(d) >= 6                            AS is_weekend
FROM range(DATE '2000-01-01', DATE '2041-01-01', INTERVAL 1 DAY) t(d);

-- ---------------------------------------------------------------- facts
CREATE TABLE fact_mutasi (
    id_mutasi         VARCHAR NOT NULL,
    nip               VARCHAR NOT NULL,
    jenis_mutasi      VARCHAR NOT NULL,
    tanggal_efektif   DATE NOT NULL,
    kode_unit_asal    VARCHAR,
    kode_unit_tujuan  VARCHAR,
    golongan_baru     VARCHAR,
    jabatan_baru      VARCHAR,
    nomor_sk          VARCHAR,
    row_hash          UBIGINT NOT NULL,
    etl_file_id       BIGINT NOT NULL
);

CREATE TABLE fact_diklat (
    id_diklat         VARCHAR NOT NULL,
    nip               VARCHAR NOT NULL,
    kode_pelatihan    VARCHAR NOT NULL,
    nama_pelatihan    VARCHAR NOT NULL,
    jenis_pelatihan   VARCHAR NOT NULL,
    tanggal_mulai     DATE NOT NULL,
    tanggal_selesai   DATE NOT NULL,
    jp                INTEGER NOT NULL,
    status            VARCHAR NOT NULL,
    nilai_reaksi      DOUBLE,
    nilai_pre_test    DOUBLE,
    nilai_post_test   DOUBLE,
    row_hash          UBIGINT NOT NULL,
    etl_file_id       BIGINT NOT NULL
);

CREATE TABLE fact_kinerja (
    id_penilaian     VARCHAR NOT NULL,
    nip              VARCHAR NOT NULL,
    periode          VARCHAR NOT NULL,       -- YYYY-MM | YYYY-Qn | YYYY
    jenis_periode    VARCHAR NOT NULL,       -- bulanan | triwulanan | tahunan
    periode_mulai    DATE NOT NULL,
    periode_selesai  DATE NOT NULL,
    hasil_kerja      VARCHAR NOT NULL,
    perilaku_kerja   VARCHAR NOT NULL,
    predikat         VARCHAR NOT NULL,       -- PermenPANRB 6/2022 matrix, derived when absent
    skor_predikat    TINYINT NOT NULL,       -- Sangat Baik 5 … Sangat Kurang 1
    nilai_skp        DOUBLE,
    kode_unit        VARCHAR NOT NULL,
    row_hash         UBIGINT NOT NULL,
    etl_file_id      BIGINT NOT NULL
);

CREATE TABLE fact_cuti (
    id_pengajuan     VARCHAR NOT NULL,
    nip              VARCHAR NOT NULL,
    jenis_cuti       VARCHAR NOT NULL,
    kanal            VARCHAR NOT NULL,
    waktu_pengajuan  TIMESTAMP NOT NULL,     -- WIB
    waktu_keputusan  TIMESTAMP,              -- WIB; NULL while pending
    status           VARCHAR NOT NULL,
    tanggal_mulai    DATE NOT NULL,
    tanggal_selesai  DATE NOT NULL,
    lama_hari        INTEGER NOT NULL,
    kode_unit        VARCHAR NOT NULL,
    row_hash         UBIGINT NOT NULL,
    etl_file_id      BIGINT NOT NULL
);

CREATE TABLE fact_skm (
    id_responden     VARCHAR NOT NULL,
    kode_unit        VARCHAR NOT NULL,
    jenis_layanan    VARCHAR NOT NULL,
    tanggal_survei   DATE NOT NULL,
    u1 TINYINT, u2 TINYINT, u3 TINYINT, u4 TINYINT, u5 TINYINT,
    u6 TINYINT, u7 TINYINT, u8 TINYINT, u9 TINYINT,   -- 1…4, NULL = not answered
    jenis_kelamin    VARCHAR,
    usia             INTEGER,
    pendidikan       VARCHAR,
    pekerjaan        VARCHAR,
    saran            VARCHAR,
    row_hash         UBIGINT NOT NULL,
    etl_file_id      BIGINT NOT NULL
);

-- Corrections: the superseded version of a fact row, with the file that replaced it.
CREATE TABLE fact_mutasi_history  AS SELECT *, NULL::TIMESTAMP AS superseded_at, NULL::BIGINT AS superseded_by_file FROM fact_mutasi  LIMIT 0;
CREATE TABLE fact_diklat_history  AS SELECT *, NULL::TIMESTAMP AS superseded_at, NULL::BIGINT AS superseded_by_file FROM fact_diklat  LIMIT 0;
CREATE TABLE fact_kinerja_history AS SELECT *, NULL::TIMESTAMP AS superseded_at, NULL::BIGINT AS superseded_by_file FROM fact_kinerja LIMIT 0;
CREATE TABLE fact_cuti_history    AS SELECT *, NULL::TIMESTAMP AS superseded_at, NULL::BIGINT AS superseded_by_file FROM fact_cuti    LIMIT 0;
CREATE TABLE fact_skm_history     AS SELECT *, NULL::TIMESTAMP AS superseded_at, NULL::BIGINT AS superseded_by_file FROM fact_skm     LIMIT 0;
