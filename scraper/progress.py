"""Progress and statistics of a crawl: what it counted, shown while it runs and summarized at the end.

`CrawlStats` holds the figures the crawl loop counts (pages, records written, what was skipped and
why, errors by kind, whether the crawl completed or can be resumed); the CLI prints its `summary()`
and saves `to_dict()` with --stats. `error_kind` names a failure for the errors-by-kind count.
`Progress` shows the figures on stderr as they change: a tqdm bar on a terminal, a plain line every
few seconds in a log. Nothing here fetches or decides; the loop only reports to it.
"""

from __future__ import annotations

import contextlib
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, TextIO

from scraper.errors import FetchError

PLAIN_PROGRESS_INTERVAL = 10.0  # seconds between progress lines when stderr is not a terminal


@dataclass
class CrawlStats:
    """The figures of one crawl: shown as progress, summarized at the end, saved by --stats."""

    pages: int = 0  # pages taken from the budget (listings, feeds, sitemaps, releases), failed ones included
    fetched: int = 0  # of those, the pages the server answered (a 304 included)
    written: int = 0
    duplicates: int = 0
    not_releases: int = 0
    out_of_range: int = 0
    not_modified: int = 0  # 304: a known release, not downloaded again
    unchanged: int = 0  # downloaded, but the same content as the line already in the output
    unfetched: int = 0  # candidates left when --max-pages was reached
    dead_skipped: int = 0  # dead links of earlier runs (404, not a release...) not asked again yet
    retries: int = 0
    requests: int = 0
    errors: Counter[str] = field(default_factory=Counter)
    start_failures: list[str] = field(default_factory=list)
    listing_failures: list[str] = field(default_factory=list)  # a target's walk cut short by a bug
    listings_capped: list[str] = field(default_factory=list)  # a target's listing walk stopped at the cap
    aborted: str | None = None
    interrupted: str | None = None  # "SIGINT", "SIGTERM": stopped early on request, resumable
    resumed: int = 0  # URLs taken from the frontier an earlier run left
    listings_settled: int = 0  # listings stopped at a page of known releases older than the watermark
    left: int = 0  # URLs left on the frontier for the next run
    starts_left: int = 0  # of those, start URLs that failed: asked again first, but nothing to resume
    found_nothing: list[str] = field(default_factory=list)  # targets whose start page gave no release link
    started: float = field(default_factory=time.monotonic)
    elapsed: float = 0.0

    @property
    def error_count(self) -> int:
        return sum(self.errors.values())

    @property
    def completed(self) -> bool:
        """The crawl ran to its end: every start reached and the output kept writable."""
        return not self.start_failures and not self.listing_failures and self.aborted is None and self.interrupted is None

    @property
    def succeeded(self) -> bool:
        """Completed, and every target gave something to read (exit code 0)."""
        return self.completed and not self.found_nothing

    @property
    def resumable(self) -> int:
        """URLs left on the frontier that a next run would go on with (failed start URLs are not)."""
        return max(0, self.left - self.starts_left)

    def rate(self) -> float:
        elapsed = self.elapsed or (time.monotonic() - self.started)
        return self.fetched / elapsed if elapsed > 0 else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "completed": self.completed,
            "pages_attempted": self.pages,
            "pages_fetched": self.fetched,
            "records_written": self.written,
            "duplicates_skipped": self.duplicates,
            "not_release_pages": self.not_releases,
            "out_of_date_range": self.out_of_range,
            "not_modified": self.not_modified,
            "unchanged": self.unchanged,
            "resumed_from_frontier": self.resumed,
            "listings_stopped_at_watermark": self.listings_settled,
            "left_in_frontier": self.left,
            "left_to_resume": self.resumable,
            "found_nothing": list(self.found_nothing),
            "interrupted": self.interrupted,
            "not_fetched_page_limit": self.unfetched,
            "dead_links_not_retried_yet": self.dead_skipped,
            "requests": self.requests,
            "retries": self.retries,
            "errors": self.error_count,
            "errors_by_kind": dict(sorted(self.errors.items())),
            "start_failures": list(self.start_failures),
            "listing_failures": list(self.listing_failures),
            "listings_capped": list(self.listings_capped),
            "aborted": self.aborted,
            "elapsed_seconds": round(self.elapsed, 3),
            "pages_per_second": round(self.rate(), 3),
        }

    def summary(self) -> str:
        """One paragraph for a person."""
        attempted = f" of {self.pages} attempted" if self.pages != self.fetched else ""
        parts = [
            f"Crawl {'completed' if self.completed else 'did not complete'} in {self.elapsed:.1f} s: "
            f"{counted(self.fetched, 'page')} fetched{attempted} ({self.rate():.2f}/s, "
            f"{counted(self.requests, 'request')}, {counted(self.retries, 'retry', 'retries')}), "
            f"{counted(self.written, 'record')} written",
        ]
        skipped = [
            counted(self.duplicates, "duplicate"),
            counted(self.not_releases, "page that is not a release", "pages that are not releases"),
            f"{self.out_of_range} outside the date range",
            f"{self.not_modified} not modified",
            f"{self.unchanged} unchanged",
            f"{self.resumed} resumed from the last run's frontier",
            f"{self.unfetched} left unfetched at the page limit",
            counted(self.dead_skipped, "dead link of earlier runs", "dead links of earlier runs") + " not asked again yet",
        ]
        parts += [part for part in skipped if not part.startswith("0 ")]
        errors = ", ".join(f"{count} {kind}" for kind, count in sorted(self.errors.items()))
        parts.append(f"{counted(self.error_count, 'error')} ({errors})" if errors else "no errors")
        text = ", ".join(parts) + "."
        if self.start_failures:
            text += " Could not start from: " + "; ".join(self.start_failures) + "."
        if self.listing_failures:
            text += " Listing walk cut short: " + "; ".join(self.listing_failures) + "."
        if self.listings_capped:
            text += " Listing stopped at the page cap: " + "; ".join(self.listings_capped) + "."
        if self.aborted:
            text += f" Stopped: {self.aborted}."
        if self.interrupted:
            text += f" Interrupted by {self.interrupted}."
        if self.found_nothing:
            text += " Found no release link on: " + "; ".join(self.found_nothing) + "."
        if self.resumable:
            text += f" {counted(self.resumable, 'URL')} left in the state's frontier: run the same command again to resume."
        elif self.start_failures:
            text += " Nothing to resume: check the start URL (or the network) before running again."
        return text


