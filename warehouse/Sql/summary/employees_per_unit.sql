-- Current employees per unit (SCD2 current versions), largest first.
SELECT u.kode_unit, u.nama_unit, u.jenis_unit, count(e.nip) AS pegawai
FROM dim_unit u
LEFT JOIN dim_employee e ON e.kode_unit = u.kode_unit AND e.is_current
GROUP BY ALL
ORDER BY pegawai DESC, u.kode_unit
