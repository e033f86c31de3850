-- Working the queue: priority (set by staff, first taken from severity), on hold with a reason,
-- and the SLA clock. Times are epoch milliseconds. due_at is the next open target (null once
-- resolved), for sorting and filtering; warn_at when the escalation job next has work for the
-- complaint: a write sets it to the target's 80 % mark, the job moves it on after each alert.
ALTER TABLE complaints DROP CONSTRAINT complaints_status_check;
ALTER TABLE complaints ADD CONSTRAINT complaints_status_check
    CHECK (status IN ('reported', 'in_progress', 'on_hold', 'resolved', 'closed'));

ALTER TABLE complaints ADD COLUMN priority TEXT NOT NULL DEFAULT 'normal'
    CHECK (priority IN ('low', 'normal', 'high', 'urgent'));
UPDATE complaints SET priority = CASE severity WHEN 'high' THEN 'high' WHEN 'low' THEN 'low' ELSE 'normal' END
WHERE severity <> 'medium';
ALTER TABLE complaints
    ADD COLUMN hold_reason TEXT,
    ADD COLUMN response_due_at BIGINT,
    ADD COLUMN resolution_due_at BIGINT,
    ADD COLUMN response_warn_at BIGINT,
    ADD COLUMN resolution_warn_at BIGINT,
    ADD COLUMN responded_at BIGINT,
    ADD COLUMN resolved_at BIGINT,
    ADD COLUMN held_since BIGINT,
    ADD COLUMN paused_ms BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN due_at BIGINT,
    ADD COLUMN warn_at BIGINT;

CREATE INDEX complaints_priority ON complaints (priority, created_at DESC);
CREATE INDEX complaints_due ON complaints (due_at ASC NULLS LAST, id ASC);
CREATE INDEX complaints_warn ON complaints (warn_at) WHERE warn_at IS NOT NULL;
