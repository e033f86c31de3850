-- Issue 18: block-wide incidents. An incident covers whole hostels (wing '') or some of their
-- wings, for one category; complaints linked to it carry incident_id. Times are epoch millis.
CREATE TABLE incidents (
    id         TEXT PRIMARY KEY,
    title      TEXT   NOT NULL,
    category   TEXT   NOT NULL,
    message    TEXT   NOT NULL,
    eta        BIGINT,
    status     TEXT   NOT NULL CHECK (status IN ('active', 'resolved')),
    created_by TEXT,
    version    BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX incidents_status ON incidents (status, created_at DESC);

CREATE TABLE incident_scopes (
    incident_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    hostel      TEXT NOT NULL,
    wing        TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (incident_id, hostel, wing)
);
CREATE INDEX incident_scopes_place ON incident_scopes (hostel, wing);

ALTER TABLE complaints ADD COLUMN incident_id TEXT REFERENCES incidents (id) ON DELETE SET NULL;
CREATE INDEX complaints_incident ON complaints (incident_id) WHERE incident_id IS NOT NULL;
