#!/usr/bin/env python3
"""Builds legacy.sqlite, legacy.postgresql.sql and photos/: a database of the old Python system (telegram-complaint-system,
fastapi-backend/app/models.py as SQLModel creates it on SQLite: UUID strings, enums stored as their
names, naive UTC datetimes as text) with realistic rows and odd ones, and its local photo folder
(<complaint_id>/<photo_id>.jpg, as app/storage.py writes it). legacy.postgresql.sql holds the same
rows for the old system on PostgreSQL (uuid ids, timestamptz, real booleans), for psql or JDBC.

Run from this folder: python3 make_fixture.py. Deterministic: the same files every time.
LegacyImportTests lists what it expects from these rows.
"""
import base64
import os
import shutil
import sqlite3
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
DB = os.path.join(HERE, "legacy.sqlite")
PHOTOS = os.path.join(HERE, "photos")
POSTGRES = os.path.join(HERE, "legacy.postgresql.sql")

# A 32x24 baseline JPEG (a colour gradient), small and valid.
JPEG = base64.b64decode(
    "/9j/4AAQSkZJRgABAgAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwc"
    "KDcpLDAxNDQ0Hyc5PTgyPC4zNDL/2wBDAQkJCQwLDBgNDRgyIRwhMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIy"
    "MjIyMjIyMjIyMjIyMjIyMjIyMjL/wAARCAAYACADASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcI"
    "CQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRol"
    "JicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ip"
    "qrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAA"
    "AAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLR"
    "ChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaX"
    "mJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEA"
    "PwDyuDTeny1pwab0+WtuDTeny1qQab0+Wvaq43zOTL8x21MODTeny1pwab0+WtyDTeny1pwab0+WvMq43zPucvzHbUqQ"
    "ab0+WtSDTeny0UV5VWrI/FMvrz01NODTeny1pwab0+WiivMrVZH3OX156an/2Q=="
)

SCHEMA = """
CREATE TABLE hostels (id VARCHAR NOT NULL PRIMARY KEY, slug VARCHAR NOT NULL UNIQUE,
  display_name VARCHAR NOT NULL, created_at DATETIME);
CREATE TABLE porters (id VARCHAR NOT NULL PRIMARY KEY, full_name VARCHAR NOT NULL, phone VARCHAR,
  email VARCHAR, password_hash VARCHAR, role VARCHAR, assigned_hostel_id VARCHAR REFERENCES hostels(id),
  active BOOLEAN NOT NULL, created_at DATETIME, updated_at DATETIME);
CREATE TABLE users (id VARCHAR NOT NULL PRIMARY KEY, telegram_user_id VARCHAR NOT NULL UNIQUE,
  display_name VARCHAR, created_at DATETIME, updated_at DATETIME);
CREATE TABLE complaints (id VARCHAR NOT NULL PRIMARY KEY, telegram_user_id VARCHAR NOT NULL,
  hostel VARCHAR NOT NULL, wing VARCHAR, room_number VARCHAR NOT NULL, category VARCHAR NOT NULL,
  description VARCHAR NOT NULL, photo_urls JSON, severity VARCHAR NOT NULL, status VARCHAR NOT NULL,
  assigned_porter_id VARCHAR, created_at DATETIME, updated_at DATETIME);
CREATE TABLE assignment_audits (id INTEGER NOT NULL PRIMARY KEY, complaint_id VARCHAR NOT NULL
  REFERENCES complaints(id), assigned_by VARCHAR NOT NULL, assigned_to VARCHAR NOT NULL, created_at DATETIME);
CREATE TABLE photos (id VARCHAR NOT NULL PRIMARY KEY, complaint_id VARCHAR NOT NULL REFERENCES complaints(id),
  file_url VARCHAR NOT NULL, thumbnail_url VARCHAR, file_name VARCHAR NOT NULL, file_size INTEGER,
  mime_type VARCHAR, width INTEGER, height INTEGER, created_at DATETIME, processed_at DATETIME,
  storage_provider VARCHAR NOT NULL, s3_key VARCHAR, s3_thumbnail_key VARCHAR, checksum_sha256 VARCHAR);
CREATE TABLE photo_uploads (id VARCHAR NOT NULL PRIMARY KEY, complaint_id VARCHAR NOT NULL REFERENCES complaints(id),
  photo_id VARCHAR NOT NULL, filename VARCHAR NOT NULL, content_type VARCHAR NOT NULL, content_length INTEGER,
  s3_key VARCHAR NOT NULL, status VARCHAR NOT NULL, expires_at DATETIME NOT NULL, created_at DATETIME NOT NULL,
  confirmed_at DATETIME);
CREATE TABLE admin_invitations (id VARCHAR NOT NULL PRIMARY KEY, email VARCHAR NOT NULL UNIQUE,
  invited_by VARCHAR NOT NULL REFERENCES porters(id), token VARCHAR NOT NULL UNIQUE, expires_at DATETIME NOT NULL,
  used BOOLEAN NOT NULL, created_at DATETIME);
CREATE TABLE otp_tokens (id VARCHAR NOT NULL PRIMARY KEY, email VARCHAR NOT NULL, code_hash VARCHAR NOT NULL,
  purpose VARCHAR NOT NULL, expires_at DATETIME NOT NULL, attempts INTEGER NOT NULL, max_attempts INTEGER NOT NULL,
  used BOOLEAN NOT NULL, created_at DATETIME);
CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY);
"""


