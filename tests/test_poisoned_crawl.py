"""Poisoned pages and headers (issue 14): one bad page or header never hangs a crawl or loses the rest.

Each case serves an OSCE-style loopback newsroom in which one release URL misbehaves exactly so,
crawls it with the real state store and writer, and checks that the crawl ends (a hang fails the
test after HANG seconds instead of blocking it), writes every other release, reports the poisoned
URL as an error of that URL, and leaves nothing on the frontier. Every case here hung, or ended in
a traceback, before the fixes it names (the commit messages say which).
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import pytest
from conftest import REPO

from scraper.crawl import CrawlConfig, Crawler, Target, resolve_target
from scraper.fetch import Fetcher, FetchSettings
from scraper.incremental import IncrementalState
from scraper.jsonl import JsonlWriter, read_jsonl
from scraper.progress import CrawlStats
from scraper.state import StateStore, default_state_path
from tests.loopback import FakeRelease, LoopbackSite, Reply, Route, osce_release_html, osce_site, redirect
from tests.test_fetch import SleepRecorder, no_backoff  # noqa: F401 (a fixture)

HANG = 15.0  # seconds a crawl of a few pages may take before the test calls it a hang (never slept)
FAST = FetchSettings(delay=0.0, deadline=5.0, max_attempts=2)
COUNT = 6
POISONED = 2  # the index of the release whose URL is poisoned


def releases(count: int = COUNT) -> list[FakeRelease]:
    return [
        FakeRelease(
            path=f"/mission/{800100 + number}",
            title=f"Seminar {number + 1} on river basin councils opens in the capital",
            day=date(2024, 5, 30) - timedelta(days=2 * number),
            place="TIRANA",
            source="Presence in Albania",
            paragraphs=(
                f"Officials from nine municipalities attended seminar {number + 1} on river basin councils.",
                "“Councils work when every town has a seat at the table,” said Head of Presence Ilir Doda.",
            ),
        )
        for number in range(count)
    ]


@dataclass
class Crawled:
    stats: CrawlStats
    lines: list[dict]
    left: int
    site: LoopbackSite = field(repr=False)

    def written_paths(self, origin: str) -> list[str]:
        return sorted(line["url"].removeprefix(origin) for line in self.lines)


def crawl(site: LoopbackSite, out: Path, *, workers: int = 1, settings: FetchSettings = FAST) -> Crawled:
    """One crawl of the site's listing into `out` with its state beside it, bounded by HANG."""
    target: Target = resolve_target(site.url("/press-releases"), "osce")
    config = CrawlConfig([target], fetch=FetchSettings(**{**settings.__dict__, "per_host": workers}))

    async def go() -> CrawlStats:
        with StateStore(default_state_path(out)) as store, JsonlWriter(out) as writer:
            state = IncrementalState(store, writer)
            recorder = SleepRecorder()
            async with Fetcher(config.fetch, scope=config.scope(), sleep=recorder, clock=recorder.clock) as fetcher:
                return await asyncio.wait_for(Crawler(config, fetcher, writer, state=state).run(), HANG)

    stats = asyncio.run(go())
    with StateStore(default_state_path(out)) as store:
        left = store.pending_count()
    return Crawled(stats, list(read_jsonl(out)) if out.exists() else [], left, site)


def serve(site: LoopbackSite, poison: Callable[[FakeRelease, str], Route] | None = None, extra=None) -> list[FakeRelease]:
    items = releases()
    site.routes.clear()
    site.routes.update(osce_site(items, site.origin, per_page=4, extra_items=extra))
    if poison is not None:
        site.routes[items[POISONED].path] = poison(items[POISONED], site.origin)
    return items


def page_with(release: FakeRelease, origin: str, *, content_type: str = "text/html; charset=utf-8", headers=None, html=None) -> Reply:
    body = html if html is not None else osce_release_html(release, origin)
    return Reply(body, content_type=content_type, headers=headers or {})


# -- one poisoned URL: an error of that URL, the crawl goes on --------------------------------------

