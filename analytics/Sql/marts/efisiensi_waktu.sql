-- efisiensi_waktu → mart_cuti_waktu (finest grain) and mart_cuti_waktu_ringkas (roll-ups): median and p90 (linear interpolation, quantile_cont) of the
-- processing time of decided requests, per unit, kanal, jenis_cuti and month (first day of the month of waktu_pengajuan)
-- and their roll-ups. A NULL dimension means "all"; tingkat names the dimensions present
-- (e.g. 'unit+bulan', 'kanal', 'semua').
WITH c AS (
    {efisiensi_cuti}
)
SELECT
    coalesce(nullif(concat_ws('+',
        CASE WHEN grouping(kode_unit) = 0 THEN 'unit' END,
        CASE WHEN grouping(kanal) = 0 THEN 'kanal' END,
        CASE WHEN grouping(jenis_cuti) = 0 THEN 'jenis_cuti' END,
        CASE WHEN grouping(bulan) = 0 THEN 'bulan' END), ''), 'semua') AS tingkat,
    kode_unit, kanal, jenis_cuti, bulan,
    count(*)::BIGINT                     AS n,
    quantile_cont(jam, 0.5)              AS median_jam,
    quantile_cont(jam, 0.9)              AS p90_jam,
    quantile_cont(hari_kerja, 0.5)       AS median_hari_kerja,
    quantile_cont(hari_kerja, 0.9)       AS p90_hari_kerja
FROM c
WHERE waktu_keputusan IS NOT NULL
GROUP BY GROUPING SETS (
    (kode_unit, kanal, jenis_cuti, bulan),
    (kode_unit, kanal, bulan), (kode_unit, bulan), (kanal, bulan), (jenis_cuti, bulan), (bulan),
    (kode_unit, kanal), (kode_unit), (kanal), (jenis_cuti), ()
)
ORDER BY tingkat, kode_unit NULLS FIRST, kanal NULLS FIRST, jenis_cuti NULLS FIRST, bulan NULLS FIRST
