"""The SQLite state store (the embedded default): what earlier runs saw, so the next run fetches only what is new or changed.

One SQLite file (stdlib sqlite3), by default beside the output: `default_state_path(output)` gives
`<output>.state.db`. Tables: `urls` (per URL: canonical URL, ETag, Last-Modified, content hash,
version, first/last seen, updated, status), `sites` (per site: the watermark, the newest release
date seen), `frontier` (the URLs of a crawl in progress: queued, leased, done) and `meta`.

    with StateStore(path) as state:
        state.push(listing_urls, kind="listing", site="osce")
        while state.has_pending():
            for item in state.next_batch(10):
                validators = state.validators(item.url)       # -> If-None-Match / If-Modified-Since
                ...  # 304: state.record_unchanged(url, etag=..., last_modified=...)
                stamp = state.plan_write(url, record.content_hash)
                if out.should_write(url, record.content_hash, changed=stamp.changed):
                    out.write(record.model_copy(update=stamp.record_fields()))  # durable first
                state.record_written(stamp, canonical_url=..., etag=..., last_modified=...)
                state.done(item.url)
        state.clear_frontier()

Public interface (all methods are synchronous and cheap; each write is its own transaction unless
grouped with `batch()`):

- `StateStore(path, *, clock=utc_now)`; `open()` / `close()` / context manager.
- `plan_write(url, content_hash) -> WriteStamp` (read only): the version, first_seen and updated
  stamps the record must carry; `changed` is False when the state already holds this content.
- `record_written(stamp, *, canonical_url=None, etag=None, last_modified=None) -> None`.
- `record_unchanged(url, *, etag=None, last_modified=None) -> bool` (a 304, or the same hash).
- `record_failed(url, error) -> None`.
- `validators(url) -> Validators | None`, `known(url) -> UrlState | None`,
  `known_urls(urls) -> set[str]` (those already written, for the listing stop rule),
  `written_count() -> int`.
- `watermark(site) -> date | None`, `advance_watermark(site, day) -> date` (never moves back).
- `written_elsewhere(url, content_hash, canonical_url=None) -> str | None` (cross-run aliases).
- Frontier: `push(urls, *, kind, site=None) -> int`, `push_new(...) -> list[str]`, `next_batch(n, *, kind=None) ->
  list[FrontierItem]`, `done(url)`, `has_pending()`, `pending_count()`, `clear_frontier()`.
- `get_meta(key)`, `set_meta(key, value)`, `delete_meta(key)`,
  `delete_meta_prefix(prefix)`; `batch()` groups writes in one transaction.

Exactly once, with the writer. The output line is written and fsynced before `record_written`
commits, so after a kill -9 the state can only be *behind* the output, never ahead: the next run
redoes that URL, `plan_write` hands out the same version again (the state still holds the old
hash), and the writer's index (`JsonlWriter.should_write`) says the line is already there. A URL
whose line is missing from the output (output deleted or replaced) is simply fetched again without
validators: check `JsonlWriter.contains_url` before sending conditional requests. (To stdout there
is no index of earlier runs: a line written just before a kill -9 can appear again on the rerun.)

Durability. WAL mode with `synchronous=NORMAL`: a commit survives a kill -9 (it is in the WAL in
the OS cache); a power loss may roll back the last commits, never corrupt the file. Both only
mean work is redone. Writes run in `BEGIN IMMEDIATE` transactions so they never fail half way
with "database is locked". `next_batch` leases the URLs it returns (status `leased`); leases left
by a crash or an interrupted run go back to `queued` on the next open, so they are re-fetched,
never lost. `done` commits at once (or at the end of a `batch()`): whatever was not committed
when the process died is only done again.

One run at a time. `open()` takes an exclusive `flock` on the sidecar `<state>.lock` (holding our
pid) for the life of the store; a second run fails at once with `StateError("another pressroom run
is using STATE (pid N)")`. The kernel drops the lock when the holder dies, even by kill -9.

Foreign files are never written. A state file is checked before SQLite opens it: SQLite magic,
our `application_id` and a `user_version` no newer than ours, else `StateError` and the file is
left byte for byte as it was. A new database is built under a temporary name and linked into
place, so a crash during creation leaves no half-made state file behind.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from pathlib import Path
from types import TracebackType

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
from scraper.statefile import (
    APPLICATION_ID,
    SCHEMA_VERSION,
    acquire_lock,
    check_header,
    connect,
    create_database,
    remove_leftovers,
)

LOCK_SUFFIX = ".lock"
QUERY_CHUNK = 500  # urls per `IN (...)` query, well under SQLite's variable limit


SCHEMA = f"""
PRAGMA application_id = {APPLICATION_ID};
PRAGMA user_version = {SCHEMA_VERSION};
PRAGMA journal_mode = WAL;
CREATE TABLE urls (
    url TEXT PRIMARY KEY,
    canonical_url TEXT,
    etag TEXT,
    last_modified TEXT,
    content_hash TEXT,            -- of the last record written; NULL if none was
    version INTEGER NOT NULL DEFAULT 0,  -- 0: never written
    first_seen TEXT NOT NULL,     -- when first written (or first failed, while never written)
    last_seen TEXT NOT NULL,
    updated TEXT,                 -- when the current version was written
    status TEXT NOT NULL CHECK (status IN ('{WRITTEN}', '{UNCHANGED}', '{FAILED}')),
    error TEXT
);
CREATE TABLE sites (
    site TEXT PRIMARY KEY,
    watermark TEXT                -- ISO date of the newest release seen
);
CREATE TABLE frontier (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    url TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    site TEXT,
    status TEXT NOT NULL DEFAULT '{QUEUED}' CHECK (status IN ('{QUEUED}', '{LEASED}', '{DONE}'))
);
CREATE INDEX urls_by_content ON urls (content_hash);
CREATE INDEX urls_by_canonical ON urls (canonical_url);
CREATE INDEX frontier_by_status ON frontier (status, seq);
CREATE INDEX frontier_by_kind ON frontier (status, kind, seq);
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""


