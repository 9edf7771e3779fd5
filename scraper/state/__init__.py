"""What a crawl remembers across runs: one interface (`StateBackend`), two stores.

    scraper/state/base.py      the protocol, the values it passes (WriteStamp, Validators...) and
                               the rules both stores share (how a version is planned)
    scraper/state/sqlite.py    `StateStore`: one SQLite file beside the output (the default)
    scraper/state/postgres.py  `PostgresStateStore`: shared state in PostgreSQL (`--state
                               postgresql://...`), frontier leases with an expiry for many workers
    scraper/state/pgconn.py    the PostgreSQL URL, schema, connection, table creation and run lock

`state_store(spec)` picks the store: a `postgresql://` (or `postgres://`) URL, else a file path.
psycopg is imported only when a PostgreSQL store is opened: a user who never types a database URL
never loads it.
"""

from __future__ import annotations

from pathlib import Path

from scraper.state.base import (
    DONE,
    FAILED,
    LEASED,
    QUEUED,
    STATE_SUFFIX,
    UNCHANGED,
    WRITTEN,
    FrontierItem,
    StateBackend,
    UrlState,
    Validators,
    WriteStamp,
    default_state_path,
    utc_now,
)
from scraper.state.sqlite import LOCK_SUFFIX, StateStore
from scraper.statefile import APPLICATION_ID, SCHEMA_VERSION

DATABASE_SCHEMES = ("postgresql://", "postgres://")

__all__ = [
    "APPLICATION_ID",
    "DONE",
    "FAILED",
    "LEASED",
    "LOCK_SUFFIX",
    "QUEUED",
    "SCHEMA_VERSION",
    "STATE_SUFFIX",
    "UNCHANGED",
    "WRITTEN",
    "FrontierItem",
    "StateBackend",
    "StateStore",
    "UrlState",
    "Validators",
    "WriteStamp",
    "default_state_path",
    "is_database_url",
    "state_store",
    "utc_now",
]


def is_database_url(spec: str | Path) -> bool:
    return isinstance(spec, str) and spec.startswith(DATABASE_SCHEMES)


def state_store(spec: str | Path, *, exclusive: bool = True) -> StateBackend:
    """The store `spec` names, not yet open: PostgreSQL for a database URL, else a SQLite file.

    `exclusive`: one run at a time (a crawl); the distributed workers share a PostgreSQL store."""
    if is_database_url(spec):
        from scraper.state.postgres import PostgresStateStore

        return PostgresStateStore(str(spec), exclusive=exclusive)
    return StateStore(Path(spec))
