-- pegawai: set-based checks on 
-- Duplicate nip within the file: the first row is kept, later ones are rejected.
INSERT INTO stg_reject (line_number, column_name, reason_code, message)
SELECT line_number, 'nip', 'DUPLIKAT_ID',
       'Kolom ''nip'': ''' || nip || ''' sudah muncul di baris ' || first_line || ' berkas ini; baris pertama yang dipakai.'
FROM (SELECT line_number, nip, min(line_number) OVER (PARTITION BY nip) AS first_line FROM stg_pegawai)
WHERE line_number > first_line;
DELETE FROM stg_pegawai WHERE line_number IN (SELECT line_number FROM stg_reject);

INSERT INTO stg_reject (line_number, column_name, reason_code, message)
SELECT s.line_number, 'kode_unit', 'UNIT_TIDAK_DIKENAL', 'Kolom ''kode_unit'': unit ''' || s.kode_unit || ''' tidak dikenal (tidak ada di data unit_kerja).'
FROM stg_pegawai s
WHERE s.kode_unit IS NOT NULL AND NOT EXISTS (SELECT 1 FROM dim_unit u WHERE u.kode_unit = s.kode_unit);
DELETE FROM stg_pegawai WHERE line_number IN (SELECT line_number FROM stg_reject);

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
