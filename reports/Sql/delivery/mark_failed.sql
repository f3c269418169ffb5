UPDATE report_delivery
SET status = 'failed', last_error = $error, next_attempt_at = $next
WHERE report_week = $week AND channel = $channel AND recipient = $recipient AND claimed_by = $owner AND status = 'working'
