-- cuti_hari_4q per employee × quarter t: approved leave days (fact_cuti.lama_hari of 'disetujui' and 'perubahan'
-- requests, not 'dibatalkan': withdrawn or recalled, it takes no day) of the requests starting in quarters t−3 … t.
-- Each quarter's days count toward the four quarters whose window holds it, so the window is an equi-join.
-- The one definition of the drivers' leave feature: kinerja_05_fitur builds it, fitur_cuti (area kinerja_cuti) patches it.
-- An include ({cuti_hari_4q}), not a model: it has no kinerja_ prefix, so the kinerja area does not run it alone.
-- It reads the CTE cuti_sumber the includer defines: all of fact_cuti, or the requests of the employees a patch touches.
WITH per_triwulan AS (
    SELECT nip, year(tanggal_mulai) * 4 + quarter(tanggal_mulai) - 1 AS t, sum(lama_hari) AS hari
    FROM cuti_sumber
    WHERE status IN ('disetujui', 'perubahan')
    GROUP BY ALL
)
SELECT nip, t + geser AS t, sum(hari)::INTEGER AS cuti_hari_4q
FROM per_triwulan, range(4) AS jendela(geser)
GROUP BY ALL
