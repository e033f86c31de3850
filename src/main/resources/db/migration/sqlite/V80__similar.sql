-- Issue 18: one full-text index over complaints, used by the list's text search (q) and to rank
-- similar complaints; and the link from a duplicate to the complaint it was merged into.
--
-- FTS5 keeps only the index (external content): the text stays in complaints. Its rowid is the
-- complaint's reference, which (unlike SQLite's implicit rowid) VACUUM never renumbers. The
-- reference is given by the complaints_numbered trigger's UPDATE after the insert, so the index
-- row is written when the reference is set.
ALTER TABLE complaints ADD COLUMN duplicate_of TEXT REFERENCES complaints (id) ON DELETE SET NULL;
CREATE INDEX complaints_duplicates ON complaints (duplicate_of) WHERE duplicate_of IS NOT NULL;

-- Similar complaints are looked for among one hostel's recent complaints of one category.
CREATE INDEX complaints_similar ON complaints (hostel, category, created_at);

CREATE VIRTUAL TABLE complaints_fts USING fts5(
    description, room_number, category,
    content = 'complaints', content_rowid = 'reference', tokenize = 'porter unicode61');
INSERT INTO complaints_fts (complaints_fts) VALUES ('rebuild');

CREATE TRIGGER complaints_fts_numbered AFTER UPDATE OF reference ON complaints
    WHEN NEW.reference IS NOT NULL AND OLD.reference IS NULL
BEGIN
    INSERT INTO complaints_fts (rowid, description, room_number, category)
    VALUES (NEW.reference, NEW.description, NEW.room_number, NEW.category);
END;

CREATE TRIGGER complaints_fts_inserted AFTER INSERT ON complaints WHEN NEW.reference IS NOT NULL
BEGIN
    INSERT INTO complaints_fts (rowid, description, room_number, category)
    VALUES (NEW.reference, NEW.description, NEW.room_number, NEW.category);
END;

CREATE TRIGGER complaints_fts_deleted AFTER DELETE ON complaints WHEN OLD.reference IS NOT NULL
BEGIN
    INSERT INTO complaints_fts (complaints_fts, rowid, description, room_number, category)
    VALUES ('delete', OLD.reference, OLD.description, OLD.room_number, OLD.category);
END;
