-- The audit log (docs/ACCOUNTS.md): security and administrative events, appended and never
-- changed; only the retention purge removes rows, and it logs itself. Times are epoch milliseconds.
CREATE TABLE audit_log (
    seq        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at         BIGINT       NOT NULL,
    actor_id   VARCHAR(36),
    actor      VARCHAR(320),
    action     VARCHAR(64)  NOT NULL,
    target     VARCHAR(320),
    detail     TEXT,
    address    VARCHAR(64),
    request_id VARCHAR(64)
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_action ON audit_log (action, at);
CREATE INDEX audit_log_actor ON audit_log (actor_id, at);
