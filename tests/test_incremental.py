"""Incremental crawls: only what is new or changed, exactly once, whatever kills the process.

In-process runs (`main(argv)`) check what a re-run asks the server and writes; subprocess runs
(`python -m scraper crawl`) against a loopback newsroom served by this test process are killed
with SIGKILL at exact points (a request held by the server, the writer's SIGSTOP test hook mid-line
or between the line and the state's commit), interrupted with SIGINT, or run twice at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from conftest import REPO

from schemas import PressRelease
from scraper.cli import main
from scraper.errors import OutputError
from scraper.fetch import Page
from scraper.incremental import GroupCommit
from scraper.jsonl import TEST_HALT_ENV, read_jsonl
from scraper.state import StateStore, default_state_path
from tests.loopback import FakeRelease, LoopbackSite, Reply, Request, conditional, held, osce_site
from tests.test_fetch import no_backoff  # noqa: F401 (a fixture)

PER_PAGE = 4
WAIT = 30.0  # seconds a subprocess step may take before the test gives up (never slept)


def releases(count: int, newest: date = date(2024, 6, 20), first_id: int = 700100) -> list[FakeRelease]:
    return [
        FakeRelease(
            path=f"/secretariat/{first_id + number}",
            title=f"Round table {first_id + number} on water management gathers experts",
            day=newest - timedelta(days=2 * number),
            place="VIENNA",
            source="OSCE Secretariat",
            paragraphs=(
                f"Experts met for round table {first_id + number} on shared rivers.",
                "“Rivers do not stop at borders, and neither should our cooperation,” said Co-ordinator Ilse Brandt.",
            ),
        )
        for number in range(count)
    ]


@pytest.fixture
def site() -> Iterator[LoopbackSite]:
    with LoopbackSite() as served:
        yield served


def serve(site: LoopbackSite, items: list[FakeRelease]) -> None:
    site.routes.clear()
    site.routes.update(osce_site(items, site.origin, per_page=PER_PAGE, validators=True))


def crawl_argv(site: LoopbackSite, out: Path, *extra: str) -> list[str]:
    return ["crawl", site.url("/press-releases"), "--site", "osce", "-o", str(out), "--delay", "0", *extra]


def run(site: LoopbackSite, out: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str]:
    site.log.clear()
    code = main(crawl_argv(site, out, *extra))
    return code, capsys.readouterr().err


def lines(out: Path) -> list[dict]:
    return list(read_jsonl(out)) if out.exists() else []


def release_requests(site: LoopbackSite) -> list[tuple[str, int, bool]]:
    """(path, status answered, conditional?) of every release page request."""
    return [
        (request.path, request.status, "if-none-match" in request.headers)
        for request in site.log
        if request.path.startswith("/secretariat/")
    ]


# -- in-process re-runs -----------------------------------------------------------------------------


def test_a_rerun_writes_exactly_the_edited_and_the_new_releases_and_304s_the_rest(
    site: LoopbackSite, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = releases(10)  # pages: 0-3, 4-7, 8-9
    out = tmp_path / "releases.jsonl"
    serve(site, old)
    code, err = run(site, out, capsys)
    assert code == 0, err
    first = lines(out)
    assert len(first) == 10 and {line["version"] for line in first} == {1}

    edited = replace(old[1], paragraphs=(*old[1].paragraphs, "The co-ordinator added a correction on Friday."))
    new = releases(2, newest=date(2024, 6, 24), first_id=700900)
    serve(site, [*new, old[0], edited, *old[2:]])  # pages now: 2 new + 0-1, 2-5, 6-9
    code, err = run(site, out, capsys)
    assert code == 0, err

    appended = lines(out)[10:]
    assert sorted(line["url"] for line in appended) == sorted(site.url(r.path) for r in [*new, edited])
    by_url = {line["url"]: line for line in appended}
    again = by_url[site.url(edited.path)]
    before = next(line for line in first if line["url"] == again["url"])
    assert again["version"] == 2 and again["first_seen"] == before["first_seen"]
    assert again["content_hash"] != before["content_hash"]
    assert all(by_url[site.url(r.path)]["version"] == 1 for r in new)

    requested = release_requests(site)
    fetched_in_full = sorted(path for path, status, _ in requested if status == 200)
    assert fetched_in_full == sorted(r.path for r in [*new, edited])  # no other body downloaded
    rest = [(path, status, sent) for path, status, sent in requested if path not in fetched_in_full]
    assert rest and all(status == 304 and sent for _, status, sent in rest)  # the rest: conditional, 304
    assert {path for path, _, _ in rest} == {r.path for r in [old[0], *old[2:6]]}
    assert "/press-releases?page=2" not in site.paths()  # page 1: all known, older than the watermark
    assert "written" in err and "3 records written" in err


def test_an_unchanged_rerun_downloads_no_release_and_writes_no_line(
    site: LoopbackSite, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "releases.jsonl"
    serve(site, releases(12))
    assert run(site, out, capsys)[0] == 0
    size = out.stat().st_size
    code, err = run(site, out, capsys, "--stats", str(tmp_path / "stats.json"))
    assert code == 0, err
    assert out.stat().st_size == size
    assert all(status == 304 for _, status, _ in release_requests(site))
    stats = json.loads((tmp_path / "stats.json").read_text())
    assert stats["records_written"] == 0 and stats["listings_stopped_at_watermark"] == 1
    assert stats["not_modified"] == len(release_requests(site)) == 8  # pages 0 and 1 only


def test_a_missing_output_is_rebuilt_by_full_fetches(site: LoopbackSite, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "releases.jsonl"
    serve(site, releases(9))
    assert run(site, out, capsys)[0] == 0
    first = lines(out)
    out.unlink()
    code, err = run(site, out, capsys)
    assert code == 0, err
    assert "missing or empty" in err and "rebuilding" in err
    assert sorted(line["url"] for line in lines(out)) == sorted(line["url"] for line in first)
    assert not any(sent for _, _, sent in release_requests(site))  # no conditional request for them
    assert {line["version"] for line in lines(out)} == {1}  # the same content: the same version


def test_a_page_budget_leaves_the_rest_on_the_frontier_for_the_next_run(
    site: LoopbackSite, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    items = releases(10)
    out = tmp_path / "releases.jsonl"
    serve(site, items)
    code, err = run(site, out, capsys, "--max-pages", "4")
    assert code == 0 and "left in the state's frontier" in err
    assert 0 < len(lines(out)) < 10
    before = {line["url"] for line in lines(out)}
    code, err = run(site, out, capsys)
    assert code == 0, err
    assert sorted(line["url"] for line in lines(out)) == sorted(site.url(item.path) for item in items)
    assert not {site.url(r.path) for r in site.log} & before  # resumed: nothing done asked again
    with StateStore(default_state_path(out)) as state:
        assert state.pending_count() == 0 and state.watermark(site.url("/press-releases")) == items[0].day


NOT_A_RELEASE_PAGE = "<!DOCTYPE html><html><head><title>Contacts</title></head><body><nav>Home</nav></body></html>"


def serve_with_dead_links(site: LoopbackSite, items: list[FakeRelease]) -> list[str]:
    """The newsroom of `items` with one dead link on every listing page (a 404, a PDF, a page that
    is not a release, in turn), dated like the page's last item; returns the dead paths."""
    ordered = sorted(items, key=lambda item: item.day, reverse=True)
    pages = [ordered[i : i + PER_PAGE] for i in range(0, len(ordered), PER_PAGE)]
    dead = [f"/secretariat/gone-{number}" for number in range(len(pages))]
    extra = {number: [(dead[number], "A dead link", chunk[-1].day)] for number, chunk in enumerate(pages)}
    site.routes.clear()
    site.routes.update(osce_site(items, site.origin, per_page=PER_PAGE, extra_items=extra, validators=True))
    for number, path in enumerate(dead):
        if number % 3 == 1:
            site.routes[path] = Reply(b"%PDF-1.4 not markup", content_type="application/pdf")
        elif number % 3 == 2:
            site.routes[path] = Reply(NOT_A_RELEASE_PAGE)
    return dead


