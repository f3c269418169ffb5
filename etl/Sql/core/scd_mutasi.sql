-- mutasi → dim_employee (SCD type 2, spec §3.2): runs after merge_mutasi.sql, in the file's transaction,
-- so every fact joins to the unit/golongan/jabatan the employee had on its date.
-- Rules (decided here):
--   * Only the file's new or corrected rows act (not merge_result's 'same' ones): a re-loaded file changes nothing.
--   * A row acts on the version valid at tanggal_efektif ([valid_from, valid_to)). No such version — the date is
--     before the employee's first snapshot (history before our records) or after a pensiun/berhenti — → skipped,
--     no reject: the fact row itself is still loaded and counted as usual.
--   * pengangkatan/mutasi/promosi set kode_unit from kode_unit_tujuan; every kind except pensiun/berhenti sets
--     golongan from golongan_baru and nama_jabatan from jabatan_baru when given (kenaikan_pangkat therefore changes
--     golongan only: its kode_unit_tujuan is the unit it already is in). jenis_jabatan is not in mutasi: kept.
--   * If that changes the tracked columns, the version is split at tanggal_efektif: the earlier part keeps its
--     employee_sk and ends there, a new version (source 'mutasi') starts there. A row dated on the version's own
--     valid_from changes that version in place. The change holds until the version's old valid_to, i.e. until the
--     next snapshot-version, which stays authoritative for its own dates.
--   * pensiun/berhenti close the CURRENT version: valid_to = tanggal_efektif, is_current = false (a version starting
--     that very day keeps an empty interval). On an older, already closed version they do nothing: a later
--     snapshot still listed the employee. A later snapshot listing the employee again opens a new version.
--   * row_hash is computed as merge_pegawai.sql does, so a later snapshot showing the same state is 'unchanged'.
--   * A corrected mutasi row applies its new values; the split made by the old values is not undone.
CREATE OR REPLACE TEMP TABLE scd_hit AS
SELECT s.nip, s.tanggal_efektif AS t, s.line_number, e.employee_sk, e.valid_from, e.valid_to,
       s.jenis_mutasi IN ('pensiun', 'berhenti') AS closes,
       CASE WHEN s.jenis_mutasi IN ('pengangkatan', 'mutasi', 'promosi') THEN s.kode_unit_tujuan END AS unit,
       CASE WHEN s.jenis_mutasi NOT IN ('pensiun', 'berhenti') THEN s.golongan_baru END AS golongan,
       CASE WHEN s.jenis_mutasi NOT IN ('pensiun', 'berhenti') THEN s.jabatan_baru END AS jabatan
FROM stg_mutasi s
ANTI JOIN (SELECT line_number FROM merge_result WHERE action = 'same') m ON m.line_number = s.line_number
JOIN dim_employee e ON e.nip = s.nip AND s.tanggal_efektif >= e.valid_from AND s.tanggal_efektif < e.valid_to;

-- The first pensiun/berhenti on each current version.
CREATE OR REPLACE TEMP TABLE scd_cut AS
SELECT employee_sk, min(t) AS cut FROM scd_hit WHERE closes AND valid_to = DATE '9999-12-31' GROUP BY employee_sk;

-- Each touched version cut into segments at its change dates; a segment's attributes are the version's,
-- overridden by the latest change (by date, then file line) at or before the segment's start.
CREATE OR REPLACE TEMP TABLE scd_segment AS
WITH starts AS (
    SELECT employee_sk, valid_from AS seg_from FROM scd_hit
    UNION
    SELECT employee_sk, t FROM scd_hit WHERE NOT closes),
kept AS (
    SELECT st.employee_sk, st.seg_from
    FROM starts st JOIN dim_employee e USING (employee_sk) LEFT JOIN scd_cut c USING (employee_sk)
    WHERE c.cut IS NULL OR st.seg_from < c.cut OR st.seg_from = e.valid_from),
attrs AS (
    SELECT k.employee_sk, k.seg_from,
           coalesce(last(h.unit ORDER BY h.t, h.line_number) FILTER (WHERE h.unit IS NOT NULL), any_value(e.kode_unit)) AS kode_unit,
           coalesce(last(h.golongan ORDER BY h.t, h.line_number) FILTER (WHERE h.golongan IS NOT NULL), any_value(e.golongan)) AS golongan,
           coalesce(last(h.jabatan ORDER BY h.t, h.line_number) FILTER (WHERE h.jabatan IS NOT NULL), any_value(e.nama_jabatan)) AS nama_jabatan
    FROM kept k
    JOIN dim_employee e USING (employee_sk)
    LEFT JOIN scd_hit h ON h.employee_sk = k.employee_sk AND h.t <= k.seg_from AND NOT h.closes
    GROUP BY k.employee_sk, k.seg_from),
changed AS (  -- a segment equal to the one before it is no new version
    SELECT *, row(kode_unit, golongan, nama_jabatan) IS DISTINCT FROM
              lag(row(kode_unit, golongan, nama_jabatan)) OVER (PARTITION BY employee_sk ORDER BY seg_from) AS differs
    FROM attrs)
SELECT ch.employee_sk, ch.seg_from,
       coalesce(lead(ch.seg_from) OVER (PARTITION BY ch.employee_sk ORDER BY ch.seg_from), c.cut, e.valid_to) AS seg_to,
       ch.seg_from = e.valid_from AS is_first, ch.kode_unit, ch.golongan, ch.nama_jabatan
FROM changed ch JOIN dim_employee e USING (employee_sk) LEFT JOIN scd_cut c USING (employee_sk)
WHERE ch.differs;

-- The hashes are pegawai's (this model is rendered for pegawai, etl/Loading/EntitySql.cs), computed as
-- merge_pegawai.sql does, over the version's own columns with the segment's unit/golongan/jabatan.
INSERT INTO dim_employee BY NAME
SELECT v.*, {{tracked_hash:v}} AS tracked_hash, {{row_hash:v}} AS row_hash, 'mutasi' AS source, c.file_id AS etl_file_id
FROM (SELECT e.* EXCLUDE (employee_sk, valid_from, valid_to, is_current, tracked_hash, row_hash, source, etl_file_id)
             REPLACE (s.kode_unit AS kode_unit, s.golongan AS golongan, s.nama_jabatan AS nama_jabatan),
             s.seg_from AS valid_from, s.seg_to AS valid_to, s.seg_to = DATE '9999-12-31' AS is_current
      FROM scd_segment s JOIN dim_employee e USING (employee_sk)
      WHERE NOT s.is_first) v
CROSS JOIN ctx c;

UPDATE dim_employee SET kode_unit = s.kode_unit, golongan = s.golongan, nama_jabatan = s.nama_jabatan,
       valid_to = s.seg_to, is_current = s.seg_to = DATE '9999-12-31'
FROM scd_segment s
WHERE dim_employee.employee_sk = s.employee_sk AND s.is_first;

UPDATE dim_employee SET tracked_hash = {{tracked_hash}}, row_hash = {{row_hash}}
WHERE employee_sk IN (SELECT employee_sk FROM scd_segment WHERE is_first);

DROP TABLE scd_segment;
DROP TABLE scd_cut;
DROP TABLE scd_hit;
