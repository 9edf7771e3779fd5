"""The work of one task: read a listing (or feed, or sitemap) and fill the frontier, or fetch, parse
and write one release. Plain async code on a `PostgresStateStore` and a fetcher; the Celery wiring
is scraper/distributed/tasks.py.

Every unit is idempotent, so a message delivered twice (a worker killed before it acknowledged, a
task sent again by the sweeper) does no harm:

1. the task leases its frontier URL (`PostgresStateStore.lease`): a URL already done is a no-op, a
   URL another live task holds is left to it (if that task dies, the lease expires and the sweeper
   sends the URL again);
2. it fetches through the shared politeness gates, and parses with the pure parser;
3. one transaction then claims the release for this URL (one record per release across workers),
   plans the version under the URL's row lock, inserts the record unless (url, version) is there,
   records the version and validators, the outcome, and marks the URL done. A worker killed before
   the commit leaves nothing: the URL is redone. After the commit, a replay finds it done.

A listing's links are pushed (and its next page) in one transaction that also marks the listing
done; the tasks for them are sent after the commit (a discovery task per listing, a host task per
origin of the releases: scraper/distributed/tasks.py), and the ones lost are found by the sweeper.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import Protocol

from scraper.discovery import Link, feed_links, read_feed, read_generic_listing, read_listing, read_sitemap
from scraper.distributed import jobs
from scraper.distributed.records import insert_record
from scraper.errors import ExtractionError, FetchError
from scraper.fetch import Page
from scraper.incremental import DUPLICATE, KIND_SEPARATOR, LISTING, NOT_A_RELEASE, RELEASE, sendable, validators_of
from scraper.parse import parse
from scraper.progress import error_kind
from scraper.sites import profile_for
from scraper.state.base import LEASED, FrontierItem, iso_now, utc_now
from scraper.state.postgres import PostgresStateStore
from scraper.urls import normalize_url, origin_of

log = logging.getLogger(__name__)

SITEMAP_ROOTS = (b"<urlset", b"<sitemapindex")


class PageFetcher(Protocol):
    async def fetch(self, url: str, headers: dict[str, str] | None = None) -> Page: ...


@dataclass(frozen=True)
class Sends:
    """Tasks to send once the transaction that queued their URLs has committed."""

    listings: list[str]
    releases: list[str]


NOTHING = Sends([], [])


class _Duplicate(Exception):
    """Rolls back a release's claims: another URL of the job holds this release."""


