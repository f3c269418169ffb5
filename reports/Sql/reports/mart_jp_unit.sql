SELECT kode_unit, tahun, pegawai, patuh, share_patuh
FROM mart_jp_unit
