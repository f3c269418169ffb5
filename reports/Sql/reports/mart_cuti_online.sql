SELECT kode_unit, periode, n, share_online
FROM mart_cuti_online
