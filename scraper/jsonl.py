"""The JSON Lines writer: one record a line, durable appends, no duplicates after a crash.

    with JsonlWriter(path) as out:          # path=None writes to stdout
        if out.repair:                      # a torn last line left by a crash was cut off
            log.warning("%s", out.repair)
        stamp = state.plan_write(record.url, record.content_hash)
        if out.should_write(record.url, record.content_hash, changed=stamp.changed):
            out.write(record.model_copy(update=stamp.record_fields()))  # durable on return
        state.record_written(stamp, ...)    # only now may the state say it was written

Records are indexed by their `url` field: use the same string as the state's key.

Durability. `write` encodes the whole line, appends it with `os.write` on an `O_APPEND` descriptor
(no Python buffer that a kill -9 could lose), then `fsync`s it; a line is on disk when `write`
returns. If the write fails half way (disk full), the file is cut back to its previous length, so
a failed write leaves no partial line behind.

Group commit. `write` is `append` then `sync`. A crawl with many requests in flight calls `append`
for each record (the whole line reaches the file at once, so it survives a kill -9 of this process,
but not yet a power loss) and `sync` once for a batch: one fsync for many lines, after which the
caller may record them all in the state in one transaction (scraper.incremental.GroupCommit). The
rule is unchanged: the state hears of a line only after `sync` returned.

Repair on open. A kill -9 can leave a last line without its newline (torn mid-line, possibly in the
middle of a multi-byte UTF-8 character); a power loss can also leave a final line of garbage. On
open the writer cuts off the unterminated tail and a last complete line that is not a JSON object,
and reports what it cut (`RepairReport`), but only when what it cuts looks like a crash's leftover
(the start of a JSON object, or zero bytes). Any other invalid line means the file is not ours (or
damaged in a way a crash cannot explain): `OutputError`, and the file is left untouched.

What is already in the file. The writer indexes the existing lines as `url -> content_hash of the
newest line for that url`, not as a set of `(url, content_hash)` pairs: a release edited from A to B
and then back to A must be written again (its newest state is A again), which a pair set would
wrongly call a duplicate. Crash recovery only ever needs the newest line: the line that may have
been written without the state knowing is always the last one for its url. Keys and values are
16-byte BLAKE2b digests (of the url and of the content hash string) kept on disk in a private
temporary SQLite database (`scraper.statefile.ScratchDigests`), not in a dict: the index of a file
of a million lines costs the same ~2 MB of RAM as that of ten lines, and ~5 microseconds a lookup.
Collisions at 128 bits are not a practical concern. To stdout nothing is indexed: a stream holds
nothing this writer can read back, so the state alone decides (`should_write`).

Open the `StateStore` first: its lock gives the clear "another pressroom run" message; the
writer's own lock (an exclusive `flock` on the output file) only guards against two runs with
different state files appending to the same output.

Errors (a path that cannot be opened, a full disk, a second writer on the same file) raise
`OutputError` naming the file.

A test hook: `PRESSROOM_TEST_HALT=mid-line:N` (or `after-line:N`) makes the N-th line this writer
writes (or appends) stop the process with SIGSTOP half way through the line (or once the line is
fsynced, before the caller can record it), after saying so on stderr, so the crash tests can kill -9 a crawl at
those exact instants. Unset, it costs one comparison a line.
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import signal
import stat
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

from schemas.press_release import PressRelease
from scraper.errors import OutputError
from scraper.statefile import ScratchDigests

NEWLINE = b"\n"
READ_CHUNK = 1 << 20  # bytes read at a time while scanning an existing file
OPEN_FLAGS = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_CLOEXEC", 0)
FILE_MODE = 0o644
# fsync on a character device or pipe fails with one of these; there is nothing to make durable.
FSYNC_UNSUPPORTED = {errno.EINVAL, errno.ENOTSUP, errno.EROFS}
TEST_HALT_ENV = "PRESSROOM_TEST_HALT"
HALT_POINTS = ("mid-line", "after-line")


def _test_halt() -> tuple[str, int] | None:
    """The crash tests' halt point from the environment: ("mid-line" | "after-line", line number)."""
    point, _, number = os.environ.get(TEST_HALT_ENV, "").partition(":")
    return (point, int(number)) if point in HALT_POINTS and number.isdigit() else None


