-- efisiensi_sensor: every leave request submitted by the reference instant $acuan (WIB; the data-through
-- time unless configured) as time-to-event data. A request decided by $acuan is an event at its
-- processing time (jam, hari_kerja as in efisiensi_cuti); a request still pending at $acuan (no
-- waktu_keputusan, or one after $acuan) is right-censored at its age at $acuan: it took at least that long.
-- Leaving pending requests out would bias the median down exactly in the months that still have many.
WITH c AS (
    {efisiensi_cuti}
),
kalender AS (
    {efisiensi_kalender}
),
acuan AS (
    SELECT CAST($acuan AS TIMESTAMP) AS waktu,
           k.sebelum + CASE WHEN k.hari_kerja
               THEN epoch(CAST($acuan AS TIMESTAMP) - CAST(CAST(CAST($acuan AS TIMESTAMP) AS DATE) AS TIMESTAMP)) / 86400.0 ELSE 0 END AS posisi
    FROM kalender k
    WHERE k.tanggal = CAST(CAST($acuan AS TIMESTAMP) AS DATE)
),
s AS (
    SELECT c.*, a.waktu AS waktu_acuan, a.posisi AS posisi_acuan,
           coalesce(c.waktu_keputusan <= a.waktu, false) AS diputus
    FROM c, acuan a
    WHERE c.waktu_pengajuan <= a.waktu
)
SELECT
    kode_unit, kanal, jenis_cuti, bulan, waktu_pengajuan, waktu_acuan, diputus,
    CASE WHEN diputus THEN jam ELSE epoch(waktu_acuan - waktu_pengajuan) / 3600.0 END        AS jam,
    CASE WHEN diputus THEN hari_kerja ELSE posisi_acuan - posisi_pengajuan END               AS hari_kerja
FROM s
