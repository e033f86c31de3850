-- Automatic assignment. Porters say whether they are on duty; rules map a hostel (and optionally
-- a category; '*' for any) to one porter or a team of porters. A new complaint goes to the on-duty
-- member with the fewest open complaints. version is the rule's ETag.
ALTER TABLE staff ADD COLUMN on_duty BOOLEAN NOT NULL DEFAULT 1;

CREATE TABLE assignment_rules (
    id         TEXT PRIMARY KEY,
    name       TEXT   NOT NULL UNIQUE,
    hostel     TEXT   NOT NULL,
    category   TEXT   NOT NULL,
    version    BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (hostel, category)
);

CREATE TABLE assignment_rule_members (
    rule_id  TEXT NOT NULL REFERENCES assignment_rules (id) ON DELETE CASCADE,
    staff_id TEXT NOT NULL REFERENCES staff (id),
    PRIMARY KEY (rule_id, staff_id)
);
CREATE INDEX assignment_rule_members_staff ON assignment_rule_members (staff_id);
