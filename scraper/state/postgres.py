"""The PostgreSQL state store: the SQLite store's rules, shared by many processes and machines.

`PostgresStateStore("postgresql://host/db?schema=pressroom")` keeps the tables of
scraper/state/sqlite.py (urls, sites, frontier, meta) in one PostgreSQL schema (`schema=` in the
URL, default "pressroom"; created on first use). Every method keeps the SQLite store's contract
(tests/test_state.py runs one suite against both); what differs is what sharing needs:

- Frontier leases. `next_batch` leases rows with `FOR UPDATE SKIP LOCKED` (two workers never lease
  the same URL, and never wait on each other) until `now + lease_seconds`; a lease that expired
  (its worker died) is handed out again. `close()` gives back this store's own leases at once.
- Frontiers per job: the rows carry a `job` ('' for `pressroom crawl --state postgresql://...`),
  so the distributed crawl (scraper/distributed/) runs many crawls on one schema. The urls, sites
  and meta tables are shared: what one job wrote, the next asks for conditionally.
- One run at a time, where asked (`exclusive=True`, the CLI crawl): a session advisory lock on the
  schema instead of a flock; it dies with the connection, so with the process.
- Versions planned under a row lock: `plan_write(..., lock=True)` inside a `batch()` holds the URL's
  row until commit, so two workers that fetched the same URL cannot both write version n+1.

The connection (URL, schema, one-line errors, table creation, locks) is scraper/state/pgconn.py.
psycopg 3 is imported there and here only, and these modules only when a database URL is given.
"""

from __future__ import annotations

import contextlib
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from types import TracebackType

import psycopg

from scraper.errors import StateError
from scraper.state.base import (
    DONE,
    FAILED,
    LEASED,
    QUEUED,
    UNCHANGED,
    WRITTEN,
    FrontierItem,
    SharedQueries,
    WriteStamp,
    plan_stamp,
    utc_now,
)
from scraper.state.pgconn import connect, ensure_tables, split_schema, try_lock
from scraper.urls import redact_password

DEFAULT_LEASE_SECONDS = 300.0  # a leased URL nobody finished goes back after this

