-- ikm_asosiasi: per unit and calendar year (years that have survey responses), the unit's mean
-- performance and its 20 JP training coverage, to set beside its IKM (joined in C#, IkmAssociation).
-- Performance: each employee's mean over the year's appraisals in that unit (fact_kinerja.kode_unit, the
--   unit at appraisal time), then the mean over employees — so monthly appraisals do not outweigh
--   annual ones. nilai_skp where present (spec §4: primary numeric outcome), skor_predikat (1–5) always: the source's
--   predikat's score, also where it contradicts the matrix (Etl:PredikatPolicy = KeepAndWarn, see kinerja_01_pegawai.sql).
-- Coverage (PP 11/2017 jo. PP 17/2020, ≥ 20 JP a year): staff = employees whose dim_employee version is
--   valid on 31 December of the year in that unit; compliant = ≥ 20 JP of `lulus` training finished in the year.
WITH years AS (
    SELECT DISTINCT year(tanggal_survei) AS tahun FROM fact_skm
),
staff AS (
    SELECT DISTINCT y.tahun, e.kode_unit, e.nip
    FROM years y
    JOIN dim_employee e ON e.valid_from <= make_date(y.tahun, 12, 31) AND e.valid_to > make_date(y.tahun, 12, 31)
),
jp AS (
    SELECT nip, year(tanggal_selesai) AS tahun, sum(jp) AS jp
    FROM fact_diklat WHERE status = 'lulus' GROUP BY ALL
),
cakupan AS (
    SELECT s.tahun, s.kode_unit, count(*)::BIGINT AS n_pegawai,
           count(*) FILTER (WHERE coalesce(jp.jp, 0) >= 20)::BIGINT AS n_20jp
    FROM staff s LEFT JOIN jp ON jp.nip = s.nip AND jp.tahun = s.tahun
    GROUP BY ALL
),
per_pegawai AS (
    SELECT kode_unit, year(periode_mulai) AS tahun, nip, avg(nilai_skp) AS skp, avg(skor_predikat) AS skor
    FROM fact_kinerja WHERE year(periode_mulai) IN (SELECT tahun FROM years)
    GROUP BY ALL
),
kinerja AS (
    SELECT kode_unit, tahun, avg(skp) AS rata_nilai_skp, avg(skor) AS rata_skor_predikat, count(*)::BIGINT AS n_dinilai
    FROM per_pegawai GROUP BY ALL
)
SELECT kode_unit, tahun, c.n_pegawai, c.n_20jp,
       CAST(c.n_20jp AS DOUBLE) / nullif(c.n_pegawai, 0) AS cakupan_20jp,
       k.rata_nilai_skp, k.rata_skor_predikat, k.n_dinilai
FROM cakupan c
FULL OUTER JOIN kinerja k USING (kode_unit, tahun)
ORDER BY kode_unit, tahun
