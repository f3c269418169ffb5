-- efisiensi_sensor → mart_cuti_waktu, mart_cuti_waktu_ringkas and `kepegawaian efisiensi`: every leave request
-- submitted by the reference instant $acuan (local wall clock; the data-through time unless configured) as time-to-event data,
-- for the Kaplan–Meier estimator in Efficiency/KaplanMeier.cs. A request decided by $acuan is an event at its
-- processing time (jam, hari_kerja as in efisiensi_cuti); a request still pending at $acuan (no waktu_keputusan,
-- or one after $acuan) is right-censored at its age at $acuan: it took at least that long. Leaving pending
-- requests out would bias the median down exactly in the months that still have many.
-- Requests with waktu_terukur false (cancelled, or decided at an unknown time) are not in it (efisiensi_cuti).
-- Filters: submitted in [$mulai, $akhir) (NULL = unbounded) and kode_unit = $unit (NULL = all).
WITH c AS (
    {efisiensi_cuti}
),
kalender AS (
    {efisiensi_kalender}
),
acuan AS (
    {efisiensi_acuan}
),
s AS (
    SELECT c.*, a.waktu AS waktu_acuan, a.posisi AS posisi_acuan,
           coalesce(c.waktu_keputusan <= a.waktu, false) AS diputus
    FROM c, acuan a
    WHERE c.waktu_pengajuan <= a.waktu AND c.waktu_terukur
      AND (CAST($mulai AS TIMESTAMP) IS NULL OR c.waktu_pengajuan >= CAST($mulai AS TIMESTAMP))
      AND (CAST($akhir AS TIMESTAMP) IS NULL OR c.waktu_pengajuan < CAST($akhir AS TIMESTAMP))
      AND (CAST($unit AS VARCHAR) IS NULL OR c.kode_unit = CAST($unit AS VARCHAR))
)
SELECT
    kode_unit, kanal, jenis_cuti, bulan, diputus,
    CASE WHEN diputus THEN jam ELSE epoch(waktu_acuan - waktu_pengajuan) / 3600.0 END        AS jam,
    CASE WHEN diputus THEN hari_kerja ELSE posisi_acuan - posisi_pengajuan END               AS hari_kerja
FROM s
