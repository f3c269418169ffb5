-- The data-through date of the personnel data: the latest SCD2 version start or mutasi date (NULL: no employees).
SELECT greatest((SELECT max(valid_from) FROM dim_employee), (SELECT max(tanggal_efektif) FROM fact_mutasi))
