INSERT OR REPLACE INTO mart_build (area, built_from_load, built_at, duration_seconds, versi)
VALUES ($area, $load, $at, $seconds, $versi)
