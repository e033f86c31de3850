-- The Telegram bot (docs/TELEGRAM.md). Times are epoch milliseconds.
--
-- Telegram delivers an update again when it is not acknowledged in time; an update is handled only
-- by the transaction that claims its id here, so a resent or doubly polled update changes nothing.
CREATE TABLE telegram_updates (
    update_id   BIGINT PRIMARY KEY,
    received_at BIGINT NOT NULL
);
CREATE INDEX telegram_updates_age ON telegram_updates (received_at);

-- One conversation per chat (a report being written), kept in the database so a restart or another
-- instance carries it on. conversation_id ties the buttons of a conversation to it: buttons of an
-- ended one are refused. draft is JSON.
CREATE TABLE telegram_conversations (
    chat_id         BIGINT      PRIMARY KEY,
    conversation_id VARCHAR(16) NOT NULL,
    step            VARCHAR(32) NOT NULL,
    draft           TEXT        NOT NULL,
    updated_at      BIGINT      NOT NULL,
    expires_at      BIGINT      NOT NULL
);
CREATE INDEX telegram_conversations_expiry ON telegram_conversations (expires_at);
