-- unit_kerja: set-based checks on staging (reject → stg_reject, removed from staging).
-- Duplicate kode_unit within the file: the first row is kept, later ones are rejected.
INSERT INTO stg_reject (line_number, column_name, reason_code, message)
SELECT line_number, 'kode_unit', 'DUPLIKAT_ID',
       'Kolom ''kode_unit'': ''' || kode_unit || ''' sudah muncul di baris ' || first_line || ' berkas ini; baris pertama yang dipakai.'
FROM (SELECT line_number, kode_unit, min(line_number) OVER (PARTITION BY kode_unit) AS first_line FROM stg_unit_kerja)
WHERE line_number > first_line;
DELETE FROM stg_unit_kerja WHERE line_number IN (SELECT line_number FROM stg_reject);

-- A parent unit is known already or defined in this same file.

INSERT INTO stg_reject (line_number, column_name, reason_code, message)
SELECT s.line_number, 'kode_induk', 'UNIT_TIDAK_DIKENAL', 'Kolom ''kode_induk'': unit ''' || s.kode_induk || ''' tidak dikenal (tidak ada di data unit_kerja).'
FROM stg_unit_kerja s
WHERE s.kode_induk IS NOT NULL AND NOT EXISTS (SELECT 1 FROM dim_unit u WHERE u.kode_unit = s.kode_induk)
  AND NOT EXISTS (SELECT 1 FROM stg_unit_kerja p WHERE p.kode_unit = s.kode_induk);
DELETE FROM stg_unit_kerja WHERE line_number IN (SELECT line_number FROM stg_reject);
