"""The crawl: discovery (listings, pagination, feeds, sitemaps), the frontier, fetch -> parse -> write.

    discovery (one producer per crawl)             workers (--concurrency of them)
    ─────────────────────────────────              ─────────────────────────────────
    profile listing: items + next page       ──►   bounded queue   ──►   fetch (state's conditional
    generic: links under the start path,                                 headers) -> parse -> dedupe
             rel=next, feeds, sitemaps                                   -> write -> state.written()

Memory stays flat on any crawl size: the queue between discovery and the workers is bounded, so
discovery reads the next listing page only when the workers have caught up; records are written
as they are made and never kept; what was seen is kept as 8-byte digests (`MemoryState`), which the
SQLite state store of issue 5 replaces through the `CrawlState` protocol.

Discovery is pure functions over (text, url, profile), so it is tested without a network.
"""

from __future__ import annotations

import asyncio
import email.utils
import hashlib
import logging
import re
import sys
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol, TextIO
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring as parse_xml_safely
from selectolax.lexbor import LexborHTMLParser, LexborNode

from schemas import PressRelease
from scraper.dates import find_date, parse_iso
from scraper.errors import BlockedError, ExtractionError, FetchError, OutputError
from scraper.fetch import Fetcher, FetchSettings, Page, Scope
from scraper.page import ReleasePage
from scraper.parse import parse
from scraper.sites import PROFILES, profile_for
from scraper.urls import is_under, is_web_url, normalize_url, origin_of

log = logging.getLogger(__name__)

# Generic pagination: an explicit rel=next first, then the usual pager classes, then link text.
GENERIC_NEXT = 'link[rel~="next"], a[rel~="next"], .pager-next a, .pagination .next a, a.next, .next a'
NEXT_TEXT = re.compile(r"^\s*(?:next|older|more|suivant|weiter|далее|следующая)\b|^\s*[›»>]+\s*$", re.I)
FEED_LINK = 'link[rel~="alternate"][type="application/rss+xml"], link[rel~="alternate"][type="application/atom+xml"]'
ANCHOR = "a[href]"
# Links that are never a release page; skipped before any request (the fetcher would refuse them anyway).
NOT_A_PAGE = re.compile(
    r"\.(?:pdf|docx?|xlsx?|pptx?|odt|ods|rtf|zip|gz|rar|7z|jpe?g|png|gif|svg|webp|tiff?|mp[34]|m4a|wav|avi|mov|wmv|ics|csv|epub)$",
    re.I,
)
SITEMAP_DEFAULT_PATH = "/sitemap.xml"
MAX_SITEMAP_DEPTH = 3  # index -> index -> urlset is as deep as real sites go
QUEUE_SLOTS_PER_WORKER = 4  # how far discovery may run ahead of the workers
PLAIN_PROGRESS_INTERVAL = 10.0  # seconds between progress lines when stderr is not a terminal


# -- discovery: pure functions ----------------------------------------------------------------------


@dataclass(frozen=True)
class Link:
    """A release candidate found by discovery, with the date the listing gave it (ISO), if any."""

    url: str
    date: str | None = None


@dataclass(frozen=True)
class Listing:
    """What one listing page offers: release links and the next listing page."""

    links: list[Link]
    next_url: str | None


@dataclass(frozen=True)
class Sitemap:
    """A sitemap: page entries (urlset) and/or child sitemaps (sitemapindex)."""

    pages: list[Link]
    sitemaps: list[str]


def _href(node: LexborNode | None, base: str) -> str | None:
    """The absolute, normalized http(s) URL a node links to; None for mailto:, javascript:, files."""
    href = (node.attributes.get("href") or "").strip() if node is not None else ""
    if not href or href.startswith("#"):
        return None
    try:
        url = normalize_url(href, base)
    except ValueError:
        return None
    if not is_web_url(url) or NOT_A_PAGE.search(url.split("?", 1)[0]):
        return None
    return url


def _date_in(text: str) -> str | None:
    found = find_date(text)
    return found.iso() if found else None


def read_listing(html: str, url: str, profile: type[ReleasePage]) -> Listing:
    """Release links (with their listed dates) and the next page, by the profile's selectors."""
    tree = LexborHTMLParser(html)
    links: list[Link] = []
    for item in tree.css(profile.LISTING_ITEM or ""):
        target = _href(item.css_first(profile.LISTING_LINK or "a[href]"), url)
        if target is None:
            continue
        date_node = item.css_first(profile.LISTING_DATE) if profile.LISTING_DATE else None
        links.append(Link(target, _date_in(date_node.text()) if date_node is not None else None))
    next_node = tree.css_first(profile.LISTING_NEXT) if profile.LISTING_NEXT else None
    return Listing(links, _href(next_node, url))