class Progress:
    """Progress on stderr: a tqdm bar on a terminal, a plain line every few seconds otherwise."""

    def __init__(self, stream: TextIO | None = None, *, total: int | None = None, interval: float = PLAIN_PROGRESS_INTERVAL) -> None:
        self.stream = stream or sys.stderr
        self.interval = interval
        self._last = time.monotonic()
        self._bar = None
        self._logging = contextlib.ExitStack()
        if self.stream.isatty():
            from tqdm import tqdm
            from tqdm.contrib.logging import logging_redirect_tqdm

            self._bar = tqdm(total=total, unit="page", file=self.stream, dynamic_ncols=True, leave=False)
            # Log lines (retries, page failures) go through tqdm.write while the bar is shown, so
            # each prints on its own line above the bar instead of into it.
            self._logging.enter_context(logging_redirect_tqdm())

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
            f"pressroom: {counted(stats.pages, 'page')}, {stats.written} written, {stats.rate():.2f} pages/s, "
            f"{counted(stats.error_count, 'error')}, {counted(stats.retries, 'retry', 'retries')}"
        )

    def close(self) -> None:
        self._logging.close()
        if self._bar is not None:
            self._bar.close()


def counted(count: int, one: str, many: str | None = None) -> str:
    """"1 record", "2 records", "1 retry", "0 retries"."""
    return f"{count} {one if count == 1 else many or one + 's'}"


def error_kind(error: Exception) -> str:
    """A short name to count errors by: the fetcher's `kind` ("blocked", "http 404", "timeout"...),
    else the parser's exception class (a bug on one page, counted so it is seen)."""
    if isinstance(error, FetchError):
        return error.kind
    return f"parser {type(error).__name__}"
