-- Human references (C-1042): residents cannot type UUIDs. The number comes from a sequence, so
-- concurrent submits on any number of instances never share one; a rolled-back submit leaves a
-- gap, which is harmless. Existing complaints are numbered in the order they were made.
ALTER TABLE complaints ADD COLUMN reference BIGINT;
UPDATE complaints SET reference = n.rn
FROM (SELECT id, row_number() OVER (ORDER BY created_at, id) AS rn FROM complaints) n
WHERE complaints.id = n.id;
CREATE SEQUENCE complaint_reference_seq;
SELECT setval('complaint_reference_seq', coalesce((SELECT max(reference) FROM complaints), 0) + 1, false);
ALTER TABLE complaints ALTER COLUMN reference SET DEFAULT nextval('complaint_reference_seq');
ALTER TABLE complaints ALTER COLUMN reference SET NOT NULL;
ALTER SEQUENCE complaint_reference_seq OWNED BY complaints.reference;
CREATE UNIQUE INDEX complaints_reference ON complaints (reference);
