"""`pressroom report`: the figures (a table of cases), the page's safety (no network, no markup from
records), and the page itself rendered in headless Chromium: a screenshot, the charts and the table
in the rendered DOM, and not one line on the console (a script error, or a request the page's
Content-Security-Policy refused, is logged there)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

import scraper.report as report_module
from scraper.cli import EXIT_FAILED, EXIT_OK, main
from scraper.report import OTHER_FIELDS, NO_FIELD, TOP_FIELDS, embedded_json, render, report_data
from test_export import release, write_jsonl

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
NO_CHROMIUM = "headless Chromium is not installed (Debian: apt-get install chromium; .ci/run installs it)"
CHROMIUM_SECONDS = 60
CONSOLE_LINE = re.compile(r":CONSOLE[:(]")
HOSTILE = '</script><script>document.title="pwned"</script><img src=x onerror=alert(1)>'


def quote(text: str, speaker: str | None = None) -> dict[str, Any]:
    return {"text": text, "speaker": speaker}


def sample_records() -> list[dict[str, Any]]:
    """A small crawl: several months (one empty), fields, sources, places, speakers, a hostile title."""
    return [
        release("https://port.example/a", 1, "2024-01-10", title="Cranes go electric", fields_of_work=["Energy", "Climate"],
                sources=["Port Authority"], place="Harbourtown",
                quotes=[quote("We start in May.", "Ana Ruiz"), quote("Ships will not wait.", "Ana Ruiz")],
                speakers=[{"name": "Ana Ruiz", "role": "harbour master"}]),
        release("https://port.example/b", 1, "2024-01-22", title="Ferry timetable", fields_of_work=["Transport"],
                sources=["Port Authority", "City Council"], place="Harbourtown",
                quotes=[quote("Every hour, all night.", "Li Wei")], speakers=[{"name": "Li Wei", "role": "ferry captain"}]),
        release("https://port.example/c", 1, "2024-03-05", title=HOSTILE, sources=["City Council"], place="Old Town",
                quotes=[quote("Deeper, safer.", "Ana Ruiz"), quote("No name given here.")],
                speakers=[{"name": "Ana Ruiz", "role": "acting port director"}]),
        release("https://port.example/d", 1, None, title="Undated notice"),
    ]


# -- the figures --------------------------------------------------------------------------------------


def test_months_run_from_first_to_last_with_empty_months_and_fields_counted_in_each() -> None:
    months = report_data(sample_records())["months"]
    assert months["labels"] == ["2024-01", "2024-02", "2024-03"]
    assert {series["name"]: series["counts"] for series in months["series"]} == {
        "Climate": [1, 0, 0], "Energy": [1, 0, 0], "Transport": [1, 0, 0], NO_FIELD: [0, 0, 1],
    }


def test_fields_beyond_the_top_ones_are_summed_as_other() -> None:
    fields = [f"Field {number:02d}" for number in range(TOP_FIELDS + 2)]
    records = [release(f"https://x.example/{n}", 1, "2024-05-01", fields_of_work=[field]) for n, field in enumerate(fields)]
    names = [series["name"] for series in report_data(records)["months"]["series"]]
    assert names == [*fields[:TOP_FIELDS], OTHER_FIELDS]


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        pytest.param("sources", [["City Council", 2], ["Port Authority", 2]], id="sources-by-count-then-name"),
        pytest.param("places", [["Harbourtown", 2], ["Old Town", 1]], id="places"),
        pytest.param("releases", 4, id="releases"),
        pytest.param("undated", 1, id="undated"),
    ],
)
def test_figures(key: str, expected: Any) -> None:
    assert report_data(sample_records())[key] == expected


def test_speakers_are_ranked_by_quotes_with_their_roles() -> None:
    speakers = report_data(sample_records())["speakers"]
    assert speakers == [
        {"name": "Ana Ruiz", "quotes": 3, "releases": 2, "roles": ["harbour master", "acting port director"]},
        {"name": "Li Wei", "quotes": 1, "releases": 1, "roles": ["ferry captain"]},
    ]


def test_quotes_are_listed_newest_first_with_role_title_and_link() -> None:
    quotes = report_data(sample_records())["quotes"]
    assert [(q["date"], q["speaker"]) for q in quotes] == [
        ("2024-03-05", "Ana Ruiz"), ("2024-03-05", None), ("2024-01-22", "Li Wei"), ("2024-01-10", "Ana Ruiz"), ("2024-01-10", "Ana Ruiz")]
    assert quotes[2] == {"text": "Every hour, all night.", "speaker": "Li Wei", "role": "ferry captain", "date": "2024-01-22",
                         "title": "Ferry timetable", "url": "https://port.example/b"}


def test_an_empty_crawl_still_makes_a_page() -> None:
    assert report_data([])["months"] == {"labels": [], "series": []}
    assert "0 releases" in render([], "empty")


# -- the page: self-contained and inert -----------------------------------------------------------------


def test_record_text_cannot_end_the_data_script() -> None:
    page = render(sample_records(), "t")
    assert HOSTILE not in page and "</script><script>document" not in page
    assert json.loads(json.loads(json.dumps(embedded_json(HOSTILE)))) == HOSTILE  # still the same string once parsed


def test_the_page_asks_for_nothing_from_the_network() -> None:
    page = render(sample_records(), "t")
    assert "default-src 'none'" in page  # the browser refuses any request, and says so on the console
    markup = re.sub(r'(<script type="application/json"[^>]*>).*?(</script>)', r"\1\2", page, flags=re.S)  # the data aside
    assert not re.search(r"<(link|img|iframe|object|embed)\b", markup)
    assert not re.search(r"\bsrc\s*=", markup)


# -- the page rendered in headless Chromium ---------------------------------------------------------------


def chromium(page: Path, profile: Path, *options: str, fragment: str = "") -> subprocess.CompletedProcess[str]:
    """Run headless Chromium once on a file (#fragment appended), console messages logged to stderr."""
    return subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", f"--user-data-dir={profile}",
         "--enable-logging=stderr", "--v=0", "--window-size=1200,2400", *options, page.as_uri() + fragment],
        capture_output=True, text=True, timeout=CHROMIUM_SECONDS, check=False,
    )


