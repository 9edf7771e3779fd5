"""SQLite as files: the state database's header checks, run lock, safe creation and connection, and
the scratch databases that hold a run's large sets on disk.

Kept apart from `scraper.state` (the store's queries) because none of it is about crawling: it only
guarantees that a file we did not make is never written, that two runs never share a state, and
that a crash while creating the database leaves nothing half-made behind.

`ScratchDigests` is the crawl's way to remember a set (or a map) of any size in flat memory: the
keys seen in a run, the output's url -> content-hash index. Each lives in a private temporary
SQLite database (`sqlite3.connect("")`: a file SQLite creates and unlinks at once, so nothing is
left behind, even by a kill -9), whose memory is the page cache, `SCRATCH_CACHE_KIB` at most;
everything else stays on disk (in the OS file cache while it fits). About 5 microseconds an insert
or a lookup, against ~80 bytes of RAM a key for a Python set, for ever.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import glob
import hashlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from scraper.errors import StateError

APPLICATION_ID = 0x50525353  # "PRSS": marks a pressroom state database (SQLite header offset 68)
SCHEMA_VERSION = 1  # PRAGMA user_version (header offset 60); bump with a migration
SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100
USER_VERSION_OFFSET = 60
APPLICATION_ID_OFFSET = 68
BUSY_TIMEOUT_MS = 5000  # only other tools (sqlite3 shell) could contend: our runs take the lock
LINK_UNSUPPORTED = {errno.EPERM, errno.ENOTSUP, errno.EXDEV, errno.EMLINK}
SCRATCH_CACHE_KIB = 2048  # page cache of a scratch database: all the RAM it ever holds
DIGEST_SIZE = 16  # bytes of BLAKE2b a scratch key or value is kept as; collisions at 128 bits are not a concern
SCRATCH_SCHEMA = "CREATE TABLE digests (key BLOB PRIMARY KEY, value BLOB) WITHOUT ROWID"


def check_header(path: Path) -> None:
    """Refuse, without writing anything, a file that is not a pressroom state of a known version."""
    try:
        with path.open("rb") as handle:
            header = handle.read(HEADER_SIZE)
    except FileNotFoundError:
        return
    except OSError as error:
        raise StateError(f"cannot read state file {path}: {error.strerror}") from error
    if len(header) < HEADER_SIZE or not header.startswith(SQLITE_MAGIC):
        raise StateError(f"{path} is not a pressroom state database (not SQLite); left it untouched")
    check_ids(path, _header_int(header, APPLICATION_ID_OFFSET), _header_int(header, USER_VERSION_OFFSET))


def _header_int(header: bytes, offset: int) -> int:
    return int.from_bytes(header[offset : offset + 4], "big", signed=True)


def check_ids(path: Path, application_id: int, user_version: int) -> None:
    if application_id != APPLICATION_ID:
        raise StateError(f"{path} is an SQLite database but not a pressroom state database; left it untouched")
    if user_version > SCHEMA_VERSION:
        raise StateError(
            f"{path} was written by a newer pressroom (state version {user_version}, this one knows "
            f"{SCHEMA_VERSION}); upgrade pressroom or use another --state file"
        )
    if user_version < SCHEMA_VERSION:
        raise StateError(f"{path} has state version {user_version}, which this pressroom cannot upgrade")


def acquire_lock(path: Path, lock_path: Path) -> int:
    try:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    except OSError as error:
        raise StateError(f"cannot create lock file {lock_path}: {error.strerror}") from error
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        holder = _read_pid(fd)
        os.close(fd)
        raise StateError(f"another pressroom run is using {path} (pid {holder})") from None
    os.ftruncate(fd, 0)
    os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
    return fd


def _read_pid(fd: int) -> str:
    text = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    return text if text.isdigit() else "unknown"


def _temporary_name(path: Path, pid: int | str) -> Path:
    return path.with_name(f"{path.name}.new-{pid}")


def remove_leftovers(path: Path) -> None:
    """Delete half-built databases a crash during creation left; we hold the lock, none is live."""
    for leftover in path.parent.glob(glob.escape(path.name) + ".new-*"):
        with contextlib.suppress(OSError):
            leftover.unlink()


def create_database(path: Path, schema: str) -> None:
    """Build the schema under a temporary name, then link it into place (never over a file)."""
    temporary = _temporary_name(path, os.getpid())
    try:
        conn = sqlite3.connect(temporary, isolation_level=None)
        try:
            conn.executescript(schema)
        finally:
            conn.close()  # checkpoints and removes the WAL: the file is complete on its own
        _link_no_replace(temporary, path)
    except (sqlite3.Error, OSError) as error:
        raise StateError(f"cannot create state file {path}: {error}") from error
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()


def _link_no_replace(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except FileExistsError:
        return  # someone created it meanwhile: the header check that follows judges it
    except OSError as error:
        if error.errno not in LINK_UNSUPPORTED:
            raise
        os.rename(source, target)  # no hard links here; we hold the lock, so no pressroom races


def connect(path: Path) -> sqlite3.Connection:
    try:
        conn = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=rw",
            uri=True,
            isolation_level=None,  # we issue BEGIN IMMEDIATE / COMMIT ourselves
            check_same_thread=False,  # guarded by the store's mutex
        )
    except sqlite3.Error as error:
        raise StateError(f"cannot open state {path}: {error}") from error
    try:
        check_ids(path, *conn.execute("SELECT * FROM pragma_application_id, pragma_user_version").fetchone())
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.Error as error:
        conn.close()
        raise StateError(f"{path} is not a usable pressroom state database: {error}") from error
    except StateError:
        conn.close()
        raise
    return conn


def digest(text: str) -> bytes:
    """The fixed-size key a string is kept as in a `ScratchDigests`."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=DIGEST_SIZE).digest()


