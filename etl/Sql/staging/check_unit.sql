-- {{entity}}.{{column}}: a unit named must be known (spec §3.8); an empty optional reference is fine.
INSERT INTO stg_reject (line_number, column_name, reason_code, message)
SELECT s.line_number, '{{column}}', 'UNIT_TIDAK_DIKENAL', 'Kolom ''{{column}}'': unit ''' || s.{{column}} || ''' tidak dikenal (tidak ada di data unit_kerja).'
FROM {{staging}} s
WHERE s.{{column}} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM dim_unit u WHERE u.kode_unit = s.{{column}});
DELETE FROM {{staging}} WHERE line_number IN (SELECT line_number FROM stg_reject);
