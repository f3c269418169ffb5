-- Placement events up to $acuan, one row per fact_mutasi row, attributed to units: a move between two units
-- (mutasi or promosi whose kode_unit_asal differs from kode_unit_tujuan) counts 'keluar' at asal and 'masuk' at tujuan
-- — that is a rotation; pengangkatan 'masuk' at tujuan; pensiun and berhenti 'keluar' at asal (else tujuan), counted
-- apart from moves; promosi inside one unit 'tetap'. kenaikan_pangkat is no placement and is left out.
WITH m AS (
    SELECT jenis_mutasi, tanggal_efektif, kode_unit_asal AS asal, kode_unit_tujuan AS tujuan,
           jenis_mutasi IN ('mutasi', 'promosi') AND kode_unit_asal IS NOT NULL AND kode_unit_tujuan IS NOT NULL
               AND kode_unit_asal <> kode_unit_tujuan AS rotasi
    FROM fact_mutasi
    WHERE tanggal_efektif <= $acuan AND jenis_mutasi <> 'kenaikan_pangkat')
SELECT asal AS kode_unit, jenis_mutasi, 'keluar' AS arah, tanggal_efektif, true AS rotasi FROM m WHERE rotasi
UNION ALL
SELECT tujuan, jenis_mutasi, 'masuk', tanggal_efektif, true FROM m WHERE rotasi
UNION ALL
SELECT tujuan, jenis_mutasi, 'masuk', tanggal_efektif, false FROM m WHERE jenis_mutasi = 'pengangkatan' AND tujuan IS NOT NULL
UNION ALL
SELECT coalesce(asal, tujuan), jenis_mutasi, 'keluar', tanggal_efektif, false FROM m WHERE jenis_mutasi IN ('pensiun', 'berhenti') AND coalesce(asal, tujuan) IS NOT NULL
UNION ALL
SELECT tujuan, jenis_mutasi, 'tetap', tanggal_efektif, false FROM m WHERE NOT rotasi AND jenis_mutasi IN ('mutasi', 'promosi') AND tujuan IS NOT NULL
