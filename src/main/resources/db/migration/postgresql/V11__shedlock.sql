-- Named locks shared by all instances (ShedLock's table, docs/NOTIFICATIONS.md#leases): jobs that
-- must run once across instances, and renewable leases for roles one instance holds at a time.
-- Times are the database's own clock, in UTC, so instances with skewed clocks still agree.
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    lock_until TIMESTAMP    NOT NULL,
    locked_at  TIMESTAMP    NOT NULL,
    locked_by  VARCHAR(255) NOT NULL
);
