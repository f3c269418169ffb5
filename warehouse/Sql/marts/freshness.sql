-- One row per mart area that has been built (areas never built have no row).
SELECT area, built_from_load, built_at, duration_seconds, versi FROM mart_build
