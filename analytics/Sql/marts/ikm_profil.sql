-- ikm_profil: respondent profile breakdowns per unit and city-wide, per period, with the element
-- sums/counts so each cell's IKM is computed like any other group (IkmScale). Small cells are
-- suppressed in C# (IkmOptions.MinCellSize), not here, so the threshold stays configurable.
WITH r AS (
    {ikm_responden}
),
dims AS (
    SELECT *, 'jenis_kelamin' AS dimensi, coalesce(jenis_kelamin, '(tidak diisi)') AS kategori FROM r
    UNION ALL SELECT *, 'kelompok_usia', coalesce(kelompok_usia, '(tidak diisi)') FROM r
    UNION ALL SELECT *, 'pendidikan', coalesce(pendidikan, '(tidak diisi)') FROM r
    UNION ALL SELECT *, 'pekerjaan', coalesce(pekerjaan, '(tidak diisi)') FROM r
),
grouped AS (
    SELECT 'unit' AS level, kode_unit AS kode, * FROM dims
    UNION ALL
    SELECT 'kota' AS level, 'KOTA' AS kode, * FROM dims
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
    count(*)::BIGINT AS responden,
    coalesce(sum(u1), 0)::BIGINT AS s1, count(u1)::BIGINT AS n1,
    coalesce(sum(u2), 0)::BIGINT AS s2, count(u2)::BIGINT AS n2,
    coalesce(sum(u3), 0)::BIGINT AS s3, count(u3)::BIGINT AS n3,
    coalesce(sum(u4), 0)::BIGINT AS s4, count(u4)::BIGINT AS n4,
    coalesce(sum(u5), 0)::BIGINT AS s5, count(u5)::BIGINT AS n5,
    coalesce(sum(u6), 0)::BIGINT AS s6, count(u6)::BIGINT AS n6,
    coalesce(sum(u7), 0)::BIGINT AS s7, count(u7)::BIGINT AS n7,
    coalesce(sum(u8), 0)::BIGINT AS s8, count(u8)::BIGINT AS n8,
    coalesce(sum(u9), 0)::BIGINT AS s9, count(u9)::BIGINT AS n9
FROM periods
GROUP BY ALL
ORDER BY level, kode_unit, jenis_periode, periode_mulai, dimensi, kategori
