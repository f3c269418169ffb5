SELECT status, attempts, claimed_at, next_attempt_at
FROM report_delivery
WHERE report_week = $week AND channel = $channel AND recipient = $recipient
