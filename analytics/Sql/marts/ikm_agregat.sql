-- ikm_agregat: per-element answer sums and counts for every IKM group (level × unit [× layanan]
-- × period). IKM itself is computed from these in C# (IkmScale) with exact rational arithmetic,
-- because a single rounding of Σ NRR_i / 9 × 25 cannot be guaranteed with DOUBLE (PermenPANRB 14/2017).
-- Levels: unit, layanan (unit × jenis_layanan), kecamatan (kecamatan + its kelurahan), kota.
-- Periods: triwulan (YYYY-Qn), semester (YYYY-Sn), tahun (YYYY).
-- $sampai (DATE, NULL = no cut): only responses surveyed before that day, so a running period can end with a report week.
WITH responses AS (
    SELECT * FROM (
        {ikm_responden}
    ) WHERE CAST($sampai AS DATE) IS NULL OR tanggal_survei < CAST($sampai AS DATE)
),
-- A kecamatan appears twice: its office (level unit, "Kantor Kecamatan …") and the area pooling the office with
-- its kelurahan (level kecamatan, "Wilayah Kecamatan …"); the names keep the two from being read as one.
r AS (
    SELECT * REPLACE (
        CASE WHEN kode_unit = kode_kecamatan THEN 'Kantor ' || kecamatan ELSE nama_unit END AS nama_unit,
        'Wilayah ' || kecamatan AS nama_kecamatan)
    FROM (SELECT *, CASE WHEN nama_kecamatan ILIKE 'Kecamatan %' THEN nama_kecamatan ELSE 'Kecamatan ' || nama_kecamatan END AS kecamatan
          FROM responses)
),
-- Sums and counts are additive, so aggregate once per unit × layanan × quarter and roll up from there;
-- the respondent-score variance is carried as Σx and Σx² (scores are 25–100, so no cancellation issue).
base AS (
    SELECT kode_unit, nama_unit, jenis_layanan, kode_kecamatan, nama_kecamatan, populasi_kecamatan, populasi,
           tahun, triwulan, semester,
           count(*) AS responden,
           sum(u1) AS s1, count(u1) AS n1, sum(u2) AS s2, count(u2) AS n2, sum(u3) AS s3, count(u3) AS n3,
           sum(u4) AS s4, count(u4) AS n4, sum(u5) AS s5, count(u5) AS n5, sum(u6) AS s6, count(u6) AS n6,
           sum(u7) AS s7, count(u7) AS n7, sum(u8) AS s8, count(u8) AS n8, sum(u9) AS s9, count(u9) AS n9,
           count(skor) AS n_skor, sum(skor) AS sum_skor, sum(skor * skor) AS sum_skor2
    FROM r
    GROUP BY ALL
),
grouped AS (
    SELECT 'unit' AS level, kode_unit AS kode, nama_unit AS nama, NULL::VARCHAR AS jenis_layanan, populasi AS pop, * EXCLUDE (jenis_layanan) FROM base
    UNION ALL BY NAME
    SELECT 'layanan' AS level, kode_unit AS kode, nama_unit AS nama, jenis_layanan, NULL::BIGINT AS pop, * EXCLUDE (jenis_layanan) FROM base
    UNION ALL BY NAME
    SELECT 'kecamatan' AS level, kode_kecamatan AS kode, nama_kecamatan AS nama, NULL::VARCHAR AS jenis_layanan, populasi_kecamatan AS pop, * EXCLUDE (jenis_layanan) FROM base
    WHERE kode_kecamatan IS NOT NULL
    UNION ALL BY NAME
    SELECT 'kota' AS level, 'KOTA' AS kode, 'Kota Palembang' AS nama, NULL::VARCHAR AS jenis_layanan, NULL::BIGINT AS pop, * EXCLUDE (jenis_layanan) FROM base
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
    sum(responden)::BIGINT AS responden,
    coalesce(sum(s1), 0)::BIGINT AS s1, sum(n1)::BIGINT AS n1,
    coalesce(sum(s2), 0)::BIGINT AS s2, sum(n2)::BIGINT AS n2,
    coalesce(sum(s3), 0)::BIGINT AS s3, sum(n3)::BIGINT AS n3,
    coalesce(sum(s4), 0)::BIGINT AS s4, sum(n4)::BIGINT AS n4,
    coalesce(sum(s5), 0)::BIGINT AS s5, sum(n5)::BIGINT AS n5,
    coalesce(sum(s6), 0)::BIGINT AS s6, sum(n6)::BIGINT AS n6,
    coalesce(sum(s7), 0)::BIGINT AS s7, sum(n7)::BIGINT AS n7,
    coalesce(sum(s8), 0)::BIGINT AS s8, sum(n8)::BIGINT AS n8,
    coalesce(sum(s9), 0)::BIGINT AS s9, sum(n9)::BIGINT AS n9,
    sum(n_skor)::BIGINT AS n_skor,
    CASE WHEN sum(n_skor) >= 2
         THEN sqrt(greatest(0, (sum(sum_skor2) - sum(sum_skor) * sum(sum_skor) / sum(n_skor)) / (sum(n_skor) - 1))) END AS skor_sd,
    max(pop)::BIGINT AS populasi
FROM periods
GROUP BY ALL
ORDER BY level, kode_unit, jenis_layanan NULLS FIRST, jenis_periode, periode_mulai
