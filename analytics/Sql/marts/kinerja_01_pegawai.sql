-- mart_kinerja_pegawai: one row per employee × quarter ('YYYY-Qn') and per employee × year ('YYYY').
-- Quarter rows come from monthly/quarterly appraisals (quarter of periode_mulai): nilai_skp and
-- skor are the means of the appraisals in the quarter, predikat is the one that closes it (latest
-- periode_selesai). Year rows use the annual appraisal where there is one, else the year's periodic
-- appraisals the same way. Golongan and jenis_jabatan come from the SCD2 version of dim_employee
-- valid at the appraisal's end: periode_selesai in [valid_from, valid_to).
-- predikat and skor are the SOURCE's (fact_kinerja.predikat / skor_predikat): under Etl:PredikatPolicy = KeepAndWarn a
-- predikat that contradicts the PermenPANRB 6/2022 matrix is kept as given (the official one); the matrix's value is
-- fact_kinerja.predikat_matriks, counted in mart_kualitas_data, and is not used here.
CREATE OR REPLACE TABLE mart_kinerja_pegawai AS
WITH periodik AS (
    SELECT nip, year(periode_mulai) AS tahun, quarter(periode_mulai) AS triwulan,
           avg(nilai_skp) AS nilai_skp, avg(skor_predikat) AS skor,
           arg_max(predikat, periode_selesai) AS predikat,
           arg_max(kode_unit, periode_selesai) AS kode_unit,
           max(periode_selesai) AS periode_selesai
    FROM fact_kinerja
    WHERE jenis_periode <> 'tahunan'
    GROUP BY nip, year(periode_mulai), quarter(periode_mulai)
),
tahunan AS (
    SELECT nip, year(periode_mulai) AS tahun,
           avg(nilai_skp) AS nilai_skp, avg(skor_predikat) AS skor,
           arg_max(predikat, periode_selesai) AS predikat,
           arg_max(kode_unit, periode_selesai) AS kode_unit,
           max(periode_selesai) AS periode_selesai
    FROM fact_kinerja
    WHERE jenis_periode = 'tahunan'
    GROUP BY nip, year(periode_mulai)
),
tahun_dari_periodik AS (
    SELECT nip, tahun,
           avg(nilai_skp) AS nilai_skp, avg(skor) AS skor,
           arg_max(predikat, periode_selesai) AS predikat,
           arg_max(kode_unit, periode_selesai) AS kode_unit,
           max(periode_selesai) AS periode_selesai
    FROM periodik p
    WHERE NOT EXISTS (SELECT 1 FROM tahunan t WHERE t.nip = p.nip AND t.tahun = p.tahun)
    GROUP BY nip, tahun
),
semua AS (
    SELECT nip, 'triwulan' AS jenis_periode, tahun, triwulan,
           printf('%d-Q%d', tahun, triwulan) AS periode,
           tahun * 4 + triwulan - 1 AS indeks_triwulan,
           nilai_skp, skor, predikat, kode_unit, periode_selesai
    FROM periodik
    UNION ALL
    SELECT nip, 'tahun', tahun, NULL, tahun::VARCHAR, NULL, nilai_skp, skor, predikat, kode_unit, periode_selesai
    FROM tahunan
    UNION ALL
    SELECT nip, 'tahun', tahun, NULL, tahun::VARCHAR, NULL, nilai_skp, skor, predikat, kode_unit, periode_selesai
    FROM tahun_dari_periodik
)
SELECT s.nip, s.jenis_periode, s.periode, s.tahun, s.triwulan, s.indeks_triwulan,
       s.kode_unit, e.golongan, e.jenis_jabatan, e.tmt_cpns,
       s.nilai_skp, s.skor, s.predikat, s.periode_selesai
FROM semua s
LEFT JOIN dim_employee e
       ON e.nip = s.nip AND s.periode_selesai >= e.valid_from AND s.periode_selesai < e.valid_to;
