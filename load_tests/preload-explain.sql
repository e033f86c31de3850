-- Where the time of a list request goes at this size: the count behind "total" and the page itself.
\timing on
EXPLAIN (ANALYZE, BUFFERS) SELECT count(*) FROM complaints WHERE 1 = 1;
EXPLAIN (ANALYZE, BUFFERS) SELECT count(*) FROM complaints WHERE 1 = 1 AND status = 'reported';
EXPLAIN (ANALYZE, BUFFERS) SELECT count(*) FROM complaints WHERE 1 = 1 AND hostel = 'block-b' AND category = 'electrical';
EXPLAIN (ANALYZE, BUFFERS) SELECT id FROM complaints WHERE 1 = 1 ORDER BY created_at DESC, id DESC LIMIT 20 OFFSET 980;
EXPLAIN (ANALYZE, BUFFERS) SELECT count(*) FROM complaints WHERE 1 = 1 AND (lower(description) LIKE '%leak%'
  OR lower(room_number) LIKE '%leak%' OR lower(category) LIKE '%leak%');
