"""The crawl loop: targets and settings, the frontier, fetch -> parse -> write (Scrapy's scheduler and engine).

    discovery (one producer per crawl)             workers (--concurrency of them)
    ─────────────────────────────────              ─────────────────────────────────
    profile listing: items + next page  ──► frontier ──► bounded ──►   fetch (state's conditional
    generic: links under the start path      (state)     queue         headers) -> parse -> dedupe
             rel=next, feeds, sitemaps                                  -> state.prepare -> append
                                                                        -> group commit: one fsync,
                                                                           then written + done for
                                                                           the batch in one transaction

Memory stays flat on any crawl size: the queue between discovery and the workers is bounded, so
discovery reads the next listing page only when the workers have caught up; records are written
as they are made and never kept; what was seen in this run, and the output's index, are digests
in scratch SQLite files (scraper/incremental.py, scraper/jsonl.py), not in RAM.

Group commit (scraper.incremental.GroupCommit): a worker appends its record's line and goes on;
a batch of at most one line per worker is made durable with one fsync and recorded in one state
transaction. With one worker (the default) each line is recorded before the next request.

Parse processes (scraper/parsepool.py): with several workers and a spare CPU, release pages are parsed
in child interpreters fed by the event loop, so fetching and parsing run on two cores; with one
worker everything runs in this process.

`Crawler.interrupt` (SIGINT/SIGTERM through `crawl`'s `stop_signals`) abandons the requests in
flight and leaves their URLs on the state's frontier, so an incremental run resumes them.

The rooms around the loop: what a listing, feed or sitemap holds is read by the pure functions of
scraper/discovery.py (this module fetches those pages and decides what to follow); what the crawl
remembers, within a run or across runs, is a `CrawlState` from scraper/incremental.py; what it
counts and shows is scraper/progress.py.
"""

from __future__ import annotations

import asyncio
import contextlib
import enum
import logging
import os
import signal
import sys
import time
from collections import Counter
from collections.abc import Callable, Coroutine, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

from schemas import PressRelease
from scraper.discovery import (
    MAX_SITEMAP_DEPTH,
    SITEMAP_DEFAULT_PATH,
    Link,
    Listing,
    feed_links,
    read_feed,
    read_generic_listing,
    read_listing,
    read_sitemap,
)
from scraper.errors import ExtractionError, FetchError, OutputError, StateError
from scraper.fetch import Fetcher, FetchSettings, Page, Scope
from scraper.incremental import (
    DUPLICATE,
    LISTING,
    NOT_A_RELEASE,
    RELEASE,
    UNCHANGED,
    WRITE,
    CrawlState,
    GroupCommit,
    MemoryState,
    RecordWriter,
    Resume,
)
from scraper.page import ReleasePage
from scraper.parsepool import ReleaseParser, parse_processes
from scraper.progress import CrawlStats, Progress, counted, error_kind
from scraper.sites import PROFILES, profile_for
from scraper.urls import is_under, is_web_url, normalize_url, origin_of

log = logging.getLogger(__name__)

QUEUE_SLOTS_PER_WORKER = 4  # how far discovery may run ahead of the workers
BAD_XML = "bad xml"  # the error kind of a sitemap or feed that cannot be read safely
INTERNAL = "internal"  # + the exception's class: the kind of an error no one foresaw, met on one URL
MAX_MESSAGE = 500  # characters of an error kept in a message or the state
# Listing pages read per target and run at most: a listing that never ends (a calendar, a trap of
# new links on every page) ends here, reported; far more pages than a real newsroom lists.
MAX_LISTING_PAGES = 5000
LISTED = "listed:"  # + URL: a claim key, "a listing page of this crawl has shown this link"


# -- targets and settings ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    """Where one crawl starts, and the profile its pages are parsed with."""

    start_url: str
    profile: type[ReleasePage]
    site: str | None  # the profile named by the user (--site or a profile id), else chosen by host

    @property
    def has_listing_selectors(self) -> bool:
        return bool(self.profile.LISTING_ITEM)