def read_generic_listing(html: str, url: str, start_url: str) -> Listing:
    """Without a profile: every link under the start URL's path, and rel=next/"next" pagination."""
    tree = LexborHTMLParser(html)
    next_url = next_page(tree, url)
    here = normalize_url(url)
    seen: set[str] = set()
    links: list[Link] = []
    for anchor in tree.css(ANCHOR):
        target = _href(anchor, url)
        if target is None or target in seen or target in (here, next_url) or not is_under(target, start_url):
            continue
        seen.add(target)
        links.append(Link(target))
    return Listing(links, next_url)


def next_page(tree: LexborHTMLParser, url: str) -> str | None:
    """The next listing page: rel=next, a pager class, else a link whose text says "next"."""
    found = _href(tree.css_first(GENERIC_NEXT), url)
    if found:
        return found
    for anchor in tree.css(ANCHOR):
        if NEXT_TEXT.search(anchor.text(strip=True)):
            return _href(anchor, url)
    return None


def feed_links(html: str, url: str) -> list[str]:
    """RSS and Atom feeds the page announces with <link rel=alternate>."""
    tree = LexborHTMLParser(html)
    return [found for node in tree.css(FEED_LINK) if (found := _href(node, url))]


def _xml_root(xml: str | bytes, url: str) -> Element:
    """Parse XML safely: no entity expansion, no external entities, no DTD tricks."""
    try:
        return parse_xml_safely(xml.encode("utf-8") if isinstance(xml, str) else xml, forbid_dtd=False)
    except (ParseError, DefusedXmlException, ValueError) as error:
        raise ExtractionError(f"{url}: not well-formed or unsafe XML ({type(error).__name__})") from error


def _local(element: Element) -> str:
    return element.tag.rsplit("}", 1)[-1].lower() if isinstance(element.tag, str) else ""


def _child_text(element: Element, name: str) -> str:
    for child in element:
        if _local(child) == name:
            return (child.text or "").strip()
    return ""


def read_sitemap(xml: str | bytes, url: str) -> Sitemap:
    """Entries of a sitemap (`<urlset>`: pages with lastmod) or a sitemap index (`<sitemapindex>`)."""
    root = _xml_root(xml, url)
    pages: list[Link] = []
    sitemaps: list[str] = []
    for entry in root:
        kind = _local(entry)
        loc = _absolute(_child_text(entry, "loc"), url, page=kind == "url")
        if loc is None:
            continue
        if kind == "sitemap":
            sitemaps.append(loc)
        elif kind == "url":
            lastmod = parse_iso(_child_text(entry, "lastmod"))
            pages.append(Link(loc, lastmod.iso() if lastmod else None))
    return Sitemap(pages, sitemaps)


def read_feed(xml: str | bytes, url: str) -> list[Link]:
    """Items of an RSS 2.0 or Atom feed, with their publication dates."""
    root = _xml_root(xml, url)
    links: list[Link] = []
    for entry in root.iter():
        kind = _local(entry)
        if kind == "item":  # RSS
            target = _absolute(_child_text(entry, "link"), url)
            published = _rss_date(_child_text(entry, "pubdate"))
        elif kind == "entry":  # Atom
            target = _absolute(_atom_link(entry), url)
            stamp = _child_text(entry, "published") or _child_text(entry, "updated")
            published = (found.iso() if (found := parse_iso(stamp)) else None) if stamp else None
        else:
            continue
        if target is not None:
            links.append(Link(target, published))
    return links


def _atom_link(entry: Element) -> str:
    for child in entry:
        if _local(child) == "link" and child.get("rel", "alternate") == "alternate":
            return child.get("href", "")
    return ""


def _rss_date(value: str) -> str | None:
    if not value:
        return None
    try:
        return email.utils.parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError):
        return _date_in(value)


def _absolute(value: str, base: str, *, page: bool = True) -> str | None:
    if not value:
        return None
    try:
        url = normalize_url(value, base)
    except ValueError:
        return None
    if not is_web_url(url) or (page and NOT_A_PAGE.search(url.split("?", 1)[0])):
        return None
    return url


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