# (id, the poisoned route, the error kind it must be counted as)
UNUSABLE = [
    pytest.param(lambda r, o: redirect("http://[::1"), "redirect", id="location-unclosed-ipv6"),
    pytest.param(lambda r, o: redirect("http://127.0.0.1:99999/x"), "redirect", id="location-port-99999"),
    pytest.param(lambda r, o: redirect("http://127.0.0.1:abc/x"), "redirect", id="location-port-abc"),
    pytest.param(lambda r, o: redirect("/mission/" + "x" * 70_000), "redirect", id="location-longer-than-64k"),
]


@pytest.mark.parametrize("workers", [1, 4], ids=["one-worker", "four-workers"])
@pytest.mark.parametrize(("poison", "kind"), UNUSABLE)
def test_a_poisoned_url_is_an_error_of_that_url_and_the_crawl_goes_on(tmp_path: Path, poison, kind: str, workers: int) -> None:
    """Before: one worker hung for ever; with four, the run said "completed" with the URL left on the frontier."""
    with LoopbackSite() as site:
        items = serve(site, poison)
        crawled = crawl(site, tmp_path / "out.jsonl", workers=workers)
    expected = sorted(release.path for number, release in enumerate(items) if number != POISONED)
    assert crawled.written_paths(site.origin) == expected  # every other release
    assert crawled.stats.errors == {kind: 1}  # the poisoned URL, counted as its own error
    assert crawled.stats.completed and crawled.left == 0  # the crawl ended, nothing left behind


# Values the server should not have sent, which the crawl reads past: the release is written.
READ_PAST = [
    pytest.param(lambda r, o: page_with(r, o, content_type="text/html; charset=rot13"), id="header-charset-rot13"),
    pytest.param(lambda r, o: page_with(r, o, content_type="text/html; charset=base64"), id="header-charset-base64"),
    pytest.param(lambda r, o: page_with(r, o, content_type="text/html; charset=zlib"), id="header-charset-zlib"),
    pytest.param(lambda r, o: page_with(r, o, content_type="text/html; charset=undefined"), id="header-charset-undefined"),
    pytest.param(
        lambda r, o: page_with(r, o, content_type="text/html", html=osce_release_html(r, o).replace('<meta charset="utf-8">', "<meta charset=hex>")),
        id="meta-charset-hex",
    ),
    pytest.param(
        lambda r, o: [Reply(status=503, headers={"Retry-After": "²"}), page_with(r, o)], id="retry-after-superscript-two"
    ),
    pytest.param(
        lambda r, o: [Reply(status=503, headers={"Retry-After": "1e999"}), page_with(r, o)], id="retry-after-overflow"
    ),
    pytest.param(
        lambda r, o: page_with(r, o, html=osce_release_html(r, "http://127.0.0.1:99999")), id="canonical-port-99999"
    ),
    pytest.param(
        lambda r, o: page_with(r, o, html=osce_release_html(r, "http://127.0.0.1:abc")), id="canonical-port-abc"
    ),
]


@pytest.mark.parametrize("poison", READ_PAST)
def test_a_bad_value_in_a_page_or_header_is_read_past(tmp_path: Path, no_backoff, poison) -> None:
    with LoopbackSite() as site:
        items = serve(site, poison)
        crawled = crawl(site, tmp_path / "out.jsonl")
    assert crawled.written_paths(site.origin) == sorted(release.path for release in items)
    assert crawled.stats.completed and crawled.left == 0


def test_a_link_longer_than_64k_is_dropped_and_the_crawl_goes_on(tmp_path: Path) -> None:
    long_link = ("/mission/" + "y" * 70_000, "A link nobody can fetch", date(2024, 5, 29))
    with LoopbackSite() as site:
        items = serve(site, extra={0: [long_link]})
        crawled = crawl(site, tmp_path / "out.jsonl")
    assert crawled.written_paths(site.origin) == sorted(release.path for release in items)
    assert crawled.stats.completed and crawled.left == 0
    assert crawled.stats.errors == {}  # dropped where it was read, before any request
    assert not any(len(path) > 8192 for path in site.paths())  # never sent