def _halt(point: str, number: int) -> None:
    sys.stderr.write(f"pressroom: test halt {point} {number}\n")
    sys.stderr.flush()
    os.kill(os.getpid(), signal.SIGSTOP)  # the test kills -9 the stopped process


@dataclass(frozen=True, slots=True)
class RepairReport:
    """What was cut off the end of an existing output file on open."""

    path: Path
    bytes_cut: int
    lines_kept: int
    reason: str

    def __str__(self) -> str:
        return (
            f"{self.path}: cut {self.bytes_cut} bytes at the end ({self.reason}); "
            f"kept {self.lines_kept} complete lines"
        )


@dataclass(frozen=True, slots=True)
class _Scan:
    """The result of reading an existing file: where its valid part ends and what it holds."""

    valid_length: int
    lines_kept: int
    reason: str


def _parse_object(line: bytes) -> dict[str, Any] | None:
    """The JSON object on one line (without its newline), or None when it is not one."""
    try:
        value = json.loads(line)
    except ValueError:  # includes UnicodeDecodeError: a line cut inside a UTF-8 character
        return None
    return value if isinstance(value, dict) else None


def _iter_lines(handle: Any) -> Iterator[tuple[int, bytes]]:
    """(offset, line with its newline if any) for every line of a binary file, in order."""
    offset = 0
    for line in handle:
        yield offset, line
        offset += len(line)


def _scan(path: Path, index: ScratchDigests) -> _Scan:
    """Read an existing output file; find the end of its valid part and index its records."""
    lines_kept = 0
    valid_length = 0
    bad: tuple[int, bytes] | None = None  # (line number, line) of an invalid complete line
    torn: tuple[int, bytes] | None = None  # (line number, bytes) of a last line without newline
    with path.open("rb", buffering=READ_CHUNK) as handle, index.bulk():
        for number, (offset, line) in enumerate(_iter_lines(handle), start=1):
            if not line.endswith(NEWLINE):
                torn = (number, line)  # only the last line can lack its newline
                break
            if bad is not None:
                raise _foreign(path, bad[0])
            record = _parse_object(line[:-1])
            if record is None:
                bad = (number, line)
                continue
            _index_record(index, record)
            lines_kept += 1
            valid_length = offset + len(line)
    for cut in (bad, torn):
        if cut is not None and not _looks_torn(cut[1]):
            raise _foreign(path, cut[0])
    return _Scan(valid_length, lines_kept, _cut_reason(bad is not None, torn is not None))


def _looks_torn(cut: bytes) -> bool:
    """Whether a line to cut is what a crash leaves: the start of one of our JSON objects, or the
    zero-filled block a power loss can leave. Anything else means the file is not ours, and
    cutting it could destroy someone's data."""
    return cut.startswith(b"{") or not cut.rstrip(NEWLINE).strip(b"\0")


def _cut_reason(bad_last_line: bool, torn: bool) -> str:
    if bad_last_line and torn:
        return "last complete line is not valid JSON and the line after it has no newline"
    if bad_last_line:
        return "last line is not valid JSON"
    return "last line has no newline, torn by a crash" if torn else ""


def _foreign(path: Path, line_number: int) -> OutputError:
    return OutputError(
        f"{path}: line {line_number} is not a JSON object; this is not a pressroom output file "
        "or it is damaged beyond what a crash leaves (left unchanged)"
    )


def _index_record(index: ScratchDigests, record: dict[str, Any]) -> None:
    url = record.get("url")
    content_hash = record.get("content_hash")
    if isinstance(url, str) and isinstance(content_hash, str):
        index.put(url, content_hash)  # later lines overwrite: newest wins


def _is_regular_or_missing(path: Path) -> bool:
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except FileNotFoundError:
        return True
    except OSError as error:
        raise OutputError(f"cannot open output file {path}: {error.strerror}") from error


