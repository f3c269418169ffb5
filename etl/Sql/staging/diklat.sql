-- diklat: set-based checks on 
-- Duplicate id_diklat within the file: the first row is kept, later ones are rejected.
INSERT INTO stg_reject (line_number, column_name, reason_code, message)
SELECT line_number, 'id_diklat', 'DUPLIKAT_ID',
       'Kolom ''id_diklat'': ''' || id_diklat || ''' sudah muncul di baris ' || first_line || ' berkas ini; baris pertama yang dipakai.'
FROM (SELECT line_number, id_diklat, min(line_number) OVER (PARTITION BY id_diklat) AS first_line FROM stg_diklat)
WHERE line_number > first_line;
DELETE FROM stg_diklat WHERE line_number IN (SELECT line_number FROM stg_reject);

-- The employee must be known: loaded earlier, or by a pegawai file earlier in this run (spec §3.8).
INSERT INTO stg_reject (line_number, column_name, reason_code, message)
SELECT s.line_number, 'nip', 'NIP_TIDAK_DIKENAL', 'Kolom ''nip'': pegawai ''' || s.nip || ''' tidak dikenal (tidak ada di data pegawai).'
FROM stg_diklat s
WHERE NOT EXISTS (SELECT 1 FROM dim_employee e WHERE e.nip = s.nip);
DELETE FROM stg_diklat WHERE line_number IN (SELECT line_number FROM stg_reject);
