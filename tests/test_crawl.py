"""Targets and whole crawls of loopback newsrooms with faults (discovery: test_discovery.py; stats: test_progress.py).

The end-to-end crawl serves an OSCE-style site the crawler has never seen (invented text in OSCE
markup) with the faults a real site throws, and checks that every release is written exactly once
with the fields `pressroom parse` gives, that nothing robots.txt forbids and nothing off the site is
requested, and that the host never sees two requests at once.
"""

from __future__ import annotations

import asyncio
import gzip
import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from schemas import PressRelease
from scraper import parse
from conftest import REPO
from scraper.crawl import CrawlConfig, Crawler, Target, resolve_target
from scraper.parsepool import ReleaseParser, parse_processes
from scraper.errors import ExtractionError
from scraper.fetch import Fetcher, FetchSettings, Page
from scraper.progress import CrawlStats
from tests.loopback import FakeRelease, LoopbackSite, Reply, osce_release_html, osce_site, redirect
from tests.test_fetch import SleepRecorder, no_backoff  # noqa: F401 (a fixture)


# -- targets ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "site", "start", "profile"),
    [
        ("osce", None, "https://www.osce.org/press-releases", "osce"),
        ("https://www.osce.org/press-releases?page=3", None, "https://www.osce.org/press-releases?page=3", "osce"),
        ("http://127.0.0.1:8000/news", None, "http://127.0.0.1:8000/news", "generic"),
        ("http://127.0.0.1:8000/news", "osce", "http://127.0.0.1:8000/news", "osce"),
    ],
)
def test_resolve_target(text: str, site: str | None, start: str, profile: str) -> None:
    target = resolve_target(text, site)
    assert (target.start_url, target.profile.site) == (start, profile)


@pytest.mark.parametrize("text", ["nosuchsite", "ftp://x.org/", "file:///etc/passwd", "www.osce.org"])
def test_resolve_target_refuses(text: str) -> None:
    with pytest.raises(ValueError):
        resolve_target(text)


# -- whole crawls -----------------------------------------------------------------------------------

TOPICS = [
    ("election observers", "Warsaw", "Office for Democratic Institutions and Human Rights"),
    ("media freedom", "Vienna", "Representative on Freedom of the Media"),
    ("border management", "Dushanbe", "Programme Office in Dushanbe"),
    ("water co-operation", "Bishkek", "Programme Office in Bishkek"),
    ("anti-trafficking", "Vienna", "OSCE Secretariat"),
    ("youth dialogue", "Skopje", "Mission to Skopje"),
]


def invented_releases(count: int, newest: date = date(2024, 6, 20)) -> list[FakeRelease]:
    releases = []
    for number in range(count):
        topic, place, source = TOPICS[number % len(TOPICS)]
        releases.append(
            FakeRelease(
                path=f"/newsroom-{number % 3}/{900100 + number}",
                title=f"Workshop number {number + 1} on {topic} brings practitioners together",
                day=newest - timedelta(days=3 * number),
                place=place.upper(),
                source=source,
                paragraphs=(
                    f"Practitioners from eleven participating States met for workshop {number + 1} on {topic}.",
                    f"“We leave with a shared checklist for the coming season of {topic} work,” said Head of Unit Mara Lindqvist.",
                    "The event was organized with the support of several donors and partner organizations.",
                ),
            )
        )
    return releases


class ListWriter:
    """Stands in for JsonlWriter: keeps records in order (a test has few)."""

    def __init__(self) -> None:
        self.records: list[PressRelease] = []

    def write(self, record: PressRelease) -> None:
        self.records.append(record)


def run_crawl(config: CrawlConfig, sleep: SleepRecorder | None = None, resolve=None) -> tuple[CrawlStats, ListWriter]:
    writer = ListWriter()

    async def go() -> CrawlStats:
        extra = {"resolve": resolve} if resolve else {}
        recorder = sleep or SleepRecorder()
        async with Fetcher(config.fetch, scope=config.scope(), sleep=recorder, clock=recorder.clock, **extra) as fetcher:
            return await Crawler(config, fetcher, writer).run()

    return asyncio.run(go()), writer


def osce_target(site: LoopbackSite) -> Target:
    return resolve_target(site.url("/press-releases"), "osce")


# Default politeness (1 s delay, one request per host) with the sleeps recorded instead of slept.
POLITE = FetchSettings(deadline=2.0, max_attempts=3)


