-- V040: delivery ledger of the weekly report (spec §5 `report deliver`, §6 Delivery:*).
-- One row per report week × channel × recipient. The primary key makes the claim atomic: a
-- scheduler owns a delivery only if its INSERT (or its guarded UPDATE of a failed row) commits,
-- so two schedulers on the same warehouse never send the same e-mail twice.
-- Timestamps are WIB wall-clock time, like every TIMESTAMP in V001.
CREATE TABLE IF NOT EXISTS report_delivery (
    report_week      VARCHAR NOT NULL,          -- ISO week, e.g. 2026-W47
    channel          VARCHAR NOT NULL,          -- email | folder
    recipient        VARCHAR NOT NULL,          -- e-mail address or folder path
    status           VARCHAR NOT NULL,          -- working | sent | failed
    attempts         INTEGER NOT NULL,
    last_error       VARCHAR,
    claimed_by       VARCHAR,                   -- scheduler instance that holds the claim
    claimed_at       TIMESTAMP,
    next_attempt_at  TIMESTAMP,                 -- backoff: a failed row is not retried before this
    sent_at          TIMESTAMP,
    PRIMARY KEY (report_week, channel, recipient)
);
