"""Progress and statistics: the summary a person reads, the --stats JSON, the plain progress lines."""

from __future__ import annotations

import io
import json
import logging
import sys
from collections import Counter
from pathlib import Path

import pytest

from scraper.errors import BlockedError, ContentTypeError, ExtractionError, FetchError, HTTPStatusError, TooLargeError
from scraper.progress import CrawlStats, Progress, error_kind


def test_stats_summary_and_json() -> None:
    stats = CrawlStats(pages=12, fetched=12, written=9, duplicates=2, retries=3, requests=15, elapsed=4.0)
    stats.errors.update({"blocked": 2, "http 404": 1})
    summary = stats.summary()
    assert summary.startswith("Crawl completed in 4.0 s: 12 pages fetched (3.00/s, 15 requests, 3 retries), 9 records written")
    assert "3 errors (2 blocked, 1 http 404)" in summary
    data = json.loads(json.dumps(stats.to_dict()))
    assert data["records_written"] == 9 and data["errors_by_kind"] == {"blocked": 2, "http 404": 1}
    assert data["pages_fetched"] == data["pages_attempted"] == 12
    assert data["completed"] is True


@pytest.mark.parametrize(
    ("stats", "says", "never"),
    [
        pytest.param(
            CrawlStats(pages=1, fetched=0, requests=4, retries=3, errors=Counter({"robots unavailable": 1})),
            "0 pages fetched of 1 attempted (0.00/s, 4 requests, 3 retries), 0 records written",
            "1 pages",
            id="robots-blocked-start",
        ),
        pytest.param(
            CrawlStats(pages=1, fetched=1, requests=1, retries=1, written=1, errors=Counter({"http 404": 1})),
            "1 page fetched (1.00/s, 1 request, 1 retry), 1 record written, 1 error (1 http 404)",
            "records",
            id="singulars",
        ),
        pytest.param(
            CrawlStats(pages=3, fetched=3, duplicates=1, not_releases=1, dead_skipped=1, left=1),
            "1 duplicate, 1 page that is not a release, 1 dead link of earlier runs not asked again yet",
            "1 URLs",
            id="singular-skips",
        ),
    ],
)
def test_summary_counts_what_was_fetched_in_the_right_number(stats: CrawlStats, says: str, never: str) -> None:
    stats.elapsed = 1.0
    summary = stats.summary()
    assert says in summary and never not in summary


RESUME_HINT = "run the same command again to resume"


@pytest.mark.parametrize(
    ("stats", "says", "never"),
    [
        pytest.param(CrawlStats(left=1), f"1 URL left in the state's frontier: {RESUME_HINT}", "1 URLs", id="one-url-left"),
        pytest.param(CrawlStats(left=3), "3 URLs left", "Nothing to resume", id="urls-left"),
        pytest.param(CrawlStats(left=1, starts_left=1, start_failures=["http://x.org/ (HTTP 404)"]),
                     "Could not start from: http://x.org/ (HTTP 404). Nothing to resume", RESUME_HINT,
                     id="only-the-failed-start-left"),
        pytest.param(CrawlStats(left=0, start_failures=["http://x.org/ (HTTP 404)"]), "Nothing to resume", RESUME_HINT,
                     id="failed-start-without-state"),
        pytest.param(CrawlStats(left=5, starts_left=1, start_failures=["http://x.org/ (timeout)"]),
                     f"4 URLs left in the state's frontier: {RESUME_HINT}", "Nothing to resume", id="failed-start-and-work-left"),
        pytest.param(CrawlStats(found_nothing=["http://x.org/news (read as a generic page)"]),
                     "Crawl completed in 1.0 s", RESUME_HINT, id="found-nothing-still-completed"),
        pytest.param(CrawlStats(found_nothing=["http://x.org/news (read as a generic page)"]),
                     "Found no release link on: http://x.org/news (read as a generic page).", "Nothing to resume",
                     id="found-nothing-said"),
    ],
)
def test_summary_promises_a_resume_only_when_there_is_work_to_resume(stats: CrawlStats, says: str, never: str) -> None:
    stats.elapsed = 1.0
    summary = stats.summary()
    assert says in summary and never not in summary, summary
    assert stats.to_dict()["left_to_resume"] == stats.resumable


@pytest.mark.parametrize(
    ("stats", "completed", "succeeded"),
    [
        pytest.param(CrawlStats(), True, True, id="plain"),
        pytest.param(CrawlStats(found_nothing=["u (why)"]), True, False, id="found-nothing"),
        pytest.param(CrawlStats(start_failures=["u (HTTP 404)"]), False, False, id="start-failed"),
    ],
)
def test_succeeded_is_completed_with_something_found(stats: CrawlStats, completed: bool, succeeded: bool) -> None:
    assert (stats.completed, stats.succeeded) == (completed, succeeded)


def test_plain_progress_lines_when_not_a_terminal(tmp_path: Path) -> None:
    with (tmp_path / "progress.txt").open("w") as stream:
        progress = Progress(stream, interval=0.0)
        progress.update(CrawlStats(pages=5, written=4))
        progress.close()
    line = (tmp_path / "progress.txt").read_text()
    assert line.startswith("pressroom: 5 pages, 4 written,") and "0 errors, 0 retries" in line


def test_plain_progress_lines_count_in_the_singular(tmp_path: Path) -> None:
    assert Progress.line(CrawlStats(pages=1, errors=Counter({"http 404": 1}), retries=1)).endswith("1 error, 1 retry")
    assert Progress.line(CrawlStats(pages=1)).startswith("pressroom: 1 page, 0 written")


@pytest.mark.parametrize(
    ("error", "kind"),
    [
        pytest.param(BlockedError("robots.txt of x unavailable (redirect loop): not fetching for now"), "blocked", id="blocked"),
        pytest.param(HTTPStatusError("HTTP 404", "u", 404), "http 404", id="http-status"),
        pytest.param(TooLargeError("body larger than 10 bytes"), "too large", id="too-large"),
        pytest.param(ContentTypeError("content type application/pdf"), "not html", id="content-type"),
        pytest.param(FetchError("ConnectError: refused"), "network", id="network-by-default"),
        pytest.param(FetchError("no complete answer within 30 s", kind="timeout"), "timeout", id="kind-set-by-the-fetcher"),
        pytest.param(FetchError("a redirect loop, says the message", kind="network"), "network", id="message-not-read"),
        pytest.param(ExtractionError("no title"), "parser ExtractionError", id="extraction-is-not-bad-xml"),
        pytest.param(KeyError("x"), "parser KeyError", id="parser-bug"),
    ],
)
def test_error_kind_is_read_from_the_error_not_guessed_from_its_text(error: Exception, kind: str) -> None:
    assert error_kind(error) == kind


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_log_lines_print_above_the_bar_not_into_it(monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    handler = logging.StreamHandler(sys.stderr)  # as the CLI's logging.basicConfig makes it
    logging.root.addHandler(handler)
    try:
        progress = Progress(terminal)
        progress.update(CrawlStats(pages=3, written=2))
        logging.getLogger("scraper.crawl").warning("https://example.org/a: HTTP 404")
        progress.close()
        logging.getLogger("scraper.crawl").warning("after the bar")
        assert handler in logging.root.handlers  # the CLI's handler is back after the bar
    finally:
        logging.root.removeHandler(handler)
    text = terminal.getvalue()
    before, _, after = text.partition("https://example.org/a: HTTP 404\n")
    assert after, text
    assert before.endswith("\r"), repr(before[-40:])  # the bar line was cleared first
    assert "page" in after  # and drawn again below the message
    assert text.endswith("after the bar\n")
