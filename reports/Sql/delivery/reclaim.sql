-- Retry of a failed delivery; the attempts guard makes a concurrent second re-claim a no-op/conflict.
UPDATE report_delivery
SET status = 'working', attempts = attempts + 1, claimed_by = $owner, claimed_at = $now, next_attempt_at = NULL
WHERE report_week = $week AND channel = $channel AND recipient = $recipient
  AND status = 'failed' AND attempts = $attempts
