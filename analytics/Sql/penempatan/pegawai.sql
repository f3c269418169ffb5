-- Employees in service on $acuan (the dim_employee SCD2 version with valid_from <= $acuan < valid_to; a pensiun/berhenti
-- mutasi closes the version, so they are gone), with the start of their current stay in the unit and in the position.
-- A stay = the unbroken run of the employee's versions (up to $acuan) with the same kode_unit (position: the same
-- jenis_jabatan and nama_jabatan). A run that begins with the employee's first version has no recorded start (history
-- before our records): then the stay is taken from tmt_cpns (no move on record = there since appointment), flagged
-- sejak_tmt_unit / sejak_tmt_jabatan; without tmt_cpns, from that first version.
WITH v AS (
    SELECT nip, valid_from, valid_to, kode_unit, jenis_jabatan, nama_jabatan, tanggal_lahir, tmt_cpns,
           min(valid_from) OVER (PARTITION BY nip) AS first_from,
           CASE WHEN kode_unit IS DISTINCT FROM lag(kode_unit) OVER w THEN 1 ELSE 0 END AS new_unit,
           CASE WHEN row(jenis_jabatan, nama_jabatan) IS DISTINCT FROM lag(row(jenis_jabatan, nama_jabatan)) OVER w THEN 1 ELSE 0 END AS new_jab
    FROM dim_employee
    WHERE valid_from <= $acuan
    WINDOW w AS (PARTITION BY nip ORDER BY valid_from, employee_sk)),
g AS (
    SELECT *, sum(new_unit) OVER w AS run_unit, sum(new_jab) OVER w AS run_jab
    FROM v WINDOW w AS (PARTITION BY nip ORDER BY valid_from ROWS UNBOUNDED PRECEDING)),
r AS (
    SELECT *, min(valid_from) OVER (PARTITION BY nip, run_unit) AS unit_from,
              min(valid_from) OVER (PARTITION BY nip, run_jab) AS jab_from
    FROM g)
SELECT nip, kode_unit, jenis_jabatan, nama_jabatan, tanggal_lahir,
       CASE WHEN unit_from = first_from THEN coalesce(least(tmt_cpns, unit_from), unit_from) ELSE unit_from END AS sejak_unit,
       unit_from = first_from AND tmt_cpns IS NOT NULL AS sejak_tmt_unit,
       CASE WHEN jab_from = first_from THEN coalesce(least(tmt_cpns, jab_from), jab_from) ELSE jab_from END AS sejak_jabatan,
       jab_from = first_from AND tmt_cpns IS NOT NULL AS sejak_tmt_jabatan
FROM r
WHERE $acuan >= valid_from AND $acuan < valid_to
ORDER BY kode_unit, nip
