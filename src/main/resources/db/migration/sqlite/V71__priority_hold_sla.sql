-- Working the queue: priority (set by staff, first taken from severity), on hold with a reason,
-- and the SLA clock. Times are epoch milliseconds. due_at is the next open target (null once
-- resolved), for sorting and filtering; warn_at when the escalation job next has work for the
-- complaint: a write sets it to the target's 80 % mark, the job moves it on after each alert.
--
-- SQLite cannot alter a CHECK constraint; the documented writable_schema edit widens the status
-- check in place (a widening only: every stored row still passes), and RESET reloads the schema.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
SET sql = replace(sql, '''in_progress'', ''resolved''', '''in_progress'', ''on_hold'', ''resolved''')
WHERE type = 'table' AND name = 'complaints';
PRAGMA writable_schema = RESET;

ALTER TABLE complaints ADD COLUMN priority TEXT NOT NULL DEFAULT 'normal'
    CHECK (priority IN ('low', 'normal', 'high', 'urgent'));
UPDATE complaints SET priority = CASE severity WHEN 'high' THEN 'high' WHEN 'low' THEN 'low' ELSE 'normal' END;
ALTER TABLE complaints ADD COLUMN hold_reason TEXT;
ALTER TABLE complaints ADD COLUMN response_due_at BIGINT;
ALTER TABLE complaints ADD COLUMN resolution_due_at BIGINT;
ALTER TABLE complaints ADD COLUMN response_warn_at BIGINT;
ALTER TABLE complaints ADD COLUMN resolution_warn_at BIGINT;
ALTER TABLE complaints ADD COLUMN responded_at BIGINT;
ALTER TABLE complaints ADD COLUMN resolved_at BIGINT;
ALTER TABLE complaints ADD COLUMN held_since BIGINT;
ALTER TABLE complaints ADD COLUMN paused_ms BIGINT NOT NULL DEFAULT 0;
ALTER TABLE complaints ADD COLUMN due_at BIGINT;
ALTER TABLE complaints ADD COLUMN warn_at BIGINT;

CREATE INDEX complaints_priority ON complaints (priority, created_at DESC);
CREATE INDEX complaints_due ON complaints (due_at, id);
CREATE INDEX complaints_warn ON complaints (warn_at) WHERE warn_at IS NOT NULL;
