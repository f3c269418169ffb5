-- mart_kinerja_unit: one row per unit × period (quarter and year), from mart_kinerja_pegawai.
-- n counts employees appraised; the five n_* columns are the predikat distribution
-- (PermenPANRB 6/2022); mean_skor is the ordinal score (spec §4: Sangat Baik 5 … Sangat Kurang 1).
CREATE OR REPLACE TABLE mart_kinerja_unit AS
SELECT p.kode_unit, coalesce(u.nama_unit, p.kode_unit) AS nama_unit, p.periode, p.jenis_periode,
       p.tahun, p.triwulan, p.indeks_triwulan,
       count(*) AS n,
       avg(p.nilai_skp) AS mean_nilai_skp,
       avg(p.skor) AS mean_skor,
       count(*) FILTER (WHERE p.predikat = 'Sangat Baik') AS n_sangat_baik,
       count(*) FILTER (WHERE p.predikat = 'Baik') AS n_baik,
       count(*) FILTER (WHERE p.predikat = 'Butuh Perbaikan') AS n_butuh_perbaikan,
       count(*) FILTER (WHERE p.predikat = 'Kurang/Misconduct') AS n_kurang,
       count(*) FILTER (WHERE p.predikat = 'Sangat Kurang') AS n_sangat_kurang
FROM mart_kinerja_pegawai p
LEFT JOIN dim_unit u ON u.kode_unit = p.kode_unit
GROUP BY ALL
ORDER BY p.kode_unit, p.jenis_periode, p.periode;
