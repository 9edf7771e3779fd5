"""What every state store answers: the `StateBackend` protocol, the values it passes around, and
the queries both SQL stores run alike (`SharedQueries`).

Two stores keep the same rules (scraper/state/sqlite.py, the embedded default; scraper/state/postgres.py,
for shared state): versions grow only when the content hash changes, a stale stamp never moves a
version back, validators are those of the last written record, the watermark never moves back, a URL
is queued on the frontier at most once per crawl, and `plan_write` writes nothing (so a crash before
`record_written` replans the same version: exactly once, with the writer). tests/test_state.py runs
one suite against both.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import ClassVar, NamedTuple, Protocol

from scraper.errors import StateError

STATE_SUFFIX = ".state.db"

QUEUED, LEASED, DONE = "queued", "leased", "done"
WRITTEN, UNCHANGED, FAILED = "written", "unchanged", "failed"


def utc_now() -> datetime:
    return datetime.now(UTC)


def iso_now(clock_value: datetime) -> str:
    """The stamp format of both stores: UTC, whole seconds, "Z"."""
    return clock_value.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def default_state_path(output: Path) -> Path:
    """`releases.jsonl` -> `releases.jsonl.state.db`, beside the output file."""
    return output.with_name(output.name + STATE_SUFFIX)


class Validators(NamedTuple):
    """What to send in a conditional request: If-None-Match / If-Modified-Since."""

    etag: str | None
    last_modified: str | None


# The urls table's columns in UrlState's field order: both stores read rows into UrlState with it.
# Compared with canonical_url where a record has none: no URL is it (PostgreSQL text cannot hold NUL).
NO_URL = "\x01"
URL_COLUMNS = (
    "url, canonical_url, etag, last_modified, content_hash, version, first_seen, last_seen, updated, status, error"
)


class UrlState(NamedTuple):
    """Everything the store knows about one URL."""

    url: str
    canonical_url: str | None
    etag: str | None
    last_modified: str | None
    content_hash: str | None
    version: int
    first_seen: str
    last_seen: str
    updated: str | None
    status: str
    error: str | None


class WriteStamp(NamedTuple):
    """The crawl bookkeeping a record carries, planned before its line is written."""

    url: str
    content_hash: str
    version: int
    first_seen: str
    updated: str
    changed: bool  # a new URL or new content: the record must be written

    def record_fields(self) -> dict[str, int | str]:
        """The `PressRelease` fields to set: `record.model_copy(update=stamp.record_fields())`."""
        return {"version": self.version, "first_seen": self.first_seen, "updated": self.updated}


class FrontierItem(NamedTuple):
    url: str
    kind: str
    site: str | None


def plan_stamp(url: str, content_hash: str, now: str, row: tuple | None) -> WriteStamp:
    """The stamp for `url` given its stored (content_hash, version, first_seen, updated) row.

    Version 1 the first time, the same version when the content hash is unchanged
    (`changed=False`), +1 when it changed. Shared so both stores plan alike."""
    if row is None or row[1] == 0:
        return WriteStamp(url, content_hash, 1, now, now, changed=True)
    stored_hash, version, first_seen, updated = row
    if stored_hash == content_hash:
        return WriteStamp(url, content_hash, version, first_seen, updated or first_seen, changed=False)
    return WriteStamp(url, content_hash, version + 1, first_seen, now, changed=True)


def iso_date(day: date | str) -> str:
    try:
        return (day if isinstance(day, date) else date.fromisoformat(day)).isoformat()
    except ValueError as error:
        raise ValueError(f"not an ISO date: {day!r}") from error


class StateBackend(Protocol):
    """The state store a crawl keeps (scraper/incremental.py asks it); see scraper/state/sqlite.py's
    docstring for the protocol in use. `path` names it in messages (a file, or a redacted URL)."""

    path: object

    def open(self) -> StateBackend: ...

    def close(self) -> None: ...

    def __enter__(self) -> StateBackend: ...

    def __exit__(self, *exc_info: object) -> None: ...

    def batch(self) -> AbstractContextManager[None]: ...

    def known(self, url: str) -> UrlState | None: ...

    def known_urls(self, urls: Iterable[str]) -> set[str]: ...

    def written_count(self) -> int: ...

    def written_elsewhere(self, url: str, content_hash: str, canonical_url: str | None = None) -> str | None: ...

    def validators(self, url: str) -> Validators | None: ...

    def plan_write(self, url: str, content_hash: str) -> WriteStamp: ...

    def record_written(
        self, stamp: WriteStamp, *, canonical_url: str | None = None, etag: str | None = None, last_modified: str | None = None
    ) -> None: ...

    def record_unchanged(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> bool: ...

    def record_failed(self, url: str, error: str) -> None: ...

    def watermark(self, site: str) -> date | None: ...

    def advance_watermark(self, site: str, day: date | str) -> date: ...

    def push(self, urls: Iterable[str], *, kind: str, site: str | None = None) -> int: ...

    def push_new(self, urls: Iterable[str], *, kind: str, site: str | None = None) -> list[str]: ...

    def next_batch(self, size: int, *, kind: str | None = None) -> list[FrontierItem]: ...

    def done(self, url: str) -> None: ...

    def has_pending(self) -> bool: ...

    def pending_count(self) -> int: ...

    def clear_frontier(self) -> None: ...

    def get_meta(self, key: str) -> str | None: ...

    def set_meta(self, key: str, value: str) -> None: ...

    def delete_meta(self, key: str) -> None: ...

    def delete_meta_prefix(self, prefix: str) -> None: ...


class SharedQueries:
    """What both SQL stores (scraper/state/sqlite.py, scraper/state/postgres.py) ask and write
    alike, written once with "?" for each parameter: a store sets PARAM to its driver's placeholder
    and gives `_execute`, `_read_one` and `_clock`. Their own SQL is what sharing changes (the
    frontier and its leases, the batch queries, a planned write's row lock)."""

    PARAM: ClassVar[str] = "?"
    GREATEST: ClassVar[str] = "max"  # the larger of two values: SQLite's max(a, b), PostgreSQL's greatest
    _clock: Callable[[], datetime]

    def _execute(self, sql: str, params: tuple[object, ...]) -> int:
        raise NotImplementedError

    def _read_one(self, sql: str, params: tuple[object, ...]) -> tuple | None:
        raise NotImplementedError

    def _sql(self, query: str) -> str:
        """`query` with the store's placeholder for each "?": so a shared query holds no other "?"
        (nor a "%", which psycopg reads as a placeholder's start)."""
        return query if self.PARAM == "?" else query.replace("?", self.PARAM)

    def _now(self) -> str:
        return iso_now(self._clock())

    # -- per URL ---------------------------------------------------------------------------------

    def known(self, url: str) -> UrlState | None:
        row = self._read_one(self._sql(f"SELECT {URL_COLUMNS} FROM urls WHERE url = ?"), (url,))
        return UrlState(*row) if row else None

    def written_count(self) -> int:
        """How many URLs have a record written."""
        row = self._read_one("SELECT count(*) FROM urls WHERE version > 0", ())
        return int(row[0]) if row else 0

    def written_elsewhere(self, url: str, content_hash: str, canonical_url: str | None = None) -> str | None:
        """Another URL already written with this content (or this canonical URL), if any: the same
        release reached by a second URL in a later run is not written again."""
        row = self._read_one(
            self._sql("SELECT url FROM urls WHERE version > 0 AND url <> ? AND (content_hash = ? OR canonical_url = ?) LIMIT 1"),
            (url, content_hash, canonical_url or NO_URL),
        )
        return row[0] if row else None

    def validators(self, url: str) -> Validators | None:
        """The ETag / Last-Modified of a URL whose record was written, if the server gave any."""
        row = self._read_one(
            self._sql("SELECT etag, last_modified FROM urls WHERE url = ? AND version > 0"
                      " AND (etag IS NOT NULL OR last_modified IS NOT NULL)"),
            (url,),
        )
        return Validators(*row) if row else None

    def record_written(
        self,
        stamp: WriteStamp,
        *,
        canonical_url: str | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> None:
        """The record's line is durable in the output: remember its hash, version and validators."""
        self._execute(
            self._sql(
                f"INSERT INTO urls ({URL_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '{WRITTEN}', NULL)"
                " ON CONFLICT (url) DO UPDATE SET canonical_url = excluded.canonical_url,"
                " etag = excluded.etag, last_modified = excluded.last_modified,"
                " content_hash = excluded.content_hash, version = excluded.version,"
                " first_seen = excluded.first_seen, last_seen = excluded.last_seen,"
                " updated = excluded.updated, status = excluded.status, error = NULL"
                " WHERE excluded.version >= urls.version"  # a stale stamp never moves a version back
            ),
            (
                stamp.url,
                canonical_url,
                etag,
                last_modified,
                stamp.content_hash,
                stamp.version,
                stamp.first_seen,
                self._now(),
                stamp.updated,
            ),
        )

    def record_unchanged(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> bool:
        """A 304, or a body with the same content hash: touch last_seen, keep new validators.

        Returns False when the URL was unknown (nothing recorded)."""
        return (
            self._execute(
                self._sql(
                    f"UPDATE urls SET last_seen = ?, status = '{UNCHANGED}', error = NULL,"
                    " etag = coalesce(?, etag), last_modified = coalesce(?, last_modified) WHERE url = ?"
                ),
                (self._now(), etag, last_modified, url),
            )
            > 0
        )

    def record_failed(self, url: str, error: str) -> None:
        """The URL could not be fetched or parsed this time; what was written before is kept."""
        now = self._now()
        self._execute(
            self._sql(
                f"INSERT INTO urls (url, first_seen, last_seen, status, error) VALUES (?, ?, ?, '{FAILED}', ?)"
                " ON CONFLICT (url) DO UPDATE SET last_seen = excluded.last_seen,"
                " status = excluded.status, error = excluded.error"
            ),
            (url, now, now, error),
        )

    # -- per site --------------------------------------------------------------------------------

    def watermark(self, site: str) -> date | None:
        row = self._read_one(self._sql("SELECT watermark FROM sites WHERE site = ?"), (site,))
        return date.fromisoformat(row[0]) if row and row[0] else None

    def advance_watermark(self, site: str, day: date | str) -> date:
        """Move the site's watermark to `day` if that is newer; returns the watermark after."""
        self._execute(
            self._sql(
                "INSERT INTO sites (site, watermark) VALUES (?, ?) ON CONFLICT (site) DO UPDATE SET"
                f" watermark = {self.GREATEST}(coalesce(sites.watermark, ''), excluded.watermark)"
            ),
            (site, iso_date(day)),
        )
        current = self.watermark(site)
        if current is None:  # the row was just written: only a store that lost it gets here
            raise StateError(f"the watermark of {site} was not kept")
        return current

    # -- meta ------------------------------------------------------------------------------------

    def get_meta(self, key: str) -> str | None:
        row = self._read_one(self._sql("SELECT value FROM meta WHERE key = ?"), (key,))
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        self._execute(
            self._sql("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
            (key, value),
        )

    def delete_meta(self, key: str) -> None:
        self._execute(self._sql("DELETE FROM meta WHERE key = ?"), (key,))

    def delete_meta_prefix(self, prefix: str) -> None:
        """Delete every meta key that starts with `prefix`."""
        self._execute(self._sql("DELETE FROM meta WHERE substr(key, 1, ?) = ?"), (len(prefix), prefix))