def uid(name):
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "legacy-fixture:" + name))


def at(day, hour=9):
    return "2025-11-%02d %02d:15:30.123456" % (day, hour)


def main():
    for old in (DB, POSTGRES):
        if os.path.exists(old):
            os.remove(old)
    shutil.rmtree(PHOTOS, ignore_errors=True)
    db = sqlite3.connect(DB)
    db.executescript(SCHEMA)
    db.execute("INSERT INTO alembic_version VALUES ('20251117_s3_storage_expansion')")
    hostels = [("block-a", "Block A"), ("block-b", "Block B"), ("annex", "Old Annex")]
    for slug, name in hostels:
        db.execute("INSERT INTO hostels VALUES (?,?,?,?)", (uid(slug), slug, name, at(1)))
    bcrypt = "$2b$12$KIXQJQ0iC1y0rQ7jH5l9Me3Jx0vQe3b7b3c0l8y1yq2m9h7e3v7yS"
    porters = [
        ("ada", "Ada Obi", "+234 801 000 0001", "ada@hostel.example", "porter", True),
        ("ben", "Ben Eze", None, "ben@hostel.example", "porter", True),
        ("chi", "Chi Admin", None, "chi@hostel.example", "admin", True),
        ("dan", "Dan Gone", None, "dan@hostel.example", "porter", False),
        ("eve", "Eve No Mail", "0802 000 0005", None, "porter", True),
        ("fay", "Fay Nobody", None, None, "porter", True),  # odd: no e-mail, no phone
    ]
    for key, name, phone, email, role, active in porters:
        db.execute(
            "INSERT INTO porters VALUES (?,?,?,?,?,?,?,?,?,?)",
            (uid(key), name, phone, email, bcrypt, role, uid("block-a"), active, at(1), None),
        )
    # key, hostel, wing, room, category, severity, status, porter, day, photos
    complaints = [
        ("c1", "block-a", "A", "A101", "plumbing", "high", "reported", None, 2, ["p1"]),
        ("c2", "Block B", "B", "B202", "electrical", "medium", "in_progress", "ada", 3, []),
        ("c3", "block-a", None, "C303", "carpentry", "low", "resolved", "ben", 4, ["p2", "p3"]),
        ("c4", "annex", "D", "D404", "pest", "medium", "closed", "ada", 5, []),
        ("c5", "block-b", "E", "E105", "structural", "high", "on_hold", "ben", 6, []),  # old enum
        ("c6", "block-a", "F", "F106", "aliens", "low", "reported", None, 7, []),  # unknown category
        ("c7", "block-a", "G", "", "other", "low", "reported", None, 8, []),  # missing room
        ("c8", "block-b", "H", "H108", "common_area", "low", "rejected", None, 9, ["p4"]),  # photo gone
        ("c9", "Nowhere Hall", "A", "A109", "plumbing", "low", "reported", None, 10, []),  # unknown hostel
        ("c10", "block-a", "A", "A110", "plumbing", "urgent", "reported", "zed", 11, []),  # odd severity, unknown porter
        ("c11", "block-a", "A", "A111", "plumbing", "low", "lost", None, 12, []),  # unknown status
    ]
    for key, hostel, wing, room, cat, sev, status, porter, day, photos in complaints:
        cid = uid(key)
        urls = ["/storage/%s/%s.jpg" % (cid, uid(p)) for p in photos]
        db.execute(
            "INSERT INTO complaints VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (cid, str(700000000 + day), hostel, wing, room, cat,
             "Complaint %s: something in the room needs fixing." % key,
             "[%s]" % ",".join('"%s"' % u for u in urls) if urls else None,
             sev, status, uid(porter) if porter else None, at(day), at(day, 15)),
        )
        for p in photos:
            pid = uid(p)
            db.execute(
                "INSERT INTO photos VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (pid, cid, "/storage/%s/%s.jpg" % (cid, pid), "/storage/%s/%s_thumb.jpg" % (cid, pid),
                 p + ".jpg", len(JPEG), "image/jpeg", 32, 24, at(day, 10), at(day, 10), "local",
                 "complaints/%s/original/%s.jpg" % (cid, pid), None, None),
            )
            if p != "p4":  # p4's file is gone
                folder = os.path.join(PHOTOS, cid)
                os.makedirs(folder, exist_ok=True)
                with open(os.path.join(folder, pid + ".jpg"), "wb") as f:
                    f.write(JPEG)
        db.execute("INSERT OR IGNORE INTO users VALUES (?,?,?,?,?)",
                   (uid("user" + key), str(700000000 + day), None, at(day), None))
    audits = [("c2", "chi", "ada", 3), ("c3", "chi", "ada", 4), ("c3", "chi", "ben", 4),
              ("c4", "chi", "ada", 5), ("c5", "chi", "ben", 6), ("c1", "chi", "zed", 2)]
    for n, (c, by, to, day) in enumerate(audits, start=1):
        db.execute("INSERT INTO assignment_audits VALUES (?,?,?,?,?)",
                   (n, uid(c), uid(by), uid(to), at(day, 11)))
    db.execute("INSERT INTO photo_uploads VALUES (?,?,?,?,?,?,?,?,?,?,?)",
               (uid("u1"), uid("c1"), uid("p1"), "p1.jpg", "image/jpeg", len(JPEG),
                "complaints/x/original/y.jpg", "confirmed", at(2, 12), at(2, 10), at(2, 10)))
    db.execute("INSERT INTO admin_invitations VALUES (?,?,?,?,?,?,?)",
               (uid("inv"), "new-admin@hostel.example", uid("chi"), "tok", at(20), False, at(18)))
    db.execute("INSERT INTO otp_tokens VALUES (?,?,?,?,?,?,?,?,?)",
               (uid("otp"), "ada@hostel.example", bcrypt, "signup", at(2), 0, 3, True, at(2)))
    db.commit()
    db.execute("VACUUM")
    write_postgres(db)
    db.close()


