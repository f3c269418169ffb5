-- Issue 13: the PNS ID → NIP crosswalk for the SIASN API profiles (rw-skp22 names the employee by PNS ID only).
-- Filled from the pns_id of the last pegawai load (siasn-pegawai.json maps the export's PNS ID). An identifier,
-- not personal data like NIK, but HR-only: no mart, dashboard or export reads it.
CREATE TABLE hr_pns_id (
    pns_id      VARCHAR PRIMARY KEY,
    nip         VARCHAR NOT NULL,
    etl_file_id BIGINT NOT NULL,
    loaded_at   TIMESTAMP NOT NULL
);
