-- Where a row came from when it was imported from the old Python system (import-legacy): the old
-- id, so that running the import again imports nothing twice. NULL for everything made here.
ALTER TABLE complaints ADD COLUMN external_ref TEXT;
CREATE UNIQUE INDEX complaints_external_ref ON complaints (external_ref);
ALTER TABLE staff ADD COLUMN external_ref TEXT;
CREATE UNIQUE INDEX staff_external_ref ON staff (external_ref);
ALTER TABLE hostels ADD COLUMN external_ref TEXT;
CREATE UNIQUE INDEX hostels_external_ref ON hostels (external_ref);
ALTER TABLE photos ADD COLUMN external_ref TEXT;
CREATE UNIQUE INDEX photos_external_ref ON photos (external_ref);
ALTER TABLE complaint_history ADD COLUMN external_ref TEXT;
CREATE UNIQUE INDEX complaint_history_external_ref ON complaint_history (external_ref);
