-- Area kinerja_cuti: after a cuti load, sets mart_kinerja_fitur.cuti_hari_4q to its definition (cuti_hari_4q.sql)
-- where it differs, leaving every other column and row as kinerja_05_fitur built them: a leave file changes no other
-- feature, so this equals a rebuild of the table. Returns the rows changed (none: the drivers need no re-ranking).
UPDATE mart_kinerja_fitur AS f SET cuti_hari_4q = baru.cuti_hari_4q
FROM (
    WITH c AS (
        {cuti_hari_4q}
    )
    SELECT f.nip, f.indeks_triwulan, coalesce(c.cuti_hari_4q, 0) AS cuti_hari_4q
    FROM mart_kinerja_fitur AS f
    LEFT JOIN c ON c.nip = f.nip AND c.t = f.indeks_triwulan
    WHERE f.cuti_hari_4q IS DISTINCT FROM coalesce(c.cuti_hari_4q, 0)
) AS baru
WHERE baru.nip = f.nip AND baru.indeks_triwulan = f.indeks_triwulan