def _fsync(fd: int) -> None:
    try:
        os.fsync(fd)
    except OSError as error:
        if error.errno not in FSYNC_UNSUPPORTED:
            raise


def _fsync_directory(directory: Path) -> None:
    """Make a newly created file's directory entry durable too."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return  # not fatal: the data is synced, only a brand-new name could be lost on power loss
    try:
        _fsync(fd)
    finally:
        os.close(fd)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


class JsonlWriter:
    """Append `PressRelease` records to a JSON Lines file (or stdout), one durable line each.

    The file is opened, repaired, indexed and locked in `open()` / `__enter__`, so errors surface
    before any crawling starts. `path=None` writes to stdout: no repair, no index, no fsync, each
    line flushed as it is written.
    """

    def __init__(self, path: Path | None, *, fsync: bool = True) -> None:
        self.path = path
        self.fsync = fsync
        self.repair: RepairReport | None = None
        self.existed = False  # the file was there (and non-empty) before this run
        self.lines_before = 0  # complete lines kept from before this run
        self.lines_written = 0  # lines written by this writer
        self._index: ScratchDigests | None = None  # url -> content hash of the newest line (files only)
        self._unsynced = 0  # lines appended since the last fsync
        self._fd: int | None = None
        self._regular = False
        self._halt_at = _test_halt()

    # -- lifecycle -------------------------------------------------------------------------------

    def open(self) -> JsonlWriter:
        if self.path is None or self._fd is not None:
            return self
        self._regular = _is_regular_or_missing(self.path)
        created = not self.path.exists()
        fd = self._open_fd()
        index = ScratchDigests()
        try:
            if self._regular:
                self._lock(fd)
                self._load_existing(fd, index)
                if created:
                    _fsync_directory(self.path.parent)
        except BaseException:
            os.close(fd)
            index.close()
            raise
        self._fd, self._index = fd, index
        return self

    def close(self) -> None:
        """Close the file (its appended lines are synced first) and drop the index."""
        if self._fd is not None:
            try:
                self.sync()
            finally:
                fd, self._fd = self._fd, None
                os.close(fd)  # also releases the lock
        self._close_index()

    def _close_index(self) -> None:
        if self._index is not None:
            index, self._index = self._index, None
            index.close()

    def __enter__(self) -> JsonlWriter:
        return self.open()

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if error is None:
            self.close()
            return
        try:
            self.close()
        except OutputError:
            pass  # the error on its way out says more than a failed last sync

    # -- what is already there -------------------------------------------------------------------

    def already_written(self, url: str, content_hash: str) -> bool:
        """True when the newest line for `url` in the file carries this `content_hash`."""
        return self._index is not None and self._index.holds(url, content_hash)

    def should_write(self, url: str, content_hash: str, *, changed: bool) -> bool:
        """Whether a record must be written, given the state's verdict (`WriteStamp.changed`).

        To a file: unless the newest line for `url` already has this content. That skips the line
        a crash wrote before the state knew (changed, yet already there) and rewrites lines missing
        from a deleted or replaced output (unchanged, yet absent). To stdout, which holds nothing
        from earlier runs: exactly when the state says the content is new or changed.
        """
        if self.path is None:
            return changed
        return not self.already_written(url, content_hash)

    def contains_url(self, url: str) -> bool:
        """True when some line in the file is a record of `url` (its `url` field)."""
        return self._index is not None and url in self._index

    def __len__(self) -> int:
        """How many distinct urls the file holds records for."""
        return len(self._index) if self._index is not None else 0

    # -- writing ---------------------------------------------------------------------------------

    def write(self, record: PressRelease) -> None:
        """Append one record as one complete line; on return it is flushed (and fsynced)."""
        self.append(record)
        self.sync()

    def append(self, record: PressRelease) -> None:
        """Append one record as one complete line, in one `os.write` (to stdout: flushed).

        On return the line is in the file for every reader and survives a kill -9 of this process;
        it is durable against a power loss only after `sync`."""
        line = record.model_dump_json().encode("utf-8") + NEWLINE
        halt = self._halt_at if self._halt_at and self._halt_at[1] == self.lines_written + 1 else None
        if halt and halt[0] == "mid-line" and self._fd is not None:
            _write_all(self._fd, line[: len(line) // 2])
            _fsync(self._fd)
            _halt(*halt)
        if self.path is None:
            self._write_stdout(line)
        else:
            self._write_file(line)
            self._index_line(record)
        if halt and halt[0] == "after-line":
            self.sync()
            _halt(*halt)
        self.lines_written += 1

    def sync(self) -> None:
        """Make every appended line durable (one fsync for all of them); OutputError if it fails."""
        if self._fd is None or not self._unsynced:
            return
        try:
            if self.fsync:
                _fsync(self._fd)
        except OSError as error:
            raise OutputError(f"cannot write to output file {self.path}: {error.strerror}") from error
        self._unsynced = 0

    # -- internals -------------------------------------------------------------------------------

    def _open_fd(self) -> int:
        assert self.path is not None
        try:
            return os.open(self.path, OPEN_FLAGS, FILE_MODE)
        except OSError as error:
            raise OutputError(f"cannot open output file {self.path}: {error.strerror}") from error

    def _lock(self, fd: int) -> None:
        """One writer per file: a second process appending would interleave and duplicate lines."""
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as error:
            raise OutputError(f"output file {self.path} is being written by another process") from error

    def _load_existing(self, fd: int, index: ScratchDigests) -> None:
        assert self.path is not None
        size = os.fstat(fd).st_size
        if size == 0:
            return
        self.existed = True
        try:
            scan = _scan(self.path, index)
        except OSError as error:
            raise OutputError(f"cannot read output file {self.path}: {error.strerror}") from error
        if scan.valid_length < size:
            self._truncate(fd, scan.valid_length)
            self.repair = RepairReport(self.path, size - scan.valid_length, scan.lines_kept, scan.reason)
        self.lines_before = scan.lines_kept

    def _truncate(self, fd: int, length: int) -> None:
        try:
            os.ftruncate(fd, length)
            _fsync(fd)
        except OSError as error:
            raise OutputError(f"cannot repair output file {self.path}: {error.strerror}") from error

    def _write_file(self, line: bytes) -> None:
        if self._fd is None:
            raise OutputError(f"output file {self.path} is not open")
        before = os.fstat(self._fd).st_size if self._regular else 0
        try:
            _write_all(self._fd, line)
        except OSError as error:
            self._undo_partial(before)
            raise OutputError(f"cannot write to output file {self.path}: {error.strerror}") from error
        self._unsynced += 1

    def _index_line(self, record: PressRelease) -> None:
        if self._index is not None and record.content_hash:
            self._index.put(record.url, record.content_hash)

    def _undo_partial(self, length: int) -> None:
        """Cut a half-written line off again, so a failed write leaves the file valid."""
        if self._regular and self._fd is not None:
            try:
                os.ftruncate(self._fd, length)
            except OSError:
                pass  # the next open's repair will cut it

    def _write_stdout(self, line: bytes) -> None:
        stream = sys.stdout  # looked up per call: tests and the CLI may redirect it
        try:
            binary = getattr(stream, "buffer", None)
            if binary is not None:
                stream.flush()  # keep order with anything written through the text layer
                binary.write(line)
                binary.flush()
            else:
                stream.write(line.decode("utf-8"))
                stream.flush()
        except (OSError, ValueError) as error:  # BrokenPipeError; ValueError: stream closed
            raise OutputError(f"cannot write to stdout: {error}") from error


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """Every line of a JSON Lines file as a dict; `OutputError` naming the line if one is not.

    Strict on purpose (tests use it to prove an output is valid JSON Lines): a missing final
    newline is an error too.
    """
    try:
        with path.open("rb") as handle:
            for number, (_, line) in enumerate(_iter_lines(handle), start=1):
                record = _parse_object(line[:-1]) if line.endswith(NEWLINE) else None
                if record is None:
                    raise OutputError(f"{path}: line {number} is not a complete JSON object line")
                yield record
    except OSError as error:
        raise OutputError(f"cannot read {path}: {error.strerror}") from error
