-- Bulk pre-load of the embedded default for benchmark.sh (preload phase): preload.sql for SQLite,
-- run by the sqlite3 shell on the stopped service's database with `.parameter set :n N` before it.
-- The same rows: 30 % reported and unassigned, 15 % reported and assigned, 25 % in progress,
-- 20 % resolved, 10 % closed, each with the history that explains its status. References are
-- given here (the numbering trigger fires only without one); the full-text index fills through
-- its insert trigger.
.timer on
PRAGMA synchronous = OFF;
BEGIN;
CREATE TEMP TABLE porters AS
SELECT row_number() OVER (ORDER BY id) - 1 AS n, id FROM staff WHERE role = 'porter';
CREATE TEMP TABLE settings AS
SELECT (SELECT count(*) FROM temp.porters) AS porter_count,
       (SELECT id FROM staff WHERE role = 'admin' ORDER BY created_at LIMIT 1) AS admin_id,
       CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) AS now_ms,
       (SELECT last FROM complaint_reference_counter WHERE only_row = 1) AS first_reference;
CREATE TEMP TABLE texts (k INTEGER PRIMARY KEY, description TEXT NOT NULL);
INSERT INTO temp.texts (k, description) VALUES
    (0, 'Tap leaking since Monday'), (1, 'Shower drain blocked'), (2, 'No hot water in the bathroom'),
    (3, 'Ceiling light flickers'), (4, 'Socket by the desk sparks'), (5, 'Fan stopped working'),
    (6, 'Wardrobe door hinge broken'), (7, 'Window frame will not close'),
    (8, 'Cockroaches in the kitchenette'), (9, 'Window grille loose'), (10, 'Door latch rusted shut'),
    (11, 'Water stain on the ceiling');

CREATE TEMP TABLE generated AS
WITH RECURSIVE series (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM series WHERE i < :n)
SELECT i,
       lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2)
             || '-a' || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))) AS id,
       CASE WHEN i % 20 < 9 THEN 'reported' WHEN i % 20 < 14 THEN 'in_progress'
            WHEN i % 20 < 18 THEN 'resolved' ELSE 'closed' END AS status,
       i % 20 >= 6 AS assigned,
       -- one every 30 s back from now: a year of a large campus's complaints
       (SELECT now_ms FROM temp.settings) - i * 30000 AS created_at
FROM series;

INSERT INTO complaints (id, telegram_user_id, hostel, wing, room_number, category, description, severity,
                        status, assigned_porter_id, created_by, version, created_at, updated_at, reference)
SELECT g.id,
       CAST(5000000000 + (g.i * 7919) % 200000 AS TEXT),
       'block-' || char(97 + g.i % 4),
       char(65 + (g.i * 13) % 8),
       char(65 + (g.i * 13) % 8) || (100 + (g.i * 7919) % 400),
       CASE (g.i * 31) % 6 WHEN 0 THEN 'plumbing' WHEN 1 THEN 'electrical' WHEN 2 THEN 'carpentry'
                           WHEN 3 THEN 'pest' WHEN 4 THEN 'metalworks' ELSE 'other' END,
       t.description || '. Reported in bulk load, number ' || g.i,
       CASE (g.i * 11) % 4 WHEN 0 THEN 'low' WHEN 3 THEN 'high' ELSE 'medium' END,
       g.status,
       CASE WHEN g.assigned THEN p.id END,
       NULL,
       1 + g.assigned + CASE g.status WHEN 'in_progress' THEN 1 WHEN 'resolved' THEN 2
                                      WHEN 'closed' THEN 3 ELSE 0 END,
       g.created_at,
       g.created_at + 60000 * CASE g.status WHEN 'in_progress' THEN 2 WHEN 'resolved' THEN 3
                                            WHEN 'closed' THEN 4 ELSE g.assigned END,
       s.first_reference + g.i
FROM temp.generated g
JOIN temp.settings s
JOIN temp.texts t ON t.k = (g.i * 17) % 12
JOIN temp.porters p ON p.n = g.i % s.porter_count;
UPDATE complaint_reference_counter SET last = last + :n WHERE only_row = 1;

-- The history each status needs: created, then assignment and each step of the status machine.
INSERT INTO complaint_history (id, complaint_id, at, actor_id, action, from_value, to_value)
SELECT g.id || '-h1', g.id, g.created_at, NULL, 'created', NULL, 'reported' FROM temp.generated g;
INSERT INTO complaint_history (id, complaint_id, at, actor_id, action, from_value, to_value)
SELECT g.id || '-h2', g.id, g.created_at + 60000, s.admin_id, 'assignment', NULL, c.assigned_porter_id
FROM temp.generated g JOIN temp.settings s JOIN complaints c ON c.id = g.id WHERE g.assigned;
INSERT INTO complaint_history (id, complaint_id, at, actor_id, action, from_value, to_value)
SELECT g.id || '-h3', g.id, g.created_at + 120000, c.assigned_porter_id, 'status', 'reported', 'in_progress'
FROM temp.generated g JOIN complaints c ON c.id = g.id WHERE g.status IN ('in_progress', 'resolved', 'closed');
INSERT INTO complaint_history (id, complaint_id, at, actor_id, action, from_value, to_value)
SELECT g.id || '-h4', g.id, g.created_at + 180000, c.assigned_porter_id, 'status', 'in_progress', 'resolved'
FROM temp.generated g JOIN complaints c ON c.id = g.id WHERE g.status IN ('resolved', 'closed');
INSERT INTO complaint_history (id, complaint_id, at, actor_id, action, from_value, to_value)
SELECT g.id || '-h5', g.id, g.created_at + 240000, s.admin_id, 'status', 'resolved', 'closed'
FROM temp.generated g JOIN temp.settings s WHERE g.status = 'closed';
COMMIT;

-- The planner's statistics, as the service's periodic optimize would gather them.
ANALYZE;
PRAGMA wal_checkpoint(TRUNCATE);