def resolve_targets(texts: Iterable[str], site: str | None, since: date | None, until: date | None) -> list[Target]:
    """The TARGET arguments of a crawl (or a distributed job) with their date range; ValueError, a
    usage error, for a target that is neither a site id nor a URL, or a range that ends before it starts."""
    targets = [resolve_target(text, site) for text in texts]
    if since and until and since > until:
        raise ValueError(f"--since {since} is after --until {until}")
    return targets


def resolve_target(text: str, site: str | None = None) -> Target:
    """A TARGET argument: a profile id ("osce") or an http(s) URL. ValueError for anything else."""
    if text in PROFILES and not text.startswith(("http:", "https:")):
        profile = PROFILES[text]
        if not profile.listing_url:
            raise ValueError(f"site {text!r} has no listing URL: give a URL to start from")
        return Target(normalize_url(profile.listing_url), profile, text)
    if not is_web_url(text):
        known = ", ".join(sorted(name for name, profile in PROFILES.items() if profile.listing_url))
        raise ValueError(f"{text!r} is neither a site ({known}) nor an http(s) URL")
    url = normalize_url(text)
    return Target(url, profile_for(url, site), site)


@dataclass(frozen=True)
class CrawlConfig:
    """One crawl: its targets, its date range, its page budget and the fetcher's settings."""

    targets: list[Target]
    since: date | None = None
    until: date | None = None
    max_pages: int | None = None
    fetch: FetchSettings = field(default_factory=FetchSettings)

    def scope(self) -> Scope:
        """The hosts the targets start on and their profiles' hosts; private only if targeted."""
        hosts = tuple(host for target in self.targets for host in target.profile.hosts)
        return Scope.for_targets([target.start_url for target in self.targets], hosts)

    def in_range(self, iso_date: str | None) -> bool:
        """True unless the date is known and outside [since, until]."""
        if not iso_date:
            return True
        day = date.fromisoformat(iso_date)
        return not ((self.since and day < self.since) or (self.until and day > self.until))

    def link_in_range(self, link: Link) -> bool:
        """A link's date against the range: a publication date both ways; a modification date
        (a sitemap's lastmod) only against --since: a page changed after --until may have been
        published before it, a page last changed before --since was published before it too."""
        if link.modified and link.date:
            return not (self.since and date.fromisoformat(link.date) < self.since)
        return self.in_range(link.date)

    @property
    def has_range(self) -> bool:
        return self.since is not None or self.until is not None


# -- the crawl loop ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Task:
    url: str
    target: Target


class _Stop(Exception):
    """The crawl cannot go on (the output cannot be written)."""


class Outcome(enum.Enum):
    """What became of one frontier URL a worker (or a listing read as a release) took."""

    DONE = "done"  # finished here (written elsewhere, unchanged, failed, skipped): mark it done now
    COMMITTING = "committing"  # its line is appended; the group commit records it and marks it done
    LEFT = "left"  # not taken (a stop, the page budget): it stays on the frontier for the next run


