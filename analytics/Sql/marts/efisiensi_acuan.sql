-- efisiensi_acuan: the reference instant $acuan (local wall clock, Schedule:TimeZone) and its position W($acuan) on the working-day clock of
-- efisiensi_cuti (working days before its date + the elapsed fraction of its day if that is a working day).
-- Included as a CTE body by efisiensi_sensor and efisiensi_tertunda, after a CTE named kalender.
SELECT CAST($acuan AS TIMESTAMP) AS waktu,
       k.sebelum + CASE WHEN k.hari_kerja
           THEN epoch(CAST($acuan AS TIMESTAMP) - CAST(CAST(CAST($acuan AS TIMESTAMP) AS DATE) AS TIMESTAMP)) / 86400.0 ELSE 0 END AS posisi
FROM kalender k
WHERE k.tanggal = CAST(CAST($acuan AS TIMESTAMP) AS DATE)
