SELECT kode_unit, kanal, jenis_cuti, bulan, n, median_jam, p90_jam, median_hari_kerja, p90_hari_kerja
FROM mart_cuti_waktu
