-- The audit log (docs/ACCOUNTS.md): security and administrative events, appended and never
-- changed; only the retention purge removes rows, and it logs itself. Times are epoch milliseconds.
CREATE TABLE audit_log (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    at         BIGINT NOT NULL,
    actor_id   TEXT,
    actor      TEXT,
    action     TEXT   NOT NULL,
    target     TEXT,
    detail     TEXT,
    address    TEXT,
    request_id TEXT
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_action ON audit_log (action, at);
CREATE INDEX audit_log_actor ON audit_log (actor_id, at);
