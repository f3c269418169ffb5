SELECT kode_unit, nama_unit FROM dim_unit
