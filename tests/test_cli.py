"""The command line as a user meets it: parse, schema, errors and exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES, REPO
from scraper.cli import main, schema_text

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
    ("argv", "message"),
    [
        (["parse"], "the following arguments are required"),
        (["parse", "--site", "nowhere", "x.html"], "invalid choice"),
        (["parse", "--url", "https://e.org/", "a.html", "b.html"], "single FILE"),
        (["frobnicate"], "invalid choice"),
        (["parse", "--url", "ftp://example.org/a", "a.html"], "not an http(s) URL"),
        (["parse", "-", "-"], "can be read once"),
    ],
)
def test_bad_usage_exits_2_with_one_line(argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(argv, capsys)
    assert code == 2
    assert message in err
    assert "Traceback" not in err


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