def test_end_to_end_osce_style_crawl_with_faults(no_backoff) -> None:
    releases = invented_releases(12)
    by_path = {release.path: release for release in releases}
    paths = list(by_path)
    with LoopbackSite(host="127.0.0.2") as offsite, LoopbackSite() as site:
        origin = site.origin
        cp1252 = replace(by_path[paths[5]], title="Café owners and municipal officials discuss “safe streets”")
        extra = {
            0: [
                ("/files/annual-report.pdf", "Annual report (PDF)", date(2024, 6, 19)),
                ("/download/4411", "Factsheet", date(2024, 6, 18)),
                ("/private/900999", "Internal note", date(2024, 6, 17)),
            ],
            1: [
                (paths[1] + "?utm_source=newsletter#more", "Same release, tracked link", date(2024, 6, 19)),
                (offsite.url("/newsroom-0/900777"), "Elsewhere", date(2024, 6, 10)),
                ("/go/elsewhere", "Moved", date(2024, 6, 9)),
            ],
            2: [
                ("/node/900106", "Short link to release 6", date(2024, 6, 2)),
                ("/newsroom-0/900108-alias", "Redirected alias", date(2024, 5, 27)),
            ],
        }
        routes = osce_site([*releases[:5], cp1252, *releases[6:]], origin, per_page=4, extra_items=extra)
        page = lambda release: Reply(osce_release_html(release, origin))  # noqa: E731
        routes.update(
            {
                "/robots.txt": Reply("User-agent: *\nDisallow: /private/\n", content_type="text/plain"),
                paths[2]: [Reply(status=503), page(by_path[paths[2]])],
                paths[3]: [Reply(status=429, headers={"Retry-After": "4"}), page(by_path[paths[3]])],
                paths[4]: [Reply(reset=True), page(by_path[paths[4]])],
                paths[5]: Reply(osce_release_html(cp1252, origin).encode("cp1252"), content_type="text/html"),
                "/download/4411": Reply(b"%PDF-1.7 invented", content_type="application/pdf"),
                "/private/900999": Reply("<p>secret</p>"),
                "/go/elsewhere": redirect("file:///etc/passwd"),
                "/node/900106": page(by_path[paths[6]]),  # same page, canonical link names the real path
                "/newsroom-0/900108-alias": redirect(paths[8], 301),
            }
        )
        site.routes.update(routes)
        sleep = SleepRecorder(real_time=False)  # a loaded machine's parse time must not shorten the pauses
        stats, writer = run_crawl(CrawlConfig([osce_target(site)], fetch=POLITE), sleep)
        served = {path: route for path, route in routes.items()}

    written = [record.url for record in writer.records]
    assert sorted(written) == sorted(origin + path for path in paths)  # every release, exactly once
    for record in writer.records:
        path = record.url.removeprefix(origin)
        html = osce_release_html(cp1252 if path == paths[5] else by_path[path], origin)
        assert record == parse(html, record.url, "osce"), path  # the fields `pressroom parse` gives
    assert next(r for r in writer.records if r.url.endswith(paths[5])).title.startswith("Café owners")

    requested = site.paths()
    assert "/private/900999" not in requested  # robots.txt forbids it
    assert "/files/annual-report.pdf" not in requested  # a file link is not a page
    assert offsite.log == []  # off the site, never asked
    assert requested.count(paths[1]) == 1  # two spellings, one fetch
    assert site.max_in_flight == 1  # never two requests at once with default settings
    assert not set(requested) - set(served)  # nothing outside the site map was invented
    assert max(sleep.pauses) == pytest.approx(4.0, abs=0.2)  # Retry-After honoured for the host
    delays = sorted(pause for pause in sleep.pauses if pause > 0)[:-1]  # zero: retry backoff, patched
    assert delays == pytest.approx([1.0] * len(delays), abs=0.2)  # the politeness delay between requests

    assert stats.completed
    assert stats.written == 12
    assert stats.duplicates == 2  # the /node/ short link and the redirected alias
    assert stats.retries == 3
    assert stats.errors == {"blocked": 3, "not html": 1}  # robots, off-site, file: redirect; the PDF