class StateStore(SharedQueries):
    """The SQLite state of one output: see the module docstring for the protocol."""

    def __init__(self, path: Path, *, clock: Callable[[], datetime] = utc_now) -> None:
        self.path = path
        self.lock_path = path.with_name(path.name + LOCK_SUFFIX)
        self._clock = clock
        self._conn: sqlite3.Connection | None = None
        self._lock_fd: int | None = None
        self._mutex = threading.RLock()  # the connection may be used from worker threads
        self._in_batch = False

    # -- lifecycle -------------------------------------------------------------------------------

    def open(self) -> StateStore:
        if self._conn is not None:
            return self
        check_header(self.path)  # before anything is created beside a foreign file
        self._lock_fd = acquire_lock(self.path, self.lock_path)
        try:
            remove_leftovers(self.path)
            if not self.path.exists():
                create_database(self.path, SCHEMA)
            check_header(self.path)
            self._conn = connect(self.path)
            self._requeue_leased()
        except BaseException:
            self._release()
            raise
        return self

    def close(self) -> None:
        with self._mutex:
            if self._conn is not None:
                with contextlib.suppress(StateError):  # reopening requeues them anyway
                    self._requeue_leased()  # an interrupted run's in-flight URLs stay to do
                self._conn.close()
                self._conn = None
            self._release()

    def __enter__(self) -> StateStore:
        return self.open()

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Group several writes in one transaction (committed at the end, rolled back on error)."""
        with self._write():
            self._in_batch = True
            try:
                yield
            finally:
                self._in_batch = False

    # -- per URL (the rest: SharedQueries) -------------------------------------------------------

    def known_urls(self, urls: Iterable[str]) -> set[str]:
        """The URLs among `urls` that have a record written (version 1 or more)."""
        found: set[str] = set()
        pending = list(dict.fromkeys(urls))
        for start in range(0, len(pending), QUERY_CHUNK):
            chunk = pending[start : start + QUERY_CHUNK]
            marks = ",".join("?" * len(chunk))
            rows = self._read_all(f"SELECT url FROM urls WHERE version > 0 AND url IN ({marks})", chunk)
            found.update(row[0] for row in rows)
        return found

    def plan_write(self, url: str, content_hash: str) -> WriteStamp:
        """The stamps for a record of `url` with this content; writes nothing.

        Version 1 the first time, the same version when the content hash is unchanged
        (`changed=False`), +1 when it changed."""
        row = self._read_one("SELECT content_hash, version, first_seen, updated FROM urls WHERE url = ?", (url,))
        return plan_stamp(url, content_hash, self._now(), row)

    # -- frontier --------------------------------------------------------------------------------

    def push(self, urls: Iterable[str], *, kind: str, site: str | None = None) -> int:
        """Queue URLs not yet in the frontier (queued, leased or done); returns how many were new."""
        rows = [(url, kind, site) for url in dict.fromkeys(urls)]
        if not rows:
            return 0
        with self._write() as conn:
            before = conn.total_changes
            conn.executemany("INSERT OR IGNORE INTO frontier (url, kind, site) VALUES (?, ?, ?)", rows)
            return conn.total_changes - before

    def push_new(self, urls: Iterable[str], *, kind: str, site: str | None = None) -> list[str]:
        """Queue URLs not yet in the frontier; returns those newly queued, in order (one transaction).

        A URL already queued, leased or done is left as it is: a resumed crawl does not redo it."""
        pending = list(dict.fromkeys(urls))
        if not pending:
            return []
        with self._write() as conn:
            insert = "INSERT OR IGNORE INTO frontier (url, kind, site) VALUES (?, ?, ?)"
            return [url for url in pending if conn.execute(insert, (url, kind, site)).rowcount > 0]

    def next_batch(self, size: int, *, kind: str | None = None) -> list[FrontierItem]:
        """Lease up to `size` queued URLs, oldest first (of one `kind` if given)."""
        kind_filter, params = ("AND kind = ?", (kind, size)) if kind else ("", (size,))
        with self._write() as conn:
            rows = conn.execute(
                f"SELECT seq, url, kind, site FROM frontier WHERE status = '{QUEUED}' {kind_filter}"
                " ORDER BY seq LIMIT ?",
                params,
            ).fetchall()
            conn.executemany(f"UPDATE frontier SET status = '{LEASED}' WHERE seq = ?", [(row[0],) for row in rows])
        return [FrontierItem(url, item_kind, site) for _, url, item_kind, site in rows]

    def done(self, url: str) -> None:
        self._execute(f"UPDATE frontier SET status = '{DONE}' WHERE url = ?", (url,))

    def has_pending(self) -> bool:
        """Whether URLs are queued or leased (a crawl in progress, or one to resume)."""
        return self.pending_count() > 0

    def pending_count(self) -> int:
        row = self._read_one(f"SELECT count(*) FROM frontier WHERE status IN ('{QUEUED}', '{LEASED}')", ())
        return int(row[0]) if row else 0

    def clear_frontier(self) -> None:
        """Forget the frontier: call when a crawl completed, so the next run starts afresh."""
        self._execute("DELETE FROM frontier", ())

    # -- internals -------------------------------------------------------------------------------

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            raise StateError(f"state {self.path} is not open")
        return self._conn

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One BEGIN IMMEDIATE transaction, or the enclosing `batch()` one."""
        with self._mutex:
            conn = self._connection()
            if self._in_batch:
                yield conn
                return
            try:
                conn.execute("BEGIN IMMEDIATE")
                yield conn
                conn.execute("COMMIT")
            except sqlite3.Error as error:
                _rollback(conn)
                raise StateError(f"cannot update state {self.path}: {error}") from error
            except BaseException:
                _rollback(conn)
                raise

    def _execute(self, sql: str, params: tuple[object, ...]) -> int:
        with self._write() as conn:
            return conn.execute(sql, params).rowcount

    def _read_one(self, sql: str, params: Iterable[object]) -> tuple | None:
        with self._mutex:
            return self._query(sql, params).fetchone()

    def _read_all(self, sql: str, params: Iterable[object]) -> list[tuple]:
        with self._mutex:
            return self._query(sql, params).fetchall()

    def _query(self, sql: str, params: Iterable[object]) -> sqlite3.Cursor:
        try:
            return self._connection().execute(sql, tuple(params))
        except sqlite3.Error as error:
            raise StateError(f"cannot read state {self.path}: {error}") from error

    def _requeue_leased(self) -> None:
        self._execute(f"UPDATE frontier SET status = '{QUEUED}' WHERE status = '{LEASED}'", ())

    def _release(self) -> None:
        if self._lock_fd is not None:
            fd, self._lock_fd = self._lock_fd, None
            os.close(fd)  # drops the flock


def _rollback(conn: sqlite3.Connection) -> None:
    if conn.in_transaction:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")
