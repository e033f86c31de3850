-- Indexes found by profiling the load test (load_tests/README.md).
--
-- A list page's photo links are read in one query for all its complaints. With only
-- (complaint_id, created_at) and (state, expires_at) to choose from, SQLite took the state index
-- and walked every ready photo of every complaint for each page; this one answers by complaint and
-- state together.
DROP INDEX photos_complaint;
CREATE INDEX photos_complaint ON photos (complaint_id, state, created_at DESC);

-- The statistics page counts open complaints per hostel and per category: from these the count
-- is read off the index instead of visiting every open complaint's row.
CREATE INDEX complaints_open_hostel ON complaints (status, hostel);
CREATE INDEX complaints_open_category ON complaints (status, category);

-- Time to first resolution looks only at "resolved" steps, a small part of the history.
CREATE INDEX complaint_history_resolved ON complaint_history (complaint_id, at)
    WHERE action = 'status' AND to_value = 'resolved';
