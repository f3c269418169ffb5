-- pegawai: after the generated checks (duplicate nip, known unit; etl/Loading/EntitySql.cs).
-- A snapshot older than the employee's current version with different unit/golongan/jabatan would
-- rewrite history out of order; it is rejected (an older identical snapshot is simply unchanged).
INSERT INTO stg_reject (line_number, column_name, reason_code, message)
SELECT s.line_number, 'tanggal_data', 'SNAPSHOT_LAMA',
       'Kolom ''tanggal_data'': ''' || strftime(s.tanggal_data, '%Y-%m-%d') || ''' lebih lama dari versi terkini pegawai ' || s.nip
       || ' (berlaku sejak ' || strftime(e.valid_from, '%Y-%m-%d') || ') dan unit/golongan/jabatan berbeda.'
FROM stg_pegawai s
JOIN dim_employee e ON e.nip = s.nip AND e.is_current
WHERE s.tanggal_data < e.valid_from
  AND e.tracked_hash <> {{tracked_hash:s}};
DELETE FROM stg_pegawai WHERE line_number IN (SELECT line_number FROM stg_reject);
