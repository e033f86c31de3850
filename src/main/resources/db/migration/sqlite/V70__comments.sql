-- Comments on complaints: public ones (the reporter hears of them) and internal notes (staff who
-- may see the complaint only). author_id is null for the integration writing for the reporter.
-- Earlier wordings of an edited comment are kept in complaint_history (comment_edited).
CREATE TABLE complaint_comments (
    id           TEXT PRIMARY KEY,
    complaint_id TEXT   NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
    author_id    TEXT REFERENCES staff (id),
    visibility   TEXT   NOT NULL CHECK (visibility IN ('public', 'internal')),
    body         TEXT   NOT NULL,
    created_at   BIGINT NOT NULL,
    edited_at    BIGINT
);
CREATE INDEX complaint_comments_complaint ON complaint_comments (complaint_id, created_at);
