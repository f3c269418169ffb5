-- A claim held longer than Delivery:ClaimTimeout belongs to a run that died or hung: mark it
-- failed (retryable at once) instead of leaving it 'working' forever.
UPDATE report_delivery
SET status = 'failed', last_error = 'timeout: claimed by ' || coalesce(claimed_by, '?') || ' at ' || strftime(claimed_at, '%Y-%m-%d %H:%M:%S'),
    next_attempt_at = $now
WHERE status = 'working' AND claimed_at < $cutoff
