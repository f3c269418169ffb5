-- {{entity}}, first set-based check (generated order, etl/Loading/EntitySql.cs): duplicate {{key}} within the file.
-- The first row is kept, later ones are rejected. The key is required, never NULL here. Grouped first, so only the
-- duplicated keys are joined back (half the time of a window over every row at millions of rows, bench/README.md),
-- and grouped on the key's hash before its text: every duplicated key shares its hash with another row, so only the
-- rows whose hash repeats are grouped exactly (0.9–1.3 → 0.35 s for 4.7 M kinerja rows; bench/README.md session 22).
INSERT INTO stg_reject (line_number, column_name, reason_code, message)
SELECT s.line_number, '{{key}}', 'DUPLIKAT_ID',
       'Kolom ''{{key}}'': ''' || s.{{key}} || ''' sudah muncul di baris ' || d.first_line || ' berkas ini; baris pertama yang dipakai.'
FROM {{staging}} s
JOIN (SELECT {{key}}, min(line_number) AS first_line
      FROM {{staging}}
      WHERE hash({{key}}) IN (SELECT hash({{key}}) AS h FROM {{staging}} GROUP BY h HAVING count(*) > 1)
      GROUP BY {{key}} HAVING count(*) > 1) d ON d.{{key}} = s.{{key}}
WHERE s.line_number > d.first_line;
DELETE FROM {{staging}} WHERE line_number IN (SELECT line_number FROM stg_reject);
