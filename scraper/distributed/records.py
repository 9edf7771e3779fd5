"""Records in PostgreSQL: one row per (url, version), the same JSON as a line of JSON Lines.

    records (url, version) PRIMARY KEY   the record as JSON text (`PressRelease.model_dump_json()`,
                                         exactly the line `pressroom crawl -o` writes), its site,
                                         release date, job, and when it was written

A record is inserted in the same transaction that records its version in the state's `urls` table
and marks its frontier URL done (scraper/distributed/tasks.py), and the insert does nothing when
(url, version) is already there: a task replayed after a worker died writes nothing twice.

`iter_records(database_url)` streams them back as dicts identical to the JSON Lines records, newest
version of each URL (or `all_versions=True`: every version), in the order they were written;
`since` keeps the releases dated from that day on (as `crawl --since`).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from typing import Any

RECORDS_TABLE = """
CREATE TABLE IF NOT EXISTS records (
    url TEXT NOT NULL,
    version INTEGER NOT NULL,
    seq BIGSERIAL,
    job TEXT NOT NULL,
    site TEXT,
    release_date TEXT,            -- the record's date (ISO), NULL when the page gave none
    written_at TEXT NOT NULL,
    record TEXT NOT NULL,         -- the JSON Lines line, without its newline
    PRIMARY KEY (url, version)
);
CREATE INDEX IF NOT EXISTS records_in_order ON records (seq);
"""

INSERT_RECORD = (
    "INSERT INTO records (url, version, job, site, release_date, written_at, record)"
    " VALUES (%s, %s, %s, %s, %s, %s, %s) ON CONFLICT (url, version) DO NOTHING"
)

FETCH_ROWS = 500  # rows a server-side cursor brings over at a time: flat memory on any size


def insert_record(conn: Any, *, job: str, record_json: str, written_at: str) -> bool:
    """Insert one record (in the caller's transaction); False when (url, version) was there."""
    fields = json.loads(record_json)
    params = (fields["url"], fields["version"], job, fields.get("site"), fields.get("date"), written_at, record_json)
    return conn.execute(INSERT_RECORD, params).rowcount > 0


def iter_records(database_url: str, *, since: date | None = None, all_versions: bool = False) -> Iterator[dict]:
    """The records of a distributed crawl, as the dicts of its JSON Lines (see the module docstring).

    `database_url` is the one the workers write to (`postgresql://host/db?schema=NAME`). Raises
    StateError (one line) when the database cannot be reached."""
    from scraper.state.pgconn import connect, split_schema

    url, schema = split_schema(database_url)
    conn = connect(url, schema=schema)
    try:
        if not _has_records(conn, schema):
            return
        newest_only = "" if all_versions else " AND version = (SELECT max(version) FROM records AS r WHERE r.url = records.url)"
        dated = " AND release_date >= %s" if since else ""
        params = (since.isoformat(),) if since else ()
        sql = f"SELECT record FROM records WHERE true{newest_only}{dated} ORDER BY seq"
        with conn.transaction(), conn.cursor(name="pressroom_records") as cursor:
            cursor.itersize = FETCH_ROWS
            cursor.execute(sql, params)
            for (text,) in cursor:
                yield json.loads(text)
    finally:
        conn.close()


def _has_records(conn: Any, schema: str) -> bool:
    row = conn.execute("SELECT to_regclass(%s)", (f'"{schema}".records',)).fetchone()
    return bool(row and row[0])
