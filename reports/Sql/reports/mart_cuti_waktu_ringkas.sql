-- Processing-time medians at the month levels the report and dashboard show (Kaplan–Meier medians of requests,
-- pending ones counted at their age; a NULL kode_unit or kanal means all). Finer cells (per jenis_cuti) are not needed here.
SELECT kode_unit, kanal, bulan, n, median_jam, p90_jam, median_hari_kerja, p90_hari_kerja, n_tertunda, stabil
FROM mart_cuti_waktu_ringkas
WHERE tingkat IN ('bulan', 'kanal+bulan', 'unit+bulan', 'unit+kanal+bulan')
