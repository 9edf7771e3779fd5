"""The crawl's memory: what it has seen, within one run (`MemoryState`) or across runs (`IncrementalState`).

`CrawlState` is the protocol the crawl loop (scraper/crawl.py) asks: claim a key once, put URLs on
the frontier and mark them done, the listing stop rule, conditional request headers, and whether a
parsed record is written, unchanged or a duplicate. It lives here with its two implementations so
the loop never sees how the memory is kept:

- `MemoryState` (the default): seen keys in a scratch database, nothing kept after the run.
- `IncrementalState`: the same, backed by a state store (scraper/state/: SQLite beside the output,
  or PostgreSQL) and
  checked against the output's own index (scraper/jsonl.py). Every URL goes on the store's frontier
  before it is fetched and is marked done after, so a run killed at any instant resumes where it
  was; releases the output already holds are asked for conditionally (304: nothing downloaded,
  nothing written); a record is written only when its content is new or changed (with `version`,
  `first_seen`, `updated`), and its line is fsynced before the state records it; a listing stops at
  a page whose links are all settled and older than the watermark (the newest listing date of the
  last completed crawl).

Settled links and dead ones. A link is settled when its release is in the output, or when the
state records that it gave no release for a reason a retry does not soon change: a 4xx answer
(not 408/429), not HTML, too large, refused (robots.txt disallow, off-site, private address), a
page that is not a release, or a duplicate of another URL. Such a dead link is not asked again at
every run: it is backed off, retried only once as long has passed since its last failure as it
had been failing then (first failure to last), at least DEAD_RETRY_MIN and at most DEAD_RETRY_MAX
(1 day, 1, 2, 4 ... 30 days), so a link that comes back to life is found again. A transient
failure (network, timeout, 5xx, 429, robots.txt unavailable, a parser bug) settles nothing and is
retried at the next run: its listing page is read again until the URL gives its release.

Flat memory. Nothing here grows with the crawl: the keys a run has claimed (every URL, canonical
URL and content hash: three a release) are 16-byte digests in a private temporary SQLite database
(`scraper.statefile.ScratchDigests`, a few MB of page cache at most, the rest on disk), with or
without a state store (a store's tables hold what outlives the run; the claims are the run's own
and die with it); the output's index is kept the same way (scraper/jsonl.py); `IncrementalState`
holds only a write stamp per record waiting for its commit and a watermark per target.

`GroupCommit` ties the writer to the state: each record's line is appended at once, and a batch of
lines is made durable with one fsync and then recorded (written + done) in one state transaction.

`CrawlConfig` and `Target` are read here only for their fields (type hints), so this module does
not import scraper.crawl at run time; scraper.crawl imports this one.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from schemas import PressRelease
from scraper.discovery import Link
from scraper.fetch import Page, is_sendable_header_value
from scraper.progress import CrawlStats
from scraper.errors import OutputError, StateError
from scraper.state import FAILED, StateBackend, WriteStamp, utc_now
from scraper.statefile import ScratchDigests

if TYPE_CHECKING:
    from scraper.crawl import CrawlConfig, Target

log = logging.getLogger(__name__)

LISTING, RELEASE = "listing", "release"  # frontier kinds
WRITE, UNCHANGED, DUPLICATE = "write", "unchanged", "duplicate"  # what to do with a parsed record

# Failure kinds the crawl reports beside the fetcher's (scraper.errors.FetchError.kind).
NOT_A_RELEASE = "not a release"
# The kinds of a dead link: no release there, and asking again soon would not change it.
DEAD_KINDS = frozenset({NOT_A_RELEASE, DUPLICATE, "not html", "too large", "blocked", "redirect", "bad url"})
TRANSIENT_STATUSES = ("http 408", "http 429")
DEAD_RETRY_MIN = timedelta(days=1)
DEAD_RETRY_MAX = timedelta(days=30)


@dataclass(frozen=True)
class Resume:
    """The unfinished crawl a state holds: its leased release URLs are handed out in batches."""

    releases: Callable[[int], list[tuple[str, str | None]]]  # next (url, target key) batch; [] at the end
    listings: list[tuple[str, str | None]]  # listing pages still to read, with their target keys
    pending: int


class CrawlState(Protocol):
    """What the crawl asks of a state store. `MemoryState` is the one-run, in-memory version;
    `IncrementalState` keeps it in a state store so the next run fetches only what changed."""

    def claim(self, key: str) -> bool:
        """True the first time `key` (a URL, canonical URL or content hash) is claimed in this crawl."""

    def begin(self, config: CrawlConfig) -> Resume | None:
        """Start a crawl: the unfinished one to resume, or None to start from the targets."""

    def queue(self, urls: list[str], kind: str, target: Target) -> list[str]:
        """Put URLs on the frontier; returns those not already queued or done (in order)."""

    def done(self, url: str) -> None:
        """A frontier URL is finished (written, unchanged, failed or not a release)."""

    def saw(self, target: Target, links: list[Link]) -> None:
        """Listing links of `target` were read (their dates feed the watermark)."""

    def settled(self, target: Target, links: list[Link]) -> bool:
        """The listing stop rule: every link is settled (in the output, or dead) and older than the watermark."""

    def conditional_headers(self, url: str) -> dict[str, str]:
        """If-None-Match / If-Modified-Since for `url`, from what was stored about it."""

    def not_modified(self, url: str, page: Page) -> None:
        """The server answered 304 for `url`."""

    def prepare(self, record: PressRelease, page: Page) -> tuple[str, PressRelease]:
        """WRITE (with the record to write, stamped), UNCHANGED or DUPLICATE."""

    def written(self, record: PressRelease, page: Page) -> None:
        """`record` is durably in the output (called only after the line is written)."""

    def failed(self, url: str, kind: str, reason: str) -> None:
        """`url` gave no release this time: a fetch failure (`kind` as FetchError.kind), not a
        release page (NOT_A_RELEASE) or a DUPLICATE of another URL."""

    def due(self, url: str) -> bool:
        """False while `url` is a dead link being backed off: do not ask for it now."""

    def end(self, stats: CrawlStats, config: CrawlConfig) -> int:
        """The crawl is over (completed or not): commit; returns the URLs left to resume."""

    def batch(self) -> AbstractContextManager[None]:
        """Group the calls made inside into one transaction (a group commit's written + done)."""


class MemoryState:
    """One run's memory: the claimed keys in a scratch database (flat RAM), nothing else kept."""

    def __init__(self) -> None:
        self._seen = ScratchDigests()

    def claim(self, key: str) -> bool:
        return self._seen.add(key)

    def batch(self) -> AbstractContextManager[None]:
        return contextlib.nullcontext()

    def begin(self, config: CrawlConfig) -> Resume | None:
        return None

    def queue(self, urls: list[str], kind: str, target: Target) -> list[str]:
        return urls

    def done(self, url: str) -> None:
        pass

    def saw(self, target: Target, links: list[Link]) -> None:
        pass

    def settled(self, target: Target, links: list[Link]) -> bool:
        return False

    def conditional_headers(self, url: str) -> dict[str, str]:
        return {}

    def not_modified(self, url: str, page: Page) -> None:
        pass

    def prepare(self, record: PressRelease, page: Page) -> tuple[str, PressRelease]:
        return WRITE, record

    def written(self, record: PressRelease, page: Page) -> None:
        pass

    def failed(self, url: str, kind: str, reason: str) -> None:
        pass

    def due(self, url: str) -> bool:
        return True

    def end(self, stats: CrawlStats, config: CrawlConfig) -> int:
        return 0


class OutputIndex(Protocol):
    """The part of scraper.jsonl.JsonlWriter the incremental state reads."""

    path: Path | None
    existed: bool

    def should_write(self, url: str, content_hash: str, *, changed: bool) -> bool: ...

    def contains_url(self, url: str) -> bool: ...


class IncrementalState(MemoryState):
    """The crawl's memory kept in a state store (`StateBackend`), checked against the output's own index.

    Exactly once: a record's line is written (and fsynced) before `record_written` commits, and a
    record whose newest line is already in the output is not written again (the line a kill -9
    left between the two). Conditional requests are sent only for URLs the output holds, so a
    deleted output is rebuilt by full fetches. The frontier is the store's: URLs are queued before
    they are fetched and marked done after, so a run killed at any point resumes where it was.
    """

    def __init__(self, store: StateBackend, output: OutputIndex, *, clock: Callable[[], datetime] = utc_now) -> None:
        super().__init__()
        self.store = store
        self.output = output
        self._clock = clock
        self._stamps: dict[str, WriteStamp] = {}  # planned, not yet written (a few: one per worker)
        self._watermarks: dict[str, date | None] = {}
        self._newest: dict[str, str] = {}

    # -- the frontier ----------------------------------------------------------------------------

    def begin(self, config: CrawlConfig) -> Resume | None:
        fingerprint = _fingerprint(config)
        if self.store.has_pending():
            reason = self._why_not_resume(fingerprint)
            if reason is None:
                return self._resume_plan(config)
            log.warning("%s: starting afresh", reason)
            self._forget_crawl()
        self.store.set_meta(CRAWL_META, fingerprint)
        return None

    def _why_not_resume(self, fingerprint: str) -> str | None:
        if self.store.get_meta(CRAWL_META) != fingerprint:
            return "the state holds an unfinished crawl of other targets or dates"
        # A missing or empty output matters only if lines were written to it: a crawl stopped
        # before its first record (Ctrl-C on the first listing pages) resumes like any other.
        if self.output.path is not None and not self.output.existed and self.store.written_count():
            return f"the unfinished crawl's output {self.output.path} is missing or empty"
        return None

    def _resume_plan(self, config: CrawlConfig) -> Resume:
        pending = self.store.pending_count()
        listings = [(item.url, item.site) for item in self.store.next_batch(pending, kind=LISTING)]
        for target in config.targets:
            self._newest[target.start_url] = self.store.get_meta(NEWEST_META + target.start_url) or ""

        def releases(size: int) -> list[tuple[str, str | None]]:
            return [(item.url, item.site) for item in self.store.next_batch(size, kind=RELEASE)]

        return Resume(releases, listings, pending)

    def _forget_crawl(self) -> None:
        self.store.clear_frontier()
        self.store.delete_meta_prefix(NEWEST_META)
        self._newest.clear()

    def queue(self, urls: list[str], kind: str, target: Target) -> list[str]:
        return self.store.push_new(urls, kind=kind, site=target.start_url)

    def done(self, url: str) -> None:
        self.store.done(url)

    # -- the watermark ---------------------------------------------------------------------------

    def saw(self, target: Target, links: list[Link]) -> None:
        newest = max((link.date for link in links if link.date), default="")
        key = target.start_url
        if newest > self._newest.get(key, ""):
            self._newest[key] = newest
            self.store.set_meta(NEWEST_META + key, newest)  # survives a kill, for the resumed run

    def settled(self, target: Target, links: list[Link]) -> bool:
        key = target.start_url
        if key not in self._watermarks:
            self._watermarks[key] = self.store.watermark(key)
        watermark = self._watermarks[key]
        if watermark is None or not links:
            return False
        if not all(link.date and date.fromisoformat(link.date) < watermark for link in links):
            return False
        urls = set(link.url for link in links)
        written = self.store.known_urls(urls)
        in_output = self.output.path is None or all(self.output.contains_url(url) for url in written)
        return in_output and all(self._dead_since(url) is not None for url in urls - written)

    def _dead_since(self, url: str) -> tuple[datetime, datetime] | None:
        """(first, last) failure of a URL the state records as dead, else None."""
        known = self.store.known(url)
        if known is None or known.status != FAILED or not _is_dead(_failure_kind(known.error)):
            return None
        return _parse_time(known.first_seen), _parse_time(known.last_seen)

    def batch(self) -> AbstractContextManager[None]:
        return self.store.batch()

    def end(self, stats: CrawlStats, config: CrawlConfig) -> int:
        left = self.store.pending_count()
        if left or not stats.completed:
            return left
        if config.since is None:  # a crawl cut at --since did not cover what lies below it
            for key, newest in self._newest.items():
                if newest:
                    self.store.advance_watermark(key, newest)
        self._forget_crawl()
        self.store.delete_meta(CRAWL_META)
        return 0

    # -- pages and records -----------------------------------------------------------------------

    def conditional_headers(self, url: str) -> dict[str, str]:
        if self.output.path is not None and not self.output.contains_url(url):
            return {}  # not in this output (deleted, replaced): fetch in full to write it again
        validators = self.store.validators(url)
        headers: dict[str, str] = {}
        if validators is not None and sendable(validators.etag):  # a state of an older version may hold others
            headers["If-None-Match"] = validators.etag
        if validators is not None and sendable(validators.last_modified):
            headers["If-Modified-Since"] = validators.last_modified
        return headers

    def not_modified(self, url: str, page: Page) -> None:
        self.store.record_unchanged(url, **validators_of(page))

    def prepare(self, record: PressRelease, page: Page) -> tuple[str, PressRelease]:
        if not record.content_hash:
            record = record.model_copy(update={"content_hash": record.compute_content_hash()})
        stamp = self.store.plan_write(record.url, record.content_hash)
        if not self.output.should_write(record.url, record.content_hash, changed=stamp.changed):
            if stamp.changed:  # the line is there but a kill -9 came before the state knew
                self.store.record_written(stamp, canonical_url=record.canonical_url, **validators_of(page))
            else:
                self.store.record_unchanged(record.url, **validators_of(page))
            return UNCHANGED, record
        if stamp.version == 1 and self.store.written_elsewhere(record.url, record.content_hash, record.canonical_url):
            return DUPLICATE, record  # the same release under another URL, written by an earlier run
        self._stamps[record.url] = stamp
        return WRITE, record.model_copy(update=stamp.record_fields())

    def written(self, record: PressRelease, page: Page) -> None:
        stamp = self._stamps.pop(record.url)
        self.store.record_written(stamp, canonical_url=record.canonical_url, **validators_of(page))

    def failed(self, url: str, kind: str, reason: str) -> None:
        self.store.record_failed(url, f"{kind}{KIND_SEPARATOR}{reason}")  # the kind decides the backoff

    def due(self, url: str) -> bool:
        dead = self._dead_since(url)
        if dead is None:
            return True
        first, last = dead
        wait = min(max(last - first, DEAD_RETRY_MIN), DEAD_RETRY_MAX)  # doubles with each failed retry
        return self._clock() >= last + wait


CRAWL_META = "crawl"  # the fingerprint of the crawl the frontier belongs to
NEWEST_META = "newest:"  # + listing key: the newest listing date seen by the crawl in progress


def _fingerprint(config: CrawlConfig) -> str:
    """What must match for a run to resume the frontier another left (the page budget need not)."""
    targets = [[target.start_url, target.site] for target in config.targets]
    dates = [day.isoformat() if day else None for day in (config.since, config.until)]
    return json.dumps({"targets": targets, "dates": dates}, sort_keys=True)


KIND_SEPARATOR = ": "  # a failure is stored as "<kind>: <reason>" ("http 404: HTTP 404")


def _failure_kind(error: str | None) -> str:
    return (error or "").split(KIND_SEPARATOR, 1)[0]


def _is_dead(kind: str) -> bool:
    is_client_error = kind.startswith("http 4") and kind not in TRANSIENT_STATUSES
    return kind in DEAD_KINDS or is_client_error


def _parse_time(text: str) -> datetime:
    return datetime.fromisoformat(text)


def validators_of(page: Page) -> dict[str, str | None]:
    """The page's ETag and Last-Modified, each only if it can be sent back as it is: a value with
    a byte over 0x7f (or a control character) is not stored, else every later run would send it."""
    return {name: sendable(page.headers.get(header)) for name, header in (("etag", "etag"), ("last_modified", "last-modified"))}


def sendable(value: str | None) -> str | None:
    return value if value is not None and is_sendable_header_value(value) else None


# -- group commit ------------------------------------------------------------------------------------

GROUP_COMMIT_LINES = 64  # the most lines one fsync and one state transaction cover
GROUP_COMMIT_DELAY = 0.05  # seconds the first line of a batch waits at most for the rest


class RecordWriter(Protocol):
    """What the crawl needs of an output (scraper.jsonl.JsonlWriter): each line durable on return."""

    def write(self, record: PressRelease) -> None: ...


@runtime_checkable
class BatchWriter(Protocol):
    """An output that can append lines and make them durable later, many with one fsync."""

    def append(self, record: PressRelease) -> None: ...

    def sync(self) -> None: ...


@dataclass(frozen=True, slots=True)
class _Waiting:
    record: PressRelease
    page: Page
    frontier_url: str  # marked done once the line is recorded


class GroupCommit:
    """Records written a line at a time, made durable and recorded in the state a batch at a time.

    `add(record, page, frontier_url)` appends the record's line at once (OutputError if it cannot).
    When `max_lines` lines wait, when the first of them has waited `max_delay` seconds, or on
    `flush()`: one `sync` (one fsync) makes them all durable, then one state transaction records
    each as written and its frontier URL as done. The state never hears of a line before it is
    durable; a kill -9 in between leaves lines the state does not know, which the next run finds in
    the output's index and does not write again (their URLs, still on the frontier, are asked
    again). A writer without `append`/`sync` is written a durable line at a time.

    The crawl gives `max_lines` = its worker count (at most GROUP_COMMIT_LINES): a worker has at
    most one line waiting, and with one worker (the polite default) each line is recorded before
    the next request goes out, as without batching.
    """

    def __init__(
        self,
        writer: RecordWriter,
        state: CrawlState,
        *,
        max_lines: int,
        on_commit: Callable[[int], None],
        on_failure: Callable[[Exception], None],
        max_delay: float = GROUP_COMMIT_DELAY,
    ) -> None:
        self._append: Callable[[PressRelease], None] = writer.write
        self._sync: Callable[[], None] = _nothing_to_sync
        if isinstance(writer, BatchWriter):
            self._append, self._sync = writer.append, writer.sync
        self._state = state
        self._max_lines = max(1, min(max_lines, GROUP_COMMIT_LINES))
        self._max_delay = max_delay
        self._on_commit = on_commit
        self._on_failure = on_failure
        self._waiting: list[_Waiting] = []
        self._timer: asyncio.TimerHandle | None = None

    def add(self, record: PressRelease, page: Page, frontier_url: str) -> None:
        """Append the record's line now; record it with its batch. Raises OutputError or StateError."""
        self._append(record)
        self._waiting.append(_Waiting(record, page, frontier_url))
        if len(self._waiting) >= self._max_lines:
            self.flush()
        elif self._timer is None:
            self._timer = asyncio.get_running_loop().call_later(self._max_delay, self._flush_late)

    def flush(self) -> None:
        """Make every waiting line durable, then record them all. Raises OutputError or StateError."""
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        if not self._waiting:
            return
        batch, self._waiting = self._waiting, []
        self._sync()  # durable first: only then may the state say so
        with self._state.batch():
            for waiting in batch:
                self._state.written(waiting.record, waiting.page)
                self._state.done(waiting.frontier_url)
        self._on_commit(len(batch))

    def _flush_late(self) -> None:
        self._timer = None
        try:
            self.flush()
        except (OutputError, StateError) as error:
            self._on_failure(error)


def _nothing_to_sync() -> None:
    """A writer without `sync` made each line durable in `write`."""
