-- efisiensi_cuti: one row per leave request with its processing time (spec §4 Efficiency).
-- jam        = waktu_keputusan − waktu_pengajuan in hours (local wall clock in Schedule:TimeZone; the Indonesian zones have no DST).
-- hari_kerja = working time elapsed, in working days: W(keputusan) − W(pengajuan), where
--              W(t) = number of working days before t's date + the fraction of t's day already
--              elapsed if that day is a working day (Mon–Fri and not in the holiday table).
--              So only time on working days counts, a full working day counts 1, and a request
--              sent Friday 15:00 and decided Monday 09:00 took 9/24 + 9/24 = 0.75 working days.
-- posisi_pengajuan = W(waktu_pengajuan), used to age pending requests (efisiensi_tertunda).
-- waktu_terukur = whether the request enters the time-based marts (pending share, Kaplan–Meier data). False for
--              - a decided request whose source keeps no decision time (an e-Cuti export without its audit column,
--                issue 13): neither pending nor an event of known length (a null waktu_keputusan means pending only
--                while status is 'diajukan');
--              - a cancelled or recalled request (status 'dibatalkan', whatever its waktu_keputusan holds): withdrawn,
--                it never waits for nor receives a decision, so it is neither pending nor decided. It still counts as
--                a submission in its channel (efisiensi_online) and in the unit's load (mart_beban).
WITH kalender AS (
    {efisiensi_kalender}
),
c AS (
    SELECT f.*,
           kp.sebelum + CASE WHEN kp.hari_kerja
               THEN epoch(f.waktu_pengajuan - CAST(CAST(f.waktu_pengajuan AS DATE) AS TIMESTAMP)) / 86400.0 ELSE 0 END AS posisi_pengajuan,
           kk.sebelum + CASE WHEN kk.hari_kerja
               THEN epoch(f.waktu_keputusan - CAST(CAST(f.waktu_keputusan AS DATE) AS TIMESTAMP)) / 86400.0 ELSE 0 END AS posisi_keputusan
    FROM fact_cuti f
    LEFT JOIN kalender kp ON kp.tanggal = CAST(f.waktu_pengajuan AS DATE)
    LEFT JOIN kalender kk ON kk.tanggal = CAST(f.waktu_keputusan AS DATE)
)
SELECT
    id_pengajuan, nip, jenis_cuti, kanal, status, kode_unit, waktu_pengajuan, waktu_keputusan,
    CAST(date_trunc('month', waktu_pengajuan) AS DATE)              AS bulan,     -- first day of the month
    epoch(waktu_keputusan - waktu_pengajuan) / 3600.0               AS jam,
    posisi_keputusan - posisi_pengajuan                             AS hari_kerja,
    posisi_pengajuan,
    status <> 'dibatalkan' AND (waktu_keputusan IS NOT NULL OR status = 'diajukan') AS waktu_terukur
FROM c
