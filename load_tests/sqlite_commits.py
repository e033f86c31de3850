#!/usr/bin/python3
"""The embedded default's write ceiling: single-row commits a second on SQLite with the service's
settings (WAL, synchronous=FULL), one writer, in a scratch file in FOLDER (put it on the disk of the
data folder). The SQLite counterpart of `pgbench` with a one-row INSERT per transaction.

    sqlite_commits.py FOLDER [SECONDS] [ROWS_PER_COMMIT]
"""

import os
import sqlite3
import sys
import tempfile
import time


def commits(folder: str, seconds: float, rows: int) -> None:
    with tempfile.TemporaryDirectory(dir=folder) as scratch:
        db = sqlite3.connect(os.path.join(scratch, "ceiling.db"), isolation_level=None)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=FULL")
        db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)")
        body = "x" * 200
        n = 0
        start = time.monotonic()
        while time.monotonic() - start < seconds:
            db.execute("BEGIN IMMEDIATE")
            for _ in range(rows):
                db.execute("INSERT INTO t (body) VALUES (?)", (body,))
            db.execute("COMMIT")
            n += 1
        elapsed = time.monotonic() - start
        db.close()
    print(f"commits/s {n / elapsed:.0f}  rows/s {n * rows / elapsed:.0f}  "
          f"({rows} row(s) a commit, {elapsed:.1f} s)")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    commits(sys.argv[1], float(sys.argv[2]) if len(sys.argv) > 2 else 10,
            int(sys.argv[3]) if len(sys.argv) > 3 else 1)
