-- unit_kerja: new units are inserted, a changed unit is updated in place (dimension, no history).
-- Under a profile's keepKnown (ctx.keep_known: units read from a source that lacks jenis_unit's source, kode_induk and
-- populasi, e.g. the SIASN export's UNOR columns) a known unit is left as it is and counted unchanged.
-- The row hash and the updated columns come from the schema's columns (placeholders, etl/Loading/EntitySql.cs).
CREATE OR REPLACE TEMP TABLE merge_result AS
WITH s AS (SELECT *, {{row_hash}} AS row_hash FROM stg_unit_kerja)
SELECT s.*, CASE WHEN d.row_hash IS NULL THEN 'new'
                 WHEN d.row_hash = s.row_hash OR coalesce((SELECT keep_known FROM ctx), false) THEN 'same'
                 ELSE 'changed' END AS action
FROM s LEFT JOIN dim_unit d ON d.kode_unit = s.kode_unit;

UPDATE dim_unit SET {{set_row_columns:m}}, row_hash = m.row_hash, etl_file_id = c.file_id, updated_at = c.loaded_at
FROM merge_result m, ctx c
WHERE dim_unit.kode_unit = m.kode_unit AND m.action = 'changed';

INSERT INTO dim_unit BY NAME
SELECT m.* EXCLUDE (line_number, action{{not_stored}}), c.file_id AS etl_file_id, c.loaded_at AS updated_at
FROM merge_result m CROSS JOIN ctx c
WHERE m.action = 'new';
