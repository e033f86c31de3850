-- Issue 18: one full-text index over complaints, used by the list's text search (q) and to rank
-- similar complaints; and the link from a duplicate to the complaint it was merged into.
ALTER TABLE complaints ADD COLUMN duplicate_of VARCHAR(36) REFERENCES complaints (id) ON DELETE SET NULL;
CREATE INDEX complaints_duplicates ON complaints (duplicate_of) WHERE duplicate_of IS NOT NULL;

-- Similar complaints are looked for among one hostel's recent complaints of one category.
CREATE INDEX complaints_similar ON complaints (hostel, category, created_at);

-- English stemming, as SQLite's porter tokenizer does; the report's text never changes.
ALTER TABLE complaints ADD COLUMN search tsvector GENERATED ALWAYS AS (
    to_tsvector('english', description || ' ' || room_number || ' ' || category)) STORED;
CREATE INDEX complaints_search ON complaints USING GIN (search);
