-- pegawai: keep the PNS ID → NIP crosswalk of the last load (V061__hr_pns_id.sql). Every valid row of the file that
-- carries a PNS ID replaces what was known for that PNS ID and for that NIP; within the file the last row wins.
DELETE FROM hr_pns_id
WHERE pns_id IN (SELECT pns_id FROM stg_pegawai WHERE pns_id IS NOT NULL)
   OR nip IN (SELECT nip FROM stg_pegawai WHERE pns_id IS NOT NULL);

INSERT INTO hr_pns_id (pns_id, nip, etl_file_id, loaded_at)
SELECT s.pns_id, s.nip, c.file_id, c.loaded_at
FROM (SELECT * FROM stg_pegawai WHERE pns_id IS NOT NULL
      QUALIFY row_number() OVER (PARTITION BY pns_id ORDER BY line_number DESC) = 1
          AND row_number() OVER (PARTITION BY nip ORDER BY line_number DESC) = 1) s
CROSS JOIN ctx c;
