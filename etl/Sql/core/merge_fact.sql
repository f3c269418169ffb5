-- {{entity}}: classify each staged row by natural key ({{key}}) against fact_{{entity}} — new, same (identical row_hash:
-- unchanged) or changed (a correction) — keep the superseded version in fact_{{entity}}_history, write.
-- One model for every fact: the placeholders come from the entity's columns (etl/Loading/EntitySql.cs), so the
-- row hash is every non-key column the schema keeps in it, never a hand-written list.
-- The row hash is defined once, in a view over staging; merge_result is narrow (line, key, hash, action) and holds only
-- the rows whose key fact_{{entity}} already has ('same' or 'changed'): a staged row not in it is new. An inner join
-- builds and writes no row per new fact (a year's file is nearly all new: 1.2–1.9 → 0.6 s for 2.9 M kinerja rows at
-- 1 M employees, bench/README.md); core/counts.sql counts the new ones from staging.
CREATE OR REPLACE TEMP VIEW {{staging}}_hashed AS SELECT *, {{row_hash}} AS row_hash FROM {{staging}};

CREATE OR REPLACE TEMP TABLE merge_result AS
SELECT s.line_number, s.{{key}}, s.row_hash,
       CASE WHEN f.row_hash = s.row_hash THEN 'same' ELSE 'changed' END AS action
FROM {{staging}}_hashed s
JOIN fact_{{entity}} f ON f.{{key}} = s.{{key}};

INSERT INTO fact_{{entity}}_history BY NAME
SELECT f.*, c.loaded_at AS superseded_at, c.file_id AS superseded_by_file
FROM fact_{{entity}} f JOIN merge_result m ON m.{{key}} = f.{{key}} AND m.action = 'changed' CROSS JOIN ctx c;

DELETE FROM fact_{{entity}} WHERE {{key}} IN (SELECT {{key}} FROM merge_result WHERE action = 'changed');

-- Written: every staged row except the unchanged ones (an anti join on the few 'same' lines; joining
-- all staged rows with merge_result cost a third more at millions of rows, bench/README.md).
INSERT INTO fact_{{entity}} BY NAME
SELECT s.* EXCLUDE (line_number{{not_stored}}), c.file_id AS etl_file_id
FROM {{staging}}_hashed s
ANTI JOIN (SELECT line_number FROM merge_result WHERE action = 'same') m ON m.line_number = s.line_number
CROSS JOIN ctx c;
