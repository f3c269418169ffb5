-- mart_kinerja_rincian: the unit × period figures broken down by jenis_jabatan and by golongan
-- (dimensi = 'jenis_jabatan' | 'golongan'; kategori = the value, 'tidak_diketahui' when the
-- employee has no dim_employee version valid at the appraisal date).
CREATE OR REPLACE TABLE mart_kinerja_rincian AS
WITH d AS (
    SELECT kode_unit, periode, jenis_periode, 'jenis_jabatan' AS dimensi,
           coalesce(jenis_jabatan, 'tidak_diketahui') AS kategori, nilai_skp, skor, predikat
    FROM mart_kinerja_pegawai
    UNION ALL
    SELECT kode_unit, periode, jenis_periode, 'golongan',
           coalesce(golongan, 'tidak_diketahui'), nilai_skp, skor, predikat
    FROM mart_kinerja_pegawai
)
SELECT kode_unit, periode, jenis_periode, dimensi, kategori,
       count(*) AS n,
       avg(nilai_skp) AS mean_nilai_skp,
       avg(skor) AS mean_skor,
       count(*) FILTER (WHERE predikat = 'Sangat Baik') AS n_sangat_baik,
       count(*) FILTER (WHERE predikat = 'Baik') AS n_baik,
       count(*) FILTER (WHERE predikat = 'Butuh Perbaikan') AS n_butuh_perbaikan,
       count(*) FILTER (WHERE predikat = 'Kurang/Misconduct') AS n_kurang,
       count(*) FILTER (WHERE predikat = 'Sangat Kurang') AS n_sangat_kurang
FROM d
GROUP BY ALL
ORDER BY kode_unit, jenis_periode, periode, dimensi, kategori;
