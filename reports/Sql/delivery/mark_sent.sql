UPDATE report_delivery
SET status = 'sent', sent_at = $now, last_error = NULL
WHERE report_week = $week AND channel = $channel AND recipient = $recipient AND claimed_by = $owner AND status = 'working'
