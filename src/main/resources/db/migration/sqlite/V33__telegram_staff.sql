-- Staff who linked their Telegram account (docs/TELEGRAM.md): where their alerts go, and which
-- alerts they want. A chat belongs to at most one staff member.
CREATE TABLE telegram_staff (
    staff_id          TEXT PRIMARY KEY REFERENCES staff (id) ON DELETE CASCADE,
    chat_id           BIGINT  NOT NULL UNIQUE,
    alert_assignments BOOLEAN NOT NULL DEFAULT 1,
    alert_urgent      BOOLEAN NOT NULL DEFAULT 1,
    alert_reopened    BOOLEAN NOT NULL DEFAULT 1,
    linked_at         BIGINT  NOT NULL
);

-- One-time codes of the deep link /start link-<code>, valid for ten minutes.
CREATE TABLE telegram_link_codes (
    code       VARCHAR(64) PRIMARY KEY,
    staff_id   TEXT NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    expires_at BIGINT NOT NULL
);
