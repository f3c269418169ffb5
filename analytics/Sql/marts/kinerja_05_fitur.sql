-- mart_kinerja_fitur: one row per employee × quarter t (quarterly appraisals), the input of the
-- drivers model (KinerjaDrivers): performance now and one quarter earlier, the next quarter's
-- performance (target), lulus training in the last four quarters (t−3 … t, by quarter of
-- tanggal_selesai: JP and count per jenis), approved leave days starting in those quarters
-- (cuti_hari_4q.sql, a column a cuti load patches alone: fitur_cuti.sql), tenure in years at the appraisal (from tmt_cpns),
-- unit, golongan, jenis_jabatan.
CREATE OR REPLACE TABLE mart_kinerja_fitur AS
WITH p AS (
    SELECT nip, indeks_triwulan AS t, kode_unit, golongan, jenis_jabatan, tmt_cpns, nilai_skp, skor, periode_selesai
    FROM mart_kinerja_pegawai
    WHERE jenis_periode = 'triwulan'
),
d AS (
    SELECT nip, year(tanggal_selesai) * 4 + quarter(tanggal_selesai) - 1 AS t, jenis_pelatihan, jp
    FROM fact_diklat
    WHERE status = 'lulus'
),
latih AS (
    SELECT p.nip, p.t,
           sum(d.jp)::INTEGER AS jp_4q,
           count(*) FILTER (WHERE d.jenis_pelatihan = 'latsar') AS n_latsar_4q,
           count(*) FILTER (WHERE d.jenis_pelatihan = 'manajerial') AS n_manajerial_4q,
           count(*) FILTER (WHERE d.jenis_pelatihan = 'teknis') AS n_teknis_4q,
           count(*) FILTER (WHERE d.jenis_pelatihan = 'fungsional') AS n_fungsional_4q,
           count(*) FILTER (WHERE d.jenis_pelatihan = 'sosial_kultural') AS n_sosial_kultural_4q,
           count(*) FILTER (WHERE d.jenis_pelatihan = 'e_learning') AS n_e_learning_4q
    FROM p JOIN d ON d.nip = p.nip AND d.t BETWEEN p.t - 3 AND p.t
    GROUP BY p.nip, p.t
),
cuti_sumber AS (
    SELECT nip, tanggal_mulai, lama_hari, status FROM fact_cuti
),
cuti AS (
    {cuti_hari_4q}
)
SELECT p.nip, p.t AS indeks_triwulan, p.kode_unit, p.golongan, p.jenis_jabatan,
       date_diff('day', p.tmt_cpns, p.periode_selesai) / 365.25 AS masa_kerja_tahun,
       p.nilai_skp, p.skor,
       lalu.nilai_skp AS nilai_skp_lalu, lalu.skor AS skor_lalu,
       berikut.nilai_skp AS nilai_skp_berikut, berikut.skor AS skor_berikut,
       coalesce(l.jp_4q, 0) AS jp_4q,
       coalesce(l.n_latsar_4q, 0) AS n_latsar_4q,
       coalesce(l.n_manajerial_4q, 0) AS n_manajerial_4q,
       coalesce(l.n_teknis_4q, 0) AS n_teknis_4q,
       coalesce(l.n_fungsional_4q, 0) AS n_fungsional_4q,
       coalesce(l.n_sosial_kultural_4q, 0) AS n_sosial_kultural_4q,
       coalesce(l.n_e_learning_4q, 0) AS n_e_learning_4q,
       coalesce(c.cuti_hari_4q, 0) AS cuti_hari_4q
FROM p
LEFT JOIN p AS lalu ON lalu.nip = p.nip AND lalu.t = p.t - 1
LEFT JOIN p AS berikut ON berikut.nip = p.nip AND berikut.t = p.t + 1
LEFT JOIN latih l ON l.nip = p.nip AND l.t = p.t
LEFT JOIN cuti c ON c.nip = p.nip AND c.t = p.t;
