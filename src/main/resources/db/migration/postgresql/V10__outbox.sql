-- The notification outbox (docs/NOTIFICATIONS.md). A message is stored in the transaction of the
-- change that causes it and sent after the commit. seq orders the messages of one recipient; a row
-- is sent only when no older row to the same (channel, recipient) is still pending. A dispatcher
-- claims a row for claimed_until before it sends it, so two instances never send the same row and a
-- crashed claimer's rows are picked up again once the claim runs out. Times are epoch milliseconds.
CREATE TABLE outbox_messages (
    seq             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id              VARCHAR(36)  NOT NULL UNIQUE,
    channel         VARCHAR(32)  NOT NULL,
    recipient       VARCHAR(320) NOT NULL,
    kind            VARCHAR(64)  NOT NULL,
    payload         TEXT         NOT NULL,
    dedup_key       VARCHAR(255) UNIQUE,
    state           VARCHAR(16)  NOT NULL CHECK (state IN ('pending', 'sent', 'failed', 'suppressed')),
    attempts        INTEGER      NOT NULL DEFAULT 0,
    created_at      BIGINT       NOT NULL,
    next_attempt_at BIGINT       NOT NULL,
    claimed_by      VARCHAR(64),
    claimed_until   BIGINT,
    finished_at     BIGINT,
    last_error      VARCHAR(500)
);
-- Rows due for an attempt, and each recipient's queue in order; both hold pending rows only, so
-- they stay small however many messages were sent.
CREATE INDEX outbox_messages_due ON outbox_messages (next_attempt_at) WHERE state = 'pending';
CREATE INDEX outbox_messages_queue ON outbox_messages (channel, recipient, seq) WHERE state = 'pending';
-- Finished rows are deleted after the retention period.
CREATE INDEX outbox_messages_finished ON outbox_messages (finished_at) WHERE state <> 'pending';

-- Recipients a channel reported as gone for good (a bot blocked by the resident, a mailbox that does
-- not exist): messages to them are stored as suppressed and never sent, until they are marked
-- reachable again.
CREATE TABLE outbox_unreachable (
    channel   VARCHAR(32)  NOT NULL,
    recipient VARCHAR(320) NOT NULL,
    reason    VARCHAR(500) NOT NULL,
    since     BIGINT       NOT NULL,
    PRIMARY KEY (channel, recipient)
);
