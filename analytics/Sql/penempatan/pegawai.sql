-- Employees in service on $acuan (the dim_employee SCD2 version with valid_from <= $acuan < valid_to; a pensiun/berhenti
-- mutasi closes the version, so they are gone), with the start of their current stay in the unit and in the position.
-- A stay = the unbroken run of the employee's versions (up to $acuan) with the same kode_unit (position: the same
-- jenis_jabatan and nama_jabatan). A run that begins with the employee's first version has no recorded start (history
-- before our records): then the stay is taken from tmt_cpns (no move on record = there since appointment), flagged
-- sejak_tmt_unit; without tmt_cpns, from that first version.
-- Most employees have one version up to $acuan: both stays begin with it, so only the others go through the (costly)
-- window functions; a run's start is the latest change of unit (position) at or before the version.
-- PenempatanAnalysis only counts these people, so they are counted here (a million rows read into .NET took seconds):
-- per 'jabatan': unit × jenis_jabatan × nama_jabatan × birth month (TMT pensiun needs no more); 'unit': unit ×
-- sejak_unit (n_tmt: of them sejak_tmt_unit); 'posisi': unit × sejak_jabatan.
WITH riwayat AS (
    SELECT nip FROM dim_employee WHERE valid_from <= $acuan GROUP BY nip HAVING count(*) > 1),
v AS (
    SELECT nip, employee_sk, valid_from, valid_to, kode_unit, jenis_jabatan, nama_jabatan, tanggal_lahir, tmt_cpns,
           first_value(valid_from) OVER w AS first_from,
           CASE WHEN kode_unit IS DISTINCT FROM lag(kode_unit) OVER w THEN valid_from END AS unit_start,
           CASE WHEN row(jenis_jabatan, nama_jabatan) IS DISTINCT FROM lag(row(jenis_jabatan, nama_jabatan)) OVER w THEN valid_from END AS jab_start
    FROM dim_employee
    WHERE valid_from <= $acuan AND nip IN (SELECT nip FROM riwayat)
    WINDOW w AS (PARTITION BY nip ORDER BY valid_from, employee_sk ROWS UNBOUNDED PRECEDING)),
r AS (
    SELECT *, coalesce(max(unit_start) OVER w, first_from) AS unit_from, coalesce(max(jab_start) OVER w, first_from) AS jab_from
    FROM v WINDOW w AS (PARTITION BY nip ORDER BY valid_from, employee_sk ROWS UNBOUNDED PRECEDING)),
p AS (
    SELECT kode_unit, jenis_jabatan, nama_jabatan, make_date(year(tanggal_lahir), month(tanggal_lahir), 1) AS lahir_bulan,
           coalesce(least(tmt_cpns, valid_from), valid_from) AS sejak_unit, tmt_cpns IS NOT NULL AS sejak_tmt_unit,
           coalesce(least(tmt_cpns, valid_from), valid_from) AS sejak_jabatan
    FROM dim_employee
    WHERE valid_from <= $acuan AND $acuan < valid_to AND nip NOT IN (SELECT nip FROM riwayat)
    UNION ALL
    SELECT kode_unit, jenis_jabatan, nama_jabatan, make_date(year(tanggal_lahir), month(tanggal_lahir), 1),
           CASE WHEN unit_from = first_from THEN coalesce(least(tmt_cpns, unit_from), unit_from) ELSE unit_from END,
           unit_from = first_from AND tmt_cpns IS NOT NULL,
           CASE WHEN jab_from = first_from THEN coalesce(least(tmt_cpns, jab_from), jab_from) ELSE jab_from END
    FROM r
    WHERE $acuan >= valid_from AND $acuan < valid_to)
SELECT CASE GROUPING(sejak_unit, sejak_jabatan) WHEN 3 THEN 'jabatan' WHEN 1 THEN 'unit' ELSE 'posisi' END AS per,
       kode_unit, jenis_jabatan, nama_jabatan, lahir_bulan, coalesce(sejak_unit, sejak_jabatan) AS sejak,
       count(*) AS n, count(*) FILTER (WHERE sejak_tmt_unit) AS n_tmt
FROM p
GROUP BY GROUPING SETS ((kode_unit, jenis_jabatan, nama_jabatan, lahir_bulan), (kode_unit, sejak_unit), (kode_unit, sejak_jabatan))
