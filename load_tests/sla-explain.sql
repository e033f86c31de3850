-- Plans of the SLA queries at the pre-loaded size (after preload.sql and preload-sla.sql).
\timing on
SELECT (extract(epoch FROM now()) * 1000)::bigint AS now_ms, (now()::date - date '1970-01-01') AS today \gset
-- The escalation scan (sla.SlaEscalation.DUE), as every run starts it: one batch of 200. Run it
-- once on the fresh pre-load (every open complaint is long overdue: the first run's worst case)
-- and once after sla-steady.sql (each already alerted today: the steady state of every minute).
EXPLAIN (ANALYZE, BUFFERS)
SELECT c.id FROM complaints c
WHERE c.warn_at <= :now_ms AND c.status IN ('reported', 'in_progress')
ORDER BY c.warn_at
LIMIT 200;
-- The list in due order, first page and a deep page, for an admin.
EXPLAIN (ANALYZE, BUFFERS)
SELECT id FROM complaints c WHERE 1 = 1 ORDER BY due_at ASC NULLS LAST, id ASC LIMIT 20 OFFSET 0;
EXPLAIN (ANALYZE, BUFFERS)
SELECT id FROM complaints c WHERE 1 = 1 ORDER BY due_at ASC NULLS LAST, id ASC LIMIT 20 OFFSET 980;
-- The overdue view: due before now, in due order, with its count.
EXPLAIN (ANALYZE, BUFFERS)
SELECT id FROM complaints c WHERE 1 = 1 AND due_at < :now_ms ORDER BY due_at ASC NULLS LAST, id ASC LIMIT 20;
EXPLAIN (ANALYZE, BUFFERS)
SELECT count(*) FROM complaints c WHERE 1 = 1 AND due_at < :now_ms;
-- complaints_overdue{priority} at scrape time.
EXPLAIN (ANALYZE, BUFFERS)
SELECT priority, count(*) FROM complaints WHERE due_at < :now_ms AND status IN ('reported', 'in_progress') GROUP BY priority;
