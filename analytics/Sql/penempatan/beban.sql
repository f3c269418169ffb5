-- Service load per unit (mart_beban, issue 15 item 1) over the 12 months ($dari, $acuan] before the reference date:
-- staff in service on $acuan (the dim_employee SCD2 version with valid_from <= $acuan < valid_to, as pegawai.sql),
-- SKM respondents surveyed in the window (fact_skm.tanggal_survei), leave requests filed in the window
-- (fact_cuti.waktu_pengajuan, by the unit recorded on the request) and dim_unit.populasi (NULL: not given).
-- Every unit of dim_unit is listed, with or without staff; medians and ratios are computed in C# (BebanAnalysis).
WITH staf AS (
    SELECT kode_unit, count(*) AS pegawai
    FROM dim_employee
    WHERE valid_from <= $acuan AND $acuan < valid_to
    GROUP BY kode_unit),
skm AS (
    SELECT kode_unit, count(*) AS responden
    FROM fact_skm
    WHERE tanggal_survei > $dari AND tanggal_survei <= $acuan
    GROUP BY kode_unit),
cuti AS (
    SELECT kode_unit, count(*) AS pengajuan
    FROM fact_cuti
    WHERE CAST(waktu_pengajuan AS DATE) > $dari AND CAST(waktu_pengajuan AS DATE) <= $acuan
    GROUP BY kode_unit)
SELECT u.kode_unit, u.nama_unit, u.jenis_unit, coalesce(s.pegawai, 0) AS pegawai, coalesce(k.responden, 0) AS responden,
       coalesce(c.pengajuan, 0) AS pengajuan_cuti, u.populasi
FROM dim_unit u
LEFT JOIN staf s USING (kode_unit)
LEFT JOIN skm k USING (kode_unit)
LEFT JOIN cuti c USING (kode_unit)
ORDER BY u.kode_unit
