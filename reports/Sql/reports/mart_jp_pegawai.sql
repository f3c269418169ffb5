-- HR only: names and NIP (access-controlled pages, never in the weekly report).
SELECT nip, nama, kode_unit, tahun, jp, patuh, kekurangan_jp
FROM mart_jp_pegawai
