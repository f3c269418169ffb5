-- efisiensi_online → mart_cuti_online (units × month) and mart_cuti_online_periode (all rows): share of requests submitted online per unit (and 'KOTA')
-- per month, quarter and year (of waktu_pengajuan), with the previous period of the same kind.
-- tetap_manual: below the target share ($target) in this period and the previous one — a unit that
-- stays on paper. $akhir (TIMESTAMP, NULL = no cut): only requests submitted before it, so a running month can end with a report week.
WITH c AS (
    SELECT * FROM (
        {efisiensi_cuti}
    ) WHERE CAST($akhir AS TIMESTAMP) IS NULL OR waktu_pengajuan < CAST($akhir AS TIMESTAMP)
),
u AS (
    SELECT kode_unit, kanal, waktu_pengajuan FROM c
    UNION ALL
    SELECT 'KOTA', kanal, waktu_pengajuan FROM c
),
p AS (
    SELECT kode_unit, kanal, 'bulan' AS jenis_periode, strftime(waktu_pengajuan, '%Y-%m') AS periode,
           CAST(date_trunc('month', waktu_pengajuan) AS DATE) AS periode_mulai, INTERVAL 1 MONTH AS panjang FROM u
    UNION ALL
    SELECT kode_unit, kanal, 'triwulan', year(waktu_pengajuan) || '-Q' || quarter(waktu_pengajuan),
           CAST(date_trunc('quarter', waktu_pengajuan) AS DATE), INTERVAL 3 MONTH FROM u
    UNION ALL
    SELECT kode_unit, kanal, 'tahun', CAST(year(waktu_pengajuan) AS VARCHAR),
           CAST(date_trunc('year', waktu_pengajuan) AS DATE), INTERVAL 1 YEAR FROM u
),
agg AS (
    SELECT kode_unit, jenis_periode, periode, periode_mulai, any_value(panjang) AS panjang,
           count(*)::BIGINT AS n,
           count(*) FILTER (WHERE kanal = 'online')::BIGINT AS n_online,
           avg((kanal = 'online')::INT) AS share_online
    FROM p
    GROUP BY kode_unit, jenis_periode, periode, periode_mulai
)
SELECT
    a.kode_unit, a.jenis_periode, a.periode, a.periode_mulai, a.n, a.n_online, a.share_online,
    b.share_online                                        AS share_online_sebelumnya,
    a.share_online - b.share_online                       AS perubahan,
    coalesce(a.share_online < $target AND b.share_online < $target, false) AS tetap_manual
FROM agg a
LEFT JOIN agg b ON b.kode_unit = a.kode_unit AND b.jenis_periode = a.jenis_periode
               AND b.periode_mulai = CAST(a.periode_mulai - a.panjang AS DATE)
ORDER BY a.kode_unit, a.jenis_periode, a.periode_mulai
