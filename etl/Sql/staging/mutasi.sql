-- mutasi: set-based checks on 
-- Duplicate id_mutasi within the file: the first row is kept, later ones are rejected.
INSERT INTO stg_reject (line_number, column_name, reason_code, message)
SELECT line_number, 'id_mutasi', 'DUPLIKAT_ID',
       'Kolom ''id_mutasi'': ''' || id_mutasi || ''' sudah muncul di baris ' || first_line || ' berkas ini; baris pertama yang dipakai.'
FROM (SELECT line_number, id_mutasi, min(line_number) OVER (PARTITION BY id_mutasi) AS first_line FROM stg_mutasi)
WHERE line_number > first_line;
DELETE FROM stg_mutasi WHERE line_number IN (SELECT line_number FROM stg_reject);

-- The employee must be known: loaded earlier, or by a pegawai file earlier in this run (spec §3.8).
INSERT INTO stg_reject (line_number, column_name, reason_code, message)
SELECT s.line_number, 'nip', 'NIP_TIDAK_DIKENAL', 'Kolom ''nip'': pegawai ''' || s.nip || ''' tidak dikenal (tidak ada di data pegawai).'
FROM stg_mutasi s
WHERE NOT EXISTS (SELECT 1 FROM dim_employee e WHERE e.nip = s.nip);
DELETE FROM stg_mutasi WHERE line_number IN (SELECT line_number FROM stg_reject);

INSERT INTO stg_reject (line_number, column_name, reason_code, message)
SELECT s.line_number, 'kode_unit_asal', 'UNIT_TIDAK_DIKENAL', 'Kolom ''kode_unit_asal'': unit ''' || s.kode_unit_asal || ''' tidak dikenal (tidak ada di data unit_kerja).'
FROM stg_mutasi s
WHERE s.kode_unit_asal IS NOT NULL AND NOT EXISTS (SELECT 1 FROM dim_unit u WHERE u.kode_unit = s.kode_unit_asal);
DELETE FROM stg_mutasi WHERE line_number IN (SELECT line_number FROM stg_reject);

INSERT INTO stg_reject (line_number, column_name, reason_code, message)
SELECT s.line_number, 'kode_unit_tujuan', 'UNIT_TIDAK_DIKENAL', 'Kolom ''kode_unit_tujuan'': unit ''' || s.kode_unit_tujuan || ''' tidak dikenal (tidak ada di data unit_kerja).'
FROM stg_mutasi s
WHERE s.kode_unit_tujuan IS NOT NULL AND NOT EXISTS (SELECT 1 FROM dim_unit u WHERE u.kode_unit = s.kode_unit_tujuan);
DELETE FROM stg_mutasi WHERE line_number IN (SELECT line_number FROM stg_reject);
