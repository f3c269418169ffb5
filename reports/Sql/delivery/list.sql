SELECT report_week, channel, recipient, status, attempts, last_error, claimed_by, claimed_at, next_attempt_at, sent_at
FROM report_delivery
WHERE report_week = $week
ORDER BY channel, recipient
