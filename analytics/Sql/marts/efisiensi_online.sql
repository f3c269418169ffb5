-- efisiensi_online → mart_cuti_online (units × month) and mart_cuti_online_periode (all rows): share of requests submitted online per unit (and 'KOTA')
-- per month, quarter and year (of waktu_pengajuan), with the previous period of the same kind.
-- Every request counts as a submission in its channel, a cancelled one too (efisiensi_cuti), so this reads fact_cuti itself:
-- it needs no working-day clock. Counted per unit × month first; quarters, years and the city add those counts up.
-- tetap_manual: below the target share ($target) in this period and the previous one — a unit that
-- stays on paper. $akhir (TIMESTAMP, NULL = no cut): only requests submitted before it, so a running month can end with a report week.
WITH bulan AS (
    SELECT kode_unit, CAST(date_trunc('month', waktu_pengajuan) AS DATE) AS bulan,
           count(*)::BIGINT AS n, count(*) FILTER (WHERE kanal = 'online')::BIGINT AS n_online
    FROM fact_cuti
    WHERE CAST($akhir AS TIMESTAMP) IS NULL OR waktu_pengajuan < CAST($akhir AS TIMESTAMP)
    GROUP BY ALL
),
u AS (
    SELECT kode_unit, bulan, n, n_online FROM bulan
    UNION ALL
    SELECT 'KOTA', bulan, n, n_online FROM bulan
),
p AS (
    SELECT kode_unit, 'bulan' AS jenis_periode, strftime(bulan, '%Y-%m') AS periode, bulan AS periode_mulai,
           INTERVAL 1 MONTH AS panjang, n, n_online FROM u
    UNION ALL
    SELECT kode_unit, 'triwulan', year(bulan) || '-Q' || quarter(bulan), CAST(date_trunc('quarter', bulan) AS DATE),
           INTERVAL 3 MONTH, n, n_online FROM u
    UNION ALL
    SELECT kode_unit, 'tahun', CAST(year(bulan) AS VARCHAR), CAST(date_trunc('year', bulan) AS DATE),
           INTERVAL 1 YEAR, n, n_online FROM u
),
agg AS (
    SELECT kode_unit, jenis_periode, periode, periode_mulai, any_value(panjang) AS panjang,
           sum(n)::BIGINT AS n, sum(n_online)::BIGINT AS n_online, sum(n_online) / sum(n) AS share_online
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
