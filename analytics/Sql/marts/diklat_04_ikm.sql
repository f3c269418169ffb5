-- Inputs of Kirkpatrick level 4 (DiklatMarts): the unit's yearly IKM and how many of its staff
-- completed each training group that year.

-- mart_diklat_ikm_unit: one row per unit × survey year. IKM = Σ NRR_i / 9 × 25 (PermenPANRB 14/2017),
-- NRR_i = mean of the non-empty answers to element i; unrounded here (only compared, never printed as IKM).
CREATE OR REPLACE TABLE mart_diklat_ikm_unit AS
SELECT kode_unit, year(tanggal_survei) AS tahun, count(*) AS responden,
       (coalesce(avg(u1), 0) + coalesce(avg(u2), 0) + coalesce(avg(u3), 0) + coalesce(avg(u4), 0) + coalesce(avg(u5), 0)
        + coalesce(avg(u6), 0) + coalesce(avg(u7), 0) + coalesce(avg(u8), 0) + coalesce(avg(u9), 0)) / 9 * 25 AS ikm
FROM fact_skm
GROUP BY ALL;

-- mart_diklat_unit_terlatih: one row per training group × unit × year: staff in service that year
-- (mart_jp_pegawai) who completed (lulus) training of the group in that year.
CREATE OR REPLACE TABLE mart_diklat_unit_terlatih AS
WITH selesai AS (
    SELECT DISTINCT nip, jenis_pelatihan AS kelompok, 'jenis' AS jenis_kelompok, year(tanggal_selesai) AS tahun
    FROM fact_diklat WHERE status = 'lulus'
    UNION ALL
    SELECT DISTINCT nip, kode_pelatihan, 'kode', year(tanggal_selesai)
    FROM fact_diklat WHERE status = 'lulus'
)
SELECT s.kelompok, s.jenis_kelompok, p.kode_unit, p.tahun, count(DISTINCT s.nip) AS terlatih
FROM mart_jp_pegawai p
JOIN selesai s ON s.nip = p.nip AND s.tahun = p.tahun
GROUP BY ALL;
