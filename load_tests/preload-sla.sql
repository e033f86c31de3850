-- After preload.sql: give the bulk complaints what workflow (issue 17) stores, so the escalation
-- scan and sort=due can be measured at the capacity plan's size. Wall-clock targets stand in for
-- business-hour ones (the shape of the data is what matters for the plans): priority from
-- severity, response and resolution targets, the first staff action for complaints that were
-- assigned or moved, resolution for finished ones, and due_at/warn_at as the service keeps them.
\timing on
UPDATE complaints SET
    priority = CASE severity WHEN 'high' THEN 'high' WHEN 'low' THEN 'low' ELSE 'normal' END,
    response_due_at = created_at + 3600000 * CASE severity WHEN 'high' THEN 4 WHEN 'low' THEN 27 ELSE 9 END,
    resolution_due_at = created_at + 3600000 * CASE severity WHEN 'high' THEN 24 WHEN 'low' THEN 90 ELSE 27 END,
    response_warn_at = created_at + 2880000 * CASE severity WHEN 'high' THEN 4 WHEN 'low' THEN 27 ELSE 9 END,
    resolution_warn_at = created_at + 2880000 * CASE severity WHEN 'high' THEN 24 WHEN 'low' THEN 90 ELSE 27 END,
    responded_at = CASE WHEN assigned_porter_id IS NOT NULL OR status <> 'reported' THEN created_at + 60000 END,
    resolved_at = CASE WHEN status IN ('resolved', 'closed') THEN updated_at END
WHERE description LIKE '%Reported in bulk load%';
UPDATE complaints SET
    due_at = CASE WHEN resolved_at IS NOT NULL THEN NULL
                  WHEN responded_at IS NULL THEN response_due_at ELSE resolution_due_at END,
    warn_at = CASE WHEN resolved_at IS NOT NULL THEN NULL
                   WHEN responded_at IS NULL THEN response_warn_at ELSE resolution_warn_at END
WHERE description LIKE '%Reported in bulk load%';
VACUUM ANALYZE complaints;
