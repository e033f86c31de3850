-- Ids are UUID strings; times are milliseconds since the epoch (UTC).
CREATE TABLE staff (
    id                 TEXT PRIMARY KEY,
    full_name          TEXT    NOT NULL,
    email              TEXT UNIQUE,
    phone              TEXT UNIQUE,
    role               TEXT    NOT NULL CHECK (role IN ('admin', 'porter')),
    active             BOOLEAN NOT NULL DEFAULT 1,
    password_hash      TEXT    NOT NULL,
    tokens_valid_after BIGINT  NOT NULL DEFAULT 0,
    created_at         BIGINT  NOT NULL
);

CREATE TABLE revoked_tokens (
    jti        TEXT PRIMARY KEY,
    expires_at BIGINT NOT NULL
);
CREATE INDEX revoked_tokens_expiry ON revoked_tokens (expires_at);

CREATE TABLE hostels (
    id           TEXT PRIMARY KEY,
    slug         TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL
);

CREATE TABLE complaints (
    id                 TEXT PRIMARY KEY,
    telegram_user_id   TEXT,
    hostel             TEXT   NOT NULL,
    wing               TEXT   NOT NULL,
    room_number        TEXT   NOT NULL,
    category           TEXT   NOT NULL,
    description        TEXT   NOT NULL,
    severity           TEXT   NOT NULL CHECK (severity IN ('low', 'medium', 'high')),
    status             TEXT   NOT NULL CHECK (status IN ('reported', 'in_progress', 'resolved', 'closed')),
    assigned_porter_id TEXT REFERENCES staff (id),
    created_by         TEXT REFERENCES staff (id),
    version            BIGINT NOT NULL,
    created_at         BIGINT NOT NULL,
    updated_at         BIGINT NOT NULL
);
-- The list is newest first; each filter has an index that also serves that order.
CREATE INDEX complaints_newest ON complaints (created_at DESC, id DESC);
CREATE INDEX complaints_status ON complaints (status, created_at DESC);
CREATE INDEX complaints_hostel ON complaints (hostel, created_at DESC);
CREATE INDEX complaints_category ON complaints (category, created_at DESC);
CREATE INDEX complaints_severity ON complaints (severity, created_at DESC);
CREATE INDEX complaints_reporter ON complaints (telegram_user_id, created_at DESC);
CREATE INDEX complaints_assignee ON complaints (assigned_porter_id, created_at DESC);
CREATE INDEX complaints_finished ON complaints (status, updated_at);

CREATE TABLE complaint_history (
    id           TEXT PRIMARY KEY,
    complaint_id TEXT   NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
    at           BIGINT NOT NULL,
    actor_id     TEXT,
    action       TEXT   NOT NULL,
    from_value   TEXT,
    to_value     TEXT
);
CREATE INDEX complaint_history_complaint ON complaint_history (complaint_id, at);

CREATE TABLE idempotency_keys (
    caller       TEXT   NOT NULL,
    idem_key     TEXT   NOT NULL,
    request_hash TEXT   NOT NULL,
    complaint_id TEXT   NOT NULL REFERENCES complaints (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    created_at   BIGINT NOT NULL,
    PRIMARY KEY (caller, idem_key)
);
CREATE INDEX idempotency_keys_age ON idempotency_keys (created_at);
CREATE INDEX idempotency_keys_complaint ON idempotency_keys (complaint_id);
