"""The generic page on real newsrooms (../shared/pages), against records written by reading each page.

The expected records live in tests/expected/pages/<stem>.json and hold no third-party text beyond
what identifies a field: the title, the date, the first and last words of the body, its length, and
phrases of page furniture that must not be in it. One test per (page, field), so a failure names both.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest

from conftest import REPO, SHARED
from schemas import PressRelease
from scraper import ExtractionError, parse
from scraper.charset import decode_html

EXPECTED = REPO / "tests" / "expected" / "pages"
EXPECTATIONS = sorted(EXPECTED.glob("*.json"))
# "speakers": [name, role] pairs of the people quoted, only those verified by reading the page.
FIELDS = (
    "title", "date", "place", "language", "publisher", "body_start", "body_end", "body_chars", "body_not", "speakers",
)
# The first/last words must open/close the body within this many characters (a subheading or a
# caption before them is tolerated; a missing paragraph or a trailing contact box is not).
EDGE_CHARS = 300
BODY_CHARS_TOLERANCE = 0.3
WORDS = re.compile(r"\w+")
# Known misses, each a gap to close, not a wrong expectation: strict, so fixing one says so.
KNOWN_MISSES: dict[tuple[str, str], str] = {}


def words(text: str) -> str:
    return " ".join(WORDS.findall(text.casefold()))


def expectation(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


@cache
def record_for(page: str) -> PressRelease:
    path = SHARED / "pages" / page
    return parse(decode_html(path.read_bytes()), default_url=path.as_uri())


def cases() -> list:
    params = []
    for path in EXPECTATIONS:
        expected = expectation(path)
        for field in FIELDS if not expected["listing"] else ("listing",):
            if field not in expected:
                continue
            reason = KNOWN_MISSES.get((path.stem, field))
            marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
            params.append(pytest.param(path, field, id=f"{path.stem}::{field}", marks=marks))
    return params


def test_every_shared_page_has_an_expectation() -> None:
    pages = sorted((SHARED / "pages").glob("*/*.html")) if SHARED.exists() else []
    if not pages:
        pytest.skip(f"{SHARED} is absent")
    assert {page.stem for page in pages} == {path.stem for path in EXPECTATIONS}


@pytest.mark.parametrize(("path", "field"), cases())
def test_page_field(path: Path, field: str) -> None:
    expected = expectation(path)
    if not (SHARED / "pages" / expected["page"]).exists():
        pytest.skip(f"{SHARED} is absent: the third-party pages are read from there, never copied")
    if field == "listing":
        with pytest.raises(ExtractionError):
            record_for(expected["page"])
        return
    record = record_for(expected["page"])
    body = record.body
    if field == "title":
        assert words(record.title) == words(expected["title"])
    elif field == "body_start":
        assert words(expected["body_start"]) in words(body[: EDGE_CHARS + len(expected["body_start"])])
    elif field == "body_end":
        assert words(expected["body_end"]) in words(body[-(EDGE_CHARS + len(expected["body_end"])):])
    elif field == "body_chars":
        assert abs(len(body) - expected["body_chars"]) <= BODY_CHARS_TOLERANCE * expected["body_chars"]
    elif field == "body_not":
        assert [phrase for phrase in expected["body_not"] if phrase in body] == []
    elif field == "speakers":
        assert [[speaker.name, speaker.role] for speaker in record.speakers] == expected["speakers"]
    else:
        assert getattr(record, field) == expected[field]


# -- rules found on pages the extractor was never developed on (inline pages in our own words) ----

FILLER = "The council met for two days and agreed on a plan for the coming year, with a budget for it. " * 3
RULE_PAGES = {
    "linked opening sentence": (
        '<html><body><h1>Parking in the old town</h1><div class="entry">'
        '<p><a href="/x">A columnist says we should all write on our own sites again.</a> So here I am, trying it out on my own site today.</p>'
        f"<p>{FILLER}</p></div>"
        '<div class="widgets"><ul><li><a href="/1">Older post about bicycles</a></li><li><a href="/2">Newer post</a></li></ul></div>'
        "</body></html>",
        ["A columnist says we should all write on our own sites again. So here I am"],
        ["Older post about bicycles"],
    ),
    "teaser card wrapped in its link": (
        '<html><body><h1>Harbour festival opens</h1><div class="text">'
        f"<p>{FILLER}</p><p>{FILLER}</p>"
        '<article class="card"><a href="/other"><div class="card-body">We need a much faster roll-out of solar panels on every public roof in town.</div></a></article>'
        "</div></body></html>",
        ["The council met for two days"],
        ["solar panels on every public roof"],
    ),
    "lead beside the headline": (
        '<html><body><div class="intro"><h1>New chair of the board elected</h1><div class="author">by the press office</div>'
        '<div class="intro-copy">The members elected a new chair on Monday, the first woman to hold the office in the history of the association.</div></div>'
        f'<div class="main-text"><p>{FILLER}</p><p>{FILLER}</p></div></body></html>',
        ["The members elected a new chair on Monday, the first woman"],
        ["by the press office"],
    ),
    "what a picture shows, written beside it": (
        '<html><body><h1>Harbour festival opens</h1><div class="text">'
        '<div class="o-media__image-alt"><p>In the picture: the mayor opens the festival on the pier with two guests.</p></div>'
        f"<p>{FILLER}</p><p>{FILLER}</p></div></body></html>",
        ["The council met for two days"],
        ["In the picture: the mayor"],
    ),
}


@pytest.mark.parametrize("rule", RULE_PAGES)
def test_body_rule_on_inline_page(rule: str) -> None:
    html, present, absent = RULE_PAGES[rule]
    body = parse(html, default_url="https://example.org/news/1", any_page=True).body  # undated: any page
    for phrase in present:
        assert phrase in body
    for phrase in absent:
        assert phrase not in body
