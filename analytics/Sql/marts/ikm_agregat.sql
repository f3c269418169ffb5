-- ikm_agregat: per-element answer sums and counts for every IKM group (level × unit [× layanan]
-- × period). IKM itself is computed from these in C# (IkmScale) with exact rational arithmetic,
-- because a single rounding of Σ NRR_i / 9 × 25 cannot be guaranteed with DOUBLE (PermenPANRB 14/2017).
-- Levels: unit, layanan (unit × jenis_layanan), kecamatan (kecamatan + its kelurahan), kota.
-- Periods: triwulan (YYYY-Qn), semester (YYYY-Sn), tahun (YYYY).
WITH r AS (
    {ikm_responden}
),
grouped AS (
    SELECT 'unit' AS level, kode_unit AS kode, nama_unit AS nama, NULL::VARCHAR AS jenis_layanan, populasi AS pop, * EXCLUDE (jenis_layanan) FROM r
    UNION ALL BY NAME
    SELECT 'layanan' AS level, kode_unit AS kode, nama_unit AS nama, jenis_layanan, NULL::BIGINT AS pop, * EXCLUDE (jenis_layanan) FROM r
    UNION ALL BY NAME
    SELECT 'kecamatan' AS level, kode_kecamatan AS kode, nama_kecamatan AS nama, NULL::VARCHAR AS jenis_layanan, populasi_kecamatan AS pop, * EXCLUDE (jenis_layanan) FROM r
    WHERE kode_kecamatan IS NOT NULL
    UNION ALL BY NAME
    SELECT 'kota' AS level, 'KOTA' AS kode, 'Kota Palembang' AS nama, NULL::VARCHAR AS jenis_layanan, NULL::BIGINT AS pop, * EXCLUDE (jenis_layanan) FROM r
),
periods AS (
    SELECT *, 'triwulan' AS jenis_periode, tahun || '-Q' || triwulan AS periode, make_date(tahun, (triwulan - 1) * 3 + 1, 1) AS periode_mulai FROM grouped
    UNION ALL
    SELECT *, 'semester', tahun || '-S' || semester, make_date(tahun, (semester - 1) * 6 + 1, 1) FROM grouped
    UNION ALL
    SELECT *, 'tahun', CAST(tahun AS VARCHAR), make_date(tahun, 1, 1) FROM grouped
)
SELECT
    level, kode AS kode_unit, nama AS nama_unit, jenis_layanan, jenis_periode, periode, periode_mulai,
    count(*)::BIGINT AS responden,
    coalesce(sum(u1), 0)::BIGINT AS s1, count(u1)::BIGINT AS n1,
    coalesce(sum(u2), 0)::BIGINT AS s2, count(u2)::BIGINT AS n2,
    coalesce(sum(u3), 0)::BIGINT AS s3, count(u3)::BIGINT AS n3,
    coalesce(sum(u4), 0)::BIGINT AS s4, count(u4)::BIGINT AS n4,
    coalesce(sum(u5), 0)::BIGINT AS s5, count(u5)::BIGINT AS n5,
    coalesce(sum(u6), 0)::BIGINT AS s6, count(u6)::BIGINT AS n6,
    coalesce(sum(u7), 0)::BIGINT AS s7, count(u7)::BIGINT AS n7,
    coalesce(sum(u8), 0)::BIGINT AS s8, count(u8)::BIGINT AS n8,
    coalesce(sum(u9), 0)::BIGINT AS s9, count(u9)::BIGINT AS n9,
    count(skor)::BIGINT AS n_skor,
    stddev_samp(skor) AS skor_sd,
    max(pop)::BIGINT AS populasi
FROM periods
GROUP BY ALL
ORDER BY level, kode_unit, jenis_layanan NULLS FIRST, jenis_periode, periode_mulai
