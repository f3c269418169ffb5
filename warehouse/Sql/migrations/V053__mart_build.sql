-- V053: which committed load each mart area was built from (issue 10 item 3, "marts that heal").
-- built_from_load is the highest etl_file.file_id of a committed load the area's rebuild saw;
-- an area whose value is below the current one (or that has no row) is stale and is rebuilt by the
-- next `etl`, `serve` start-up or scan. Written after the area's own transaction committed, so a kill
-- in between only makes the area look stale (rebuilt once more), never fresh when it is not.
CREATE TABLE IF NOT EXISTS mart_build (
    area              VARCHAR PRIMARY KEY,       -- ikm | efisiensi | kinerja | diklat
    built_from_load   BIGINT NOT NULL,
    built_at          TIMESTAMP NOT NULL,        -- Schedule:TimeZone wall clock, like every audit timestamp
    duration_seconds  DOUBLE NOT NULL
);
