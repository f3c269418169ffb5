-- efisiensi_tertunda → mart_cuti_tertunda: as of a reference instant $acuan (local wall clock, Schedule:TimeZone), among requests
-- submitted at least $batas working days earlier (W($acuan) − W(waktu_pengajuan) ≥ $batas, W as in
-- efisiensi_cuti) and at most $jendela calendar days earlier (so years of history do not dilute the
-- share), the share with no decision by $acuan. Per unit and city-wide ('KOTA'). Cancelled requests and decided ones
-- without a decision time (waktu_terukur false, efisiensi_cuti) are neither due nor pending.
WITH c AS (
    -- The window is cut with $acuan itself, so the filter reaches the fact_cuti scan before the working-day clock is computed.
    SELECT * FROM (
        {efisiensi_cuti}
    ) WHERE waktu_pengajuan <= CAST($acuan AS TIMESTAMP)
        AND waktu_pengajuan >= CAST($acuan AS TIMESTAMP) - to_days(CAST($jendela AS INTEGER))
),
kalender AS (
    {efisiensi_kalender}
),
acuan AS (
    {efisiensi_acuan}
),
jatuh_tempo AS (
    SELECT c.kode_unit, (c.waktu_keputusan IS NULL OR c.waktu_keputusan > a.waktu) AS tertunda
    FROM c, acuan a
    WHERE a.posisi - c.posisi_pengajuan >= $batas
      AND c.waktu_terukur
)
SELECT
    coalesce(kode_unit, 'KOTA')                           AS kode_unit,
    CAST($acuan AS TIMESTAMP)                             AS waktu_acuan,
    count(*)::BIGINT                                      AS n_jatuh_tempo,
    count(*) FILTER (WHERE tertunda)::BIGINT              AS n_tertunda,
    avg(tertunda::INT)                                    AS share_tertunda
FROM jatuh_tempo
GROUP BY GROUPING SETS ((kode_unit), ())
ORDER BY kode_unit
