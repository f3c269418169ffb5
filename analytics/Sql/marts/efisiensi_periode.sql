-- efisiensi_periode: leave-administration summary per unit (and 'KOTA') over requests submitted in
-- [$mulai, $akhir): requests, decided, online share, median/p90 processing time (hours, working days).
-- Used by `kepegawaian efisiensi` for any period (medians cannot be combined from monthly cells).
WITH c AS (
    {efisiensi_cuti}
)
SELECT
    coalesce(kode_unit, 'KOTA')                 AS kode_unit,
    count(*)::BIGINT                            AS n,
    count(waktu_keputusan)::BIGINT              AS n_diputus,
    avg((kanal = 'online')::INT)                AS share_online,
    quantile_cont(jam, 0.5)                     AS median_jam,
    quantile_cont(jam, 0.9)                     AS p90_jam,
    quantile_cont(hari_kerja, 0.5)              AS median_hari_kerja,
    quantile_cont(hari_kerja, 0.9)              AS p90_hari_kerja
FROM c
WHERE waktu_pengajuan >= CAST($mulai AS TIMESTAMP) AND waktu_pengajuan < CAST($akhir AS TIMESTAMP)
GROUP BY GROUPING SETS ((kode_unit), ())
ORDER BY kode_unit
