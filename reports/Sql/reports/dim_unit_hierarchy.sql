-- The drill-down's unit hierarchy (issue 12.4): every unit with the kecamatan area it rolls up to, by the same rule as
-- the IKM marts (analytics/Sql/marts/ikm_responden.sql): a kecamatan is its own area, a unit whose parent
-- (dim_unit.kode_induk) is a kecamatan belongs to that kecamatan's area; other units (dinas, badan, …) have none.
SELECT u.kode_unit, u.nama_unit, u.jenis_unit, u.kode_induk,
       CASE WHEN u.jenis_unit = 'kecamatan' THEN u.kode_unit
            WHEN p.jenis_unit = 'kecamatan' THEN p.kode_unit END AS kode_kecamatan,
       CASE WHEN u.jenis_unit = 'kecamatan' THEN u.nama_unit
            WHEN p.jenis_unit = 'kecamatan' THEN p.nama_unit END AS nama_kecamatan
FROM dim_unit u
LEFT JOIN dim_unit p ON p.kode_unit = u.kode_induk
