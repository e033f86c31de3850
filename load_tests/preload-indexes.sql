-- Index proposals measured by benchmark.sh --preload (the schema is the core's; these are not migrations).
-- Search: a trigram index per searched column lets LIKE '%word%' use a bitmap index scan.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX IF NOT EXISTS complaints_description_trgm ON complaints USING gin (lower(description) gin_trgm_ops);
CREATE INDEX IF NOT EXISTS complaints_room_trgm ON complaints USING gin (lower(room_number) gin_trgm_ops);
CREATE INDEX IF NOT EXISTS complaints_category_trgm ON complaints USING gin (lower(category) gin_trgm_ops);
-- Two-column filters the dashboard combines.
CREATE INDEX IF NOT EXISTS complaints_hostel_category ON complaints (hostel, category, created_at DESC);
ANALYZE complaints;
