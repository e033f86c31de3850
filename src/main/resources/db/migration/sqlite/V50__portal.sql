-- How each complaint came in (complaint.Channel): bot, portal, poster or staff. Existing rows with a
-- Telegram reporter came from the bot, all others from staff or an integration.
ALTER TABLE complaints ADD COLUMN channel TEXT NOT NULL DEFAULT 'staff'
    CHECK (channel IN ('bot', 'portal', 'poster', 'staff'));
UPDATE complaints SET channel = 'bot' WHERE telegram_user_id IS NOT NULL;
CREATE INDEX complaints_channel ON complaints (channel, created_at);

-- A complaint reported through the public page: its private tracking link (only a SHA-256 of the
-- token is kept), the reporter's optional name and e-mail address (personal data: admins only,
-- deleted with the complaint), the e-mail's double opt-in and unsubscribe (its links carry an HMAC
-- of the complaint id, nothing stored), and the source for spam
-- blocking (a keyed hash of the client address, never the address). Times are epoch milliseconds.
CREATE TABLE portal_reports (
    complaint_id       TEXT PRIMARY KEY REFERENCES complaints (id) ON DELETE CASCADE,
    token_hash         TEXT   NOT NULL UNIQUE,
    revoked_at         BIGINT,
    reporter_name      TEXT,
    email              TEXT,
    email_confirmed_at BIGINT,
    unsubscribed_at    BIGINT,
    source             TEXT   NOT NULL,
    spam_at            BIGINT,
    photo_count        INTEGER NOT NULL DEFAULT 0,
    created_at         BIGINT NOT NULL
);

-- Sources (keyed hashes of client addresses) refused until a time, after staff marked spam.
CREATE TABLE portal_blocks (
    source  TEXT PRIMARY KEY,
    until   BIGINT NOT NULL
);
