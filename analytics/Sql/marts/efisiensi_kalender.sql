-- efisiensi_kalender: the working-day calendar. hari_kerja = Monday–Friday and not a holiday;
-- sebelum = number of working days strictly before the date (so W(t) below is a running clock).
-- The libur token below is replaced by the holiday dates (embedded libur_nasional.csv + Analytics:ExtraHolidays).
WITH libur AS (
    SELECT DISTINCT CAST(tanggal AS DATE) AS tanggal FROM (VALUES {libur}) t(tanggal)
)
SELECT d.date_key AS tanggal,
       (NOT d.is_weekend AND l.tanggal IS NULL) AS hari_kerja,
       coalesce(sum((NOT d.is_weekend AND l.tanggal IS NULL)::INT)
                OVER (ORDER BY d.date_key ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS sebelum
FROM dim_date d
LEFT JOIN libur l ON l.tanggal = d.date_key
