-- efisiensi_kualitas → mart_kualitas_data: data-quality rate = rejected rows ÷ rows read.
-- tingkat 'sumber': per entity, exact — rows_read from etl_file, rows_rejected from the ledger etl_reject.
-- tingkat 'unit': per entity × unit, approximate — the ledger keeps no kode_unit, so a rejected row is
--   attributed to every known unit code that appears in its raw text as a whole field (CSV) or as a
--   JSON value (fields split on , ; tab : { }); rows read = rows now in the warehouse for that unit + rows rejected for it.
-- predikat_tidak_sesuai (kinerja only, NULL for the other sources): appraisals now in fact_kinerja whose predikat
--   (the source's, kept under Etl:PredikatPolicy = KeepAndWarn) differs from predikat_matriks (the PermenPANRB 6/2022
--   matrix's, set by the ETL from the one matrix in warehouse/Domain/Predikat.cs). Counted on the current facts, not
--   on etl_row_warning, so a later correction of the predikat removes the row from the count and an unchanged row
--   sent again in another file is not counted twice. Exact per unit (fact_kinerja carries kode_unit).
WITH dibaca AS (
    SELECT entity, sum(rows_read)::BIGINT AS rows_read FROM etl_file WHERE entity IS NOT NULL GROUP BY entity
),
ditolak AS (
    SELECT entity, count(*)::BIGINT AS n FROM etl_reject WHERE entity IS NOT NULL GROUP BY entity
),
tidak_sesuai AS (
    SELECT 'kinerja' AS entity, kode_unit, count(*) FILTER (WHERE predikat <> predikat_matriks)::BIGINT AS n
    FROM fact_kinerja GROUP BY ALL
),
per_sumber AS (
    SELECT 'sumber' AS tingkat, d.entity AS sumber, NULL::VARCHAR AS kode_unit, d.rows_read,
           coalesce(t.n, 0)::BIGINT AS rows_rejected,
           CASE WHEN d.entity = 'kinerja' THEN coalesce((SELECT sum(n) FROM tidak_sesuai), 0) END::BIGINT AS predikat_tidak_sesuai
    FROM dibaca d LEFT JOIN ditolak t USING (entity)
),
token AS (
    -- every field of the raw text once (CSV fields, JSON keys/values), unquoted
    SELECT DISTINCT reject_id, entity, trim(t, ' "') AS nilai
    FROM (SELECT reject_id, entity, unnest(regexp_split_to_array(coalesce(raw_text, ''), '[,;\t:{}]')) AS t
          FROM etl_reject WHERE entity IS NOT NULL)
),
tolak_unit AS (
    SELECT t.entity, u.kode_unit, count(DISTINCT t.reject_id)::BIGINT AS n
    FROM token t
    JOIN dim_unit u ON u.kode_unit = t.nilai
    GROUP BY ALL
),
dimuat AS (
    SELECT 'skm' AS entity, kode_unit, count(*)::BIGINT AS n FROM fact_skm GROUP BY ALL
    UNION ALL SELECT 'cuti', kode_unit, count(*) FROM fact_cuti GROUP BY ALL
    UNION ALL SELECT 'kinerja', kode_unit, count(*) FROM fact_kinerja GROUP BY ALL
    UNION ALL SELECT 'mutasi', kode_unit_tujuan, count(*) FROM fact_mutasi WHERE kode_unit_tujuan IS NOT NULL GROUP BY ALL
    -- a training row counts for the unit the employee was in when it began (staff since retired too),
    -- else (dated before our first record of them) for their current unit
    UNION ALL SELECT 'diklat', coalesce(d.kode_unit, c.kode_unit), count(*) FROM fact_diklat f
              LEFT JOIN dim_employee d ON d.nip = f.nip AND f.tanggal_mulai >= d.valid_from AND f.tanggal_mulai < d.valid_to
              LEFT JOIN dim_employee c ON c.nip = f.nip AND c.is_current
              WHERE coalesce(d.kode_unit, c.kode_unit) IS NOT NULL GROUP BY ALL
    UNION ALL SELECT 'pegawai', kode_unit, count(DISTINCT nip) FROM dim_employee WHERE is_current GROUP BY ALL
    UNION ALL SELECT 'unit_kerja', kode_unit, 1 FROM dim_unit
),
per_unit AS (
    SELECT 'unit' AS tingkat, entity AS sumber, kode_unit,
           (coalesce(m.n, 0) + coalesce(t.n, 0))::BIGINT AS rows_read,
           coalesce(t.n, 0)::BIGINT AS rows_rejected,
           CASE WHEN entity = 'kinerja' THEN coalesce(x.n, 0) END::BIGINT AS predikat_tidak_sesuai
    FROM dimuat m FULL OUTER JOIN tolak_unit t USING (entity, kode_unit)
    LEFT JOIN tidak_sesuai x USING (entity, kode_unit)
)
SELECT tingkat, sumber, kode_unit, rows_read, rows_rejected,
       CASE WHEN rows_read > 0 THEN rows_rejected / rows_read END AS reject_rate,
       predikat_tidak_sesuai
FROM (SELECT * FROM per_sumber UNION ALL SELECT * FROM per_unit)
ORDER BY tingkat, sumber, kode_unit NULLS FIRST
