-- Area kinerja_cuti: after a cuti load, sets mart_kinerja_fitur.cuti_hari_4q to its definition (cuti_hari_4q.sql)
-- where it differs, leaving every other column and row as kinerja_05_fitur built them: a leave file changes no other
-- feature, so this equals a rebuild of the table. Only the employees whose requests changed after load $sejak are
-- recomputed: a request loaded later (etl_file_id) or a version superseded later (fact_cuti_history, where a
-- correction keeps the old nip); $sejak NULL = every employee. The caller reads the rows changed: none, and the
-- drivers need no re-ranking.
UPDATE mart_kinerja_fitur AS f SET cuti_hari_4q = baru.cuti_hari_4q
FROM (
    WITH disentuh AS (
        SELECT nip FROM fact_cuti WHERE etl_file_id > $sejak
        UNION
        SELECT nip FROM fact_cuti_history WHERE superseded_by_file > $sejak
    ),
    cuti_sumber AS (
        SELECT nip, tanggal_mulai, lama_hari, status FROM fact_cuti
        WHERE CAST($sejak AS BIGINT) IS NULL OR nip IN (SELECT nip FROM disentuh)
    ),
    c AS (
        {cuti_hari_4q}
    )
    SELECT f.nip, f.indeks_triwulan, coalesce(c.cuti_hari_4q, 0) AS cuti_hari_4q
    FROM mart_kinerja_fitur AS f
    LEFT JOIN c ON c.nip = f.nip AND c.t = f.indeks_triwulan
    WHERE (CAST($sejak AS BIGINT) IS NULL OR f.nip IN (SELECT nip FROM disentuh))
      AND f.cuti_hari_4q IS DISTINCT FROM coalesce(c.cuti_hari_4q, 0)
) AS baru
WHERE baru.nip = f.nip AND baru.indeks_triwulan = f.indeks_triwulan
