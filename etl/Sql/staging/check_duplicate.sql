-- {{entity}}, first set-based check (generated order, etl/Loading/EntitySql.cs): duplicate {{key}} within the file.
-- The first row is kept, later ones are rejected.
INSERT INTO stg_reject (line_number, column_name, reason_code, message)
SELECT line_number, '{{key}}', 'DUPLIKAT_ID',
       'Kolom ''{{key}}'': ''' || {{key}} || ''' sudah muncul di baris ' || first_line || ' berkas ini; baris pertama yang dipakai.'
FROM (SELECT line_number, {{key}}, min(line_number) OVER (PARTITION BY {{key}}) AS first_line FROM {{staging}})
WHERE line_number > first_line;
DELETE FROM {{staging}} WHERE line_number IN (SELECT line_number FROM stg_reject);
