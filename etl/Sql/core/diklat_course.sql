-- diklat, after merge_fact.sql: the course dimension follows the training rows; the first row of a course in the
-- file names it.
INSERT INTO dim_training_course (kode_pelatihan, nama_pelatihan, jenis_pelatihan)
SELECT kode_pelatihan, arg_min(nama_pelatihan, line_number), arg_min(jenis_pelatihan, line_number)
FROM stg_diklat GROUP BY kode_pelatihan
ON CONFLICT (kode_pelatihan) DO UPDATE SET nama_pelatihan = excluded.nama_pelatihan, jenis_pelatihan = excluded.jenis_pelatihan;