def test_since_stops_paginating_at_an_entirely_older_listing_page() -> None:
    releases = invented_releases(16)  # 3 days apart, 4 a page: 06-20..06-11, 06-08..05-30, 05-27..05-18, ...
    with LoopbackSite() as site:
        site.routes.update(osce_site(releases, site.origin, per_page=4))
        config = CrawlConfig([osce_target(site)], since=date(2024, 6, 1), fetch=POLITE)
        stats, writer = run_crawl(config)
    assert [record.date for record in writer.records] == [r.day.isoformat() for r in releases[:7]]
    assert "/press-releases?page=2" in site.paths()  # page 1 still had releases since 06-01
    assert "/press-releases?page=3" not in site.paths()  # page 2 was entirely older: stop
    assert stats.out_of_range == 5  # 05-30 on page 1 and all of page 2, skipped without fetching
    assert not any(release.path in site.paths() for release in releases[7:])


def test_until_keeps_newer_releases_out() -> None:
    releases = invented_releases(6)
    with LoopbackSite() as site:
        site.routes.update(osce_site(releases, site.origin, per_page=3))
        stats, writer = run_crawl(CrawlConfig([osce_target(site)], until=date(2024, 6, 12), fetch=POLITE))
    assert [record.date for record in writer.records] == ["2024-06-11", "2024-06-08", "2024-06-05"]


def test_max_pages_bounds_the_crawl() -> None:
    with LoopbackSite() as site:
        site.routes.update(osce_site(invented_releases(8), site.origin, per_page=4))
        stats, writer = run_crawl(CrawlConfig([osce_target(site)], max_pages=3, fetch=POLITE))
    assert stats.pages == 3
    fetched = [path for path in site.paths() if path != "/robots.txt"]
    assert len(fetched) == 3  # listing pages and releases together
    assert len(writer.records) == len([path for path in fetched if path.startswith("/newsroom")]) >= 1
    assert stats.unfetched >= 1


def test_a_start_url_that_is_a_release_is_written() -> None:
    release = invented_releases(1)[0]
    with LoopbackSite() as site:
        site.routes.update(osce_site([release], site.origin))
        stats, writer = run_crawl(CrawlConfig([resolve_target(site.url(release.path), "osce")], fetch=POLITE))
    assert [record.url for record in writer.records] == [site.url(release.path)]


def test_an_unreachable_start_is_not_completed() -> None:
    with LoopbackSite({"/robots.txt": Reply(status=503)}) as site:
        stats, writer = run_crawl(CrawlConfig([osce_target(site)], fetch=POLITE))
    assert not stats.completed
    assert stats.start_failures and "robots.txt" in stats.start_failures[0]
    assert "/press-releases" not in site.paths()


def test_generic_discovery_reads_links_feeds_and_sitemaps() -> None:
    news = "<html><head><link rel='alternate' type='application/rss+xml' href='/news/feed.rss'></head><body>"
    news += "<a href='/news/one'>One</a><a href='/about'>About</a><a href='/news?page=2' rel='next'>next</a></body></html>"
    rss = "<rss><channel><item><link>/news/from-feed</link></item></channel></rss>"
    index = "<sitemapindex><sitemap><loc>/sitemap-news.xml.gz</loc></sitemap></sitemapindex>"
    urlset = gzip.compress(
        b"<urlset><url><loc>/news/from-sitemap</loc><lastmod>2024-06-01</lastmod></url>"
        b"<url><loc>/shop/not-news</loc></url></urlset>"
    )
    article = "<html><head><title>x</title></head><body><article><h1>x</h1><p>text</p></article></body></html>"
    routes = {
        "/robots.txt": Reply("User-agent: *\nAllow: /\nSitemap: /sitemap-index.xml\n", content_type="text/plain"),
        "/news": Reply(news),
        "/news?page=2": Reply("<html><body><a href='/news/two'>Two</a></body></html>"),
        "/news/feed.rss": Reply(rss, content_type="application/rss+xml"),
        "/sitemap-index.xml": Reply(index, content_type="application/xml"),
        "/sitemap-news.xml.gz": Reply(urlset, content_type="application/x-gzip"),
        **{path: Reply(article) for path in ("/news/one", "/news/two", "/news/from-feed", "/news/from-sitemap")},
    }
    with LoopbackSite(routes) as site:
        stats, _ = run_crawl(CrawlConfig([resolve_target(site.url("/news"))], fetch=POLITE))
    requested = site.paths()
    for path in ("/news/one", "/news/two", "/news/from-feed", "/news/from-sitemap", "/sitemap-news.xml.gz"):
        assert requested.count(path) == 1, path
    assert "/about" not in requested and "/shop/not-news" not in requested
    assert site.max_in_flight == 1


