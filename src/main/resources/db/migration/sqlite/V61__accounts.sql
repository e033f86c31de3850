-- Staff accounts an office runs itself (docs/ACCOUNTS.md). Tokens sent by mail are stored as
-- SHA-256 hashes only; times are epoch milliseconds.
CREATE TABLE staff_invitations (
    id          TEXT PRIMARY KEY,
    email       TEXT NOT NULL,
    full_name   TEXT NOT NULL,
    role        TEXT NOT NULL CHECK (role IN ('admin', 'porter')),
    token_hash  TEXT NOT NULL UNIQUE,
    invited_by  TEXT,
    created_at  BIGINT NOT NULL,
    expires_at  BIGINT NOT NULL,
    accepted_at BIGINT,
    revoked_at  BIGINT
);
CREATE INDEX staff_invitations_email ON staff_invitations (email);

CREATE TABLE password_resets (
    token_hash     TEXT PRIMARY KEY,
    staff_id       TEXT NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    password_stamp TEXT NOT NULL,
    created_at     BIGINT NOT NULL,
    expires_at     BIGINT NOT NULL,
    used_at        BIGINT
);
CREATE INDEX password_resets_staff ON password_resets (staff_id);

-- One row per issued staff token (its jti), for the list of own sessions.
CREATE TABLE staff_sessions (
    id           TEXT PRIMARY KEY,
    staff_id     TEXT NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    created_at   BIGINT NOT NULL,
    last_used_at BIGINT NOT NULL,
    expires_at   BIGINT NOT NULL,
    address      TEXT,
    user_agent   TEXT
);
CREATE INDEX staff_sessions_staff ON staff_sessions (staff_id, expires_at);

-- TOTP second factor: the shared secret, confirmed or not, and the last time step used (replay).
CREATE TABLE staff_totp (
    staff_id     TEXT PRIMARY KEY REFERENCES staff (id) ON DELETE CASCADE,
    secret       TEXT NOT NULL,
    confirmed_at BIGINT,
    last_step    BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE staff_recovery_codes (
    code_hash TEXT PRIMARY KEY,
    staff_id  TEXT NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    used_at   BIGINT
);
CREATE INDEX staff_recovery_codes_staff ON staff_recovery_codes (staff_id);

-- The short-lived step between a right password and the second factor.
CREATE TABLE mfa_challenges (
    token_hash TEXT PRIMARY KEY,
    staff_id   TEXT NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    expires_at BIGINT NOT NULL,
    used_at    BIGINT
);
