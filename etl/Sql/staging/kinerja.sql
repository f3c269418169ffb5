-- kinerja: set-based checks on 
-- Duplicate id_penilaian within the file: the first row is kept, later ones are rejected.
INSERT INTO stg_reject (line_number, column_name, reason_code, message)
SELECT line_number, 'id_penilaian', 'DUPLIKAT_ID',
       'Kolom ''id_penilaian'': ''' || id_penilaian || ''' sudah muncul di baris ' || first_line || ' berkas ini; baris pertama yang dipakai.'
FROM (SELECT line_number, id_penilaian, min(line_number) OVER (PARTITION BY id_penilaian) AS first_line FROM stg_kinerja)
WHERE line_number > first_line;
DELETE FROM stg_kinerja WHERE line_number IN (SELECT line_number FROM stg_reject);

-- The employee must be known: loaded earlier, or by a pegawai file earlier in this run (spec §3.8).
INSERT INTO stg_reject (line_number, column_name, reason_code, message)
SELECT s.line_number, 'nip', 'NIP_TIDAK_DIKENAL', 'Kolom ''nip'': pegawai ''' || s.nip || ''' tidak dikenal (tidak ada di data pegawai).'
FROM stg_kinerja s
WHERE NOT EXISTS (SELECT 1 FROM dim_employee e WHERE e.nip = s.nip);
DELETE FROM stg_kinerja WHERE line_number IN (SELECT line_number FROM stg_reject);

INSERT INTO stg_reject (line_number, column_name, reason_code, message)
SELECT s.line_number, 'kode_unit', 'UNIT_TIDAK_DIKENAL', 'Kolom ''kode_unit'': unit ''' || s.kode_unit || ''' tidak dikenal (tidak ada di data unit_kerja).'
FROM stg_kinerja s
WHERE s.kode_unit IS NOT NULL AND NOT EXISTS (SELECT 1 FROM dim_unit u WHERE u.kode_unit = s.kode_unit);
DELETE FROM stg_kinerja WHERE line_number IN (SELECT line_number FROM stg_reject);

-- Etl:PredikatPolicy = KeepAndWarn: a row whose predikat contradicts the PermenPANRB 6/2022 matrix was kept with the
-- source's value (EntityRules.Kinerja set predikat_matriks from the one matrix, warehouse/Domain/Predikat.cs); every
-- such row still loaded after the checks above is warned about once, naming the value the matrix gives.
INSERT INTO stg_warning (line_number, column_name, reason_code, message, expected)
SELECT line_number, 'predikat', 'PREDIKAT_TIDAK_SESUAI',
       'Kolom ''predikat'': ''' || predikat || ''' tidak sesuai matriks PermenPANRB 6/2022 untuk hasil_kerja ''' || hasil_kerja
       || ''' × perilaku_kerja ''' || perilaku_kerja || ''' (seharusnya ''' || predikat_matriks || '''); predikat sumber tetap dimuat.',
       predikat_matriks
FROM stg_kinerja
WHERE predikat <> predikat_matriks;
