-- Photos are processed after the upload is answered (issue 19). A checked original waits as
-- 'processing' until a worker has made the stored image and thumbnail ('ready') or found it
-- undecodable ('failed'). The table is the queue: a worker claims a row by setting claimed_until,
-- so on several instances only one processes each photo, and a claim that outlives a crash simply
-- expires and the photo is taken up again. attempts counts claims, so a photo that keeps failing
-- for other reasons than its bytes (the store is down) is given up on in the end.
-- SQLite cannot change a CHECK constraint in place, so the table is rebuilt; nothing refers to it.
CREATE TABLE photos_new (
    id            TEXT PRIMARY KEY,
    complaint_id  TEXT    NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
    state         TEXT    NOT NULL
                  CHECK (state IN ('pending', 'processing', 'ready', 'failed', 'void')),
    file_name     TEXT    NOT NULL,
    mime_type     TEXT    NOT NULL,
    file_size     BIGINT  NOT NULL,
    width         INTEGER,
    height        INTEGER,
    sha256        TEXT,
    added_by      TEXT    NOT NULL,
    created_at    BIGINT  NOT NULL,
    expires_at    BIGINT,
    external_ref  TEXT,
    claimed_until BIGINT,
    attempts      INTEGER NOT NULL DEFAULT 0
);
INSERT INTO photos_new (id, complaint_id, state, file_name, mime_type, file_size, width, height,
                        sha256, added_by, created_at, expires_at, external_ref)
SELECT id, complaint_id, state, file_name, mime_type, file_size, width, height, sha256, added_by,
       created_at, expires_at, external_ref
FROM photos;
DROP TABLE photos;
ALTER TABLE photos_new RENAME TO photos;
CREATE INDEX photos_complaint ON photos (complaint_id, state, created_at DESC);
CREATE INDEX photos_pending ON photos (state, expires_at);
CREATE UNIQUE INDEX photos_external_ref ON photos (external_ref);
CREATE INDEX photos_processing ON photos (created_at) WHERE state = 'processing';
