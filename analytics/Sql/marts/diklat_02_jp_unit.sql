-- mart_jp_unit: one row per unit × year: employees in service, how many met 20 JP, and the share.
CREATE OR REPLACE TABLE mart_jp_unit AS
SELECT p.kode_unit, coalesce(u.nama_unit, p.kode_unit) AS nama_unit, p.tahun,
       count(*) AS pegawai,
       count(*) FILTER (WHERE p.patuh) AS patuh,
       count(*) FILTER (WHERE p.patuh) / count(*) AS share_patuh
FROM mart_jp_pegawai p
LEFT JOIN dim_unit u ON u.kode_unit = p.kode_unit
GROUP BY ALL
ORDER BY p.tahun, p.kode_unit;

-- mart_jp_cakupan: city-wide 20 JP coverage per year by golongan and by jenis_jabatan.
CREATE OR REPLACE TABLE mart_jp_cakupan AS
WITH d AS (
    SELECT tahun, 'golongan' AS dimensi, coalesce(golongan, 'tidak_diketahui') AS kategori, patuh FROM mart_jp_pegawai
    UNION ALL
    SELECT tahun, 'jenis_jabatan', coalesce(jenis_jabatan, 'tidak_diketahui'), patuh FROM mart_jp_pegawai
)
SELECT tahun, dimensi, kategori,
       count(*) AS pegawai,
       count(*) FILTER (WHERE patuh) AS patuh,
       count(*) FILTER (WHERE patuh) / count(*) AS share_patuh
FROM d
GROUP BY ALL
ORDER BY tahun, dimensi, kategori;
