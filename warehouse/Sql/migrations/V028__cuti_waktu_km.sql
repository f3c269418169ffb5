-- V027: leave processing time by Kaplan–Meier (pending requests censored at their age, issue 11).
-- n now counts every request submitted by waktu_acuan (decided + pending); the quantiles are KM estimates,
-- NULL while not estimable. Documented in analytics/Sql/marts/README.md; rebuilt by EfisiensiMarts.Refresh.
ALTER TABLE mart_cuti_waktu ADD COLUMN n_tertunda BIGINT;          -- still pending at waktu_acuan (censored)
ALTER TABLE mart_cuti_waktu ADD COLUMN stabil BOOLEAN;             -- no pending decision can change median/p90, month over
ALTER TABLE mart_cuti_waktu ADD COLUMN waktu_acuan TIMESTAMP;      -- WIB instant the figures are as of (data-through)
ALTER TABLE mart_cuti_waktu_ringkas ADD COLUMN n_tertunda BIGINT;
ALTER TABLE mart_cuti_waktu_ringkas ADD COLUMN stabil BOOLEAN;
ALTER TABLE mart_cuti_waktu_ringkas ADD COLUMN waktu_acuan TIMESTAMP;
