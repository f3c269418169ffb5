-- mart_kinerja_fitur: one row per employee × quarter t (quarterly appraisals), the input of the
-- drivers model (KinerjaDrivers): performance now and one quarter earlier, the next quarter's
-- performance (target), lulus training in the last four quarters (t−3 … t, by quarter of
-- tanggal_selesai: JP and count per jenis), approved leave days starting in those quarters
-- (cuti_hari_4q.sql, a column a cuti load patches alone: fitur_cuti.sql), tenure in years at the appraisal (from tmt_cpns),
-- unit, golongan, jenis_jabatan.
-- Speed (issue 14, 1 M employees × 3 years: 64.6 → see bench/README.md): the grouping and joins run on a dense integer per
-- employee (ids) rather than the 18-character NIP, and training is summed per quarter first, then spread over the
-- four windows that hold it (an equi-join, as cuti_hari_4q.sql does) instead of a range join per appraisal.

CREATE OR REPLACE TABLE mart_kinerja_fitur AS
WITH ids AS (
    SELECT nip, (row_number() OVER ())::INTEGER AS id
    FROM (SELECT DISTINCT nip FROM mart_kinerja_pegawai WHERE jenis_periode = 'triwulan')
),
p AS (
    SELECT id, nip, indeks_triwulan AS t, kode_unit, golongan, jenis_jabatan, tmt_cpns, nilai_skp, skor, periode_selesai
    FROM mart_kinerja_pegawai JOIN ids USING (nip)
    WHERE jenis_periode = 'triwulan'
),
latih_per_triwulan AS (
    SELECT ids.id, year(tanggal_selesai) * 4 + quarter(tanggal_selesai) - 1 AS t,
           sum(jp) AS jp,
           count(*) FILTER (WHERE jenis_pelatihan = 'latsar') AS n_latsar,
           count(*) FILTER (WHERE jenis_pelatihan = 'manajerial') AS n_manajerial,
           count(*) FILTER (WHERE jenis_pelatihan = 'teknis') AS n_teknis,
           count(*) FILTER (WHERE jenis_pelatihan = 'fungsional') AS n_fungsional,
           count(*) FILTER (WHERE jenis_pelatihan = 'sosial_kultural') AS n_sosial_kultural,
           count(*) FILTER (WHERE jenis_pelatihan = 'e_learning') AS n_e_learning
    FROM fact_diklat JOIN ids USING (nip)
    WHERE status = 'lulus'
    GROUP BY ALL
),
latih AS (
    SELECT id, t + geser AS t,
           sum(jp)::INTEGER AS jp_4q,
           sum(n_latsar)::BIGINT AS n_latsar_4q,
           sum(n_manajerial)::BIGINT AS n_manajerial_4q,
           sum(n_teknis)::BIGINT AS n_teknis_4q,
           sum(n_fungsional)::BIGINT AS n_fungsional_4q,
           sum(n_sosial_kultural)::BIGINT AS n_sosial_kultural_4q,
           sum(n_e_learning)::BIGINT AS n_e_learning_4q
    FROM latih_per_triwulan, range(4) AS jendela(geser)
    GROUP BY ALL
),
-- The include groups by the column named nip: here the employee's integer id.
cuti_sumber AS (
    SELECT ids.id AS nip, tanggal_mulai, lama_hari, status FROM fact_cuti JOIN ids USING (nip)
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
LEFT JOIN p AS lalu ON lalu.id = p.id AND lalu.t = p.t - 1
LEFT JOIN p AS berikut ON berikut.id = p.id AND berikut.t = p.t + 1
LEFT JOIN latih l ON l.id = p.id AND l.t = p.t
LEFT JOIN cuti c ON c.nip = p.id AND c.t = p.t;
