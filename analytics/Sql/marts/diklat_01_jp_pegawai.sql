-- mart_jp_pegawai: one row per employee × calendar year in which the employee was in service
-- (a dim_employee version overlaps the year). jp = Σ jp of `lulus` training completed
-- (tanggal_selesai) that year, all jenis counted; patuh = jp ≥ 20, kekurangan_jp = what is missing to 20 (PP 11/2017 as amended by
-- PP 17/2020: at least 20 JP of competence development a year). Unit, golongan, jenis_jabatan
-- are those of the last version in the year. Years span the years present in fact_diklat.
CREATE OR REPLACE TABLE mart_jp_pegawai AS
WITH batas AS (
    SELECT min(year(tanggal_selesai)) AS awal, max(year(tanggal_selesai)) AS akhir FROM fact_diklat
),
tahun AS (
    SELECT range AS tahun FROM batas, range(batas.awal, batas.akhir + 1) WHERE batas.awal IS NOT NULL
),
aktif AS (
    SELECT t.tahun, e.nip,
           arg_max(e.nama, e.valid_from) AS nama,
           arg_max(e.kode_unit, e.valid_from) AS kode_unit,
           arg_max(e.golongan, e.valid_from) AS golongan,
           arg_max(e.jenis_jabatan, e.valid_from) AS jenis_jabatan
    FROM tahun t
    JOIN dim_employee e ON e.valid_from < make_date(t.tahun::INTEGER + 1, 1, 1) AND e.valid_to > make_date(t.tahun::INTEGER, 1, 1)
    GROUP BY t.tahun, e.nip
),
jp AS (
    SELECT nip, year(tanggal_selesai) AS tahun, sum(jp) AS jp
    FROM fact_diklat
    WHERE status = 'lulus'
    GROUP BY ALL
)
SELECT a.nip, a.nama, a.kode_unit, a.golongan, a.jenis_jabatan, a.tahun::INTEGER AS tahun,
       coalesce(jp.jp, 0)::INTEGER AS jp,
       coalesce(jp.jp, 0) >= 20 AS patuh,
       greatest(20 - coalesce(jp.jp, 0), 0)::INTEGER AS kekurangan_jp   -- JP still missing to reach 20 that year
FROM aktif a
LEFT JOIN jp ON jp.nip = a.nip AND jp.tahun = a.tahun
ORDER BY a.tahun, a.kode_unit, a.nip;
