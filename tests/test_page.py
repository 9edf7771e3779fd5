"""The generic page and the OSCE profile, on inline snippets and on the real pages in ../shared."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import shared_files
from scraper import ExtractionError, parse
from scraper.charset import decode_html

OSCE_PAGES = shared_files("osce/pages/*.html")
OTHER_PAGES = shared_files("pages/*/*.html")
LISTING_PAGES = {"enisa-news-listing.html"}
# The shared expected records name these fields exactly as our records do.
OSCE_FIELDS = ("url", "kind", "title", "date", "place", "sources", "fields_of_work", "language")
# Words of the OSCE mega-menu, related-releases box and footer that no release body contains.
BOILERPLATE_WORDS = ("Participating States", "Related press releases", "Wallnerstrasse", "Privacy policy", "Share")


def osce_cases() -> list:
    return [pytest.param(page, field, id=f"{page.stem}::{field}") for page in OSCE_PAGES for field in OSCE_FIELDS]


def expected_for(page: Path) -> dict:
    return json.loads((page.parents[1] / "expected" / f"{page.stem}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(("page", "field"), osce_cases())
def test_shared_osce_page_field(page: Path, field: str) -> None:
    record = parse(page.read_text(encoding="utf-8"))
    assert getattr(record, field) == expected_for(page)[field]


@pytest.mark.parametrize("page", OSCE_PAGES, ids=[p.stem for p in OSCE_PAGES])
def test_shared_osce_body_boundaries(page: Path) -> None:
    expected = expected_for(page)
    paragraphs = parse(page.read_text(encoding="utf-8")).body.split("\n\n")
    assert paragraphs[0][:60] == expected["body_first"]
    assert paragraphs[-1][-60:] == expected["body_last"]
    for word in BOILERPLATE_WORDS:
        assert word not in "\n".join(paragraphs)


@pytest.mark.parametrize("page", OTHER_PAGES, ids=[p.stem for p in OTHER_PAGES])
def test_other_organizations_pages(page: Path) -> None:
    html = decode_html(page.read_bytes())
    if page.name in LISTING_PAGES:
        with pytest.raises(ExtractionError):
            parse(html, default_url=page.as_uri())
        return
    record = parse(html, default_url=page.as_uri())
    assert record.title
    assert record.body


OSCE_SNIPPET = """<!DOCTYPE html><html lang="en"><head><title>T | OSCE</title>
<link rel="canonical" href="https://www.osce.org/x/1"></head><body>
<nav><ul><li><a href="/a">Arms control</a></li><li><a href="/b">Border management</a></li></ul></nav>
<article><div class="field--name-field-news-type">Statement</div><h1 class="page-title">A title</h1>
<dl class="meta">{meta}</dl>
<div class="field--name-body"><p>{dateline}The Chair spoke today about co-operation in the region, at length.</p>
<figure><figcaption>A caption that is not body text.</figcaption></figure><p>Second paragraph.</p></div>
</article><footer>Footer text</footer></body></html>"""


@pytest.mark.parametrize(
    ("meta", "dateline", "date", "place"),
    [
        ("<dt>Date:</dt><dd>4 July 2018</dd><dt>Place:</dt><dd>WARSAW, VIENNA</dd>", "", "2018-07-04", "Warsaw/Vienna"),
        ("<dt>Date:</dt><dt>Place:</dt><dd>VIENNA</dd>", "VIENNA, 3 May 2019 – ", "2019-05-03", "Vienna"),
        ("<dt>Date:</dt><dd>7 November 2024</dd>", "VIENNA, 7 November — ", "2024-11-07", "Vienna"),
        ("<dt>Дата:</dt><dd>30 марта 2017</dd><dt>Место:</dt><dd>ДУШАНБЕ</dd>", "", "2017-03-30", "Душанбе"),
        ("", "", None, None),
    ],
    ids=["dl-labels", "empty-date-value", "dateline-without-year", "russian-labels", "no-metadata"],
)
def test_labelled_metadata_on_other_markup(meta: str, dateline: str, date: str | None, place: str | None) -> None:
    html = OSCE_SNIPPET.format(meta=meta, dateline=dateline)
    record = parse(html, "https://www.osce.org/x/1")
    assert (record.date, record.place, record.kind, record.site) == (date, place, "Statement", "osce")
    assert "caption" not in record.body and "Arms control" not in record.body and "Footer" not in record.body


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("plain words, no markup at all", "not HTML"),
        ("%PDF-1.4\x00\x01binary", "not HTML"),
        ("<html><body><p>short</p></body></html>", "no title"),
        ("<html><head><title>Only a title</title></head><body><p>tiny</p></body></html>", "no release text"),
    ],
)
def test_not_a_release_page(text: str, reason: str) -> None:
    with pytest.raises(ExtractionError, match=reason):
        parse(text, "https://example.org/x")


def test_generic_page_reads_json_ld_and_meta() -> None:
    html = """<html lang="de-DE"><head><title>Ignored | Site</title>
    <meta property="og:site_name" content="Bundesamt">
    <script type="application/ld+json">{"@type": "NewsArticle", "headline": "Die Schlagzeile",
      "datePublished": "2022-01-28T09:00:00+01:00"}</script></head>
    <body><main><p>BERLIN, 28.01.2022 – Der erste Absatz der Pressemitteilung ist lang genug für den Text.</p>
    <p>Ein zweiter Absatz.</p></main></body></html>"""
    record = parse(html, "https://www.bund.example/pm/1")
    assert (record.title, record.date, record.language, record.publisher, record.site) == (
        "Die Schlagzeile", "2022-01-28", "de", "Bundesamt", "generic")
