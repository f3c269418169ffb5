-- Calendar years that leave processing times run through: from the first submission to the last
-- decision (pending requests run to the reference time, whose year the caller adds). Working days in
-- these years are counted with the holiday table, so each of them needs one (HolidayCoverage).
SELECT DISTINCT CAST(y AS INTEGER) AS tahun
FROM (
    SELECT unnest(range(year(min(waktu_pengajuan)), year(greatest(max(waktu_pengajuan), coalesce(max(waktu_keputusan), max(waktu_pengajuan)))) + 1)) AS y
    FROM fact_cuti
)
WHERE y IS NOT NULL
ORDER BY tahun
