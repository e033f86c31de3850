-- Issue 15: a complaint staff marked as spam is hidden from lists, search, similar complaints and
-- exports (still readable by id, for the record, until the purge removes it).
ALTER TABLE complaints ADD COLUMN hidden_at BIGINT;