# -- state: where issue 5's store plugs in ----------------------------------------------------------


class CrawlState(Protocol):
    """What the crawl asks of a state store. `MemoryState` is the one-run, in-memory version."""

    def claim(self, key: str) -> bool:
        """True the first time `key` (a URL, canonical URL or content hash) is claimed in this crawl."""

    def conditional_headers(self, url: str) -> dict[str, str]:
        """If-None-Match / If-Modified-Since for `url`, from what was stored about it."""

    def not_modified(self, url: str) -> None:
        """The server answered 304 for `url`."""

    def written(self, record: PressRelease, page: Page) -> None:
        """`record` is durably in the output (called only after the line is written)."""


class MemoryState:
    """Seen keys as 8-byte BLAKE2b digests: about 80 bytes a URL, however long the URL is."""

    def __init__(self) -> None:
        self._seen: set[bytes] = set()

    def claim(self, key: str) -> bool:
        digest = hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest()
        if digest in self._seen:
            return False
        self._seen.add(digest)
        return True

    def conditional_headers(self, url: str) -> dict[str, str]:
        return {}

    def not_modified(self, url: str) -> None:
        pass

    def written(self, record: PressRelease, page: Page) -> None:
        pass


class RecordWriter(Protocol):
    """The part of scraper.jsonl.JsonlWriter the crawl uses."""

    def write(self, record: PressRelease) -> None: ...


# -- statistics and progress ------------------------------------------------------------------------


@dataclass
class CrawlStats:
    """The figures of one crawl: shown as progress, summarized at the end, saved by --stats."""

    pages: int = 0  # pages taken from the budget (listings, feeds, sitemaps, releases), failed ones included
    written: int = 0
    duplicates: int = 0
    not_releases: int = 0
    out_of_range: int = 0
    not_modified: int = 0
    unfetched: int = 0  # candidates left when --max-pages was reached
    retries: int = 0
    requests: int = 0
    errors: Counter[str] = field(default_factory=Counter)
    start_failures: list[str] = field(default_factory=list)
    aborted: str | None = None
    started: float = field(default_factory=time.monotonic)
    elapsed: float = 0.0

    @property
    def error_count(self) -> int:
        return sum(self.errors.values())

    @property
    def completed(self) -> bool:
        """The crawl ran to its end: every start reached and the output kept writable."""
        return not self.start_failures and self.aborted is None

    def rate(self) -> float:
        elapsed = self.elapsed or (time.monotonic() - self.started)
        return self.pages / elapsed if elapsed > 0 else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "completed": self.completed,
            "pages_fetched": self.pages,
            "records_written": self.written,
            "duplicates_skipped": self.duplicates,
            "not_release_pages": self.not_releases,
            "out_of_date_range": self.out_of_range,
            "not_modified": self.not_modified,
            "not_fetched_page_limit": self.unfetched,
            "requests": self.requests,
            "retries": self.retries,
            "errors": self.error_count,
            "errors_by_kind": dict(sorted(self.errors.items())),
            "start_failures": list(self.start_failures),
            "aborted": self.aborted,
            "elapsed_seconds": round(self.elapsed, 3),
            "pages_per_second": round(self.rate(), 3),
        }

    def summary(self) -> str:
        """One paragraph for a person."""
        parts = [
            f"Crawl {'completed' if self.completed else 'did not complete'} in {self.elapsed:.1f} s: "
            f"{self.pages} pages fetched ({self.rate():.2f}/s, {self.requests} requests, {self.retries} retries), "
            f"{self.written} records written",
        ]
        skipped = [
            (self.duplicates, "duplicates"),
            (self.not_releases, "not release pages"),
            (self.out_of_range, "outside the date range"),
            (self.not_modified, "not modified"),
            (self.unfetched, "left unfetched at the page limit"),
        ]
        parts += [f"{count} {what}" for count, what in skipped if count]
        errors = ", ".join(f"{count} {kind}" for kind, count in sorted(self.errors.items()))
        parts.append(f"{self.error_count} errors ({errors})" if errors else "no errors")
        text = ", ".join(parts) + "."
        if self.start_failures:
            text += " Could not start from: " + "; ".join(self.start_failures) + "."
        if self.aborted:
            text += f" Stopped: {self.aborted}."
        return text