TABLES = f"""
CREATE TABLE IF NOT EXISTS urls (
    url TEXT PRIMARY KEY,
    canonical_url TEXT,
    etag TEXT,
    last_modified TEXT,
    content_hash TEXT,
    version INTEGER NOT NULL DEFAULT 0,
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL,
    updated TEXT,
    status TEXT NOT NULL CHECK (status IN ('{WRITTEN}', '{UNCHANGED}', '{FAILED}')),
    error TEXT
);
CREATE INDEX IF NOT EXISTS urls_by_content ON urls (content_hash);
CREATE INDEX IF NOT EXISTS urls_by_canonical ON urls (canonical_url);
CREATE TABLE IF NOT EXISTS sites (
    site TEXT PRIMARY KEY,
    watermark TEXT
);
CREATE TABLE IF NOT EXISTS frontier (
    seq BIGSERIAL UNIQUE,
    job TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL,
    kind TEXT NOT NULL,
    site TEXT,
    status TEXT NOT NULL DEFAULT '{QUEUED}' CHECK (status IN ('{QUEUED}', '{LEASED}', '{DONE}')),
    lease_expires DOUBLE PRECISION,   -- epoch seconds of the store's clock
    leased_by TEXT,
    PRIMARY KEY (job, url)
);
CREATE INDEX IF NOT EXISTS frontier_by_status ON frontier (job, status, kind, seq);
CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""


class PostgresStateStore(SharedQueries):
    """The state in one PostgreSQL schema: see the module docstring."""

    PARAM = "%s"  # psycopg's placeholder
    GREATEST = "greatest"

    def __init__(
        self,
        url: str,
        *,
        job: str = "",
        exclusive: bool = False,
        lease_seconds: float = DEFAULT_LEASE_SECONDS,
        clock: Callable[[], datetime] = utc_now,
        extra_tables: str = "",
    ) -> None:
        self.url, self.schema = split_schema(url)
        self.path = f"{redact_password(self.url)} (schema {self.schema})"  # names the store in messages
        self.job = job
        self.exclusive = exclusive
        self.lease_seconds = lease_seconds
        self._clock = clock
        self._extra_tables = extra_tables  # the distributed crawl's jobs and records, beside the state
        self._conn: psycopg.Connection | None = None
        self._mutex = threading.RLock()
        self._token = uuid.uuid4().hex  # marks this store's leases
        self._batch_depth = 0

    # -- lifecycle -------------------------------------------------------------------------------

    def open(self) -> PostgresStateStore:
        if self._conn is not None:
            return self
        conn = connect(self.url, schema=self.schema)
        try:
            ensure_tables(conn, self.schema, TABLES + self._extra_tables)
            if self.exclusive and not try_lock(conn, f"{self.schema}:{self.job}"):
                raise StateError(f"another pressroom run is using {self.path}")
        except BaseException:
            conn.close()
            raise
        self._conn = conn
        if self.exclusive:
            self._execute(f"UPDATE frontier SET status = '{QUEUED}', leased_by = NULL WHERE job = %s AND status = '{LEASED}'", (self.job,))
        return self

    def close(self) -> None:
        with self._mutex:
            if self._conn is None:
                return
            with contextlib.suppress(StateError, psycopg.Error):  # they expire anyway
                self._execute(
                    f"UPDATE frontier SET status = '{QUEUED}', leased_by = NULL"
                    f" WHERE job = %s AND status = '{LEASED}' AND leased_by = %s",
                    (self.job, self._token),
                )
            self._conn.close()
            self._conn = None

    def __enter__(self) -> PostgresStateStore:
        return self.open()

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Group several writes in one transaction (committed at the end, rolled back on error); a
        batch inside a batch is part of the outer one (no savepoint: a round trip less a statement)."""
        with self._mutex, self._errors("update"):
            if self._batch_depth:
                self._batch_depth += 1
                try:
                    yield
                finally:
                    self._batch_depth -= 1
                return
            conn = self._connection()
            with conn.transaction():
                self._batch_depth = 1
                try:
                    yield
                finally:
                    self._batch_depth = 0

    # -- per URL (the rest: SharedQueries) -------------------------------------------------------

    def known_urls(self, urls: Iterable[str]) -> set[str]:
        pending = list(dict.fromkeys(urls))
        if not pending:
            return set()
        rows = self._read_all("SELECT url FROM urls WHERE version > 0 AND url = ANY(%s)", (pending,))
        return {row[0] for row in rows}

    def plan_write(self, url: str, content_hash: str, *, lock: bool = False) -> WriteStamp:
        """The stamps for a record of `url` with this content; writes nothing. `lock=True` (inside
        `batch()`) holds the URL's row until the batch commits, so the plan stays true."""
        lock_clause = " FOR UPDATE" if lock else ""
        row = self._read_one(
            f"SELECT content_hash, version, first_seen, updated FROM urls WHERE url = %s{lock_clause}", (url,)
        )
        return plan_stamp(url, content_hash, self._now(), row)

    # -- frontier --------------------------------------------------------------------------------

    def push(self, urls: Iterable[str], *, kind: str, site: str | None = None) -> int:
        return len(self.push_new(urls, kind=kind, site=site))

    def push_new(self, urls: Iterable[str], *, kind: str, site: str | None = None) -> list[str]:
        """Queue URLs not yet in this job's frontier; returns those newly queued, in order."""
        pending = list(dict.fromkeys(urls))
        if not pending:
            return []
        rows = self._write_all(
            "INSERT INTO frontier (job, url, kind, site)"
            " SELECT %s, url, %s, %s FROM unnest(%s::text[]) WITH ORDINALITY AS given(url, n) ORDER BY n"
            " ON CONFLICT (job, url) DO NOTHING RETURNING url",
            (self.job, kind, site, pending),
        )
        new = {row[0] for row in rows}
        return [url for url in pending if url in new]

    def next_batch(self, size: int, *, kind: str | None = None) -> list[FrontierItem]:
        """Lease up to `size` URLs, oldest first: queued ones, and those whose lease expired."""
        now = self._clock().timestamp()
        kind_filter, params = ("AND kind = %s", (kind,)) if kind else ("", ())
        rows = self._write_all(
            "WITH picked AS (SELECT seq FROM frontier WHERE job = %s"
            f" AND (status = '{QUEUED}' OR (status = '{LEASED}' AND lease_expires <= %s)) {kind_filter}"
            " ORDER BY seq LIMIT %s FOR UPDATE SKIP LOCKED)"
            f" UPDATE frontier SET status = '{LEASED}', lease_expires = %s, leased_by = %s"
            " FROM picked WHERE frontier.seq = picked.seq RETURNING frontier.seq, url, kind, site",
            (self.job, now, *params, size, now + self.lease_seconds, self._token),
        )
        return [FrontierItem(url, item_kind, site) for _, url, item_kind, site in sorted(rows)]

    def next_batch_of(self, origin: str, size: int, *, kind: str) -> list[FrontierItem]:
        """`next_batch` within one origin (scheme://host[:port]): a distributed host task's URLs."""
        now = self._clock().timestamp()
        rows = self._write_all(
            "WITH picked AS (SELECT seq FROM frontier WHERE job = %s AND kind = %s AND left(url, %s) = %s"
            f" AND (status = '{QUEUED}' OR (status = '{LEASED}' AND lease_expires <= %s))"
            " ORDER BY seq LIMIT %s FOR UPDATE SKIP LOCKED)"
            f" UPDATE frontier SET status = '{LEASED}', lease_expires = %s, leased_by = %s"
            " FROM picked WHERE frontier.seq = picked.seq RETURNING frontier.seq, url, kind, site",
            (self.job, kind, len(origin) + 1, origin + "/", now, size, now + self.lease_seconds, self._token),
        )
        return [FrontierItem(url, item_kind, site) for _, url, item_kind, site in sorted(rows)]

    def waiting_origins(self, *, kind: str) -> list[str]:
        """The origins with URLs of `kind` to hand out: queued, or leased past their expiry."""
        with self._mutex, self._errors("read"):
            return self.waiting_origins_on(self._connection(), self.job, kind=kind, now=self._clock().timestamp())

    @staticmethod
    def waiting_origins_on(conn: psycopg.Connection, job: str, *, kind: str, now: float | None = None) -> list[str]:
        """`waiting_origins` on a connection of one's own (the sweeper's)."""
        now = time.time() if now is None else now
        rows = conn.execute(
            "SELECT DISTINCT substring(url from '^[A-Za-z]+://[^/?#]+') FROM frontier WHERE job = %s AND kind = %s"
            f" AND (status = '{QUEUED}' OR (status = '{LEASED}' AND lease_expires <= %s))",
            (job, kind, now),
        ).fetchall()
        return sorted(row[0] for row in rows if row[0])

    def done(self, url: str) -> None:
        self._execute(
            f"UPDATE frontier SET status = '{DONE}', lease_expires = NULL WHERE job = %s AND url = %s", (self.job, url)
        )

    def lease(self, url: str) -> tuple[str, FrontierItem | None]:
        """Lease one given URL (a distributed task's own): ("leased", item) if it was queued, its
        lease expired, or this store holds it (a retry); else ("done", None), ("busy", None) (another lease runs) or ("unknown", None)."""
        now = self._clock().timestamp()
        rows = self._write_all(
            f"UPDATE frontier SET status = '{LEASED}', lease_expires = %s, leased_by = %s WHERE job = %s AND url = %s"
            f" AND (status = '{QUEUED}' OR (status = '{LEASED}' AND (lease_expires <= %s OR leased_by = %s)))"
            " RETURNING url, kind, site",
            (now + self.lease_seconds, self._token, self.job, url, now, self._token),
        )
        if rows:
            return LEASED, FrontierItem(*rows[0])
        row = self._read_one("SELECT status FROM frontier WHERE job = %s AND url = %s", (self.job, url))
        if row is None:
            return "unknown", None
        return (DONE, None) if row[0] == DONE else ("busy", None)

    def queued_among(self, urls: list[str]) -> list[str]:
        """Those of `urls` that are queued on this job's frontier (not leased, not done), in order."""
        rows = self._read_all(f"SELECT url FROM frontier WHERE job = %s AND url = ANY(%s) AND status = '{QUEUED}'", (self.job, urls))
        queued = {row[0] for row in rows}
        return [url for url in urls if url in queued]

    def has_pending(self) -> bool:
        return self.pending_count() > 0

    def pending_count(self) -> int:
        row = self._read_one(
            f"SELECT count(*) FROM frontier WHERE job = %s AND status IN ('{QUEUED}', '{LEASED}')", (self.job,)
        )
        return int(row[0]) if row else 0

    def clear_frontier(self) -> None:
        self._execute("DELETE FROM frontier WHERE job = %s", (self.job,))

    # -- internals -------------------------------------------------------------------------------

    def connection(self) -> psycopg.Connection:
        """The store's connection, for a caller that adds its own statements to a `batch()`."""
        return self._connection()

    def _connection(self) -> psycopg.Connection:
        if self._conn is None:
            raise StateError(f"state {self.path} is not open")
        return self._conn

    @contextlib.contextmanager
    def _errors(self, doing: str) -> Iterator[None]:
        try:
            yield
        except psycopg.Error as error:
            message = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
            raise StateError(f"cannot {doing} state {self.path}: {message}") from error

    # One statement is its own transaction (the connection autocommits), or part of the batch's.

    def _execute(self, sql: str, params: tuple[object, ...]) -> int:
        with self._mutex, self._errors("update"):
            return self._connection().execute(sql, params).rowcount

    def _write_all(self, sql: str, params: tuple[object, ...]) -> list[tuple]:
        with self._mutex, self._errors("update"):
            return self._connection().execute(sql, params).fetchall()

    def _read_one(self, sql: str, params: tuple[object, ...]) -> tuple | None:
        with self._mutex, self._errors("read"):
            return self._connection().execute(sql, params).fetchone()

    def _read_all(self, sql: str, params: tuple[object, ...]) -> list[tuple]:
        with self._mutex, self._errors("read"):
            return self._connection().execute(sql, params).fetchall()
