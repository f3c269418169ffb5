-- efisiensi_sensor_sel → Efficiency/SensorColumns.cs: efisiensi_sensor with each request's finest cell (unit × kanal ×
-- jenis_cuti × month) as one integer `sel` instead of four strings. Reading 11 M requests' strings through ADO.NET was
-- most of the efisiensi refresh at 1 M employees (bench/README.md); numbers cost almost nothing to read.
-- The cells are numbered in this same statement, in a fixed order (so both references to `sel` agree), from the
-- leave requests of fact_cuti; each is named by one row with the request columns NULL. A request whose cell is not
-- numbered comes with sel NULL, and the reader fails: the month below must stay efisiensi_cuti's `bulan`.
WITH s AS (
    {efisiensi_sensor}
),
sel AS (
    SELECT kode_unit, kanal, jenis_cuti, bulan,
           (row_number() OVER (ORDER BY kode_unit, kanal, jenis_cuti, bulan) - 1)::INTEGER AS sel
    FROM (SELECT DISTINCT kode_unit, kanal, jenis_cuti, CAST(date_trunc('month', waktu_pengajuan) AS DATE) AS bulan FROM fact_cuti)
)
SELECT sel, kode_unit, kanal, jenis_cuti, bulan, NULL::BOOLEAN AS diputus, NULL::DOUBLE AS jam, NULL::DOUBLE AS hari_kerja
FROM sel
UNION ALL
SELECT sel.sel, NULL, NULL, NULL, NULL, s.diputus, s.jam, s.hari_kerja
FROM s LEFT JOIN sel USING (kode_unit, kanal, jenis_cuti, bulan)
