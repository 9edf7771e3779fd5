"""Time and memory bounds of parsing one page: adversarial inputs for every risky pattern, caps.

Each adversarial input took seconds to minutes before its fix (figures in the ids' comments); the
bound is generous, as the machine running the tests may be busy.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scraper import parse
from scraper.dates import DATELINE, DATELINE_ALONE, find_date, parse_dateline
from scraper.page import site_name_start, strip_site_name
from scraper.places import normalize_place
from scraper.quotes import extract_quotes
from scraper.quotes.bounds import MAX_SCANNED_CHARS, scanned_paragraphs

# Generous bounds, as the machine running the tests may be busy. A pattern call below takes under
# 0.2 s when the machine is idle, the quote scanner at its cap and a page about 1 s.
PATTERN_SECONDS = 1.5
SCANNER_SECONDS = 4.0


def elapsed(call: Callable[[], object]) -> float:
    started = time.perf_counter()
    call()
    return time.perf_counter() - started


def page(*paragraphs: str, title: str = "A release about nothing in particular") -> str:
    body = "".join(f"<p>{text}</p>" for text in paragraphs)
    return f"<html><head><title>{title}</title></head><body><h1>{title}</h1>{body}</body></html>"


FILLER = "The participants discussed the situation at length, and agreed to meet again next year. " * 2

# (what, input): each a pattern's worst case found, run through the function that applies it.
ADVERSARIAL = [
    # TITLE_SUFFIX (a regex) took 17 s on 26 repetitions, doubling with each more: minutes on 40.
    pytest.param(strip_site_name, "Minister - ab" * 40 + " |", id="title-suffix-parts-holding-separators"),
    pytest.param(strip_site_name, "a - " * 25_000, id="title-suffix-many-separators"),
    pytest.param(strip_site_name, ("x" * 79 + " : ") * 2_000 + " |", id="title-suffix-long-parts"),
    # DATELINE's place let a name hold the "/" and spaces it splits at: 2.6 to 2.9 s per 200 characters.
    pytest.param(lambda text: DATELINE.match(text), "A /" * 66, id="dateline-slashes"),
    pytest.param(lambda text: DATELINE.match(text), "A\u00a0/" * 66, id="dateline-slashes-no-break-space"),
    pytest.param(lambda text: DATELINE_ALONE.match(text), "A /" * 66, id="dateline-alone-slashes"),
    pytest.param(lambda text: DATELINE.match(text), "Ab /" * 50, id="dateline-words-and-slashes"),
    pytest.param(lambda text: DATELINE.match(text), "AB - " * 40, id="dateline-caps-and-dashes"),
    pytest.param(parse_dateline, "A / " * 50 + "18 July 2022 – text", id="parse-dateline-slashes"),
    # Linear already; kept so that a change making them worse is seen.
    pytest.param(find_date, "1 " * 20_000, id="dates-many-days"),
    pytest.param(find_date, "May 1, " * 10_000, id="dates-month-first-without-year"),
    pytest.param(find_date, "1.1." * 10_000, id="dates-numeric-without-year"),
    pytest.param(normalize_place, "A, " * 30_000, id="places-many-parts"),
    pytest.param(lambda text: parse(text, "https://example.org/a"), page(*(["A / " * 50 + FILLER] * 2)),
                 id="page-opening-paragraphs-of-slashes"),  # 8 s before: two paragraphs, two patterns each
]


@pytest.mark.parametrize(("call", "text"), ADVERSARIAL)
def test_adversarial_input_is_read_in_bounded_time(call: Callable[[str], object], text: str) -> None:
    assert elapsed(lambda: call(text)) < PATTERN_SECONDS


OLD_TITLE_SUFFIX = re.compile(r"(?:\s+[|–—•·:-]\s+[^|–—•·]{2,80})+$")  # the spec site_name_start keeps


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab |-:–·\t", max_size=24))
def test_site_name_start_agrees_with_the_regex_it_replaces(title: str) -> None:
    old = OLD_TITLE_SUFFIX.search(title)
    assert site_name_start(title) == (old.start() if old else None)


@pytest.mark.parametrize(
    ("title", "stripped"),
    [
        ("Headline of the day | News | OSCE", "Headline of the day"),
        ("Headline of the day - OSCE", "Headline of the day"),
        ("Minister: the talks go on – Ministry of Things", "Minister: the talks go on"),
        ("Minister - ab" * 26 + " |", "Minister - ab" * 26 + " |"),  # the bar ends nothing: kept whole
        ("Short | Site", "Short | Site"),  # what is left would be under 10 characters: a site name only
    ],
    ids=["bars", "hyphen", "colon-inside-then-dash", "dangling-bar", "too-short-to-strip"],
)
def test_strip_site_name(title: str, stripped: str) -> None:
    assert strip_site_name(title) == stripped


# -- the quote scanner's cap ------------------------------------------------------------------------


def distinct_people(chars: int) -> list[str]:
    """Paragraphs naming a new person with a role again and again: each mention is matched against
    every person met before, so reading them all costs the square of their number."""
    paragraphs, count = [], 0
    while sum(map(len, paragraphs)) < chars:
        names = " ".join(f"Minister {_name(count, 0)} {_name(count, 1)} met Ambassador {_name(count, 2)} {_name(count, 3)},"
                         for count in range(count, count + 40))
        count += 40
        paragraphs.append(names)
    return ["\u201cWe will go on with this work,\u201d said Anna Berg, the Head of Office.", *paragraphs,
            "\u201cThat is all there is to say about it,\u201d she said."]


def _name(number: int, salt: int) -> str:
    letters = "bcdfghklmnprstvz"
    digits = f"{number * 4 + salt:06d}"
    return "".join(("K" if i == 0 else "") + letters[int(d)] + "aeiou"[int(d) % 5] for i, d in enumerate(digits))


@pytest.mark.parametrize(
    "paragraphs",
    [
        pytest.param(distinct_people(1_000_000), id="a-million-characters-of-distinct-people"),  # minutes before
        pytest.param(["\u201cOpen " + "Capitalized Words " * 60_000], id="one-run-of-capitalized-words"),
        pytest.param(["\u201c" + "A, " * 200_000], id="unclosed-quote-of-commas"),
        pytest.param(["\u201cQuote,\u201d said " + "Anna and " * 100_000 + "Berg."], id="long-speaker-phrase"),
    ],
)
def test_quote_scanner_time_is_bounded(paragraphs: list[str]) -> None:
    assert elapsed(lambda: extract_quotes(paragraphs, "en")) < SCANNER_SECONDS


@pytest.mark.parametrize(
    ("paragraphs", "scanned"),
    [
        (["a" * 10, "b" * 10], ["a" * 10, "b" * 10]),
        (["a" * MAX_SCANNED_CHARS, "b"], ["a" * MAX_SCANNED_CHARS]),
        (["a" * 10, "b" * MAX_SCANNED_CHARS], ["a" * 10, "b" * (MAX_SCANNED_CHARS - 10)]),
        ([None, "b"], ["", "b"]),
    ],
    ids=["under-the-cap", "the-next-left-out", "the-crossing-one-cut", "none-as-empty"],
)
def test_scanned_paragraphs(paragraphs: list[str], scanned: list[str]) -> None:
    assert scanned_paragraphs(paragraphs) == scanned


def test_quotes_past_the_cap_are_not_read_but_the_body_keeps_them() -> None:
    quote = "\u201cWe will keep working on this for as long as it takes,\u201d said Anna Berg, the Head of Office."
    filler = [f"Nothing at all happened on day {day}, as on the days before it. " * 20
              for day in range(MAX_SCANNED_CHARS // 1200 + 1)]  # distinct: a repeated block is dropped
    record = parse(page(quote, *filler, quote.replace("Anna Berg", "Carl Lind")), "https://example.org/a")
    assert [q.speaker for q in record.quotes] == ["Anna Berg"]
    assert record.body.count("We will keep working") == 2
