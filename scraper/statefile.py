"""The state database as a file: header checks, the run lock, safe creation, the connection.

Kept apart from `scraper.state` (the store's queries) because none of it is about crawling: it only
guarantees that a file we did not make is never written, that two runs never share a state, and
that a crash while creating the database leaves nothing half-made behind.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import glob
import os
import sqlite3
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
