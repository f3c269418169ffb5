-- First claim: the primary key lets only one scheduler's INSERT commit.
INSERT INTO report_delivery (report_week, channel, recipient, status, attempts, claimed_by, claimed_at)
VALUES ($week, $channel, $recipient, 'working', 1, $owner, $now)