def test_output_failure_stops_the_crawl() -> None:
    from scraper.errors import OutputError

    class FullDisk(ListWriter):
        def write(self, record: PressRelease) -> None:
            raise OutputError("cannot write to output file out.jsonl: No space left on device")

    async def go(site: LoopbackSite) -> CrawlStats:
        config = CrawlConfig([osce_target(site)], fetch=POLITE)
        async with Fetcher(config.fetch, scope=config.scope(), sleep=SleepRecorder()) as fetcher:
            return await Crawler(config, fetcher, FullDisk()).run()

    with LoopbackSite() as site:
        site.routes.update(osce_site(invented_releases(8), site.origin, per_page=4))
        stats = asyncio.run(go(site))
    assert not stats.completed
    assert "No space left" in (stats.aborted or "")
    assert len([p for p in site.paths() if p.startswith("/newsroom")]) <= 2


# -- the command line -------------------------------------------------------------------------------


def run_cli(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    from scraper.cli import main

    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_cli_crawl_writes_jsonl_summary_and_stats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    releases = invented_releases(5)
    out, stats_file = tmp_path / "out.jsonl", tmp_path / "stats.json"
    with LoopbackSite() as site:
        site.routes.update(osce_site(releases, site.origin, per_page=3))
        argv = ["crawl", site.url("/press-releases"), "--site", "osce", "-o", str(out), "--delay", "0", "--stats", str(stats_file)]
        code, stdout, stderr = run_cli(argv, capsys)
    assert code == 0, stderr
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(line["url"] for line in lines) == sorted(site.url(release.path) for release in releases)
    assert stdout == ""
    assert "Crawl completed" in stderr and "5 records written" in stderr
    figures = json.loads(stats_file.read_text())
    assert figures["records_written"] == 5 and figures["pages_fetched"] == 7 and figures["completed"] is True


def test_cli_crawl_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    with LoopbackSite() as site:
        site.routes.update(osce_site(invented_releases(2), site.origin))
        code, stdout, stderr = run_cli(["crawl", site.url("/press-releases"), "--site", "osce", "--delay", "0"], capsys)
    assert code == 0
    assert len(stdout.splitlines()) == 2 and all(json.loads(line)["site"] == "osce" for line in stdout.splitlines())


def test_cli_unreachable_start_exits_1_without_traceback(no_backoff, capsys: pytest.CaptureFixture[str]) -> None:
    with LoopbackSite() as site:
        url = site.url("/press-releases")
    code, stdout, stderr = run_cli(["crawl", url, "--site", "osce", "--delay", "0"], capsys)  # the port is closed now
    assert code == 1
    assert "Could not start from" in stderr and "Traceback" not in stderr


# A start URL that fails is a failure on every run, resumed or not (before: the second run of the
# same command said "Crawl completed", exit 0); and a run that failed at its start URL leaves
# nothing to resume, so the summary never says "run the same command again to resume".
START_FAILURES = {  # start path, --site; the site answers 404 for any path it has no route for
    "profile-start-404": ("/", ["--site", "osce"]),
    "generic-start-404": ("/nothing-here", []),
    "start-unreachable": (None, ["--site", "osce"]),  # the site's port, closed
}


@pytest.mark.parametrize(("path", "options"), START_FAILURES.values(), ids=START_FAILURES.keys())
def test_a_failed_start_url_fails_on_every_run_and_promises_no_resume(
    path: str | None, options: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str], no_backoff
) -> None:
    out = tmp_path / "out.jsonl"
    with LoopbackSite() as site:
        site.routes.update(osce_site(invented_releases(2), site.origin))
        url = site.url(path or "/press-releases")
        if path is not None:
            runs = [run_cli(["crawl", url, *options, "--delay", "0", "-o", str(out)], capsys) for _ in range(3)]
    if path is None:  # the port is closed now
        runs = [run_cli(["crawl", url, *options, "--delay", "0", "-o", str(out)], capsys) for _ in range(2)]
    for code, _, stderr in runs:
        assert code == 1, stderr
        assert f"Could not start from: {url} (" in stderr and "did not complete" in stderr
        assert "run the same command again" not in stderr and "resum" not in stderr.replace("Nothing to resume", "")
        assert "Nothing to resume" in stderr and "1 URLs" not in stderr


