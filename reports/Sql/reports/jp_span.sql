-- City 20 JP coverage over exactly [$from, $to), like mart_jp_pegawai for a whole year: employees in service in the span
-- (a dim_employee version overlaps it), compliant = ≥ 20 JP of `lulus` training completed in the span. Used to compare
-- the running year to date with the same span of the previous year.
WITH aktif AS (
    SELECT DISTINCT nip FROM dim_employee WHERE valid_from < $to AND valid_to > $from
),
jp AS (
    SELECT nip, sum(jp) AS jp
    FROM fact_diklat
    WHERE status = 'lulus' AND tanggal_selesai >= $from AND tanggal_selesai < $to
    GROUP BY nip
)
SELECT count(*) AS pegawai,
       count(*) FILTER (WHERE coalesce(jp.jp, 0) >= 20) AS patuh
FROM aktif a LEFT JOIN jp USING (nip)
