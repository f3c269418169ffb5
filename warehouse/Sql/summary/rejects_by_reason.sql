-- Rejected rows in the ledger per entity and reason code.
SELECT coalesce(entity, '?') AS entitas, reason_code, count(*) AS baris
FROM etl_reject
GROUP BY ALL
ORDER BY baris DESC, entitas, reason_code
