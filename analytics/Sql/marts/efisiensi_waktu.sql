-- efisiensi_waktu → mart_cuti_waktu, mart_cuti_waktu_ringkas and `kepegawaian efisiensi`: median and p90 of the
-- leave processing time (hours and working days) per level, by Kaplan–Meier, so pending requests count.
-- Inputs: $acuan (reference instant, see efisiensi_sensor), $tingkat (comma-separated levels; a level names
-- its dimensions joined by '+' from unit, kanal, jenis_cuti, bulan, or 'semua'), $mulai/$akhir (submission
-- window, NULL = unbounded), $unit (only this kode_unit, NULL = all). A NULL dimension in the output = all.
--
-- Product-limit estimator over the ordered distinct times t of a cell: d decided and c pending (censored)
-- at t, r = requests with time ≥ t (censored at t are still at risk), Ŝ(t) = Π_{tᵢ ≤ t} (1 − dᵢ/rᵢ).
-- Quantile: the KM curve read as pseudo-counts (Efron's redistribute-to-the-right: a pending request's weight
-- passes equally to the requests still open at its age), W(t) = n·(1 − Ŝ(t)) requests decided by t, and
-- V(u) = the first decided time with W ≥ u. Q(p) = V(k) + (h − k)·(V(k+1) − V(k)), h = 1 + (n − 1)·p,
-- k = ⌊h⌋: with nothing pending W counts requests and this is exactly quantile_cont (linear interpolation,
-- the definition used before), so a month with nothing pending keeps its old numbers. Q(p) is NULL ("belum
-- dapat diestimasi") when the curve does not come down far enough for V(k) or V(k+1).
-- W is compared with a tolerance of 1e-9·n for floating-point rounding of the product.
-- stabil: both quantiles are estimated, no pending request is younger than the last decided time p90 uses
-- (so no pending decision can change them: Ŝ up to a censored age never changes), and the cell's month is over.
WITH s AS (
    {efisiensi_sensor}
),
r AS (
    SELECT * FROM s
    WHERE (CAST($mulai AS TIMESTAMP) IS NULL OR waktu_pengajuan >= CAST($mulai AS TIMESTAMP))
      AND (CAST($akhir AS TIMESTAMP) IS NULL OR waktu_pengajuan < CAST($akhir AS TIMESTAMP))
      AND (CAST($unit AS VARCHAR) IS NULL OR kode_unit = CAST($unit AS VARCHAR))
),
tingkat AS (
    SELECT t AS tingkat, string_split(t, '+') AS dimensi
    FROM (SELECT DISTINCT unnest(string_split(CAST($tingkat AS VARCHAR), ',')) AS t)
),
x AS (
    -- each request once per level (its dimensions kept, the others NULL) and per time scale
    SELECT k.tingkat,
           CASE WHEN list_contains(k.dimensi, 'unit') THEN r.kode_unit END        AS kode_unit,
           CASE WHEN list_contains(k.dimensi, 'kanal') THEN r.kanal END           AS kanal,
           CASE WHEN list_contains(k.dimensi, 'jenis_cuti') THEN r.jenis_cuti END AS jenis_cuti,
           CASE WHEN list_contains(k.dimensi, 'bulan') THEN r.bulan END           AS bulan,
           u.skala,
           CASE u.skala WHEN 'jam' THEN r.jam ELSE r.hari_kerja END               AS t,
           r.diputus, r.kanal = 'online'                                          AS online
    FROM r, tingkat k, (VALUES ('jam'), ('hari_kerja')) u(skala)
),
waktu AS (
    SELECT tingkat, kode_unit, kanal, jenis_cuti, bulan, skala, t,
           count(*) FILTER (WHERE diputus)::DOUBLE      AS d,
           count(*) FILTER (WHERE NOT diputus)::DOUBLE  AS c,
           count(*) FILTER (WHERE online)::DOUBLE       AS n_online
    FROM x
    GROUP BY ALL
),
risiko AS (
    SELECT *,
           sum(d + c) OVER sel                                                     AS n,
           sum(d + c) OVER sel - sum(d + c) OVER (sel ORDER BY t) + d + c          AS r
    FROM waktu
    WINDOW sel AS (PARTITION BY tingkat, kode_unit, kanal, jenis_cuti, bulan, skala)
),
km AS (
    SELECT *,
           n * (1 - product(1 - d / r) OVER (PARTITION BY tingkat, kode_unit, kanal, jenis_cuti, bulan, skala ORDER BY t)) AS w,
           1 + (n - 1) * 0.5 AS h50, floor(1 + (n - 1) * 0.5) AS k50,
           1 + (n - 1) * 0.9 AS h90, floor(1 + (n - 1) * 0.9) AS k90,
           1e-9 * n AS tol
    FROM risiko
),
v AS (
    SELECT tingkat, kode_unit, kanal, jenis_cuti, bulan, skala,
           any_value(n) AS n, sum(c) AS n_tertunda, sum(n_online) AS n_online,
           min(t) FILTER (WHERE c > 0) AS tertunda_termuda,
           any_value(h50) AS h50, any_value(k50) AS k50, any_value(h90) AS h90, any_value(k90) AS k90,
           min(t) FILTER (WHERE d > 0 AND w >= k50 - tol)     AS v50a,
           min(t) FILTER (WHERE d > 0 AND w >= k50 + 1 - tol) AS v50b,
           min(t) FILTER (WHERE d > 0 AND w >= k90 - tol)     AS v90a,
           min(t) FILTER (WHERE d > 0 AND w >= k90 + 1 - tol) AS v90b
    FROM km
    GROUP BY ALL
),
q AS (
    SELECT *,
           CASE WHEN h50 = k50 THEN v50a ELSE v50a + (h50 - k50) * (v50b - v50a) END AS q50,
           CASE WHEN h90 = k90 THEN v90a ELSE v90a + (h90 - k90) * (v90b - v90a) END AS q90,
           CASE WHEN h90 = k90 THEN v90a ELSE v90b END                               AS dukungan90
    FROM v
)
SELECT
    tingkat, kode_unit, kanal, jenis_cuti, bulan,
    any_value(n)::BIGINT                                    AS n,
    any_value(n_tertunda)::BIGINT                           AS n_tertunda,
    any_value(n_online) / any_value(n)                      AS share_online,
    any_value(q50) FILTER (WHERE skala = 'jam')             AS median_jam,
    any_value(q90) FILTER (WHERE skala = 'jam')             AS p90_jam,
    any_value(q50) FILTER (WHERE skala = 'hari_kerja')      AS median_hari_kerja,
    any_value(q90) FILTER (WHERE skala = 'hari_kerja')      AS p90_hari_kerja,
    bool_and(q50 IS NOT NULL AND q90 IS NOT NULL AND (tertunda_termuda IS NULL OR dukungan90 <= tertunda_termuda))
        AND (bulan IS NULL OR bulan + INTERVAL 1 MONTH <= CAST($acuan AS TIMESTAMP)) AS stabil,
    CAST($acuan AS TIMESTAMP)                               AS waktu_acuan
FROM q
GROUP BY tingkat, kode_unit, kanal, jenis_cuti, bulan
ORDER BY tingkat, kode_unit NULLS FIRST, kanal NULLS FIRST, jenis_cuti NULLS FIRST, bulan NULLS FIRST
