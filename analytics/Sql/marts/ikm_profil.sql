-- ikm_profil: respondent profile breakdowns per unit and city-wide, per period, with the element
-- sums/counts so each cell's IKM is computed like any other group (IkmScale). Small cells are
-- suppressed in C# (IkmOptions.MinCellSize), not here, so the threshold stays configurable.
WITH r AS (
    {ikm_responden}
),
-- unpivot the four profile dimensions, then aggregate once per unit × quarter × category (sums and
-- counts are additive) and roll those up to levels and periods
dims AS (
    SELECT kode_unit, tahun, triwulan, semester, u1, u2, u3, u4, u5, u6, u7, u8, u9,
           unnest(['jenis_kelamin', 'kelompok_usia', 'pendidikan', 'pekerjaan']) AS dimensi,
           unnest([coalesce(jenis_kelamin, '(tidak diisi)'), coalesce(kelompok_usia, '(tidak diisi)'),
                   coalesce(pendidikan, '(tidak diisi)'), coalesce(pekerjaan, '(tidak diisi)')]) AS kategori
    FROM r
),
base AS (
    SELECT kode_unit, tahun, triwulan, semester, dimensi, kategori,
           count(*) AS responden,
           sum(u1) AS s1, count(u1) AS n1, sum(u2) AS s2, count(u2) AS n2, sum(u3) AS s3, count(u3) AS n3,
           sum(u4) AS s4, count(u4) AS n4, sum(u5) AS s5, count(u5) AS n5, sum(u6) AS s6, count(u6) AS n6,
           sum(u7) AS s7, count(u7) AS n7, sum(u8) AS s8, count(u8) AS n8, sum(u9) AS s9, count(u9) AS n9
    FROM dims
    GROUP BY ALL
),
grouped AS (
    SELECT 'unit' AS level, kode_unit AS kode, * FROM base
    UNION ALL
    SELECT 'kota' AS level, 'KOTA' AS kode, * FROM base
),
periods AS (
    SELECT *, 'triwulan' AS jenis_periode, tahun || '-Q' || triwulan AS periode, make_date(tahun, (triwulan - 1) * 3 + 1, 1) AS periode_mulai FROM grouped
    UNION ALL
    SELECT *, 'semester', tahun || '-S' || semester, make_date(tahun, (semester - 1) * 6 + 1, 1) FROM grouped
    UNION ALL
    SELECT *, 'tahun', CAST(tahun AS VARCHAR), make_date(tahun, 1, 1) FROM grouped
)
SELECT
    level, kode AS kode_unit, jenis_periode, periode, periode_mulai, dimensi, kategori,
    sum(responden)::BIGINT AS responden,
    coalesce(sum(s1), 0)::BIGINT AS s1, sum(n1)::BIGINT AS n1,
    coalesce(sum(s2), 0)::BIGINT AS s2, sum(n2)::BIGINT AS n2,
    coalesce(sum(s3), 0)::BIGINT AS s3, sum(n3)::BIGINT AS n3,
    coalesce(sum(s4), 0)::BIGINT AS s4, sum(n4)::BIGINT AS n4,
    coalesce(sum(s5), 0)::BIGINT AS s5, sum(n5)::BIGINT AS n5,
    coalesce(sum(s6), 0)::BIGINT AS s6, sum(n6)::BIGINT AS n6,
    coalesce(sum(s7), 0)::BIGINT AS s7, sum(n7)::BIGINT AS n7,
    coalesce(sum(s8), 0)::BIGINT AS s8, sum(n8)::BIGINT AS n8,
    coalesce(sum(s9), 0)::BIGINT AS s9, sum(n9)::BIGINT AS n9
FROM periods
GROUP BY ALL
ORDER BY level, kode_unit, jenis_periode, periode_mulai, dimensi, kategori