class JobWork:
    """The units of work of one job, in one worker process."""

    def __init__(self, job: jobs.Job, store: PostgresStateStore, fetcher: PageFetcher) -> None:
        self.job = job
        self.store = store
        self.fetcher = fetcher

    # -- discovery -------------------------------------------------------------------------------

    async def discover(self, url: str) -> tuple[str, Sends]:
        """Read one listing page, feed or sitemap of the job; queue what it links to."""
        verdict, item = self.store.lease(url)
        if verdict != LEASED or item is None:
            return verdict, NOTHING
        started = time.time()
        try:
            page = await self.fetcher.fetch(url)
        except FetchError as error:
            self._finish(url, jobs.FAILED, f"{error.kind}{KIND_SEPARATOR}{error}", started)
            return jobs.FAILED, NOTHING
        start_url = item.site or url
        links, more = self._read(page, start_url)
        if url == start_url and not links and not more and not page.is_xml:
            return await self._release(page, url, start_url, started), NOTHING  # the start URL is a release
        in_range = [link.url for link in links if self.job.in_range(link.date)]
        since = self.job.since
        if since and links and all(link.date and link.date < since.isoformat() for link in links):
            more = []  # listings are newest first: the next page is older still
        with self.store.batch():
            self.store.push_new(in_range, kind=RELEASE, site=start_url)
            self.store.push_new(more, kind=LISTING, site=start_url)
            sends = Sends(self.store.queued_among(more), self.store.queued_among(in_range))
            jobs.mark_sent(self.store.connection(), self.job.id, sends.listings)
            self._finish(url, jobs.LISTING_READ, None, started)
        return jobs.LISTING_READ, sends

    def _read(self, page: Page, start_url: str) -> tuple[list[Link], list[str]]:
        """(release links, more listing URLs: next page, feeds, child sitemaps) of one page."""
        if page.is_xml:
            try:
                if any(root in page.body[:2048] for root in SITEMAP_ROOTS):
                    sitemap = read_sitemap(page.body, page.final_url)
                    return sitemap.pages, sitemap.sitemaps
                return read_feed(page.body, page.final_url), []
            except ExtractionError as error:
                log.warning("%s: %s", page.final_url, error)
                return [], []
        profile = profile_for(start_url, self.job.site_of(start_url))
        if profile.LISTING_ITEM:
            listing = read_listing(page.text, page.final_url, profile)
        else:
            listing = read_generic_listing(page.text, page.final_url, start_url)
        more = [listing.next_url] if listing.next_url else []
        if page.url == start_url and not profile.LISTING_ITEM:
            more += feed_links(page.text, page.final_url)
        return listing.links, more

    # -- releases --------------------------------------------------------------------------------

    async def fetch_release(self, url: str, leased: FrontierItem | None = None) -> str:
        """Fetch, parse and write one release URL of the job (`leased`: its frontier item, already
        leased by this store); returns its outcome."""
        item = leased
        if item is None:
            verdict, item = self.store.lease(url)
            if verdict != LEASED or item is None:
                return verdict
        started = time.time()
        try:
            page = await self.fetcher.fetch(url, self._conditional_headers(url))
        except FetchError as error:
            return self._failed(url, error.kind, str(error), started)
        if page.not_modified:
            with self.store.batch():
                self.store.record_unchanged(url, **validators_of(page))
                self._finish(url, jobs.UNCHANGED, None, started)
            return jobs.UNCHANGED
        return await self._release(page, url, item.site or url, started)

    def _conditional_headers(self, url: str) -> dict[str, str]:
        validators = self.store.validators(url)  # only URLs with a record written have them
        headers: dict[str, str] = {}
        if validators is not None and sendable(validators.etag):  # as the one-process crawl: never a
            headers["If-None-Match"] = validators.etag             # value httpx cannot send (issue 14)
        if validators is not None and sendable(validators.last_modified):
            headers["If-Modified-Since"] = validators.last_modified
        return headers

    async def _release(self, page: Page, url: str, start_url: str, started: float) -> str:
        if page.is_xml:
            return self._failed(url, NOT_A_RELEASE, "a feed or sitemap, not a page", started)
        try:
            record = parse(page.text, page.final_url, self.job.site_of(start_url))
        except ExtractionError as error:
            return self._failed(url, NOT_A_RELEASE, str(error), started)
        except Exception as error:  # noqa: BLE001 - a parser bug on one page must not fail the job
            return self._failed(url, error_kind(error), str(error), started)
        if not self.job.in_range(record.date):
            self._finish(url, jobs.SKIPPED, "out of the date range", started)
            return jobs.SKIPPED
        content_hash = record.content_hash or record.compute_content_hash()
        identity = normalize_url(record.canonical_url, page.final_url) if record.canonical_url else page.final_url
        try:
            with self.store.batch():
                conn = self.store.connection()
                for key in ("release:" + identity, "content:" + content_hash):
                    if not jobs.claim(conn, self.job.id, key, url):
                        raise _Duplicate(key)
                stamp = self.store.plan_write(url, content_hash, lock=True)
                if stamp.version == 1 and self.store.written_elsewhere(url, content_hash, record.canonical_url):
                    raise _Duplicate("written by an earlier job")
                if stamp.changed:
                    stamped = record.model_copy(update={"content_hash": content_hash, **stamp.record_fields()})
                    insert_record(conn, job=self.job.id, record_json=stamped.model_dump_json(), written_at=iso_now(utc_now()))
                    self.store.record_written(stamp, canonical_url=record.canonical_url, **validators_of(page))
                else:
                    self.store.record_unchanged(url, **validators_of(page))
                outcome = jobs.WRITTEN if stamp.changed else jobs.UNCHANGED
                self._finish(url, outcome, None, started)
        except _Duplicate as duplicate:
            return self._failed(url, DUPLICATE, f"the same release as another URL ({duplicate})", started, outcome=jobs.DUPLICATE)
        return outcome

    # -- bookkeeping -----------------------------------------------------------------------------

    def _failed(self, url: str, kind: str, reason: str, started: float, *, outcome: str = jobs.FAILED) -> str:
        with self.store.batch():
            self.store.record_failed(url, f"{kind}{KIND_SEPARATOR}{reason}")
            self._finish(url, outcome, f"{kind}{KIND_SEPARATOR}{reason}", started)
        return outcome

    def _finish(self, url: str, outcome: str, error: str | None, started: float) -> None:
        """Outcome and done, in the caller's transaction (or one of their own)."""
        with self.store.batch():
            jobs.record_outcome(self.store.connection(), self.job.id, url, origin_of(url), outcome, error, started)
            self.store.done(url)

    def finish_job_if_empty(self) -> bool:
        with self.store.batch():
            return jobs.finish_if_empty(self.store.connection(), self.job.id)

