-- skm: set-based checks on 
-- Duplicate id_responden within the file: the first row is kept, later ones are rejected.
INSERT INTO stg_reject (line_number, column_name, reason_code, message)
SELECT line_number, 'id_responden', 'DUPLIKAT_ID',
       'Kolom ''id_responden'': ''' || id_responden || ''' sudah muncul di baris ' || first_line || ' berkas ini; baris pertama yang dipakai.'
FROM (SELECT line_number, id_responden, min(line_number) OVER (PARTITION BY id_responden) AS first_line FROM stg_skm)
WHERE line_number > first_line;
DELETE FROM stg_skm WHERE line_number IN (SELECT line_number FROM stg_reject);

INSERT INTO stg_reject (line_number, column_name, reason_code, message)
SELECT s.line_number, 'kode_unit', 'UNIT_TIDAK_DIKENAL', 'Kolom ''kode_unit'': unit ''' || s.kode_unit || ''' tidak dikenal (tidak ada di data unit_kerja).'
FROM stg_skm s
WHERE s.kode_unit IS NOT NULL AND NOT EXISTS (SELECT 1 FROM dim_unit u WHERE u.kode_unit = s.kode_unit);
DELETE FROM stg_skm WHERE line_number IN (SELECT line_number FROM stg_reject);