class Crawler:
    """Runs one crawl: `stats = await Crawler(config, fetcher, writer).run()`.

    `interrupt(reason)` (from a signal handler) stops taking new URLs, abandons the requests in
    flight (their URLs stay on the state's frontier) and lets `run` return the stats."""

    def __init__(
        self,
        config: CrawlConfig,
        fetcher: Fetcher,
        writer: RecordWriter,
        *,
        state: CrawlState | None = None,
        progress: Progress | None = None,
    ) -> None:
        self.config = config
        self.fetcher = fetcher
        self.writer = writer
        self.state: CrawlState = state or MemoryState()
        self.progress = progress
        self.stats = CrawlStats()
        self._stop = asyncio.Event()
        self._last_error = ""
        self._last_error_kind = ""
        self._targets = {target.start_url: target for target in config.targets}
        self._listing_pages: Counter[str] = Counter()  # listing pages read, per target
        self._links_found: Counter[str] = Counter()  # release links read (listings, feeds, sitemaps), per target
        self._starts_read: list[Target] = []  # targets whose start page answered
        self._starts_failed: set[str] = set()  # start URLs that did not answer: they stay on the frontier
        self._parser = ReleaseParser(0)  # run() starts the parse processes, if any
        self._commits = GroupCommit(
            writer,
            self.state,
            max_lines=self._worker_count(),
            on_commit=self._committed,
            on_failure=self._output_failed,
        )

    def interrupt(self, reason: str) -> None:
        if self.stats.interrupted is None:
            self.stats.interrupted = reason
        self._stop.set()

    def _worker_count(self) -> int:
        return max(1, self.config.fetch.per_host)

    async def run(self) -> CrawlStats:
        """The crawl, start to end. Never hangs on a failure: a URL's failure is that URL's error
        (counted, the crawl goes on); anything else ends the run with `stats.aborted` said.

        Structured concurrency: the workers and the conductor (discovery, then the wait for the
        workers' last URLs) live in one task group, so a worker that dies takes the run down with
        it instead of leaving a queue no one will ever join."""
        workers = self._worker_count()
        self._parser = ReleaseParser(parse_processes(workers))
        queue: asyncio.Queue[_Task] = asyncio.Queue(maxsize=workers * QUEUE_SLOTS_PER_WORKER)
        try:
            await self._parser.start()
            async with asyncio.TaskGroup() as group:
                tasks = [group.create_task(self._work(queue)) for _ in range(workers)]
                group.create_task(self._conduct(queue, tasks))
        except* (StateError, OutputError) as failures:  # the state or output died under discovery
            self._abort(_one_line(failures.exceptions[0]))
        except* Exception as failures:  # a bug of the loop itself: said in one line, never a hang
            error = failures.exceptions[0]
            log.debug("the crawl loop failed", exc_info=error)
            self._abort(f"internal error: {type(error).__name__}: {_one_line(error)}")
        finally:
            await self._parser.aclose()
            self._wind_up()
        return self.stats

    async def _conduct(self, queue: asyncio.Queue[_Task], workers: list[asyncio.Task[None]]) -> None:
        """Discovery, then the wait for the queue to empty, or a stop; then the workers end
        (after a stop: in-flight requests are abandoned, their URLs stay on the frontier)."""
        try:
            await self._unless_stopped(self._discover_and_drain(queue))
        finally:
            for worker in workers:
                worker.cancel()

    async def _discover_and_drain(self, queue: asyncio.Queue[_Task]) -> None:
        await self._discover_all(queue)
        await queue.join()

    async def _unless_stopped(self, work: Coroutine[object, object, None]) -> None:
        """Run `work` until it ends or the crawl is stopped; its exception, if any, is raised."""
        running = asyncio.create_task(work)
        stopped = asyncio.create_task(self._stop.wait())
        try:
            await asyncio.wait([running, stopped], return_when=asyncio.FIRST_COMPLETED)
            if running.done():
                running.result()
        finally:
            for task in (running, stopped):
                task.cancel()
            await asyncio.gather(running, stopped, return_exceptions=True)

    def _wind_up(self) -> None:
        """The end of a run, however it ended: durable lines recorded, the state closed, figures set."""
        self._flush_commits()
        try:
            self.stats.left = self.state.end(self.stats, self.config)
        except StateError as error:
            self._abort(_one_line(error))
        # A start URL that failed stays on the frontier (the next run asks it again first), but it
        # is no work to resume: the summary must not promise that running again finishes anything.
        self.stats.starts_left = min(len(self._starts_failed), self.stats.left)
        self._note_found_nothing()
        self._finish()

    def _note_found_nothing(self) -> None:
        """A target whose start page answered but gave no release link at all (no listing item, no
        feed or sitemap entry, not a release itself), in a run that read everything it could: said
        in the summary with a hint, and the run fails (`CrawlStats.found_nothing`). A scheduler must
        tell "nothing new" (links read, all known) from "read nothing" (a wrong URL or profile)."""
        stats = self.stats
        cut_short = stats.resumed or stats.interrupted or stats.aborted or stats.unfetched or (
            self.config.max_pages is not None and stats.pages >= self.config.max_pages
        )
        some_release = stats.written or stats.unchanged or stats.not_modified or stats.out_of_range or stats.duplicates
        if cut_short or some_release:
            return
        for target in self._starts_read:
            if not self._links_found[target.start_url]:
                stats.found_nothing.append(f"{target.start_url} ({_nothing_found_hint(target)})")

    def _abort(self, reason: str) -> None:
        """The crawl cannot go on (the output or the state cannot be written, a bug of the loop)."""
        if self.stats.aborted is None:
            self.stats.aborted = reason
        self._stop.set()

    def _flush_commits(self) -> None:
        """Make the lines still waiting durable and record them (the end of a run, or a stop)."""
        try:
            self._commits.flush()
        except (OutputError, StateError) as error:
            self._output_failed(error)

    def _committed(self, lines: int) -> None:
        self.stats.written += lines
        if self.progress is not None:
            self.progress.update(self.stats)

    def _output_failed(self, error: Exception) -> None:
        self._abort(_one_line(error))

    def _finish(self) -> None:
        self.stats.elapsed = time.monotonic() - self.stats.started
        self.stats.retries = self.fetcher.stats.retries
        self.stats.requests = self.fetcher.stats.requests
        if self.progress is not None:
            self.progress.close()

    # -- pages and budget ---------------------------------------------------------------------------

    def _take_page(self) -> bool:
        """Count one page against --max-pages; False once the budget is spent."""
        if self.config.max_pages is not None and self.stats.pages >= self.config.max_pages:
            return False
        self.stats.pages += 1
        return True

    async def _get(self, url: str, headers: dict[str, str] | None = None) -> Page | None:
        """Fetch one page, counting and logging a failure (None) instead of raising."""
        try:
            page = await self.fetcher.fetch(url, headers)
            self.stats.fetched += 1
            return page
        except FetchError as error:
            self._count_error(url, error)
            self._last_error, self._last_error_kind = str(error), error.kind
            return None
        except Exception as error:  # noqa: BLE001 - a fetcher bug on one URL is that URL's error
            kind = self._count_internal(url, error)
            self._last_error, self._last_error_kind = _one_line(error), kind
            return None
        finally:
            self.stats.retries = self.fetcher.stats.retries
            if self.progress is not None:
                self.progress.update(self.stats)

    def _count_error(self, url: str, error: Exception, kind: str | None = None) -> None:
        self.stats.errors[kind or error_kind(error)] += 1
        log.warning("%s: %s", url, _one_line(error))

    def _count_internal(self, url: str, error: Exception) -> str:
        """An exception no one foresaw, met on `url`: counted as that URL's error, logged with
        its traceback at debug level; returns its kind ("internal ValueError")."""
        kind = f"{INTERNAL} {type(error).__name__}"
        self.stats.errors[kind] += 1
        log.warning("%s: internal error %s: %s", url, type(error).__name__, _one_line(error))
        log.debug("%s: internal error", url, exc_info=error)
        return kind

    # -- discovery ----------------------------------------------------------------------------------

    async def _discover_all(self, queue: asyncio.Queue[_Task]) -> None:
        resume = self.state.begin(self.config)
        if resume is not None:
            await self._resume(resume, queue)
            return
        for target in self.config.targets:  # all on the frontier first: a kill before the last still resumes it
            self.state.queue([target.start_url], LISTING, target)
        for target in self.config.targets:
            if self._stop.is_set():
                return
            await self._guarded(target, self._discover(target, queue))

    async def _guarded(self, target: Target, walk: Coroutine[object, object, None]) -> None:
        """One target's discovery; an exception no one foresaw cuts that target's listing walk
        short (counted, reported, the crawl not completed) and the crawl goes on with the rest."""
        try:
            await walk
        except (StateError, OutputError, _Stop):
            raise
        except Exception as error:  # noqa: BLE001 - one target's bug must not end the other targets
            self._count_internal(target.start_url, error)
            self.stats.listing_failures.append(f"{target.start_url} (internal error: {type(error).__name__}: {_one_line(error)})")

    async def _resume(self, resume: Resume, queue: asyncio.Queue[_Task]) -> None:
        """Continue the crawl an earlier run left: its queued releases first, then its listings."""
        starts = {target.start_url for target in self.config.targets}
        if resume.pending > sum(url in starts for url, _ in resume.listings):  # more than the start URLs again
            self.stats.resumed = resume.pending
            log.warning("resuming the unfinished crawl: %s left on the frontier", counted(resume.pending, "URL"))
        while not self._stop.is_set() and (batch := resume.releases(QUEUE_SLOTS_PER_WORKER * 4)):
            for url, key in batch:
                if self.state.claim(url):
                    await queue.put(_Task(url, self._target_of(key)))
        for target in self.config.targets:
            if self._stop.is_set():
                return
            left = [url for url, key in resume.listings if self._target_of(key) is target]
            await self._guarded(target, self._resume_target(target, left, queue))

    async def _resume_target(self, target: Target, listings: list[str], queue: asyncio.Queue[_Task]) -> None:
        """Every listing page of `target` still on the frontier is read and followed on; a generic
        target then walks its start page's feeds and the sitemaps again (they are not on the frontier)."""
        if target.has_listing_selectors:
            for url in listings:
                await self._resume_listing(url, target, queue, self._profile_reader(target))
            return
        for url in listings:
            if url != target.start_url:  # the start page is read again just below
                await self._resume_listing(url, target, queue, self._generic_reader(target))
        await self._discover(target, queue)

    async def _resume_listing(self, url: str, target: Target, queue: asyncio.Queue[_Task], read) -> None:
        if self._stop.is_set() or not self._take_page():
            return
        self.state.claim(url)
        page = await self._get(url)
        is_start = url == target.start_url
        if page is None and is_start:  # a failed start is a failure on every run, resumed or not
            self._start_failed(target)
        if page is not None:
            if is_start:
                self._starts_read.append(target)
            await self._follow_listing(page, target, queue, read=read, start=is_start)

    def _start_failed(self, target: Target) -> None:
        self.stats.start_failures.append(f"{target.start_url} ({self._last_error})")
        self._starts_failed.add(target.start_url)

    def _target_of(self, key: str | None) -> Target:
        return self._targets.get(key or "", self.config.targets[0])

    @staticmethod
    def _profile_reader(target: Target) -> Callable[[Page], Listing]:
        return lambda page: read_listing(page.text, page.final_url, target.profile)

    @staticmethod
    def _generic_reader(target: Target) -> Callable[[Page], Listing]:
        return lambda page: read_generic_listing(page.text, page.final_url, target.start_url)

    async def _discover(self, target: Target, queue: asyncio.Queue[_Task]) -> None:
        self.state.claim(target.start_url)
        self.state.queue([target.start_url], LISTING, target)
        if not self._take_page():
            return
        start = await self._get(target.start_url)
        if start is None:
            self._start_failed(target)
            return
        self._starts_read.append(target)
        if start.is_xml:
            await self._enqueue(self._xml_links(start, target), target, queue)
            self.state.done(target.start_url)
            return
        if target.has_listing_selectors:
            await self._follow_listing(start, target, queue, read=self._profile_reader(target))
        else:
            await self._discover_generic(start, target, queue)

    async def _follow_listing(
        self, page: Page, target: Target, queue: asyncio.Queue[_Task], read: Callable[[Page], Listing], *, start: bool = True
    ) -> None:
        """Listing pages from `page` on: queue their links, follow the next page until the end, the
        budget, a page entirely older than --since, (incremental runs) a page of releases all
        already in the output and older than the watermark, a page without a link not listed
        before in this crawl (a pagination trap: empty pages that keep a "next" link), or the cap
        of MAX_LISTING_PAGES per target (reported). Listings are newest first. `start`: `page` is
        the target's start page (without links or a next page, it is a release).

        Each page's links and its next page go on the frontier before the page is marked done, so
        a run killed at any point resumes from the first listing page not fully queued."""
        first = start
        current: Page | None = page
        while current is not None and not self._stop.is_set():
            listing: Listing = read(current)
            if first and not listing.links and not listing.next_url:
                if await self._release(current, target, current.url) is Outcome.DONE:  # the start URL was a release
                    self.state.done(current.url)
                return
            self._listing_pages[target.start_url] += 1
            new_links = self._newly_listed(listing.links)
            self.state.saw(target, listing.links)
            await self._enqueue(listing.links, target, queue)
            if self._stop.is_set():
                return  # the page stays on the frontier: a resumed run reads it again
            settled = self.state.settled(target, listing.links)
            self.stats.listings_settled += settled
            next_url = None if settled or self._entirely_older(listing.links) else listing.next_url
            if next_url is not None and not first and not new_links:
                log.info("%s: no link not listed before: the end of the listing", current.final_url)
                next_url = None
            if next_url is not None and self._listing_pages[target.start_url] >= MAX_LISTING_PAGES:
                self._listing_capped(target)
                next_url = None
            first = False
            follow = next_url is not None and self.state.claim(next_url) and bool(self.state.queue([next_url], LISTING, target))
            self.state.done(current.url)
            if not follow:
                return
            current = await self._get(next_url) if self._take_page() else None

    def _newly_listed(self, links: list[Link]) -> int:
        """How many of a listing page's links no listing page of this crawl has shown before."""
        return sum(self.state.claim(LISTED + link.url) for link in links)

    def _listing_capped(self, target: Target) -> None:
        pages = self._listing_pages[target.start_url]
        log.warning("%s: stopped reading its listing at the cap of %d pages", target.start_url, pages)
        self.stats.listings_capped.append(f"{target.start_url} ({pages} listing pages)")

    def _entirely_older(self, links: list[Link]) -> bool:
        since = self.config.since
        return bool(since and links and all(link.date and date.fromisoformat(link.date) < since for link in links))

    async def _discover_generic(self, start: Page, target: Target, queue: asyncio.Queue[_Task]) -> None:
        """No profile: links under the start path with pagination, then feeds, then sitemaps.

        With --since/--until the sitemaps come first: their lastmod dates tell which pages lie
        before --since, and the plain links of the listing (no dates) would have them fetched."""
        if self.config.has_range:
            await self._walk_sitemaps(target, queue)
        await self._follow_listing(start, target, queue, read=self._generic_reader(target))
        for feed_url in feed_links(start.text, start.final_url):
            if self.state.claim(feed_url) and self._take_page():
                feed = await self._get(feed_url)
                if feed is not None:
                    await self._enqueue(self._xml_links(feed, target), target, queue)
        if not self.config.has_range:
            await self._walk_sitemaps(target, queue)

    async def _walk_sitemaps(self, target: Target, queue: asyncio.Queue[_Task]) -> None:
        for sitemap_url in await self._sitemap_urls(target.start_url):
            await self._walk_sitemap(sitemap_url, target, queue, depth=0)

    async def _sitemap_urls(self, start_url: str) -> list[str]:
        try:
            named = await self.fetcher.robots_sitemaps(start_url)
        except FetchError:
            named = []
        candidates = named or [origin_of(start_url) + SITEMAP_DEFAULT_PATH]
        return [url for url in candidates if origin_of(url) == origin_of(start_url)]

    async def _walk_sitemap(self, url: str, target: Target, queue: asyncio.Queue[_Task], depth: int) -> None:
        if depth > MAX_SITEMAP_DEPTH or self._stop.is_set() or not self.state.claim(url) or not self._take_page():
            return
        page = await self._get(url)
        if page is None:
            return
        try:
            sitemap = read_sitemap(page.body if page.is_xml else page.text, page.final_url)
        except ExtractionError as error:
            self._count_error(url, error, BAD_XML)
            return
        under = [link for link in sitemap.pages if is_under(link.url, target.start_url)]
        await self._enqueue(under, target, queue)
        for child in sitemap.sitemaps:
            await self._walk_sitemap(child, target, queue, depth + 1)

    def _xml_links(self, page: Page, target: Target) -> list[Link]:
        """Links from a feed or sitemap fetched as a start page or announced by one."""
        try:
            root_is_sitemap = b"<urlset" in page.body[:2048] or b"<sitemapindex" in page.body[:2048]
            if root_is_sitemap:
                return read_sitemap(page.body, page.final_url).pages
            return read_feed(page.body, page.final_url)
        except ExtractionError as error:
            self._count_error(page.final_url, error, BAD_XML)
            return []

    async def _enqueue(self, links: Iterable[Link], target: Target, queue: asyncio.Queue[_Task]) -> None:
        """Queue the in-range links not seen yet, on the state's frontier first, then for the workers."""
        candidates: list[str] = []
        for link in links:
            self._links_found[target.start_url] += 1
            if not self.state.claim(link.url):
                continue  # seen before (and counted then, if it was out of range): counted once
            if not self.config.link_in_range(link):
                self.stats.out_of_range += 1  # known to lie outside --since/--until: never fetched
            else:
                candidates.append(link.url)
        for url in self.state.queue(candidates, RELEASE, target):  # a resumed run skips what was done
            if self._stop.is_set():
                return
            await queue.put(_Task(url, target))  # waits while the workers are busy: flat memory

    # -- workers ------------------------------------------------------------------------------------

    async def _work(self, queue: asyncio.Queue[_Task]) -> None:
        """A worker: one URL at a time until cancelled. Every failure of one URL is that URL's
        error; a state or output that cannot be written stops the crawl (said in `aborted`)."""
        while True:
            task = await queue.get()
            try:
                if await self._visit_guarded(task) is Outcome.DONE:
                    self.state.done(task.url)
            except (_Stop, StateError, OutputError) as error:
                self._abort(_one_line(error))
            finally:
                queue.task_done()

    async def _visit_guarded(self, task: _Task) -> Outcome:
        try:
            return await self._visit(task)
        except (_Stop, StateError, OutputError):
            raise
        except Exception as error:  # noqa: BLE001 - a bug met on one URL is that URL's error
            kind = self._count_internal(task.url, error)
            self.state.failed(task.url, kind, _one_line(error))
            return Outcome.DONE

    async def _visit(self, task: _Task) -> Outcome:
        """Fetch, parse and write one release URL."""
        if self._stop.is_set():
            return Outcome.LEFT
        if not self.state.due(task.url):
            self.stats.dead_skipped += 1  # a dead link of an earlier run, backed off
            return Outcome.DONE
        if not self._take_page():
            self.stats.unfetched += 1
            return Outcome.LEFT
        page = await self._get(task.url, self.state.conditional_headers(task.url))
        if page is None:
            self.state.failed(task.url, self._last_error_kind, self._last_error)
            return Outcome.DONE
        if page.not_modified:
            self.stats.not_modified += 1
            self.state.not_modified(task.url, page)
            return Outcome.DONE
        if page.final_url != task.url and not self.state.claim(page.final_url):
            self.stats.duplicates += 1  # a redirect to a page this crawl already has
            self.state.failed(task.url, DUPLICATE, f"redirects to {page.final_url}, already crawled")
            return Outcome.DONE
        return await self._release(page, task.target, task.url)

    async def _release(self, page: Page, target: Target, frontier_url: str) -> Outcome:
        """Parse, filter, de-duplicate and write one release page: COMMITTING when its line was
        appended (the group commit then records it and marks `frontier_url` done), else DONE."""
        record = await self._parse(page, target, frontier_url)
        if record is None:
            return Outcome.DONE
        if not self.config.in_range(record.date):
            self.stats.out_of_range += 1
            return Outcome.DONE
        if not self._first_of_its_kind(record, page):
            self.stats.duplicates += 1
            self.state.failed(frontier_url, DUPLICATE, "the same release as another URL of this crawl")
            return Outcome.DONE
        verdict, record = self.state.prepare(record, page)
        if verdict == DUPLICATE:
            self.stats.duplicates += 1
            self.state.failed(frontier_url, DUPLICATE, "the same release as another URL already written")
        if verdict != WRITE:
            self.stats.unchanged += verdict == UNCHANGED
            return Outcome.DONE
        try:
            self._commits.add(record, page, frontier_url)  # the state hears of it once it is durable
        except OutputError as error:
            raise _Stop(str(error)) from error
        return Outcome.COMMITTING

    async def _parse(self, page: Page, target: Target, frontier_url: str) -> PressRelease | None:
        """The page's record, or None (counted, and told to the state for `frontier_url`)."""
        if page.is_xml:
            self.stats.not_releases += 1
            self.state.failed(frontier_url, NOT_A_RELEASE, "a feed or sitemap, not a page")
            return None
        try:
            return await self._parser.parse(page.text, page.final_url, target.site)
        except ExtractionError as error:
            self.stats.not_releases += 1
            self.state.failed(frontier_url, NOT_A_RELEASE, str(error))
            log.info("%s: not a release page (%s)", page.final_url, error)
        except Exception as error:  # noqa: BLE001 - a parser bug on one page must not end a long crawl
            self._count_error(page.final_url, error)
            self.state.failed(frontier_url, error_kind(error), str(error))
        return None

    def _first_of_its_kind(self, record: PressRelease, page: Page) -> bool:
        """One line per release: the same canonical page, or the same content, is written once."""
        identity = _canonical_identity(record.canonical_url, page.final_url)
        content = record.content_hash or record.compute_content_hash()
        first_identity = self.state.claim("release:" + identity)
        first_content = self.state.claim("content:" + content)
        return first_identity and first_content


