"""The command line as a user meets it: parse, schema, errors and exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import scraper.cli.parse as parse_command  # where `parse URL` looks up PARSE_FETCH_SLEEP
from conftest import FIXTURES, REPO
from scraper.cli import main, schema_text
from scraper.fetch import DEFAULT_DELAY, USER_AGENT
from tests.loopback import LoopbackSite, Reply, redirect

SOME_FIXTURES = sorted(FIXTURES.glob("osce/*.html"))[:3]


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_parse_writes_one_line_per_file_in_order(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["parse", *map(str, SOME_FIXTURES)], capsys)
    assert code == 0, err
    lines = out.splitlines()
    assert len(lines) == len(SOME_FIXTURES)
    expected_urls = [json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))["url"] for p in SOME_FIXTURES]
    assert [json.loads(line)["url"] for line in lines] == expected_urls


def test_bad_files_are_named_and_the_rest_still_parsed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    not_html = tmp_path / "notes.txt"
    not_html.write_text("just some notes")
    code, out, err = run(["parse", str(not_html), str(SOME_FIXTURES[0]), str(tmp_path / "missing.html")], capsys)
    assert code == 1
    assert len(out.splitlines()) == 1
    assert f"{not_html}: not HTML" in err
    assert "missing.html: no such file" in err
    assert "Traceback" not in err


UNDATED_ABOUT_PAGE = """<html lang="en"><head><title>Who we are | Example Network</title></head><body><main>
<h1>Who we are</h1><p>The network brings together two hundred local groups that work on clean water, in forty countries.</p>
</main></body></html>"""


def test_any_page_gives_a_record_where_a_release_parse_refuses(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "about.html"
    page.write_text(UNDATED_ABOUT_PAGE)
    code, out, err = run(["parse", str(page)], capsys)
    assert (code, out) == (1, "") and "not a release page" in err
    code, out, err = run(["parse", "--any-page", str(page)], capsys)
    record = json.loads(out)
    assert (code, err, record["title"], record["kind"], record["date"]) == (0, "", "Who we are", None, None)


def test_url_and_site_options(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["parse", "--url", "https://example.org/a", "--site", "osce", str(SOME_FIXTURES[0])], capsys)
    record = json.loads(out)
    assert (code, record["url"], record["site"]) == (0, "https://example.org/a", "osce")


@pytest.mark.parametrize(
    ("argv", "message", "help_of"),
    [
        (["parse"], "the following arguments are required", "pressroom parse"),
        (["parse", "--site", "nowhere", "x.html"], "invalid choice", "pressroom parse"),
        (["parse", "--url", "https://e.org/", "a.html", "b.html"], "single FILE", "pressroom parse"),
        (["frobnicate"], "invalid choice", "pressroom"),
        (["--bogus"], "unrecognized arguments: --bogus", "pressroom"),
        (["parse", "--url", "ftp://example.org/a", "a.html"], "not an http(s) URL", "pressroom parse"),
        (["parse", "-", "-"], "can be read once", "pressroom parse"),
        (["parse", "a.html", "--bogus"], "unrecognized arguments: --bogus", "pressroom parse"),
        # The misspelt option is named, not the FILE argparse would miss first.
        (["parse", "--bogus"], "unrecognized arguments: --bogus", "pressroom parse"),
        (["crawl", "--dealy", "2"], "unrecognized arguments: --dealy", "pressroom crawl"),
        # An abbreviation argparse accepts is not unknown: the option's own check speaks.
        (["parse", "--ur=x"], "'x' is not an http(s) URL", "pressroom parse"),
        # A misspelt command is named as such, not the options after it; a short option with its
        # value attached is no unknown option.
        (["pars", "--url", "https://e.org/x", "a.html"], "invalid choice: 'pars'", "pressroom"),
        (["export", "-oout.csv"], "the following arguments are required: SOURCE", "pressroom export"),
        (["export", "a.jsonl", "--to", "csv"], "required: -o/--output", "pressroom export"),
        (["report", "a.jsonl", "-o", "r.html", "--colour"], "unrecognized arguments: --colour", "pressroom report"),
        (["crawl", "osce", "--delay", "-1"], "below 0", "pressroom crawl"),
        # A URL where a file is expected: a usage error naming what the option takes (it was read
        # as a path: "cannot create lock file redis:/127.0.0.2:9/0.lock", "mysql:/...: no such file").
        (["parse", "ftp://example.org/x"], "FILE|URL takes a file or an http(s) URL, not ftp://", "pressroom parse"),
        (["parse", "a.html", "file:///tmp/a.html"], "not file://", "pressroom parse"),
        (["crawl", "http://127.0.0.2:9/news", "--state", "redis://127.0.0.2:9/0", "-o", "x.jsonl"],
         "--state takes a file or a postgresql:// URL, not redis://", "pressroom crawl"),
        (["crawl", "osce", "-o", "s3://bucket/x.jsonl"], "-o takes a file, not s3://", "pressroom crawl"),
        (["crawl", "osce", "--stats", "http://127.0.0.2/s.json"], "--stats takes a file, not http://", "pressroom crawl"),
        (["export", "mysql://127.0.0.2:9/test", "--to", "csv", "-o", "out"],
         "SOURCE takes a JSON Lines file or a postgresql:// URL, not mysql://", "pressroom export"),
        (["export", "sqlite:///x.db", "--to", "csv", "-o", "out"], "not sqlite://", "pressroom export"),
        (["export", "a.jsonl", "--to", "csv", "-o", "s3://bucket/out"], "-o takes a folder or a file, not s3://", "pressroom export"),
        (["report", "https://127.0.0.2/a.jsonl", "-o", "r.html"], "RELEASES.jsonl takes a JSON Lines file", "pressroom report"),
    ],
)
def test_bad_usage_exits_2_with_one_line(argv: list[str], message: str, help_of: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(argv, capsys)
    assert code == 2
    assert message in err
    assert err.strip().endswith(f"(see {help_of} --help)")
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_schema_command_prints_the_committed_schema(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["schema"], capsys)
    assert code == 0
    committed = (REPO / "schemas" / "press_release.schema.json").read_text(encoding="utf-8")
    assert out == committed, "the models changed: regenerate with `uv run pressroom schema > schemas/press_release.schema.json`"
    assert schema_text() == committed


def test_console_script_reads_stdin() -> None:
    page = SOME_FIXTURES[0].read_bytes()
    result = subprocess.run(
        [sys.executable, "-m", "scraper", "parse", "-", "--url", "https://www.osce.org/x/2"],
        input=page, capture_output=True, cwd=REPO, timeout=60,
    )
    assert result.returncode == 0, result.stderr.decode()
    assert json.loads(result.stdout)["url"] == "https://www.osce.org/x/2"


def test_oversized_and_special_files_are_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    huge = tmp_path / "huge.html"
    huge.write_bytes(b"<html><body><p>" + b"x" * (10 * 1024 * 1024) + b"</p></body></html>")
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)  # reading it would block for ever
    code, out, err = run(["parse", str(huge), str(fifo), str(tmp_path)], capsys)
    assert (code, out) == (1, "")
    assert "huge.html: larger than 10 MB" in err
    assert "pipe: not a regular file" in err
    assert f"{tmp_path}: is a directory" in err


def test_a_wrong_site_is_hinted(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["parse", "--site", "europarl", str(SOME_FIXTURES[0])], capsys)
    assert code == 1
    assert "is it the right --site?" in err


# -- parse URL: one page through the crawler's fetcher ---------------------------------------------------

RELEASE_PAGE = """<!doctype html>
<html lang="en"><head><title>Harbour cranes go electric | Port Authority</title></head><body>
<article><h1>Harbour cranes go electric</h1><time datetime="2024-05-14">14 May 2024</time>
<p>The port authority said on Tuesday that all twelve container cranes on the north quay will run on
electricity from the end of next year, cutting diesel use at the terminal by about a third.</p>
<p>Work starts in September and will be done one crane at a time, so that ships are not delayed.</p>
</article></body></html>
"""


class SleepRecorder:
    def __init__(self) -> None:
        self.pauses: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.pauses.append(seconds)


@pytest.fixture
def pauses(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    recorder = SleepRecorder()
    monkeypatch.setattr(parse_command, "PARSE_FETCH_SLEEP", recorder)
    return recorder.pauses


def port_site() -> LoopbackSite:
    return LoopbackSite({
        "/robots.txt": Reply("User-agent: *\nDisallow: /private/\n", content_type="text/plain"),
        "/news/cranes": Reply(RELEASE_PAGE),
        "/news/old-cranes": redirect("/news/cranes", 301),
        "/private/cranes": Reply(RELEASE_PAGE),
        "/menu": Reply("<!doctype html><html><head><title>Menu</title></head><body><nav>Home</nav></body></html>"),
    })


def test_parse_fetches_urls_politely_and_mixes_them_with_files(pauses: list[float], capsys: pytest.CaptureFixture[str]) -> None:
    with port_site() as site:
        argv = ["parse", site.url("/news/cranes"), str(SOME_FIXTURES[0]), site.url("/news/gone"),
                site.url("/private/cranes"), site.url("/news/old-cranes")]
        code, out, err = run(argv, capsys)
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 1
    assert [record["url"] for record in records] == [
        site.url("/news/cranes"),
        json.loads(SOME_FIXTURES[0].with_suffix(".json").read_text(encoding="utf-8"))["url"],
        site.url("/news/cranes"),  # parsed as the URL it ends at after the redirect
    ]
    assert records[0]["title"] == "Harbour cranes go electric"
    assert f"pressroom: {site.url('/news/gone')}: HTTP 404" in err
    assert f"pressroom: {site.url('/private/cranes')}: robots.txt disallows this URL" in err
    assert "Traceback" not in err
    assert site.paths() == ["/robots.txt", "/news/cranes", "/news/gone", "/news/old-cranes", "/news/cranes"]
    assert {request.headers["user-agent"] for request in site.log} == {USER_AGENT}
    # one wait before each request to the host after the first (the recorder does not sleep, so they add up)
    assert len(pauses) == len(site.log) - 1 and min(pauses) > DEFAULT_DELAY / 2


@pytest.mark.parametrize(
    ("path", "message"),
    [
        pytest.param("/menu", "not a release page", id="not-a-release"),
        pytest.param("/private/cranes", "robots.txt disallows this URL", id="robots-refusal"),
        pytest.param("/news/gone", "HTTP 404", id="not-found"),
    ],
)
def test_a_url_that_gives_no_record_is_one_line(path: str, message: str, pauses: list[float],
                                                capsys: pytest.CaptureFixture[str]) -> None:
    with port_site() as site:
        code, out, err = run(["parse", site.url(path)], capsys)
    assert (code, out) == (1, "")
    assert err.strip().splitlines()[-1].startswith(f"pressroom: {site.url(path)}: ")
    assert message in err and "Traceback" not in err
    assert "/private/cranes" not in site.paths()


def test_url_option_is_for_files_only(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["parse", "--url", "https://port.example/a", "https://port.example/a"], capsys)
    assert code == 2
    assert "--url names where a saved FILE comes from" in err


# A URL that cannot be reached: the fetcher's retries are progress lines shaped like the CLI's own
# ("pressroom: retry 1 of ..."; fixtures record printed them bare), the failure is one line, and the
# robots.txt reason is said once (it was logged, then said again in the error line).
UNREACHABLE = {
    "parse": ["parse", "http://127.0.0.2:9/news/x"],
    "fixtures-record": ["fixtures", "record", "http://127.0.0.2:9/news/x", "--dir", "{tmp}"],
}


@pytest.mark.parametrize("argv", UNREACHABLE.values(), ids=UNREACHABLE.keys())
def test_an_unreachable_url_is_one_error_line_after_prefixed_retry_lines(
    argv: list[str], tmp_path: Path, pauses: list[float], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import logging

    from scraper import fixtures as fixtures_module

    monkeypatch.setattr(fixtures_module, "FETCH_SLEEP", parse_command.PARSE_FETCH_SLEEP)  # the recorder: no real sleep
    monkeypatch.setattr("scraper.fetch.RETRY_INITIAL_WAIT", 0.0)
    monkeypatch.setattr(logging.root, "handlers", [])  # as in a shell: no handler but the CLI's own
    monkeypatch.setattr(logging.root, "level", logging.root.level)
    code, out, err = run([word.format(tmp=tmp_path) for word in argv], capsys)
    lines = err.splitlines()
    retries = [line for line in lines if line.startswith("pressroom: retry ")]
    errors = [line for line in lines if line not in retries]
    assert (code, out) == (1, "")
    assert retries and all(" of http://127.0.0.2:9/robots.txt after " in line for line in retries), err
    assert errors == [errors[0]] and errors[0].startswith("pressroom: http://127.0.0.2:9/news/x: robots.txt of "), err
    assert err.count("unavailable (") == 1, err

