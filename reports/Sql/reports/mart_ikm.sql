-- IKM per level (unit | layanan | kecamatan | kota) and period; produced by the IKM analytics.
SELECT level, kode_unit, nama_unit, jenis_layanan, periode, jenis_periode, periode_mulai, responden,
       nrr_u1, nrr_u2, nrr_u3, nrr_u4, nrr_u5, nrr_u6, nrr_u7, nrr_u8, nrr_u9,
       ikm, mutu, kinerja, ci_low, ci_high, populasi, sampel_minimum, sampel_cukup
FROM mart_ikm
