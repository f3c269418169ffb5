-- The unit hierarchy (spec §3.1 kode_induk: a kelurahan's kecamatan, or any unit's parent) for per-unit delivery:
-- a recipient bound to a unit gets that unit and its descendants.
SELECT kode_unit, nama_unit, jenis_unit, kode_induk FROM dim_unit