def _nothing_found_hint(target: Target) -> str:
    """Why a start page may give no release link, and what to try: the profile it was read with."""
    if target.has_listing_selectors:
        return f"read as the {target.profile.site} listing, it lists no release: check the URL is its listing page"
    sites = ", ".join(sorted(name for name, profile in PROFILES.items() if profile.LISTING_ITEM))
    return (
        "read as a generic page: no link to a release under its path, no feed, no sitemap; "
        f"give --site ({sites}) if it is a known newsroom, or check the URL is its listing page"
    )


def _canonical_identity(canonical_url: str | None, final_url: str) -> str:
    """The URL a release is known by: its canonical link, unless that cannot be read (a port of
    99999, an unclosed "["), then the URL it was fetched from."""
    if not canonical_url:
        return final_url
    try:
        return normalize_url(canonical_url, final_url)
    except ValueError:
        return final_url


def _one_line(error: BaseException) -> str:
    """An error as one line of a message (a reason may hold a newline a server sent)."""
    text = " ".join(str(error).split()) or type(error).__name__
    return text if len(text) <= MAX_MESSAGE else text[: MAX_MESSAGE - 3] + "..."


async def crawl(
    config: CrawlConfig,
    writer: RecordWriter,
    *,
    state: CrawlState | None = None,
    progress: Progress | None = None,
    fetcher: Fetcher | None = None,
    stop_signals: tuple[signal.Signals, ...] = (),
) -> CrawlStats:
    """Run a crawl with a fetcher scoped to the targets (or the one given, for tests).

    `stop_signals` (the CLI passes SIGINT and SIGTERM): the first stops the crawl gracefully (the
    stats say `interrupted`), a second ends the process at once with 128 + the signal number; the
    state's frontier and the output's repair make the next run recover either way."""
    async with contextlib.AsyncExitStack() as resources:
        if fetcher is None:
            fetcher = await resources.enter_async_context(Fetcher(config.fetch, scope=config.scope()))
        crawler = Crawler(config, fetcher, writer, state=state, progress=progress)
        resources.enter_context(_stopping_on(stop_signals, crawler))
        return await crawler.run()


@contextlib.contextmanager
def _stopping_on(signals: tuple[signal.Signals, ...], crawler: Crawler) -> Iterator[None]:
    """Install the stop handlers for the crawl's lifetime; restore the previous ones after."""
    loop = asyncio.get_running_loop()

    def handle(number: int, frame: object) -> None:
        name = signal.Signals(number).name
        if crawler.stats.interrupted is not None:
            os._exit(128 + number)  # the second signal: at once; the next run repairs and resumes
        sys.stderr.write(f"pressroom: {name}: finishing up (send it again to quit at once)\n")
        loop.call_soon_threadsafe(crawler.interrupt, name)
        crawler.stats.interrupted = name  # so a second signal before the loop wakes still quits

    previous = {number: signal.signal(number, handle) for number in signals}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