def test_dead_links_settle_a_listing_and_are_not_asked_again_at_the_next_run(
    site: LoopbackSite, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "releases.jsonl"
    items = releases(12)  # pages 0, 1, 2: each with a dead link
    dead = serve_with_dead_links(site, items)
    code, err = run(site, out, capsys)
    assert code == 0, err
    assert len(lines(out)) == 12 and all(site.count(path) == 1 for path in dead)

    code, err = run(site, out, capsys, "--stats", str(tmp_path / "stats.json"))
    assert code == 0, err
    stats = json.loads((tmp_path / "stats.json").read_text())
    assert not any(request.path in dead for request in site.log)  # backed off: not asked again
    assert "/press-releases?page=2" not in site.paths()  # page 1: known releases and a dead link
    assert stats["listings_stopped_at_watermark"] == 1 and stats["records_written"] == 0
    assert stats["dead_links_not_retried_yet"] == 2  # those of pages 0 and 1


def test_a_transient_failure_settles_nothing_and_is_asked_again(
    site: LoopbackSite, tmp_path: Path, capsys: pytest.CaptureFixture[str], no_backoff: None
) -> None:
    out = tmp_path / "releases.jsonl"
    items = releases(12)
    serve(site, items)
    flaky = items[5].path  # on listing page 1
    healthy = site.routes[flaky]
    site.routes[flaky] = Reply(status=504)  # retried, then given up for this run
    code, err = run(site, out, capsys)
    assert code == 0, err
    assert len(lines(out)) == 11
    site.routes[flaky] = healthy
    code, err = run(site, out, capsys)
    assert code == 0, err
    assert sorted(line["url"] for line in lines(out)) == sorted(site.url(item.path) for item in items)
    assert site.count(flaky) == 1  # asked again at once
    assert "/press-releases?page=1" in site.paths()  # its listing page was read again to find it


@pytest.mark.parametrize(
    ("kind", "failures", "now", "due"),
    [
        pytest.param("http 404", ["2024-06-01T00:00:00Z"], "2024-06-01T12:00:00Z", False, id="404-half-a-day-later"),
        pytest.param("http 404", ["2024-06-01T00:00:00Z"], "2024-06-02T00:00:00Z", True, id="404-a-day-later"),
        pytest.param("not a release", ["2024-06-01T00:00:00Z", "2024-06-05T00:00:00Z"], "2024-06-08T00:00:00Z", False, id="doubles"),
        pytest.param("not a release", ["2024-06-01T00:00:00Z", "2024-06-05T00:00:00Z"], "2024-06-09T00:00:00Z", True, id="doubled-wait-over"),
        pytest.param("blocked", ["2024-01-01T00:00:00Z", "2024-06-01T00:00:00Z"], "2024-07-01T00:00:00Z", True, id="at-most-30-days"),
        pytest.param("http 503", ["2024-06-01T00:00:00Z"], "2024-06-01T00:00:01Z", True, id="transient-at-once"),
        pytest.param("timeout", ["2024-06-01T00:00:00Z"], "2024-06-01T00:00:01Z", True, id="timeout-at-once"),
        pytest.param("http 429", ["2024-06-01T00:00:00Z"], "2024-06-01T00:00:01Z", True, id="429-at-once"),
    ],
)
def test_dead_link_backoff(tmp_path: Path, kind: str, failures: list[str], now: str, due: bool) -> None:
    from datetime import datetime

    from scraper.incremental import IncrementalState

    url = "https://example.org/secretariat/1"
    times = iter(datetime.fromisoformat(moment) for moment in failures)
    with StateStore(tmp_path / "s.db", clock=lambda: next(times)) as store:
        for _ in failures:
            store.record_failed(url, f"{kind}: why")
        state = IncrementalState(store, OutputStub(), clock=lambda: datetime.fromisoformat(now))
        assert state.due(url) is due
        assert state.due("https://example.org/never-seen")


class OutputStub:
    path = None
    existed = True


@pytest.mark.parametrize("output", ["empty", "missing"])
def test_a_crawl_stopped_before_its_first_record_resumes(
    site: LoopbackSite, tmp_path: Path, capsys: pytest.CaptureFixture[str], output: str
) -> None:
    items = releases(6)
    out = tmp_path / "releases.jsonl"
    serve(site, items)
    code, err = run(site, out, capsys, "--max-pages", "1")  # the first listing page only: no record yet
    assert code == 0 and "left in the state's frontier" in err and not lines(out)
    if output == "missing":
        out.unlink(missing_ok=True)
    else:
        out.write_bytes(b"")
    code, err = run(site, out, capsys)
    assert code == 0, err
    assert "resumed from the last run's frontier" in err and "missing or empty" not in err
    assert "/press-releases" not in site.paths()  # the first listing page was done: not read again
    assert sorted(line["url"] for line in lines(out)) == sorted(site.url(item.path) for item in items)


def test_stdout_without_state_keeps_nothing(site: LoopbackSite, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    serve(site, releases(3))
    code = main(["crawl", site.url("/press-releases"), "--site", "osce", "--delay", "0"])
    assert code == 0
    assert len(capsys.readouterr().out.splitlines()) == 3
    assert list(tmp_path.iterdir()) == [] and not list(Path.cwd().glob("*.state.db"))


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(b"not a database at all\n" * 10, id="text"),
        pytest.param(b"SQLite format 3\x00" + bytes(84) + bytes(4000), id="other-sqlite"),
    ],
)
def test_a_bad_state_file_is_a_clear_error_and_left_untouched(
    site: LoopbackSite, tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes
) -> None:
    out = tmp_path / "releases.jsonl"
    state = default_state_path(out)
    state.write_bytes(content)
    serve(site, releases(2))
    code, err = run(site, out, capsys)
    assert code == 1
    assert "not a pressroom state database" in err and "Traceback" not in err
    assert state.read_bytes() == content
    assert site.log == []  # refused before any request


