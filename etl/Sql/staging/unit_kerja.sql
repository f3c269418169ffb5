-- unit_kerja: after the generated duplicate-key check (etl/Loading/EntitySql.cs).
-- 'KOTA' is the kode_unit of every mart's city-wide rows (Codes.KodeKota): a unit carrying it would merge into them.
INSERT INTO stg_reject (line_number, column_name, reason_code, message)
SELECT s.line_number, 'kode_unit', 'KODE_CADANGAN', 'Kolom ''kode_unit'': ''' || s.kode_unit || ''' dicadangkan untuk baris seluruh kota; beri unit ini kode lain.'
FROM stg_unit_kerja s
WHERE s.kode_unit = 'KOTA';
DELETE FROM stg_unit_kerja WHERE line_number IN (SELECT line_number FROM stg_reject);
-- A parent unit is known already or defined in this same file (so kode_induk is not a generated unit reference).
INSERT INTO stg_reject (line_number, column_name, reason_code, message)
SELECT s.line_number, 'kode_induk', 'UNIT_TIDAK_DIKENAL', 'Kolom ''kode_induk'': unit ''' || s.kode_induk || ''' tidak dikenal (tidak ada di data unit_kerja).'
FROM stg_unit_kerja s
WHERE s.kode_induk IS NOT NULL AND NOT EXISTS (SELECT 1 FROM dim_unit u WHERE u.kode_unit = s.kode_induk)
  AND NOT EXISTS (SELECT 1 FROM stg_unit_kerja p WHERE p.kode_unit = s.kode_induk);
DELETE FROM stg_unit_kerja WHERE line_number IN (SELECT line_number FROM stg_reject);