@pytest.mark.parametrize("workers", [1, 4], ids=["one-worker", "four-workers"])
def test_an_unexpected_exception_on_one_page_is_an_error_of_that_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: int
) -> None:
    """The safety net for what no test foresaw: a bug met on one URL is that URL's error."""
    original = Crawler._release

    async def buggy(self, page, target, frontier_url):
        if frontier_url.endswith(items[POISONED].path):
            raise RuntimeError("a bug nobody foresaw")
        return await original(self, page, target, frontier_url)

    monkeypatch.setattr(Crawler, "_release", buggy)
    with LoopbackSite() as site:
        items = serve(site)
        crawled = crawl(site, tmp_path / "out.jsonl", workers=workers)
    assert len(crawled.lines) == COUNT - 1
    assert crawled.stats.errors == {"internal RuntimeError": 1}
    assert crawled.stats.completed and crawled.left == 0


def test_an_unexpected_exception_in_the_loop_ends_the_run_with_a_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    async def broken(self, queue) -> None:
        raise RuntimeError("the frontier fell over")

    monkeypatch.setattr(Crawler, "_discover_all", broken)
    with LoopbackSite() as site:
        serve(site)
        crawled = crawl(site, tmp_path / "out.jsonl")
    assert not crawled.stats.completed
    assert crawled.stats.aborted == "internal error: RuntimeError: the frontier fell over"


# -- validators that cannot be sent back ------------------------------------------------------------


@pytest.mark.parametrize(
    "validators",
    [
        pytest.param({"ETag": '"caf\u00e9"'}, id="etag-latin1-byte"),
        pytest.param({"Last-Modified": "Mon, 03 Jun 2024 10:00:00 GMT\u00a0"}, id="last-modified-nbsp-byte"),
        pytest.param({"ETag": '"a"', "Last-Modified": "lundi 3 juin 2024 \u00e0 10 h"}, id="last-modified-french"),
    ],
)
def test_a_validator_with_a_non_ascii_byte_is_not_sent_back(tmp_path: Path, validators: dict[str, str]) -> None:
    """The stored value could not be sent: every run after the first hung on it."""
    out = tmp_path / "out.jsonl"
    with LoopbackSite() as site:
        items = serve(site)
        poisoned = items[POISONED]
        site.routes[poisoned.path] = page_with(poisoned, site.origin, headers=validators)
        first = crawl(site, out)
        second = crawl(site, out)
        sent = [request.headers for request in site.log if request.path == poisoned.path][-1]
    assert len(first.lines) == COUNT and first.stats.completed
    assert second.stats.completed and second.left == 0
    assert len(second.lines) == COUNT  # nothing lost, nothing written twice
    assert all(value.isascii() for value in sent.values())
    if validators.get("ETag", "").isascii() and "ETag" in validators:
        assert sent.get("if-none-match") == validators["ETag"]  # a sendable one still is


# -- the state's disk fills up ----------------------------------------------------------------------


FILL_STATE = """
import sqlite3
import sys
from scraper.state import StateStore

WRITES = ("INSERT", "UPDATE", "DELETE", "BEGIN", "COMMIT")


class FullDisk:
    '''A state connection whose writes fail with SQLite's own SQLITE_FULL after the first `room`.'''

    def __init__(self, conn, room):
        self._conn, self._room = conn, room

    def __getattr__(self, name):
        return getattr(self._conn, name)

    def _spend(self, sql):
        if sql.lstrip().upper().startswith(WRITES):
            self._room -= 1
            if self._room < 0:
                raise sqlite3.OperationalError("database or disk is full")

    def execute(self, sql, *args):
        self._spend(sql)
        return self._conn.execute(sql, *args)

    def executemany(self, sql, *args):
        self._spend(sql)
        return self._conn.executemany(sql, *args)


def fill_after(room):
    original = StateStore.open

    def open_then_fill(self):
        opened = original(self)
        if self._conn is not None and not isinstance(self._conn, FullDisk):
            self._conn = FullDisk(self._conn, room)
        return opened

    StateStore.open = open_then_fill
"""


@pytest.mark.parametrize("room", [2, 12, 30], ids=["while-queueing-the-start", "while-listing", "while-writing-releases"])
def test_a_full_disk_under_the_state_ends_the_run_with_a_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, room: int) -> None:
    monkeypatch.setattr(StateStore, "open", StateStore.open)  # restored after the test
    namespace: dict = {}
    exec(FILL_STATE, namespace)
    namespace["fill_after"](room)
    out = tmp_path / "out.jsonl"
    with LoopbackSite() as site:
        serve(site)
        stats = crawl_unchecked(site, out)
    assert not stats.completed
    assert "database or disk is full" in (stats.aborted or "")


