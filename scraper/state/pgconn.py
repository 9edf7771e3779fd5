"""PostgreSQL as a server, for the state store and the distributed crawl: the URL and its schema,
connecting with one-line errors, creating tables once across processes, and the run lock.

Kept apart from scraper/state/postgres.py (the store's queries), as scraper/statefile.py is from the
SQLite store: none of it is about crawling.

A database URL is libpq's (`postgresql://user@host:5432/db?sslmode=...`) plus our own `schema=NAME`
(default "pressroom"), taken out before psycopg sees the URL; the password never appears in a
message.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import psycopg

from scraper.errors import StateError
from scraper.urls import redact_password

DEFAULT_SCHEMA = "pressroom"
CONNECT_TIMEOUT = 5  # seconds: an unreachable server is said in one line, not waited on
SCHEMA_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")
CREATED_TABLE = re.compile(r"CREATE TABLE IF NOT EXISTS (\w+)")
SETUP_LOCK = 0x50525353  # advisory lock key: one process creates the tables at a time


def split_schema(url: str) -> tuple[str, str]:
    """`postgresql://h/db?schema=x&sslmode=y` -> ("postgresql://h/db?sslmode=y", "x")."""
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    schema = next((value for key, value in query if key == "schema"), DEFAULT_SCHEMA)
    if not SCHEMA_NAME.match(schema):
        raise StateError(f"schema {schema!r}: a PostgreSQL schema name here is lower-case letters, digits and _")
    rest = urlencode([(key, value) for key, value in query if key != "schema"])
    return urlunsplit(parts._replace(query=rest)), schema


def connect(url: str, *, schema: str | None = None) -> psycopg.Connection:
    """An autocommit connection (search_path set to `schema`), or StateError in one line."""
    try:
        conn = psycopg.connect(url, autocommit=True, connect_timeout=CONNECT_TIMEOUT)
    except psycopg.Error as error:
        first_line = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise StateError(f"cannot connect to PostgreSQL at {redact_password(url)}: {first_line}") from None
    if schema is not None:
        conn.execute(f'SET search_path TO "{schema}"')  # a schema that does not exist yet is fine here
    return conn


def ensure_tables(conn: psycopg.Connection, schema: str, ddl: str) -> None:
    """Create the schema and run `ddl` (CREATE ... IF NOT EXISTS) where a table is missing, one
    process at a time: concurrent CREATEs of one table can fail on PostgreSQL's catalog even with IF
    NOT EXISTS. Where every table exists nothing runs: `CREATE INDEX IF NOT EXISTS` still takes a
    SHARE lock on its table, which deadlocks with the writes of workers already running."""
    tables = CREATED_TABLE.findall(ddl)
    if _tables_present(conn, schema, tables):
        return
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (SETUP_LOCK,))
        if not _tables_present(conn, schema, tables):
            conn.execute(f'CREATE SCHEMA IF NOT EXISTS "{schema}"')
            conn.execute(ddl)


def _tables_present(conn: psycopg.Connection, schema: str, tables: list[str]) -> bool:
    row = conn.execute(
        "SELECT count(*) FROM pg_tables WHERE schemaname = %s AND tablename = ANY(%s)", (schema, tables)
    ).fetchone()
    return bool(row) and row[0] == len(set(tables))


def try_lock(conn: psycopg.Connection, name: str) -> bool:
    """A session advisory lock named `name`: held until the connection ends (with the process)."""
    row = conn.execute("SELECT pg_try_advisory_lock(hashtext(%s))", ("pressroom-run:" + name,)).fetchone()
    return bool(row and row[0])