class Progress:
    """Progress on stderr: a tqdm bar on a terminal, a plain line every few seconds otherwise."""

    def __init__(self, stream: TextIO | None = None, *, total: int | None = None, interval: float = PLAIN_PROGRESS_INTERVAL) -> None:
        self.stream = stream or sys.stderr
        self.interval = interval
        self._last = time.monotonic()
        self._bar = None
        if self.stream.isatty():
            from tqdm import tqdm

            self._bar = tqdm(total=total, unit="page", file=self.stream, dynamic_ncols=True, leave=False)

    def update(self, stats: CrawlStats) -> None:
        if self._bar is not None:
            self._bar.n = stats.pages
            self._bar.set_postfix(written=stats.written, errors=stats.error_count, retries=stats.retries, refresh=False)
            self._bar.refresh()
            return
        now = time.monotonic()
        if now - self._last >= self.interval:
            self._last = now
            self.stream.write(self.line(stats) + "\n")
            self.stream.flush()

    @staticmethod
    def line(stats: CrawlStats) -> str:
        return (
            f"pressroom: {stats.pages} pages, {stats.written} written, {stats.rate():.2f} pages/s, "
            f"{stats.error_count} errors, {stats.retries} retries"
        )

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()


# -- the crawl loop ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Task:
    url: str
    target: Target


class _Stop(Exception):
    """The crawl cannot go on (the output cannot be written)."""


