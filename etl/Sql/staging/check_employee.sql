-- {{entity}}.{{column}}: the employee must be known: loaded earlier, or by a pegawai file earlier in this run (spec §3.8).
INSERT INTO stg_reject (line_number, column_name, reason_code, message)
SELECT s.line_number, '{{column}}', 'NIP_TIDAK_DIKENAL', 'Kolom ''{{column}}'': pegawai ''' || s.{{column}} || ''' tidak dikenal (tidak ada di data pegawai).'
FROM {{staging}} s
WHERE NOT EXISTS (SELECT 1 FROM dim_employee e WHERE e.nip = s.{{column}});
DELETE FROM {{staging}} WHERE line_number IN (SELECT line_number FROM stg_reject);
