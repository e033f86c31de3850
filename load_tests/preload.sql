-- Bulk pre-load for benchmark.sh --preload: :n complaints in one statement (not through the API),
-- spread like the seeding does, each with the history that explains its status.
-- 30 % reported and unassigned, 15 % reported and assigned, 25 % in progress, 20 % resolved, 10 % closed.
\timing on
CREATE TEMP TABLE porters AS SELECT row_number() OVER (ORDER BY id) - 1 AS n, id FROM staff WHERE role = 'porter';
SELECT count(*) AS porter_count FROM porters \gset
SELECT id AS admin_id FROM staff WHERE role = 'admin' ORDER BY created_at LIMIT 1 \gset
SELECT (extract(epoch FROM now()) * 1000)::bigint AS now_ms \gset

CREATE TEMP TABLE generated AS
SELECT i,
       CASE WHEN i % 20 < 9 THEN 'reported' WHEN i % 20 < 14 THEN 'in_progress'
            WHEN i % 20 < 18 THEN 'resolved' ELSE 'closed' END AS status,
       i % 20 >= 6 AS assigned,
       -- one every 30 s back from now: a year of a large campus's complaints
       :now_ms - i * 30000 AS created_at
FROM generate_series(1::bigint, :n) AS i;

INSERT INTO complaints (id, telegram_user_id, hostel, wing, room_number, category, description, severity,
                        status, assigned_porter_id, created_by, version, created_at, updated_at)
SELECT gen_random_uuid()::text,
       (5000000000 + (i * 7919) % 200000)::text,
       (ARRAY['block-a', 'block-b', 'block-c', 'block-d'])[1 + i % 4],
       chr((65 + (i * 13) % 8)::int),
       chr((65 + (i * 13) % 8)::int) || (100 + (i * 7919) % 400)::text,
       (ARRAY['plumbing', 'electrical', 'carpentry', 'pest', 'metalworks', 'other'])[1 + (i * 31) % 6],
       (ARRAY['Tap leaking since Monday', 'Shower drain blocked', 'No hot water in the bathroom',
              'Ceiling light flickers', 'Socket by the desk sparks', 'Fan stopped working',
              'Wardrobe door hinge broken', 'Window frame will not close', 'Cockroaches in the kitchenette',
              'Window grille loose', 'Door latch rusted shut', 'Water stain on the ceiling'])[1 + (i * 17) % 12]
         || '. Reported in bulk load, number ' || i,
       (ARRAY['low', 'medium', 'medium', 'high'])[1 + (i * 11) % 4],
       g.status,
       CASE WHEN g.assigned THEN p.id END,
       NULL,
       1 + (CASE WHEN g.assigned THEN 1 ELSE 0 END)
         + (CASE g.status WHEN 'in_progress' THEN 1 WHEN 'resolved' THEN 2 WHEN 'closed' THEN 3 ELSE 0 END),
       g.created_at,
       g.created_at + 60000 * (CASE g.status WHEN 'in_progress' THEN 2 WHEN 'resolved' THEN 3
                                             WHEN 'closed' THEN 4 ELSE (CASE WHEN g.assigned THEN 1 ELSE 0 END) END)
FROM generated g JOIN porters p ON p.n = g.i % :porter_count;

-- The history each status needs: created, then assignment and each step of the status machine.
INSERT INTO complaint_history (id, complaint_id, at, actor_id, action, from_value, to_value)
SELECT gen_random_uuid()::text, id, created_at, NULL, 'created', NULL, 'reported'
FROM complaints WHERE description LIKE '%Reported in bulk load%';
INSERT INTO complaint_history (id, complaint_id, at, actor_id, action, from_value, to_value)
SELECT gen_random_uuid()::text, id, created_at + 60000, :'admin_id', 'assignment', NULL, assigned_porter_id
FROM complaints WHERE assigned_porter_id IS NOT NULL AND description LIKE '%Reported in bulk load%';
INSERT INTO complaint_history (id, complaint_id, at, actor_id, action, from_value, to_value)
SELECT gen_random_uuid()::text, id, created_at + 120000, assigned_porter_id, 'status', 'reported', 'in_progress'
FROM complaints WHERE status IN ('in_progress', 'resolved', 'closed') AND description LIKE '%Reported in bulk load%';
INSERT INTO complaint_history (id, complaint_id, at, actor_id, action, from_value, to_value)
SELECT gen_random_uuid()::text, id, created_at + 180000, assigned_porter_id, 'status', 'in_progress', 'resolved'
FROM complaints WHERE status IN ('resolved', 'closed') AND description LIKE '%Reported in bulk load%';
INSERT INTO complaint_history (id, complaint_id, at, actor_id, action, from_value, to_value)
SELECT gen_random_uuid()::text, id, created_at + 240000, :'admin_id', 'status', 'resolved', 'closed'
FROM complaints WHERE status = 'closed' AND description LIKE '%Reported in bulk load%';

-- What autovacuum would do shortly after: statistics and the visibility map (index-only scans).
VACUUM ANALYZE complaints;
VACUUM ANALYZE complaint_history;