class ScratchDigests:
    """A set of strings, or a map of strings to strings, kept as digests in a private temporary
    SQLite database: flat memory for any number of keys. Nothing survives `close()` or the process.

        seen = ScratchDigests()
        seen.add("https://example.org/a")            # True: new
        seen.put(url, content_hash); seen.holds(url, content_hash)
    """

    def __init__(self) -> None:
        self._conn = sqlite3.connect("", isolation_level=None)  # "": a private, already-unlinked file
        for pragma in ("journal_mode = OFF", "synchronous = OFF", f"cache_size = -{SCRATCH_CACHE_KIB}"):
            self._conn.execute(f"PRAGMA {pragma}")  # scratch: nothing to recover after a crash
        self._conn.execute(SCRATCH_SCHEMA)

    def add(self, key: str) -> bool:
        """Add `key`; True when it was not there yet."""
        return self._conn.execute("INSERT OR IGNORE INTO digests (key) VALUES (?)", (digest(key),)).rowcount > 0

    def put(self, key: str, value: str) -> None:
        """Map `key` to `value` (replacing what it mapped to)."""
        self._conn.execute("INSERT OR REPLACE INTO digests (key, value) VALUES (?, ?)", (digest(key), digest(value)))

    def holds(self, key: str, value: str) -> bool:
        """True when `key` maps to `value`."""
        row = self._conn.execute("SELECT value FROM digests WHERE key = ?", (digest(key),)).fetchone()
        return row is not None and row[0] == digest(value)

    def __contains__(self, key: str) -> bool:
        return self._conn.execute("SELECT 1 FROM digests WHERE key = ?", (digest(key),)).fetchone() is not None

    def __len__(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM digests").fetchone()[0])

    @contextlib.contextmanager
    def bulk(self) -> Iterator[None]:
        """Many changes in one transaction (loading an index: several times faster)."""
        self._conn.execute("BEGIN")
        try:
            yield
        finally:
            self._conn.execute("COMMIT")

    def close(self) -> None:
        self._conn.close()  # SQLite frees the pages; the file was never linked