def crawl_unchecked(site: LoopbackSite, out: Path) -> CrawlStats:
    target = resolve_target(site.url("/press-releases"), "osce")
    config = CrawlConfig([target], fetch=FAST)

    async def go() -> CrawlStats:
        with StateStore(default_state_path(out)) as store, JsonlWriter(out) as writer:
            state = IncrementalState(store, writer)
            async with Fetcher(config.fetch, scope=config.scope(), sleep=SleepRecorder()) as fetcher:
                return await asyncio.wait_for(Crawler(config, fetcher, writer, state=state).run(), HANG)

    return asyncio.run(go())


def test_cli_full_state_disk_exits_1_in_one_line(tmp_path: Path) -> None:
    """In a subprocess: a hang is then a timeout of the test, not of the test run. The disk fills
    while the workers write releases: the old code hung there (discovery's StateError it did report)."""
    with LoopbackSite() as site:
        serve(site)
        argv = ["crawl", site.url("/press-releases"), "--site", "osce", "-o", str(tmp_path / "o.jsonl"), "--delay", "0"]
        script = FILL_STATE + f"fill_after(30)\nfrom scraper.cli import main\nsys.exit(main({argv!r}))\n"
        done = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, timeout=HANG * 2)
    assert done.returncode == 1, done.stderr
    assert "database or disk is full" in done.stderr and "Traceback" not in done.stderr


# -- generic targets: robots.txt and the start page (issue 14, item 6) ------------------------------


def generic_routes(items: list[FakeRelease], origin: str) -> dict:
    links = "".join(f'<li><a href="{release.path}">{release.title}</a></li>' for release in items)
    return {
        "/robots.txt": Reply("User-agent: *\nAllow: /\n", content_type="text/plain"),
        "/mission": Reply(f"<html><head><title>News</title></head><body><ul>{links}</ul></body></html>"),
        **{release.path: Reply(osce_release_html(release, origin)) for release in items},
    }


@pytest.mark.parametrize(
    ("route", "reply"),
    [
        pytest.param("/robots.txt", Reply("User-agent: *\nAllow: /\nSitemap: http://[::1\n", content_type="text/plain"), id="robots-sitemap-unclosed-ipv6"),
        pytest.param("/robots.txt", Reply("User-agent: *\nAllow: /\nSitemap: http://127.0.0.1:99999/s.xml\n", content_type="text/plain"), id="robots-sitemap-port-99999"),
        pytest.param("/mission", "charset=rot13", id="start-page-charset-rot13"),
        pytest.param("/mission", "charset=hex", id="start-page-charset-hex"),
    ],
)
def test_a_generic_crawl_reads_past_a_bad_robots_line_or_start_charset(tmp_path: Path, capsys, route: str, reply) -> None:
    from scraper.cli import main

    items = releases()
    out = tmp_path / "out.jsonl"
    with LoopbackSite() as site:
        site.routes.update(generic_routes(items, site.origin))
        if isinstance(reply, str):
            start = site.routes[route]
            site.routes[route] = Reply(start.body, content_type=f"text/html; {reply}")
        else:
            site.routes[route] = reply
        code = main(["crawl", site.url("/mission"), "-o", str(out), "--delay", "0"])
    err = capsys.readouterr().err
    assert code == 0, err
    assert "Traceback" not in err
    assert len(list(read_jsonl(out))) == COUNT


def test_cli_an_internal_error_of_the_loop_exits_1_in_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    from scraper.cli import main

    async def broken(self, queue) -> None:
        raise KeyError("frontier")

    monkeypatch.setattr(Crawler, "_discover_all", broken)
    with LoopbackSite() as site:
        serve(site)
        code = main(["crawl", site.url("/press-releases"), "--site", "osce", "-o", str(tmp_path / "o.jsonl"), "--delay", "0"])
    err = capsys.readouterr().err
    assert code == 1
    assert "Stopped: internal error: KeyError: 'frontier'." in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1  # the summary, one line