class Crawler:
    """Runs one crawl: `stats = await Crawler(config, fetcher, writer).run()`."""

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

    async def run(self) -> CrawlStats:
        workers = max(1, self.config.fetch.per_host)
        queue: asyncio.Queue[_Task] = asyncio.Queue(maxsize=workers * QUEUE_SLOTS_PER_WORKER)
        tasks = [asyncio.create_task(self._work(queue)) for _ in range(workers)]
        try:
            for target in self.config.targets:
                if self._stop.is_set():
                    break
                await self._discover(target, queue)
            await self._drain(queue, tasks)
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            self._finish()
        return self.stats

    async def _drain(self, queue: asyncio.Queue[_Task], tasks: list[asyncio.Task[None]]) -> None:
        """Wait for the queue to empty, or for a worker to stop the crawl."""
        joined = asyncio.create_task(queue.join())
        stopped = asyncio.create_task(self._stop.wait())
        await asyncio.wait([joined, stopped], return_when=asyncio.FIRST_COMPLETED)
        joined.cancel()
        stopped.cancel()

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
            return await self.fetcher.fetch(url, headers)
        except FetchError as error:
            self._count_error(url, error)
            self._last_error = str(error)
            return None
        finally:
            self.stats.retries = self.fetcher.stats.retries
            if self.progress is not None:
                self.progress.update(self.stats)

    def _count_error(self, url: str, error: Exception) -> None:
        kind = _error_kind(error)
        self.stats.errors[kind] += 1
        log.warning("%s: %s", url, error)

    # -- discovery ----------------------------------------------------------------------------------

    async def _discover(self, target: Target, queue: asyncio.Queue[_Task]) -> None:
        self.state.claim(target.start_url)
        if not self._take_page():
            return
        start = await self._get(target.start_url)
        if start is None:
            self.stats.start_failures.append(f"{target.start_url} ({self._last_error})")
            return
        if start.is_xml:
            await self._enqueue(self._xml_links(start, target), target, queue)
            return
        if target.has_listing_selectors:
            await self._follow_listing(start, target, queue, read=lambda page: read_listing(page.text, page.final_url, target.profile))
        else:
            await self._discover_generic(start, target, queue)

    async def _follow_listing(self, page: Page, target: Target, queue: asyncio.Queue[_Task], read) -> None:
        """Listing pages from `page` on: queue their links, follow the next page until the end,
        the budget, or a page entirely older than --since (listings are newest first)."""
        first = True
        current: Page | None = page
        while current is not None and not self._stop.is_set():
            listing: Listing = read(current)
            if first and not listing.links and not listing.next_url:
                await self._release(current, target)  # the start URL was a release, not a listing
                return
            first = False
            await self._enqueue(listing.links, target, queue)
            if self._entirely_older(listing.links) or not listing.next_url or not self.state.claim(listing.next_url):
                return
            current = await self._get(listing.next_url) if self._take_page() else None

    def _entirely_older(self, links: list[Link]) -> bool:
        since = self.config.since
        return bool(since and links and all(link.date and date.fromisoformat(link.date) < since for link in links))

    async def _discover_generic(self, start: Page, target: Target, queue: asyncio.Queue[_Task]) -> None:
        """No profile: links under the start path with pagination, then feeds, then sitemaps."""
        await self._follow_listing(
            start, target, queue, read=lambda page: read_generic_listing(page.text, page.final_url, target.start_url)
        )
        for feed_url in feed_links(start.text, start.final_url):
            if self.state.claim(feed_url) and self._take_page():
                feed = await self._get(feed_url)
                if feed is not None:
                    await self._enqueue(self._xml_links(feed, target), target, queue)
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
            self._count_error(url, error)
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
            self._count_error(page.final_url, error)
            return []

    async def _enqueue(self, links: Iterable[Link], target: Target, queue: asyncio.Queue[_Task]) -> None:
        for link in links:
            if self._stop.is_set():
                return
            if not self.config.in_range(link.date):
                self.stats.out_of_range += 1
                continue
            if self.state.claim(link.url):
                await queue.put(_Task(link.url, target))  # waits while the workers are busy: flat memory

    # -- workers ------------------------------------------------------------------------------------

    async def _work(self, queue: asyncio.Queue[_Task]) -> None:
        while True:
            task = await queue.get()
            try:
                await self._visit(task)
            except _Stop as error:
                self.stats.aborted = str(error)
                self._stop.set()
            finally:
                queue.task_done()

    async def _visit(self, task: _Task) -> None:
        if self._stop.is_set():
            return
        if not self._take_page():
            self.stats.unfetched += 1
            return
        page = await self._get(task.url, self.state.conditional_headers(task.url))
        if page is None:
            return
        if page.not_modified:
            self.stats.not_modified += 1
            self.state.not_modified(task.url)
            return
        if page.final_url != task.url and not self.state.claim(page.final_url):
            self.stats.duplicates += 1  # a redirect to a page this crawl already has
            return
        await self._release(page, task.target)

    async def _release(self, page: Page, target: Target) -> None:
        """Parse, filter, de-duplicate and write one release page."""
        record = self._parse(page, target)
        if record is None:
            return
        if not self.config.in_range(record.date):
            self.stats.out_of_range += 1
            return
        if not self._first_of_its_kind(record, page):
            self.stats.duplicates += 1
            return
        try:
            self.writer.write(record)
        except OutputError as error:
            raise _Stop(str(error)) from error
        self.stats.written += 1
        self.state.written(record, page)
        if self.progress is not None:
            self.progress.update(self.stats)

    def _parse(self, page: Page, target: Target) -> PressRelease | None:
        if page.is_xml:
            self.stats.not_releases += 1
            return None
        try:
            return parse(page.text, page.final_url, target.site)
        except ExtractionError as error:
            self.stats.not_releases += 1
            log.info("%s: not a release page (%s)", page.final_url, error)
        except Exception as error:  # noqa: BLE001 - a parser bug on one page must not end a long crawl
            self._count_error(page.final_url, error)
        return None

    def _first_of_its_kind(self, record: PressRelease, page: Page) -> bool:
        """One line per release: the same canonical page, or the same content, is written once."""
        identity = normalize_url(record.canonical_url, page.final_url) if record.canonical_url else page.final_url
        content = record.content_hash or record.compute_content_hash()
        first_identity = self.state.claim("release:" + identity)
        first_content = self.state.claim("content:" + content)
        return first_identity and first_content


def _error_kind(error: Exception) -> str:
    """A short name to count errors by: "blocked", "http 404", "too large", "timeout"..."""
    if isinstance(error, BlockedError):
        return "blocked"
    status = getattr(error, "status", 0)
    if status:
        return f"http {status}"
    names = {"TooLargeError": "too large", "ContentTypeError": "not html", "ExtractionError": "bad xml"}
    if type(error).__name__ in names:
        return names[type(error).__name__]
    if isinstance(error, FetchError):
        message = str(error)
        return "timeout" if "no complete answer" in message else "redirect" if "redirect" in message else "network"
    return f"parser {type(error).__name__}"


async def crawl(
    config: CrawlConfig,
    writer: RecordWriter,
    *,
    state: CrawlState | None = None,
    progress: Progress | None = None,
    fetcher: Fetcher | None = None,
) -> CrawlStats:
    """Run a crawl with a fetcher scoped to the targets (or the one given, for tests)."""
    if fetcher is not None:
        return await Crawler(config, fetcher, writer, state=state, progress=progress).run()
    async with Fetcher(config.fetch, scope=config.scope()) as own:
        return await Crawler(config, own, writer, state=state, progress=progress).run()
