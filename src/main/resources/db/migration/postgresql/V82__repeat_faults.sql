-- Issue 18: repeat faults. A complaint that makes N of one category in its room (or wing, for
-- shared facilities) within D days is flagged: repeat_count holds how many there were, NULL when
-- it is no repeat. The counts are read off these indexes, never by a scan.
ALTER TABLE complaints ADD COLUMN repeat_count INTEGER;
CREATE INDEX complaints_repeat_room ON complaints (hostel, room_number, category, created_at);
CREATE INDEX complaints_repeat_wing ON complaints (hostel, wing, category, created_at);
