-- Photos are processed after the upload is answered (issue 19). A checked original waits as
-- 'processing' until a worker has made the stored image and thumbnail ('ready') or found it
-- undecodable ('failed'). The table is the queue: a worker claims a row by setting claimed_until,
-- so on several instances only one processes each photo, and a claim that outlives a crash simply
-- expires and the photo is taken up again. attempts counts claims, so a photo that keeps failing
-- for other reasons than its bytes (the store is down) is given up on in the end.
ALTER TABLE photos DROP CONSTRAINT photos_state_check;
ALTER TABLE photos ADD CONSTRAINT photos_state_check
    CHECK (state IN ('pending', 'processing', 'ready', 'failed', 'void'));
ALTER TABLE photos ADD COLUMN claimed_until BIGINT;
ALTER TABLE photos ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
CREATE INDEX photos_processing ON photos (created_at) WHERE state = 'processing';