def postgres_type(column, declared):
    """The type SQLModel gives the column on PostgreSQL: uuid ids, timestamptz times."""
    uuid_columns = ("id", "complaint_id", "photo_id", "assigned_porter_id", "assigned_to",
                    "assigned_by", "invited_by", "assigned_hostel_id")
    if column in uuid_columns and declared.startswith("VARCHAR"):
        return "UUID"
    return {"DATETIME": "TIMESTAMPTZ", "JSON": "JSONB"}.get(declared, declared)


def literal(value, declared):
    if value is None:
        return "NULL"
    if declared == "BOOLEAN":
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, float)):
        return str(value)
    return "'" + str(value).replace("'", "''") + "'"


def write_postgres(db):
    tables = [r[0] for r in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rowid")]
    out = ["-- Generated by make_fixture.py from legacy.sqlite: the same rows on PostgreSQL.",
           "SET TIME ZONE 'UTC';"]
    for table in tables:
        columns = db.execute("PRAGMA table_info(%s)" % table).fetchall()
        definitions = []
        for _, name, declared, notnull, _, pk in columns:
            definition = "%s %s" % (name, postgres_type(name, declared))
            if notnull:
                definition += " NOT NULL"
            if pk:
                definition += " PRIMARY KEY"
            definitions.append(definition)
        out.append("CREATE TABLE %s (%s);" % (table, ", ".join(definitions)))
        for row in db.execute("SELECT * FROM %s ORDER BY rowid" % table):
            values = [literal(v, c[2]) for v, c in zip(row, columns)]
            out.append("INSERT INTO %s VALUES (%s);" % (table, ", ".join(values)))
    with open(POSTGRES, "w") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
