-- Years the leave data runs through and whether the national holiday table covers them
-- (analytics HolidayCoverage). A year without a table counts its holidays as working days, so the
-- report and health warn about it. Rebuilt with the efisiensi marts.
CREATE TABLE IF NOT EXISTS mart_libur_cakupan (
    tahun     INTEGER NOT NULL PRIMARY KEY,
    tercakup  BOOLEAN NOT NULL
);
