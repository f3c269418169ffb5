-- V054: the definition version each mart area was built with (MartFreshness.Versions). A release that changes
-- an area's tables bumps its version, so the first start after an upgrade rebuilds that area instead of serving
-- tables of the old shape until new data arrives. Areas built before V054 count as version 0.
ALTER TABLE mart_build ADD COLUMN IF NOT EXISTS versi INTEGER DEFAULT 0;
