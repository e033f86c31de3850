-- Ids are UUID strings; times are milliseconds since the epoch (UTC), as on the embedded database.
CREATE TABLE staff (
    id                 VARCHAR(36) PRIMARY KEY,
    full_name          TEXT    NOT NULL,
    email              TEXT UNIQUE,
    phone              TEXT UNIQUE,
    role               TEXT    NOT NULL CHECK (role IN ('admin', 'porter')),
    active             BOOLEAN NOT NULL DEFAULT TRUE,
    password_hash      TEXT    NOT NULL,
    tokens_valid_after BIGINT  NOT NULL DEFAULT 0,
    created_at         BIGINT  NOT NULL
);

CREATE TABLE revoked_tokens (
    jti        VARCHAR(64) PRIMARY KEY,
    expires_at BIGINT NOT NULL
);
CREATE INDEX revoked_tokens_expiry ON revoked_tokens (expires_at);

CREATE TABLE hostels (
    id           VARCHAR(36) PRIMARY KEY,
    slug         TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL
);

CREATE TABLE complaints (
    id                 VARCHAR(36) PRIMARY KEY,
    telegram_user_id   TEXT,
    hostel             TEXT   NOT NULL,
    wing               TEXT   NOT NULL,
    room_number        TEXT   NOT NULL,
    category           TEXT   NOT NULL,
    description        TEXT   NOT NULL,
    severity           TEXT   NOT NULL CHECK (severity IN ('low', 'medium', 'high')),
    status             TEXT   NOT NULL CHECK (status IN ('reported', 'in_progress', 'resolved', 'closed')),
    assigned_porter_id VARCHAR(36) REFERENCES staff (id),
    created_by         VARCHAR(36) REFERENCES staff (id),
    version            BIGINT NOT NULL,
    created_at         BIGINT NOT NULL,
    updated_at         BIGINT NOT NULL
);
CREATE INDEX complaints_newest ON complaints (created_at DESC, id DESC);
CREATE INDEX complaints_status ON complaints (status, created_at DESC);
CREATE INDEX complaints_hostel ON complaints (hostel, created_at DESC);
CREATE INDEX complaints_category ON complaints (category, created_at DESC);
CREATE INDEX complaints_severity ON complaints (severity, created_at DESC);
CREATE INDEX complaints_reporter ON complaints (telegram_user_id, created_at DESC);
CREATE INDEX complaints_assignee ON complaints (assigned_porter_id, created_at DESC);
CREATE INDEX complaints_finished ON complaints (status, updated_at);

CREATE TABLE complaint_history (
    id           VARCHAR(36) PRIMARY KEY,
    complaint_id VARCHAR(36) NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
    at           BIGINT NOT NULL,
    actor_id     VARCHAR(36),
    action       TEXT   NOT NULL,
    from_value   TEXT,
    to_value     TEXT
);
CREATE INDEX complaint_history_complaint ON complaint_history (complaint_id, at);

CREATE TABLE idempotency_keys (
    caller       VARCHAR(64)  NOT NULL,
    idem_key     VARCHAR(255) NOT NULL,
    request_hash VARCHAR(64)  NOT NULL,
    complaint_id VARCHAR(36)  NOT NULL REFERENCES complaints (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    created_at   BIGINT NOT NULL,
    PRIMARY KEY (caller, idem_key)
);
CREATE INDEX idempotency_keys_age ON idempotency_keys (created_at);
CREATE INDEX idempotency_keys_complaint ON idempotency_keys (complaint_id);
