-- The state the escalation job leaves behind once it has alerted every overdue complaint today:
-- one breach row each, and warn_at moved on to the next UTC midnight.
\timing on
SELECT (extract(epoch FROM now()) * 1000)::bigint AS now_ms, (now()::date - date '1970-01-01') AS today,
       (extract(epoch FROM (now()::date + 1)::timestamp) * 1000)::bigint AS midnight_ms \gset
INSERT INTO sla_alerts (complaint_id, target, level, day, sent_at)
SELECT id, CASE WHEN responded_at IS NULL THEN 'response' ELSE 'resolution' END, 'breach', :today, :now_ms
FROM complaints WHERE warn_at <= :now_ms AND due_at <= :now_ms AND status IN ('reported', 'in_progress')
ON CONFLICT DO NOTHING;
UPDATE complaints SET warn_at = :midnight_ms
WHERE warn_at <= :now_ms AND due_at <= :now_ms AND status IN ('reported', 'in_progress');
VACUUM ANALYZE complaints;