def test_state_option_and_no_state(site: LoopbackSite, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out, state = tmp_path / "a.jsonl", tmp_path / "elsewhere.db"
    serve(site, releases(2))
    assert run(site, out, capsys, "--state", str(state))[0] == 0
    assert state.exists() and not default_state_path(out).exists()
    assert run(site, tmp_path / "b.jsonl", capsys, "--no-state")[0] == 0
    assert not default_state_path(tmp_path / "b.jsonl").exists()


# -- subprocesses: kill -9, SIGINT, two runs at once ------------------------------------------------


def start_crawl(site: LoopbackSite, out: Path, env: dict[str, str] | None = None, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "scraper", *crawl_argv(site, out, *extra)],
        cwd=REPO,
        env={**os.environ, **(env or {})},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_for_line(process: subprocess.Popen[str], marker: str) -> list[str]:
    """Read the process's stderr until a line containing `marker` (fails if it ends first)."""
    seen: list[str] = []
    assert process.stderr is not None
    for line in process.stderr:
        seen.append(line)
        if marker in line:
            return seen
    pytest.fail(f"the crawl ended without saying {marker!r}: {''.join(seen)}")


def finish(process: subprocess.Popen[str]) -> tuple[int, str]:
    _, err = process.communicate(timeout=WAIT)
    return process.returncode, err


def kill_9(process: subprocess.Popen[str]) -> None:
    process.kill()
    process.wait(timeout=WAIT)
    if process.stderr is not None:
        process.stderr.close()


def rerun_until_done(site: LoopbackSite, out: Path) -> list[str]:
    """Run the crawl again (no hooks) until it completes; the stderr of each run."""
    errors = []
    for _ in range(3):
        code, err = finish(start_crawl(site, out))
        errors.append(err)
        if code == 0:
            return errors
    pytest.fail("the crawl did not complete in three reruns: " + "\n".join(errors))


def assert_every_release_exactly_once(out: Path, site: LoopbackSite, items: list[FakeRelease]) -> None:
    written = list(read_jsonl(out))  # raises on any line that is not a complete JSON object
    urls = [line["url"] for line in written]
    assert sorted(urls) == sorted(site.url(item.path) for item in items)
    assert {line["version"] for line in written} == {1}


@pytest.mark.parametrize("point", ["mid-line", "after-line"])
def test_kill_9_at_the_writer_then_rerun_gives_every_release_once(site: LoopbackSite, tmp_path: Path, point: str) -> None:
    items = releases(10)
    serve(site, items)
    out = tmp_path / "releases.jsonl"
    process = start_crawl(site, out, {TEST_HALT_ENV: f"{point}:4"})
    wait_for_line(process, f"test halt {point} 4")
    kill_9(process)
    raw = out.read_bytes()
    assert raw.count(b"\n") == 3 + (point == "after-line")
    assert raw.endswith(b"\n") == (point == "after-line")  # mid-line: a torn fourth line
    errors = rerun_until_done(site, out)
    if point == "mid-line":
        assert "cut" in errors[0] and "torn by a crash" in errors[0]
    assert_every_release_exactly_once(out, site, items)


def test_kill_9_with_a_group_commit_waiting_then_rerun(site: LoopbackSite, tmp_path: Path) -> None:
    items = releases(16)
    serve(site, items)
    out = tmp_path / "releases.jsonl"
    # Four workers: line 6 is fsynced, and lines of its batch may be appended but not yet recorded.
    process = start_crawl(site, out, {TEST_HALT_ENV: "after-line:6"}, "--concurrency", "4")
    wait_for_line(process, "test halt after-line 6")
    kill_9(process)
    assert len(lines(out)) >= 6
    with StateStore(default_state_path(out)) as state:
        assert state.written_count() < len(lines(out))  # the state is behind the output, never ahead
    rerun_until_done(site, out)
    assert_every_release_exactly_once(out, site, items)


@pytest.mark.parametrize("after", [0, 3, 7])
def test_kill_9_while_a_request_is_in_flight_then_rerun(site: LoopbackSite, tmp_path: Path, after: int) -> None:
    items = releases(10)
    serve(site, items)
    gate, arrived = threading.Event(), threading.Event()
    target = items[after].path  # listing order is newest first: release `after` comes after `after` records
    site.routes[target] = held(site.routes[target], gate, arrived)
    out = tmp_path / "releases.jsonl"
    process = start_crawl(site, out)
    try:
        assert arrived.wait(WAIT), "the held request never came"
        kill_9(process)
        assert len(lines(out)) == after  # every record before the held one is durable
    finally:
        gate.set()
    requests_before = len(site.log)
    rerun_until_done(site, out)
    assert_every_release_exactly_once(out, site, items)
    resumed = [r.path for r in site.log[requests_before:] if r.path.startswith("/secretariat/")]
    assert not set(resumed) & {item.path for item in items[:after]}  # resumed: the done ones not asked again


def test_two_runs_at_once_the_second_fails_fast_with_the_lock_message(
    site: LoopbackSite, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    items = releases(6)
    serve(site, items)
    gate, arrived = threading.Event(), threading.Event()
    site.routes[items[2].path] = held(site.routes[items[2].path], gate, arrived)
    out = tmp_path / "releases.jsonl"
    first = start_crawl(site, out)
    try:
        assert arrived.wait(WAIT)
        code = main(crawl_argv(site, out))
        err = capsys.readouterr().err
        assert code == 1
        assert f"another pressroom run is using {default_state_path(out)} (pid {first.pid})" in err
        assert "database is locked" not in err and "Traceback" not in err
    finally:
        gate.set()
    assert finish(first)[0] == 0
    assert_every_release_exactly_once(out, site, items)


def test_sigint_stops_cleanly_and_the_next_run_resumes(site: LoopbackSite, tmp_path: Path) -> None:
    items = releases(12)
    serve(site, items)
    fresh_requests = 1 + 3 + 12  # robots.txt, three listing pages, every release
    gate, arrived = threading.Event(), threading.Event()
    site.routes[items[5].path] = held(site.routes[items[5].path], gate, arrived)
    out = tmp_path / "releases.jsonl"
    process = start_crawl(site, out)
    try:
        assert arrived.wait(WAIT)
        process.send_signal(signal.SIGINT)
        code, err = finish(process)
    finally:
        gate.set()
    assert code == 3, err
    assert "Interrupted by SIGINT" in err and "run the same command again to resume" in err
    assert "Traceback" not in err
    written = lines(out)
    assert len(written) == 5
    with StateStore(default_state_path(out)) as state:  # consistent: the state says what the file holds
        assert state.written_count() == 5
        assert state.pending_count() > 0
        assert state.watermark(site.url("/press-releases")) is None  # not a completed crawl
    site.log.clear()
    code, err = finish(start_crawl(site, out))
    assert code == 0, err
    assert "resumed" in err
    assert_every_release_exactly_once(out, site, items)
    assert len(site.log) < fresh_requests
    assert not {r.path for r in site.log} & {item.path for item in items[:5]}


def test_a_second_signal_quits_at_once_and_the_next_run_recovers(site: LoopbackSite, tmp_path: Path) -> None:
    items = releases(8)
    serve(site, items)
    out = tmp_path / "releases.jsonl"
    process = start_crawl(site, out, {TEST_HALT_ENV: "after-line:3"})  # stopped: line 3 durable, not recorded
    wait_for_line(process, "test halt after-line 3")
    process.send_signal(signal.SIGINT)  # both arrive while it is stopped: the handlers run in order
    process.send_signal(signal.SIGTERM)
    process.send_signal(signal.SIGCONT)
    code, err = finish(process)
    assert code == 128 + signal.SIGTERM, err  # the second signal: at once, no summary
    assert "finishing up" in err and "Crawl" not in err
    assert len(lines(out)) == 3
    rerun_until_done(site, out)
    assert_every_release_exactly_once(out, site, items)


def test_conditional_route_answers_304_only_to_its_own_validators() -> None:
    route = conditional(Reply("<p>one</p>"))
    full = route(Request("GET", "/", {}, 0.0))
    etag = full.headers["ETag"]
    assert route(Request("GET", "/", {"if-none-match": etag}, 0.0)).status == 304
    assert route(Request("GET", "/", {"if-none-match": '"other"'}, 0.0)).status == 200
    assert route(Request("GET", "/", {"if-modified-since": full.headers["Last-Modified"]}, 0.0)).status == 304


# -- group commit -----------------------------------------------------------------------------------


class Journal:
    """A writer and a state that log, in one list, what the group commit asks of them."""

    def __init__(self, fail_sync: bool = False) -> None:
        self.events: list[str] = []
        self.fail_sync = fail_sync

    def write(self, record: PressRelease) -> None:
        self.events.append(f"write {record.url}")

    def append(self, record: PressRelease) -> None:
        self.events.append(f"append {record.url}")

    def sync(self) -> None:
        if self.fail_sync:
            raise OutputError("cannot write to output file out.jsonl: Input/output error")
        self.events.append("sync")

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        self.events.append("begin")
        yield
        self.events.append("commit")

    def written(self, record: PressRelease, page: Page) -> None:
        self.events.append(f"written {record.url}")

    def done(self, url: str) -> None:
        self.events.append(f"done {url}")


class WriteOnly:
    """A writer without append/sync: every line durable in write."""

    def __init__(self, journal: Journal) -> None:
        self.journal = journal

    def write(self, record: PressRelease) -> None:
        self.journal.write(record)


def record(number: int) -> PressRelease:
    return PressRelease(url=f"https://example.org/{number}", site="generic", title="t", body="b").with_content_hash()


PAGE = Page(url="https://example.org/", final_url="https://example.org/", status=200, headers={})


def group_commit(journal: Journal, writer: object, max_lines: int, commits: list[int], failures: list[Exception]) -> GroupCommit:
    return GroupCommit(
        writer, journal, max_lines=max_lines, max_delay=0.0, on_commit=commits.append, on_failure=failures.append  # type: ignore[arg-type]
    )


def test_a_full_batch_is_synced_once_then_recorded_in_one_transaction() -> None:
    async def go() -> tuple[Journal, list[int]]:
        journal, commits = Journal(), []
        commit = group_commit(journal, journal, 3, commits, [])
        for number in range(3):
            commit.add(record(number), PAGE, f"https://example.org/{number}?frontier")
        return journal, commits

    journal, commits = asyncio.run(go())
    appends = [f"append https://example.org/{n}" for n in range(3)]
    recorded = [event for n in range(3) for event in (f"written https://example.org/{n}", f"done https://example.org/{n}?frontier")]
    assert journal.events == [*appends, "sync", "begin", *recorded, "commit"]
    assert commits == [3]


def test_one_line_a_batch_with_one_worker() -> None:
    async def go() -> Journal:
        journal = Journal()
        commit = group_commit(journal, journal, 1, [], [])
        commit.add(record(1), PAGE, "u1")
        assert journal.events[-1] == "commit"  # recorded before add returns: before the next request
        return journal

    assert asyncio.run(go()).events == ["append https://example.org/1", "sync", "begin", "written https://example.org/1", "done u1", "commit"]


def test_a_partial_batch_is_committed_after_the_delay() -> None:
    async def go() -> tuple[Journal, list[int]]:
        journal, commits = Journal(), []
        commit = group_commit(journal, journal, 16, commits, [])
        commit.add(record(1), PAGE, "u1")
        commit.add(record(2), PAGE, "u2")
        assert "sync" not in journal.events
        for _ in range(10):  # the timer (max_delay 0) fires on a coming turn of the loop
            await asyncio.sleep(0)
            if commits:
                break
        return journal, commits

    journal, commits = asyncio.run(go())
    assert commits == [2]
    assert journal.events.index("sync") < journal.events.index("written https://example.org/1")


def test_a_failed_sync_records_nothing() -> None:
    async def go() -> tuple[Journal, list[Exception]]:
        journal, failures = Journal(fail_sync=True), []
        commit = group_commit(journal, journal, 16, [], failures)
        commit.add(record(1), PAGE, "u1")
        for _ in range(10):
            await asyncio.sleep(0)
            if failures:
                break
        with pytest.raises(OutputError):  # a full batch fails in add, where the worker sees it
            for number in range(2, 18):
                commit.add(record(number), PAGE, f"u{number}")
        return journal, failures

    journal, failures = asyncio.run(go())
    assert [type(error) for error in failures] == [OutputError]
    assert not [event for event in journal.events if event.startswith(("written", "done", "begin"))]


def test_a_writer_without_append_writes_durable_lines() -> None:
    async def go() -> Journal:
        journal, commits = Journal(), []
        commit = group_commit(journal, WriteOnly(journal), 2, commits, [])
        commit.add(record(1), PAGE, "u1")
        commit.add(record(2), PAGE, "u2")
        return journal

    events = asyncio.run(go()).events
    assert events[:3] == ["write https://example.org/1", "write https://example.org/2", "begin"]
    assert "sync" not in events
