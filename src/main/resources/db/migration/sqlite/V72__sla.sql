-- SLA targets set by admins, in minutes of business time, per category ('*' for every category)
-- and priority; without a row the built-in defaults hold. And every escalation alert sent, once:
-- the primary key makes a second instance's insert of the same alert a no-op. day is the epoch
-- day (UTC) of a breach re-alert, 0 for warnings (sent once).
CREATE TABLE sla_policies (
    category           TEXT    NOT NULL,
    priority           TEXT    NOT NULL CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
    response_minutes   INTEGER NOT NULL CHECK (response_minutes > 0),
    resolution_minutes INTEGER NOT NULL CHECK (resolution_minutes >= response_minutes),
    updated_at         BIGINT  NOT NULL,
    PRIMARY KEY (category, priority)
);

CREATE TABLE sla_alerts (
    complaint_id TEXT   NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
    target       TEXT   NOT NULL CHECK (target IN ('response', 'resolution')),
    level        TEXT   NOT NULL CHECK (level IN ('warning', 'breach')),
    day          BIGINT NOT NULL,
    sent_at      BIGINT NOT NULL,
    PRIMARY KEY (complaint_id, target, level, day)
);
