-- Named locks shared by all instances (ShedLock's table, docs/NOTIFICATIONS.md#leases): jobs that
-- must run once across instances, and renewable leases for roles one instance holds at a time.
-- Times are epoch milliseconds from the instances' clock: every process using the file runs on
-- the same machine.
CREATE TABLE shedlock (
    name       TEXT      NOT NULL PRIMARY KEY,
    lock_until TIMESTAMP NOT NULL,
    locked_at  TIMESTAMP NOT NULL,
    locked_by  TEXT      NOT NULL
);