def rendered(page: Path, tmp_path: Path, fragment: str = "") -> tuple[str, list[str]]:
    """The DOM after the page's script ran, and every console line Chromium logged."""
    result = chromium(page, tmp_path / "profile", "--dump-dom", fragment=fragment)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout, [line for line in result.stderr.splitlines() if CONSOLE_LINE.search(line)]


def write_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    source = write_jsonl(tmp_path / "crawl.jsonl", sample_records())
    page = tmp_path / "report.html"
    assert main(["report", str(source), "-o", str(page)]) == EXIT_OK
    assert "4 releases, 5 quotes" in capsys.readouterr().err
    return page


@pytest.mark.skipif(CHROMIUM is None, reason=NO_CHROMIUM)
def test_the_report_renders_charts_and_table_in_chromium(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = write_page(tmp_path, capsys)
    dom, console = rendered(page, tmp_path)
    assert console == [], "the page logged to the console (a script error or a refused request)"
    assert 'data-rendered="yes"' in dom, "the script did not finish"
    charts = {name: re.search(rf'<div id="chart-{name}"[^>]*>(.*?)</div>', dom, re.S).group(1)
              for name in ("months", "sources", "places", "speakers")}
    bars = {name: len(re.findall(r'<rect[^>]*class="bar"', markup)) for name, markup in charts.items()}
    assert bars == {"months": 4, "sources": 2, "places": 2, "speakers": 2}  # 3 fields in Jan + "no field" in Mar
    assert "Ana Ruiz, harbour master" in charts["speakers"]
    rows = re.findall(r"<tr><td", dom)
    assert len(rows) == 5
    assert '<a href="https://port.example/b">Ferry timetable</a>' in dom
    assert "5 quotes" in dom
    assert "pwned" not in re.search(r"<title>(.*?)</title>", dom).group(1)

    shot = tmp_path / "report.png"
    result = chromium(page, tmp_path / "profile", f"--screenshot={shot}")
    assert result.returncode == 0, result.stderr[-2000:]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000


@pytest.mark.skipif(CHROMIUM is None, reason=NO_CHROMIUM)
@pytest.mark.parametrize(
    ("search", "speakers"),
    [
        pytest.param("ferry", ["Li Wei"], id="a-title-word"),
        pytest.param("harbour%20master", ["Ana Ruiz", "Ana Ruiz"], id="a-role-all-words"),
        pytest.param("MAY", ["Ana Ruiz"], id="any-case"),
        pytest.param("nothing-says-this", [], id="no-match"),
    ],
)
def test_the_quote_search_filters_the_table(search: str, speakers: list[str], tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    dom, console = rendered(write_page(tmp_path, capsys), tmp_path, fragment=f"#q={search}")
    assert console == []
    rows = re.findall(r"<tr><td[^>]*>[^<]*</td><td>([^<]*)", dom)
    assert rows == speakers
    assert f"{len(speakers)} quote" in dom


@pytest.mark.skipif(CHROMIUM is None, reason=NO_CHROMIUM)
def test_a_script_error_is_caught_by_the_console_check(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """The check above can fail: a page whose script breaks half way logs an error and never finishes."""
    monkeypatch.setattr(report_module, "SCRIPT", report_module.SCRIPT.replace("stackedMonths(document", "stackedMonth(document"))
    dom, console = rendered(write_page(tmp_path, capsys), tmp_path)
    assert any("Uncaught ReferenceError" in line for line in console)
    assert 'data-rendered="yes"' not in dom


# -- the command ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "output", "message"),
    [
        pytest.param(None, "report.html", "missing.jsonl: no such file", id="missing-input"),
        pytest.param("{oops\n", "report.html", "line 1 is not JSON", id="bad-line"),
        pytest.param("", "crawl.jsonl", "exists: pass --force", id="existing-output"),
        pytest.param("", "nowhere/report.html", "cannot write", id="no-folder"),
        pytest.param("", ".", "is a folder", id="folder-output"),
    ],
)
def test_bad_input_or_output_is_one_line(content: str | None, output: str, message: str, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / ("crawl.jsonl" if content is not None else "missing.jsonl")
    if content is not None:
        source.write_text(content, encoding="utf-8")
    assert main(["report", str(source), "-o", str(tmp_path / output)]) == EXIT_FAILED
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert not list(tmp_path.glob(".*.part"))


def test_the_report_is_readable_by_others_as_any_file_the_user_writes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = write_page(tmp_path, capsys)
    probe = tmp_path / "probe"
    probe.write_text("")  # what the umask gives a new file
    assert page.stat().st_mode & 0o777 == probe.stat().st_mode & 0o777
