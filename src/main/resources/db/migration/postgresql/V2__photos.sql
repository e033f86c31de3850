-- Photos of complaints. A row is 'pending' from a presign until its confirm (expires_at set), then
-- 'ready'; a failed confirm leaves it 'void' until the presign expires, so that whatever is still PUT
-- to the link is cleaned up. Stored objects live under "<complaint_id>/<id>/", never under a client's
-- file name.
CREATE TABLE photos (
    id           VARCHAR(36)  PRIMARY KEY,
    complaint_id VARCHAR(36)  NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
    state        VARCHAR(16)  NOT NULL CHECK (state IN ('pending', 'ready', 'void')),
    file_name    VARCHAR(255) NOT NULL,
    mime_type    VARCHAR(64)  NOT NULL,
    file_size    BIGINT       NOT NULL,
    width        INTEGER,
    height       INTEGER,
    sha256       VARCHAR(64),
    added_by     VARCHAR(64)  NOT NULL,
    created_at   BIGINT       NOT NULL,
    expires_at   BIGINT
);
CREATE INDEX photos_complaint ON photos (complaint_id, created_at DESC);
CREATE INDEX photos_pending ON photos (state, expires_at);
