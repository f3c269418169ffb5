-- The last day of data each area holds (the "data s.d." of a running period): survey date, training end, appraisal
-- period end, leave submission or decision. A mart covers everything loaded, so this is what its running period holds.
SELECT 'ikm' AS area, max(tanggal_survei) AS tanggal FROM fact_skm
UNION ALL SELECT 'diklat', max(tanggal_selesai) FROM fact_diklat
UNION ALL SELECT 'kinerja', max(periode_selesai) FROM fact_kinerja
UNION ALL SELECT 'cuti', CAST(greatest(max(waktu_pengajuan), max(waktu_keputusan)) AS DATE) FROM fact_cuti