# A crawl that reads its start page but finds no release link at all fails (exit 1) and says why,
# with a hint: before, it said "Crawl completed", exit 0, as if there were simply nothing new.
FOUND_NOTHING = {  # start path, options, runs, expected exit code of the last run, what its summary says
    "osce-listing-read-as-generic": ("/press-releases", [], 1, 1, "Found no release link on: {url} (read as a generic page"),
    "generic-hint-names-the-sites": ("/press-releases", [], 1, 1, "give --site (europarl, osce)"),
    "osce-profile-on-a-page-without-items": ("/about", ["--site", "osce"], 1, 1, "read as the osce listing, it lists no release"),
    "osce-listing-with-its-site": ("/press-releases", ["--site", "osce"], 1, 0, "3 records written"),
    "nothing-new-is-not-nothing-found": ("/press-releases", ["--site", "osce"], 2, 0, "0 records written"),
    "a-start-url-that-is-a-release": ("/newsroom-0/900100", [], 1, 0, "1 record written"),
    "cut-short-by-the-page-budget": ("/press-releases", ["--max-pages", "1"], 1, 0, "Crawl completed"),
}


@pytest.mark.parametrize(("path", "options", "runs", "code", "says"), FOUND_NOTHING.values(), ids=FOUND_NOTHING.keys())
def test_a_crawl_that_finds_no_release_link_fails_with_a_hint(
    path: str, options: list[str], runs: int, code: int, says: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with LoopbackSite() as site:
        site.routes.update(osce_site(invented_releases(3), site.origin))
        site.routes["/about"] = Reply("<html><head><title>About us</title></head><body><p>Who we are.</p></body></html>")
        url = site.url(path)
        argv = ["crawl", url, *options, "--delay", "0", "-o", str(tmp_path / "out.jsonl"), "--stats", str(tmp_path / "s.json")]
        results = [run_cli(argv, capsys) for _ in range(runs)]
    last_code, _, stderr = results[-1]
    assert (last_code, "Traceback" in stderr) == (code, False), stderr
    assert says.format(url=url) in stderr
    assert ("Found no release link" in stderr) is (code == 1)
    found_nothing = json.loads((tmp_path / "s.json").read_text())["found_nothing"]  # --stats says it too
    assert [entry.split(" (")[0] for entry in found_nothing] == ([url] if code else [])


def test_cli_unwritable_output_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, stderr = run_cli(["crawl", "http://127.0.0.1:9/", "-o", str(tmp_path / "missing" / "out.jsonl")], capsys)
    assert code == 1
    assert "cannot open output file" in stderr and "Traceback" not in stderr


@pytest.mark.parametrize("where", ["missing-dir", "a-directory"])
def test_cli_unwritable_stats_file_exits_1_before_crawling(tmp_path: Path, capsys: pytest.CaptureFixture[str], where: str) -> None:
    stats_path = tmp_path / "missing" / "stats.json" if where == "missing-dir" else tmp_path
    with LoopbackSite() as site:
        site.routes.update(osce_site(invented_releases(2), site.origin))
        argv = ["crawl", site.url("/press-releases"), "--site", "osce", "--delay", "0", "--stats", str(stats_path)]
        argv += ["-o", str(tmp_path / "out.jsonl")]
        code, _, stderr = run_cli(argv, capsys)
    assert code == 1
    assert f"cannot open stats file {stats_path}" in stderr and "Traceback" not in stderr
    assert site.log == []  # found before any request


def test_cli_stats_file_is_replaced_not_appended_to(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    stats_file = tmp_path / "stats.json"
    stats_file.write_text('{"from": "an older run, longer than the new figures' + " " * 5000 + '"}\n')
    with LoopbackSite() as site:
        site.routes.update(osce_site(invented_releases(2), site.origin))
        argv = ["crawl", site.url("/press-releases"), "--site", "osce", "--delay", "0", "--stats", str(stats_file)]
        code, _, stderr = run_cli(argv, capsys)
    assert code == 0, stderr
    assert json.loads(stats_file.read_text())["records_written"] == 2


@pytest.mark.parametrize(
    "argv",
    [
        pytest.param(["crawl"], id="no-target"),
        pytest.param(["crawl", "nosuchsite"], id="unknown-site"),
        pytest.param(["crawl", "file:///etc/passwd"], id="file-url"),
        pytest.param(["crawl", "osce", "--since", "last week"], id="bad-date"),
        pytest.param(["crawl", "osce", "--since", "2024-02-01", "--until", "2024-01-01"], id="empty-range"),
        pytest.param(["crawl", "osce", "--delay", "-1"], id="negative-delay"),
        pytest.param(["crawl", "osce", "--concurrency", "0"], id="zero-concurrency"),
        pytest.param(["crawl", "osce", "--max-pages", "many"], id="bad-max-pages"),
        pytest.param(["crawl", "osce", "--delay", "nan"], id="nan-delay"),
        pytest.param(["crawl", "osce", "--delay", "inf"], id="infinite-delay"),
        pytest.param(["crawl", "osce", "--delay", "-inf"], id="minus-infinite-delay"),
        pytest.param(["crawl", "osce", "--user-agent", ""], id="empty-user-agent"),
        pytest.param(["crawl", "osce", "--user-agent", "   "], id="blank-user-agent"),
        pytest.param(["crawl", "osce", "--user-agent", "bot/1\nX-Evil: 1"], id="user-agent-with-newline"),
        pytest.param(["crawl", "osce", "--user-agent", "bot\x00"], id="user-agent-with-nul"),
        pytest.param(["crawl", "osce", "--user-agent", "rob\u00f6t/1"], id="non-ascii-user-agent"),
    ],
)
def test_cli_bad_usage_exits_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, _, stderr = run_cli(argv, capsys)
    assert code == 2
    assert stderr.startswith("pressroom: error:") and "Traceback" not in stderr


# -- parse processes --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("workers", "cpus", "processes"),
    [(1, 8, 0), (16, 1, 0), (16, None, 0), (4, 2, 1), (16, 4, 3), (16, 64, 4)],
    ids=["one-worker", "one-cpu", "cpus-unknown", "two-cpus", "four-cpus", "many-cpus"],
)
def test_parse_processes(monkeypatch: pytest.MonkeyPatch, workers: int, cpus: int | None, processes: int) -> None:
    monkeypatch.setattr("scraper.parsepool.os.cpu_count", lambda: cpus)
    assert parse_processes(workers) == processes


def test_a_parse_process_gives_the_record_pressroom_parse_gives() -> None:
    origin = "http://127.0.0.1:8000"
    release = invented_releases(1)[0]
    html = osce_release_html(release, origin)
    page = Page(url=origin + release.path, final_url=origin + release.path, status=200, headers={}, text=html)
    not_a_release = Page(url=origin + "/x", final_url=origin + "/x", status=200, headers={}, text="%PDF-1.7")
    target = resolve_target(origin + "/press-releases", "osce")

    async def go() -> PressRelease:
        parser = ReleaseParser(1)
        await parser.start()
        try:
            assert await parser.started()
            with pytest.raises(ExtractionError):
                await parser.parse(not_a_release.text, not_a_release.final_url, target.site)
            return await parser.parse(page.text, page.final_url, target.site)
        finally:
            await parser.aclose()

    assert asyncio.run(go()) == parse(html, origin + release.path, "osce")


PARSER_THEN_WAIT = """
import asyncio, sys
from scraper.errors import ExtractionError
from scraper.parsepool import ReleaseParser

async def main():
    parser = ReleaseParser(1)
    await parser.start()
    await parser.started()
    print(*parser.pids, flush=True)
    await asyncio.to_thread(sys.stdin.readline)  # the test sends the parse process a SIGINT meanwhile
    try:
        await parser.parse("plain", "http://127.0.0.1/x", None)
    except ExtractionError as error:
        print("answered" if "not HTML" in str(error) else "died", flush=True)
    await asyncio.to_thread(sys.stdin.readline)

asyncio.run(main())
"""


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc to see whether a process is alive")
def test_parse_processes_ignore_ctrl_c_and_die_with_a_killed_crawl() -> None:
    crawl = subprocess.Popen(
        [sys.executable, "-c", PARSER_THEN_WAIT], cwd=REPO, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert crawl.stdin is not None and crawl.stdout is not None
        pids = [int(pid) for pid in crawl.stdout.readline().split()]
        assert len(pids) == 1
        os.kill(pids[0], signal.SIGINT)  # what Ctrl-C sends the whole process group
        crawl.stdin.write("go\n")
        crawl.stdin.flush()
        assert crawl.stdout.readline().strip() == "answered"  # the crawl decides what Ctrl-C means
    finally:
        crawl.kill()
        crawl.wait(timeout=30)
    deadline = time.monotonic() + 10
    while _alive(pids[0]) and time.monotonic() < deadline:
        time.sleep(0.02)  # polling for the kernel to deliver the parent-death signal
    assert not _alive(pids[0]), "the parse process outlived the killed crawl"


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().split(")")[-1].split()[0] != "Z"  # a zombie has exited
    except FileNotFoundError:
        return False


# -- the files a crawl writes (issue 14, item 7) ----------------------------------------------------


@pytest.mark.parametrize(
    "options",
    [
        pytest.param(["-o", "{out}", "--stats", "{out}"], id="stats-is-the-output"),
        pytest.param(["-o", "{out}", "--stats", "{out}.state.db"], id="stats-is-the-default-state"),
        pytest.param(["-o", "{out}", "--state", "{out}"], id="state-is-the-output"),
        pytest.param(["-o", "{out}", "--stats", "{link}"], id="stats-is-a-symlink-to-the-output"),
        pytest.param(["--state", "{out}", "--stats", "{out}"], id="stats-is-the-state"),
        pytest.param(["-o", "{out}", "--stats", "{out}.state.db.lock"], id="stats-is-the-state-lock"),
    ],
)
def test_cli_refuses_two_options_naming_one_file(tmp_path: Path, capsys: pytest.CaptureFixture[str], options: list[str]) -> None:
    out = tmp_path / "releases.jsonl"
    out.write_text('{"url": "http://127.0.0.1:9/kept"}\n', encoding="utf-8")
    (tmp_path / "link.json").symlink_to(out)
    argv = ["crawl", "http://127.0.0.1:9/news", "--delay", "0"]
    argv += [option.format(out=out, link=tmp_path / "link.json") for option in options]
    code, _, stderr = run_cli(argv, capsys)
    assert code == 2, stderr
    assert "name the same file" in stderr and "Traceback" not in stderr
    assert out.read_text(encoding="utf-8") == '{"url": "http://127.0.0.1:9/kept"}\n'  # not replaced by the stats


@pytest.mark.parametrize(
    "options",
    [
        pytest.param(["-o", "/dev/full"], id="output-dev-full"),
        pytest.param(["-o", "/dev/null"], id="output-dev-null"),
        pytest.param(["--stats", "/dev/full"], id="stats-dev-full"),
        pytest.param(["--state", "/dev/zero"], id="state-dev-zero"),
    ],
)
def test_cli_refuses_a_device_as_a_file_it_writes(capsys: pytest.CaptureFixture[str], options: list[str]) -> None:
    before = set(Path("/dev").iterdir())
    code, _, stderr = run_cli(["crawl", "http://127.0.0.1:9/news", "--delay", "0", *options], capsys)
    assert code == 2, stderr
    assert "is a device" in stderr and "Traceback" not in stderr
    assert set(Path("/dev").iterdir()) == before  # no /dev/full.state.db, no lock beside it


def test_credentials_in_a_target_are_never_recorded(capsys: pytest.CaptureFixture[str]) -> None:
    """Before: a target http://user:secret@host/... put user:secret@ in every record's url."""
    with LoopbackSite() as site:
        site.routes.update(osce_site(invented_releases(3), site.origin))
        target = site.url("/press-releases").replace("http://", "http://reader:s3cret@")
        code, stdout, stderr = run_cli(["crawl", target, "--site", "osce", "--delay", "0"], capsys)
    assert code == 0, stderr
    records = [json.loads(line) for line in stdout.splitlines()]
    assert len(records) == 3
    assert "s3cret" not in stdout and "s3cret" not in stderr
    assert all(record["url"].startswith(site.origin + "/") for record in records)
    assert all("authorization" not in request.headers for request in site.log)  # never sent either


# -- --since/--until with sitemap dates (issue 13) --------------------------------------------------


def dated_release(path: str, day: date) -> FakeRelease:
    return FakeRelease(
        path=path,
        title=f"Round table of {day.isoformat()} on election observation gathers experts",
        day=day,
        place="WARSAW",
        source="Office for Democratic Institutions and Human Rights",
        paragraphs=(f"Experts met on {day.isoformat()} to compare notes on election observation.", "The meeting closed with a joint statement."),
    )


RANGE_RELEASES = {
    "inside": dated_release("/news/inside", date(2024, 6, 10)),  # listed; lastmod 2024-06-10
    "before-by-lastmod": dated_release("/news/before-by-lastmod", date(2023, 1, 5)),  # listed; lastmod 2023-01-05
    "before-undated": dated_release("/news/before-undated", date(2023, 2, 1)),  # listed; no lastmod
    "edited-later": dated_release("/news/edited-later", date(2024, 6, 25)),  # sitemap only; lastmod 2024-07-05
}
LASTMODS = {"inside": "2024-06-10", "before-by-lastmod": "2023-01-05", "before-undated": None, "edited-later": "2024-07-05"}


def range_site(origin: str) -> dict:
    listed = [RANGE_RELEASES[name].path for name in ("inside", "before-by-lastmod", "before-undated")]
    news = "<html><body>" + "".join(f"<a href='{path}'>{path}</a>" for path in listed) + "</body></html>"
    entries = "".join(
        f"<url><loc>{RANGE_RELEASES[name].path}</loc>" + (f"<lastmod>{day}</lastmod>" if day else "") + "</url>"
        for name, day in LASTMODS.items()
    )
    return {
        "/robots.txt": Reply("User-agent: *\nAllow: /\nSitemap: /sitemap.xml\n", content_type="text/plain"),
        "/news": Reply(news),
        "/sitemap.xml": Reply(f"<urlset>{entries}</urlset>", content_type="application/xml"),
        **{release.path: Reply(osce_release_html(release, origin)) for release in RANGE_RELEASES.values()},
    }


@pytest.mark.parametrize(
    ("since", "until", "fetched", "written", "outside"),
    [
        pytest.param(
            date(2024, 1, 1), None, {"inside", "before-undated", "edited-later"}, {"inside", "edited-later"}, 2, id="since"
        ),
        pytest.param(
            None, date(2024, 6, 30), set(RANGE_RELEASES), set(RANGE_RELEASES), 0, id="until-lastmod-after-is-no-proof"
        ),
        pytest.param(
            date(2024, 1, 1), date(2024, 6, 15), {"inside", "before-undated", "edited-later"}, {"inside"}, 3, id="both"
        ),
    ],
)
def test_a_date_range_counts_each_url_once_and_skips_what_lastmod_proves_outside(
    since: date | None, until: date | None, fetched: set[str], written: set[str], outside: int
) -> None:
    """Before: a page listed without a date and dated by the sitemap was fetched anyway and then
    counted twice (as a sitemap link and as a record); a lastmod after --until hid a page
    published before it."""
    with LoopbackSite() as site:
        site.routes.update(range_site(site.origin))
        config = CrawlConfig([resolve_target(site.url("/news"))], since=since, until=until, fetch=POLITE)
        stats, writer = run_crawl(config)
    requested = site.paths()
    assert {name for name, release in RANGE_RELEASES.items() if release.path in requested} == fetched
    assert {record.url.removeprefix(site.origin) for record in writer.records} == {RANGE_RELEASES[name].path for name in written}
    assert stats.out_of_range == outside
    assert all(requested.count(release.path) <= 1 for release in RANGE_RELEASES.values())


# -- only release pages are records ------------------------------------------------------------------

ABOUT_PAGE = (
    "<html><head><title>About the mission</title></head><body><nav><a href='/'>Home</a></nav>"
    "<main><h1>About the mission</h1>"
    + "<p>The mission supports the host country in building institutions that serve every community, "
    "working with the government, civil society and international partners on long-term reforms.</p>" * 6
    + "</main></body></html>"
)


def test_a_generic_crawl_writes_release_pages_only_and_counts_the_others(tmp_path: Path) -> None:
    """Issue 10: an undated, unlabelled page of a site without a profile (an about page) linked from
    the start page is counted as no release, not written (the old code wrote it as a record)."""
    from scraper.cli import main
    from scraper.jsonl import read_jsonl
    from tests.test_poisoned_crawl import generic_routes, releases

    items = releases()
    out, stats = tmp_path / "out.jsonl", tmp_path / "stats.json"
    with LoopbackSite() as site:
        site.routes.update(generic_routes(items, site.origin))
        start = site.routes["/mission"]
        site.routes["/mission"] = Reply(start.body.replace("</ul>", '<li><a href="/mission/about">About us</a></li></ul>'))
        site.routes["/mission/about"] = Reply(ABOUT_PAGE)
        assert main(["crawl", site.url("/mission"), "-o", str(out), "--delay", "0", "--stats", str(stats)]) == 0
    urls = [record["url"] for record in read_jsonl(out)]
    assert len(urls) == len(items)
    assert not any(url.endswith("/mission/about") for url in urls)
    assert json.loads(stats.read_text(encoding="utf-8"))["not_release_pages"] == 1
