-- A reporter's 1-5 star rating of how their complaint was handled, given at most once, after it
-- was closed (through the Telegram bot). Times are epoch milliseconds.
CREATE TABLE complaint_ratings (
    complaint_id TEXT PRIMARY KEY REFERENCES complaints (id) ON DELETE CASCADE,
    stars        INTEGER NOT NULL CHECK (stars BETWEEN 1 AND 5),
    rated_at     BIGINT  NOT NULL
);
