"""Fuzzing `parse` with Hypothesis: generated HTML-ish pages (nested tags, JSON-LD, meta tags,
quotation marks, capitalized names, datelines), not random text.

Whatever the page, `parse` either gives a record that survives a round trip through JSON and the
model (what `pressroom parse` writes is valid), or raises one of the documented errors of
scraper/errors.py that a page can cause; and it does so in bounded time. Kept quick: a modest
number of examples; PRESSROOM_FUZZ=fuzz-long uv run pytest tests/test_fuzz.py runs 2,000 of each.
"""

from __future__ import annotations

import json
import os
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from schemas import PressRelease
from scraper import parse
from scraper.errors import ExtractionError, ParseTimeoutError

settings.register_profile("fuzz-default", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("fuzz-long", max_examples=2_000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FUZZ = settings.get_profile(os.environ.get("PRESSROOM_FUZZ", "fuzz-default"))
SECONDS_PER_PAGE = 5.0  # generous: a generated page takes a few hundredths of a second
DOCUMENTED_ERRORS = (ExtractionError, ParseTimeoutError)

NAMES = st.sampled_from(["Anna Berg", "Carl Lind", "Maria van der Berg", "Omar Haddad", "Henrik SØRENSEN", "Jean-Luc Morel",
                         "Минister Иван Петров", "Dr. Ingrid Holm", "O'Neill", "A. B."])
TITLES = st.sampled_from(["Minister", "Head of the Mission", "OSCE Secretary General", "Ambassador", "the Director", "Sprecherin"])
VERBS = st.sampled_from(["said", "added", "stressed", "sagte", "a déclaré", "заявил", "so", "according to"])
MARKS = st.sampled_from(['"', "“", "”", "„", "«", "»", "'", "‘", "’"])
PLACES = st.sampled_from(["VIENNA", "Warsaw", "VIENNA/WARSAW", "QABALA, Azerbaijan", "ДУШАНБЕ", "Nur-Sultan", "A / A / A / A"])
DATES = st.sampled_from(["18 July 2022", "July 18, 2022", "28.10.2021", "2022-07-18", "30 марта 2017 г.", "31 February 2020", "1 May"])
DASHES = st.sampled_from([" – ", " - ", " — ", "-", ", "])
WORDS = st.text(alphabet=st.characters(codec="utf-8", categories=["L", "N", "P", "Zs"]), max_size=40)


@st.composite
def sentences(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.one_of(
        WORDS,
        st.builds(lambda m, w, n, v: f"{m}{w}{m}, {v} {n}", MARKS, WORDS, NAMES, VERBS),
        st.builds(lambda t, n: f"{t} {n}", TITLES, NAMES),
        st.builds(lambda n, t: f"{n}, the {t},", NAMES, TITLES),
        MARKS, NAMES,
    ), max_size=12))
    return " ".join(parts)


@st.composite
def paragraphs(draw: st.DrawFn) -> str:
    dateline = draw(st.one_of(st.just(""), st.builds(lambda p, s, d, e: f"{p}{s}{d}{e}", PLACES, DASHES, DATES, DASHES)))
    return dateline + draw(sentences())


def json_ld_values() -> st.SearchStrategy[object]:
    scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=30), DATES, NAMES)
    return st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                          st.dictionaries(st.sampled_from(["@type", "name", "headline", "@graph", "x"]), inner, max_size=4)),
                        max_leaves=12)


@st.composite
def json_ld(draw: st.DrawFn) -> str:
    data = {"@type": draw(st.sampled_from(["NewsArticle", "PressRelease", "WebPage", ["Article"], 3])),
            "headline": draw(st.one_of(sentences(), st.none())), "datePublished": draw(st.one_of(DATES, st.text(max_size=12))),
            "publisher": draw(json_ld_values()), "inLanguage": draw(st.sampled_from(["en", "de", "zz", "", "en-GB"]))}
    text = json.dumps(data, ensure_ascii=draw(st.booleans()))
    text = draw(st.sampled_from([text, text[: len(text) // 2], text.replace('"', '\\ud800"', 1), "[" * 50 + "]" * 50, text + "</script>"]))
    return f'<script type="application/ld+json">{text}</script>'


@st.composite
def meta_tags(draw: st.DrawFn) -> str:
    name = draw(st.sampled_from(["og:title", "article:published_time", "og:site_name", "description", "date", "og:url", "og:locale"]))
    content = draw(st.one_of(sentences(), DATES, st.just("https://example.org/x"), st.just("http://[::1")))
    return f'<meta property="{name}" content="{content.replace(chr(34), "&quot;")}">'


# Nodes other than elements and text: a processing instruction left by a template (lexbor gives it
# no tag name), comments, CDATA, a bogus end tag.
MARKUP_OTHER_THAN_ELEMENTS = st.sampled_from(["<?php echo $tags; ?>", "<?xml version='1.0'?>", "<?", "<!-- a -->",
                                              "<![CDATA[x]]>", "</ x>", "<!x>"])


@st.composite
def elements(draw: st.DrawFn, depth: int = 0) -> str:
    tag = draw(st.sampled_from(["div", "p", "span", "section", "article", "ul", "li", "blockquote", "h1", "h2", "a", "time", "table", "td", "nav", "footer"]))
    attributes = draw(st.sampled_from(["", ' class="content"', ' class="date"', ' class="related"', ' datetime="2022-07-18"', ' href="/x"', ' itemprop="articleBody"']))
    if depth >= 4:
        children = [draw(paragraphs())]
    else:
        children = draw(st.lists(st.one_of(paragraphs(), elements(depth + 1), MARKUP_OTHER_THAN_ELEMENTS), max_size=4))
    closing = draw(st.sampled_from([f"</{tag}>", f"</{tag}>", ""]))  # unclosed tags too
    nesting = draw(st.sampled_from([0, 0, 0, 80, 300]))  # now and then, absurdly deep
    return f"{'<div>' * nesting}<{tag}{attributes}>{''.join(children)}{closing}"


@st.composite
def pages(draw: st.DrawFn) -> str:
    title = draw(st.one_of(sentences(), st.builds(lambda s, n: f"{s} | {n}", sentences(), NAMES), st.just("Minister - ab" * 30 + " |")))
    head = "".join(draw(st.lists(st.one_of(json_ld(), meta_tags()), max_size=4)))
    body = "".join(draw(st.lists(elements(), max_size=5)))
    heading = draw(st.sampled_from([f"<h1>{title}</h1>", "", "<h1>Navigation</h1>"]))
    return f"<html lang=\"{draw(st.sampled_from(['en', 'de', '', 'xx-YY']))}\"><head><title>{title}</title>{head}</head><body>{heading}{body}</body></html>"


def check(html: str) -> None:
    started = time.perf_counter()
    try:
        record = parse(html, "https://example.org/fuzz")
    except DOCUMENTED_ERRORS:
        pass
    else:
        assert PressRelease.model_validate_json(record.model_dump_json()) == record
    assert time.perf_counter() - started < SECONDS_PER_PAGE


@FUZZ
@given(pages())
def test_parse_gives_a_valid_record_or_a_documented_error(html: str) -> None:
    check(html)


@settings(FUZZ, max_examples=FUZZ.max_examples // 2)
@given(st.text(alphabet=st.sampled_from(list("<>/=\"' !?-abdivpscrt{}[]:\\u0d8“”«»|–.,0123456789AZ\n")), max_size=400))
def test_parse_of_markup_soup(text: str) -> None:
    check("<html><body>" + text)
