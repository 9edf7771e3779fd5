"""`pressroom fixtures record | check | rerun`: the parser developer's workflow, end to end, offline.

Pages are served by a real HTTP server on 127.0.0.1 (tests/loopback.py); the fetcher's politeness
waits are replaced by a recorder, so nothing sleeps for real. Fixtures are written under tmp_path.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest

import scraper.fixtures as fixtures_module
from scraper.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE, main
from scraper.fixtures import (
    MISSING,
    REVIEW_MARK,
    FieldDiff,
    Fixture,
    compare,
    discover,
    slug_from_url,
    word_diff,
)
import test_golden as golden
from tests.loopback import LoopbackSite, Reply

RELEASE = """<!doctype html>
<html lang="en"><head><title>Harbour cranes go electric | Port Authority</title>
<meta property="og:site_name" content="Port Authority">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article>
<h1>Harbour cranes go electric</h1>
<time datetime="2024-05-14">14 May 2024</time>
<p>The port authority said on Tuesday that all twelve container cranes on the north quay will run on
electricity from the end of next year, cutting diesel use at the terminal by about a third.</p>
<p>Work starts in September and will be done one crane at a time, so that ships are not delayed.</p>
</article>
<footer>Copyright Port Authority</footer>
</body></html>
"""
NOT_A_RELEASE = "<!doctype html><html><head><title>Menu</title></head><body><nav><a href='/'>Home</a></nav></body></html>"
ROBOTS_ALLOW = Reply("User-agent: *\nAllow: /\n", content_type="text/plain")
ROBOTS_DENY = Reply("User-agent: *\nDisallow: /news/\n", content_type="text/plain")


class SleepRecorder:
    def __init__(self) -> None:
        self.pauses: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.pauses.append(seconds)
        await asyncio.sleep(0)


@pytest.fixture(autouse=True)
def no_real_sleep(monkeypatch: pytest.MonkeyPatch) -> SleepRecorder:
    recorder = SleepRecorder()
    monkeypatch.setattr(fixtures_module, "FETCH_SLEEP", recorder)
    return recorder


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def record_from_loopback(capsys: pytest.CaptureFixture[str], root: Path, body: str = RELEASE,
                         robots: Reply = ROBOTS_ALLOW, *extra: str) -> tuple[int, str, str, LoopbackSite]:
    with LoopbackSite({"/robots.txt": robots, "/news/harbour-cranes": Reply(body)}) as site:
        code, out, err = run(capsys, "fixtures", "record", site.url("/news/harbour-cranes"), "--dir", str(root), *extra)
    return code, out, err, site


def review(fixture: Fixture) -> dict[str, Any]:
    """What a person does after reading the page: the draft was right, so only the mark goes."""
    data = json.loads(fixture.json_path.read_text(encoding="utf-8"))
    del data[REVIEW_MARK]
    fixture.json_path.write_text(fixtures_module.dump_expected(data), encoding="utf-8")
    return data


# -- record -------------------------------------------------------------------------------------------


def test_record_saves_the_page_byte_exact_and_a_draft(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err, site = record_from_loopback(capsys, tmp_path)
    assert code == EXIT_OK, err
    html = tmp_path / "generic" / "harbour-cranes.html"
    draft = json.loads(html.with_suffix(".json").read_text(encoding="utf-8"))
    assert html.read_bytes() == RELEASE.encode("utf-8")
    assert draft[REVIEW_MARK] is True
    assert draft["title"] == "Harbour cranes go electric"
    assert draft["date"] == "2024-05-14"
    assert draft["url"] == site.url("/news/harbour-cranes")
    assert not set(draft) & fixtures_module.NOT_EXPECTED
    assert site.paths() == ["/robots.txt", "/news/harbour-cranes"]  # robots.txt first, the page once
    assert "draft" in err and REVIEW_MARK in err


def test_a_recorded_draft_is_refused_by_the_golden_tests_until_reviewed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    record_from_loopback(capsys, tmp_path)
    [fixture] = discover([tmp_path])
    with pytest.raises(AssertionError, match="is a draft"):
        golden.test_fixture_is_reviewed(fixture)
    code, out, _ = run(capsys, "fixtures", "check", str(tmp_path))
    assert code == EXIT_FAILED
    assert "generic/harbour-cranes: draft" in out

    review(fixture)
    reviewed = Fixture(fixture.json_path)
    golden.test_fixture_is_reviewed(reviewed)
    golden.test_field(reviewed, "title")
    assert run(capsys, "fixtures", "check", str(tmp_path))[0] == EXIT_OK


def test_record_refuses_to_overwrite_without_force(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    record_from_loopback(capsys, tmp_path)
    json_path = tmp_path / "generic" / "harbour-cranes.json"
    json_path.write_text('{"edited": "by a person"}\n', encoding="utf-8")

    code, _, err, site = record_from_loopback(capsys, tmp_path)
    assert code == EXIT_FAILED
    assert "--force" in err
    assert json_path.read_text(encoding="utf-8") == '{"edited": "by a person"}\n'
    assert "/news/harbour-cranes" not in site.paths()  # refused before fetching

    code, _, _, _ = record_from_loopback(capsys, tmp_path, RELEASE, ROBOTS_ALLOW, "--force")
    assert code == EXIT_OK
    assert json.loads(json_path.read_text(encoding="utf-8"))[REVIEW_MARK] is True


def test_record_obeys_robots_txt_and_writes_nothing(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err, site = record_from_loopback(capsys, tmp_path, RELEASE, ROBOTS_DENY)
    assert code == EXIT_FAILED
    assert "robots.txt" in err
    assert site.paths() == ["/robots.txt"]
    assert not any(tmp_path.rglob("*.*"))


def test_record_a_europarl_page_with_a_name_and_a_site(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from conftest import FIXTURES

    page = FIXTURES / "europarl" / "plenary-pellet-spills-rapporteur-chair.html"
    reviewed = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
    with LoopbackSite({"/robots.txt": ROBOTS_ALLOW, "/press-room/pellets": Reply(page.read_bytes())}) as site:
        code, _, err = run(capsys, "fixtures", "record", site.url("/press-room/pellets"), "--site", "europarl",
                           "--name", "pellets", "--dir", str(tmp_path))
    draft = json.loads((tmp_path / "europarl" / "pellets.json").read_text(encoding="utf-8"))
    assert code == EXIT_OK, err
    assert (tmp_path / "europarl" / "pellets.html").read_bytes() == page.read_bytes()
    assert draft["site"] == "europarl"
    assert {key: draft[key] for key in ("title", "date", "date_raw", "highlights", "body")} == {
        key: reviewed[key] for key in ("title", "date", "date_raw", "highlights", "body")
    }


def test_record_keeps_a_page_the_parser_cannot_read(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err, site = record_from_loopback(capsys, tmp_path, NOT_A_RELEASE)
    draft = json.loads((tmp_path / "generic" / "harbour-cranes.json").read_text(encoding="utf-8"))
    assert code == EXIT_FAILED
    assert draft == {REVIEW_MARK: True, "url": site.url("/news/harbour-cranes"), "site": "generic"}
    assert "rerun" in err and "--write" in err


@pytest.mark.parametrize(
    ("argv", "help_of"),
    [
        pytest.param(["fixtures", "record", "http://127.0.0.1:9/x", "--name", "Not A Slug"], "fixtures record", id="bad-name"),
        pytest.param(["fixtures", "record", "http://127.0.0.1:9/x", "--site", "nowhere"], "fixtures record", id="unknown-site"),
        pytest.param(["fixtures", "check", "no/such/folder"], "fixtures check", id="missing-path"),
        pytest.param(["fixtures", "check", "--bogus"], "fixtures check", id="unknown-option"),
        pytest.param(["fixtures", "rerun", "fixtures", "--fields", "date,colour"], "fixtures rerun", id="unknown-field"),
        pytest.param(["fixtures", "rerun"], "fixtures rerun", id="no-path"),
        pytest.param(["fixtures", "record"], "fixtures record", id="no-url"),
        pytest.param(["fixtures"], "fixtures", id="no-action"),
        pytest.param(["fixtures", "record", "notaurl"], "fixtures record", id="not-a-url"),
        pytest.param(["fixtures", "record", "ftp://127.0.0.1/x"], "fixtures record", id="not-http"),
        pytest.param(["fixtures", "record", "http://127.0.0.1:9/x", "--dir", "s3://bucket/fx"], "fixtures record", id="dir-a-url"),
        pytest.param(["fixtures", "check", "https://example.org/fixtures"], "fixtures check", id="check-a-url"),
        pytest.param(["fixtures", "rerun", "s3://bucket/a.json"], "fixtures rerun", id="rerun-a-url"),
    ],
)
def test_bad_usage_exits_2_pointing_at_the_commands_own_help(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                             argv: list[str], help_of: str) -> None:
    code, _, err = run(capsys, *argv)
    assert code == EXIT_USAGE
    assert err.strip().endswith(f"(see pressroom {help_of} --help)")
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


@pytest.mark.parametrize("action", ["check", "rerun", "record"])
def test_each_action_explains_itself_with_examples(action: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["fixtures", action, "--help"])
    out = capsys.readouterr().out
    assert exit_.value.code == 0
    usage, description, *rest = out.split("\n\n")
    assert usage.startswith(f"usage: pressroom fixtures {action}")
    assert len(description.split()) >= 15, f"no description: {description!r}"
    assert f"examples:\n  pressroom fixtures {action}" in out
    assert "exit codes:" in out


def test_the_tally_counts_in_singular_and_plural(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    record_from_loopback(capsys, tmp_path)  # one draft
    (tmp_path / "generic" / "broken.html").write_text(RELEASE, encoding="utf-8")
    (tmp_path / "generic" / "broken.json").write_text("{not json", encoding="utf-8")
    code, _, err = run(capsys, "fixtures", "check", str(tmp_path))
    assert code == EXIT_FAILED
    assert "pressroom: 2 fixtures: 0 passed, 0 differ, 1 draft, 1 error" in err


# -- check and rerun ------------------------------------------------------------------------------------


@pytest.fixture
def reviewed_fixture(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> Fixture:
    record_from_loopback(capsys, tmp_path)
    [fixture] = discover([tmp_path])
    review(fixture)
    return Fixture(fixture.json_path)


def edit_expected(fixture: Fixture, **changes: Any) -> None:
    data = json.loads(fixture.json_path.read_text(encoding="utf-8"))
    data.update(changes)
    fixture.json_path.write_text(fixtures_module.dump_expected(data), encoding="utf-8")


def test_check_names_the_fixture_and_field_of_a_wrong_date(
    capsys: pytest.CaptureFixture[str], reviewed_fixture: Fixture
) -> None:
    edit_expected(reviewed_fixture, date="2024-05-15")
    code, out, err = run(capsys, "fixtures", "check", str(reviewed_fixture.json_path.parent.parent))
    assert code == EXIT_FAILED
    assert out.splitlines() == [
        "generic/harbour-cranes::date differs",
        '    expected: "2024-05-15"',
        '    actual:   "2024-05-14"',
    ]
    assert "1 differ" in err


def test_check_shows_a_changed_body_as_a_line_diff(capsys: pytest.CaptureFixture[str], reviewed_fixture: Fixture) -> None:
    body = reviewed_fixture.expected["body"]
    edit_expected(reviewed_fixture, body=body.replace("one crane at a time", "two cranes at a time"))
    code, out, _ = run(capsys, "fixtures", "check", str(reviewed_fixture.json_path))
    assert code == EXIT_FAILED
    assert "generic/harbour-cranes::body differs" in out
    assert "    --- expected" in out and "    +++ actual" in out
    assert "    -Work starts in September and will be done two cranes at a time" in out
    assert "    +Work starts in September and will be done one crane at a time" in out


def test_check_on_the_repository_fixtures_agrees_with_the_golden_tests(capsys: pytest.CaptureFixture[str]) -> None:
    from conftest import FIXTURES

    all_fixtures = discover([FIXTURES])
    code, out, _ = run(capsys, "fixtures", "check", str(FIXTURES))
    failing = {f"{f.name}::{field}" for f in all_fixtures for field in f.expected
               if field != REVIEW_MARK and f.actual().get(field, MISSING) != f.expected[field]}
    reported = {line.removesuffix(" differs") for line in out.splitlines() if line.endswith(" differs")}
    assert reported == failing
    assert code == (EXIT_FAILED if failing else EXIT_OK)


def test_rerun_shows_but_writes_only_with_write(capsys: pytest.CaptureFixture[str], reviewed_fixture: Fixture) -> None:
    edit_expected(reviewed_fixture, date="2024-05-15", title="Wrong title")
    before = reviewed_fixture.json_path.read_text(encoding="utf-8")

    code, out, _ = run(capsys, "fixtures", "rerun", str(reviewed_fixture.html_path))
    assert code == EXIT_FAILED
    assert "::date differs" in out and "::title differs" in out
    assert reviewed_fixture.json_path.read_text(encoding="utf-8") == before

    code, _, err = run(capsys, "fixtures", "rerun", str(reviewed_fixture.json_path), "--fields", "date", "--write")
    assert code == EXIT_OK
    written = json.loads(reviewed_fixture.json_path.read_text(encoding="utf-8"))
    assert written["date"] == "2024-05-14"
    assert written["title"] == "Wrong title"  # not named in --fields: left as the person wrote it
    assert "wrote" in err

    assert run(capsys, "fixtures", "rerun", str(reviewed_fixture.json_path), "--write")[0] == EXIT_OK
    assert json.loads(reviewed_fixture.json_path.read_text(encoding="utf-8"))["title"] == "Harbour cranes go electric"
    assert run(capsys, "fixtures", "check", str(reviewed_fixture.json_path))[0] == EXIT_OK


def test_rerun_keeps_a_draft_a_draft(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    record_from_loopback(capsys, tmp_path)
    [fixture] = discover([tmp_path])
    edit_expected(fixture, title="Something else")
    assert run(capsys, "fixtures", "rerun", str(fixture.json_path), "--write")[0] == EXIT_OK
    assert json.loads(fixture.json_path.read_text(encoding="utf-8"))[REVIEW_MARK] is True


# -- the diff itself ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("expected", "actual", "rendered"),
    [
        pytest.param("2024-01-02", None, 'expected: "2024-01-02"\nactual:   null', id="short-vs-null"),
        pytest.param(MISSING, [], "expected: (absent)\nactual:   []", id="absent-field"),
        pytest.param(
            "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen",
            "one two three four five six seven eight nine TEN eleven twelve thirteen fourteen fifteen sixteen seventeen",
            "… four five six seven eight nine [-ten-]{+TEN+} eleven twelve thirteen fourteen fifteen sixteen …",
            id="long-text-word-diff",
        ),
        pytest.param(["a", "b"], ["a", "c"], '--- expected\n+++ actual\n@@ -2,3 +2,3 @@\n   "a",\n-  "b"\n+  "c"\n ]',
                     id="list-line-diff"),
    ],
)
def test_field_diff_rendering(expected: Any, actual: Any, rendered: str) -> None:
    assert FieldDiff("field", expected, actual).render() == rendered


def test_word_diff_marks_additions_at_the_end() -> None:
    assert word_diff("a b c", "a b c d") == "a b c {+d+}"


def test_compare_reports_absent_and_extra_fields_but_not_the_review_mark() -> None:
    diffs = compare({"title": "T", "kind": None, REVIEW_MARK: True}, {"title": "T", "date": None})
    assert [(d.field, d.expected, d.actual) for d in diffs] == [("date", MISSING, None), ("kind", None, MISSING)]


@pytest.mark.parametrize(
    ("url", "slug"),
    [
        ("https://www.europarl.europa.eu/news/en/press-room/20250204IPR26689/meps-georgia", "meps-georgia"),
        ("https://www.osce.org/cthb/50703", "cthb-50703"),
        ("https://www.osce.org/press-releases/", "press-releases"),
        pytest.param("https://www.unwater.org/news/un-water-geneva.html", "un-water-geneva", id="html-extension-dropped"),
        pytest.param("https://example.org/news/Budget_Talks.PHP", "budget-talks", id="php-extension-any-case"),
        pytest.param("https://example.org/news/article.aspx?lang=en&ID=1234", "article-1234", id="numeric-query-value"),
        pytest.param("https://example.org/news/.html", "html", id="only-an-extension"),
        pytest.param("http://127.0.0.1:8000/", "front-page", id="bare-ip-host"),
        pytest.param("http://[::1]:8000/", "front-page", id="bare-ipv6-host"),
        pytest.param("https://www.osce.org/", "osce-front-page", id="bare-named-host"),
        pytest.param("https://news.un.org", "news-un-front-page", id="bare-subdomain"),
    ],
)
def test_slug_from_url(url: str, slug: str) -> None:
    assert slug_from_url(url) == slug
