-- Human references (C-1042): residents cannot type UUIDs. SQLite has no sequences; a one-row
-- counter moved on by a trigger in the inserting transaction does the same, and is safe because
-- every write holds the database's single write lock. Unlike max() + 1, a purged newest complaint
-- never gives its number to the next one. Existing complaints are numbered in the order they were
-- made.
ALTER TABLE complaints ADD COLUMN reference BIGINT;
UPDATE complaints SET reference = n.rn
FROM (SELECT id, row_number() OVER (ORDER BY created_at, id) AS rn FROM complaints) n
WHERE complaints.id = n.id;
CREATE UNIQUE INDEX complaints_reference ON complaints (reference);

CREATE TABLE complaint_reference_counter (
    only_row INTEGER PRIMARY KEY CHECK (only_row = 1),
    last     BIGINT  NOT NULL
);
INSERT INTO complaint_reference_counter (only_row, last)
SELECT 1, coalesce(max(reference), 0) FROM complaints;

CREATE TRIGGER complaints_numbered AFTER INSERT ON complaints WHEN NEW.reference IS NULL
BEGIN
    UPDATE complaint_reference_counter SET last = last + 1 WHERE only_row = 1;
    UPDATE complaints SET reference = (SELECT last FROM complaint_reference_counter WHERE only_row = 1)
    WHERE id = NEW.id;
END;
