-- ikm_responden: one row per survey response with its unit hierarchy, its three reporting periods
-- and the per-respondent score used for the IKM confidence interval (mean of the answered
-- elements × 25; NULL when the respondent answered nothing). Basis of ikm_agregat and ikm_profil.
SELECT
    s.id_responden,
    s.kode_unit,
    u.nama_unit,
    s.jenis_layanan,
    s.tanggal_survei,
    -- the kecamatan a response rolls up to: the unit itself, or a kelurahan's parent (dim_unit.kode_induk)
    CASE WHEN u.jenis_unit = 'kecamatan' THEN u.kode_unit
         WHEN p.jenis_unit = 'kecamatan' THEN p.kode_unit END               AS kode_kecamatan,
    CASE WHEN u.jenis_unit = 'kecamatan' THEN u.nama_unit
         WHEN p.jenis_unit = 'kecamatan' THEN p.nama_unit END               AS nama_kecamatan,
    CASE WHEN u.jenis_unit = 'kecamatan' THEN u.populasi
         WHEN p.jenis_unit = 'kecamatan' THEN p.populasi END                AS populasi_kecamatan,
    u.populasi,
    s.u1, s.u2, s.u3, s.u4, s.u5, s.u6, s.u7, s.u8, s.u9,
    (coalesce(s.u1, 0) + coalesce(s.u2, 0) + coalesce(s.u3, 0) + coalesce(s.u4, 0) + coalesce(s.u5, 0)
     + coalesce(s.u6, 0) + coalesce(s.u7, 0) + coalesce(s.u8, 0) + coalesce(s.u9, 0)) * 25.0
    / nullif((s.u1 IS NOT NULL)::INT + (s.u2 IS NOT NULL)::INT + (s.u3 IS NOT NULL)::INT
           + (s.u4 IS NOT NULL)::INT + (s.u5 IS NOT NULL)::INT + (s.u6 IS NOT NULL)::INT
           + (s.u7 IS NOT NULL)::INT + (s.u8 IS NOT NULL)::INT + (s.u9 IS NOT NULL)::INT, 0) AS skor,
    s.jenis_kelamin,
    CASE WHEN s.usia IS NULL THEN NULL
         WHEN s.usia < 20 THEN '<20'
         WHEN s.usia < 30 THEN '20-29'
         WHEN s.usia < 40 THEN '30-39'
         WHEN s.usia < 50 THEN '40-49'
         WHEN s.usia < 60 THEN '50-59'
         ELSE '60+' END                                                      AS kelompok_usia,
    s.pendidikan,
    s.pekerjaan,
    year(s.tanggal_survei)                                                   AS tahun,
    quarter(s.tanggal_survei)                                                AS triwulan,
    CASE WHEN month(s.tanggal_survei) <= 6 THEN 1 ELSE 2 END                 AS semester
FROM fact_skm s
JOIN dim_unit u ON u.kode_unit = s.kode_unit
LEFT JOIN dim_unit p ON p.kode_unit = u.kode_induk
