-- Rows per fact table and calendar year of the event.
SELECT 'mutasi'  AS entitas, year(tanggal_efektif) AS tahun, count(*) AS baris FROM fact_mutasi  GROUP BY ALL
UNION ALL
SELECT 'diklat',  year(tanggal_selesai), count(*) FROM fact_diklat  GROUP BY ALL
UNION ALL
SELECT 'kinerja', year(periode_mulai),   count(*) FROM fact_kinerja GROUP BY ALL
UNION ALL
SELECT 'cuti',    year(waktu_pengajuan), count(*) FROM fact_cuti    GROUP BY ALL
UNION ALL
SELECT 'skm',     year(tanggal_survei),  count(*) FROM fact_skm     GROUP BY ALL
ORDER BY entitas, tahun
