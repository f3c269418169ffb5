-- Employees in service on $acuan with what the staff-composition marts need (mart_kesesuaian, mart_formasi; issue 15
-- items 1 and 4): the dim_employee SCD2 version with valid_from <= $acuan < valid_to — the same people as pegawai.sql, so
-- a unit's and a jabatan group's headcount equal the retirement and tenure marts' — with jabatan, pendidikan (as recorded
-- on that version; a change of pendidikan alone opens no version), golongan, status_kepegawaian and the unit's name.
-- Counted per distinct combination (n): KomposisiAnalysis only counts, and ~60 000 rows read faster than a million.
SELECT e.kode_unit, e.jenis_jabatan, e.nama_jabatan, e.pendidikan, e.golongan, e.status_kepegawaian, u.nama_unit, count(*) AS n
FROM dim_employee e
LEFT JOIN dim_unit u USING (kode_unit)
WHERE e.valid_from <= $acuan AND $acuan < e.valid_to
GROUP BY ALL
