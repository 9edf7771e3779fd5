"""The generic page and the OSCE profile, on inline snippets and on the real pages in ../shared."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import shared_files
from scraper import ExtractionError, parse
from scraper.charset import decode_html
from scraper.kinds import normalize_kind
from scraper.markup import language_code
from scraper.page import HTMLParser
from scraper.page_dates import text_after
from schemas import PressRelease
from tests.inline_pages import LONG, PARTS

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
    expected = expected_for(page)[field]
    if field == "kind":
        # The shared files keep the page's words ("Press release"): `kind_raw` is those words, `kind`
        # their term in the one vocabulary, read through the same function as the parser's.
        assert record.kind_raw == expected
        expected = normalize_kind(expected)
        assert expected is not None, f"{expected_for(page)[field]!r} is outside the kind vocabulary"
    assert getattr(record, field) == expected


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
    assert (record.date, record.place, record.kind, record.kind_raw, record.site) == (
        date, place, "statement", "Statement", "osce")
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


ABOUT_PAGE = """<html lang="en"><head><title>Who we are | Example Network</title></head><body>
<nav><a href="/">Home</a></nav><main><h1>Who we are</h1>
<p>The network brings together two hundred local groups that work on clean water, in forty countries.</p>
<p>It was founded by volunteers and is funded by its members, by foundations and by small donations.</p>
</main></body></html>"""
LISTING_PAGE = "<html><head><title>News | Example</title></head><body><main><h1>News</h1>" + "".join(
    f'<div class="item"><h3><a href="/news/{n}">Headline number {n} of the newsroom</a></h3><p>A teaser sentence of the item number {n}, short.</p></div>'
    for n in range(8)) + "</main></body></html>"


@pytest.mark.parametrize(
    ("html", "reason"),
    [(ABOUT_PAGE, "no date and no kind"), (LISTING_PAGE, "listing"),
     ("<html><head><title>Only a title</title></head><body><p>tiny</p></body></html>", "no release text"),
     ("<html><body><p>short</p></body></html>", "no title")],
    ids=["undated-about-page", "bare-listing", "empty-page", "no-title"],
)
def test_any_page_reads_what_a_release_parse_refuses(html: str, reason: str) -> None:
    with pytest.raises(ExtractionError, match=reason):
        parse(html, "https://example.org/about")
    record = parse(html, "https://example.org/about", any_page=True)
    assert record.title and record.kind is None


@pytest.mark.parametrize(
    ("inner", "body"),
    [("<p>tiny</p>", "tiny"), ("<a href='/go'><p>Read the whole</p><p>story on the next page</p></a>",
                                "Read the whole story on the next page")],
    ids=["a-few-words", "text-inside-a-link"],
)
def test_any_page_without_prose_gives_its_visible_text(inner: str, body: str) -> None:
    html = f"<html><head><title>Only a title</title></head><body><nav>Menu Home</nav>{inner}</body></html>"
    with pytest.raises(ExtractionError, match="no release text"):
        parse(html, "https://example.org/about")
    assert parse(html, "https://example.org/about", any_page=True).body == body


def test_any_page_still_refuses_what_is_not_html() -> None:
    with pytest.raises(ExtractionError, match="not HTML"):
        parse("%PDF-1.4\x00binary", "https://example.org/x", any_page=True)


def test_about_page_read_with_any_page() -> None:
    record = parse(ABOUT_PAGE, "https://example.org/about", any_page=True)
    assert (record.title, record.date) == ("Who we are", None)
    assert record.body.startswith("The network brings together") and "Home" not in record.body


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


# -- the generic page on markup of other newsrooms (inline pages written for these tests) -------------

GENERIC_PAGE = """<!DOCTYPE html><html lang="{lang}"><head><title>{title_tag}</title>{head}</head><body>
<header><a href="/">Logo</a><h1>Ministry of Examples</h1><nav><a href="/a">Topics</a> <a href="/b">Press</a></nav></header>
<div class="cookie-banner"><p>We use cookies to make this site work, and you may refuse them at any time you wish.</p></div>
<div class="page"><div class="left-navigation-wrapper">
 <div class="intro"><h1>{headline}</h1><span class="news-date">{shown_date}</span></div>
 <div class="text"><p>{first}</p></div>
 <div class="text"><p>The second paragraph of the release explains, at length, what the ministry decided and why.</p></div>
 <div class="text"><p>A third paragraph quotes nobody, but it says more about the decision, its costs, and its timing.</p></div>
 <div class="share-bar"><a href="#">Share</a> <a href="#">Print</a></div>
 <p>Press contact: Tel. +49 30 1234 5678, E-mail: press@ministry.example</p>
</div>
<aside class="related"><h3>Related</h3><ul><li><a href="/r1">Older release</a> <span class="date">3 February 2015</span></li></ul></aside>
</div><footer><p>© 2024 Ministry of Examples. All rights reserved, 1 January 2024.</p></footer></body></html>"""

GENERIC_DEFAULTS = {
    "lang": "en", "title_tag": "New rules for examples | Ministry of Examples", "head": "",
    "headline": "New rules for examples", "shown_date": "12 March 2024",
    "first": "BERLIN, 12 March 2024 – The ministry adopted new rules for examples today, after long talks.",
}


def generic_record(**changes: str) -> PressRelease:
    # any_page: some variants are undated on purpose, which the release check alone would refuse
    return parse(GENERIC_PAGE.format(**{**GENERIC_DEFAULTS, **changes}), "https://ministry.example/press/1", any_page=True)


def test_generic_body_is_the_text_without_furniture() -> None:
    record = generic_record()
    paragraphs = record.body.split("\n\n")
    assert paragraphs[0].startswith("BERLIN, 12 March 2024")
    assert paragraphs[-1].startswith("A third paragraph")
    for furniture in ("cookies", "Share", "Older release", "Press contact", "All rights reserved", "Topics"):
        assert furniture not in record.body


@pytest.mark.parametrize(
    ("changes", "title"),
    [
        ({}, "New rules for examples"),
        ({"headline": "12 March 2024 New rules for examples"}, "New rules for examples"),
        ({"headline": "Navigation", "title_tag": "New rules for examples - Ministry"}, "New rules for examples"),
        ({"headline": '<div class="topic-label">Budget 2024</div> New rules for examples',
          "title_tag": "Budget 2024: New rules for examples"}, "Budget 2024: New rules for examples"),
        ({"headline": '<span class="kicker">Budget 2024</span> New rules for examples'}, "New rules for examples"),
        ({"headline": '<span class="kicker">Budget 2024</span> New rules for examples',
          "title_tag": "Budget 2024 New rules for examples"}, "Budget 2024: New rules for examples"),
    ],
    ids=["h1-named-by-title", "h1-with-date-prefix", "h1-is-chrome", "kicker-block-in-h1", "kicker-not-in-title",
         "kicker-glued-in-title"],
)
def test_generic_title_is_the_headline_the_metadata_names(changes: dict, title: str) -> None:
    assert generic_record(**changes).title == title


@pytest.mark.parametrize(
    ("changes", "date", "raw"),
    [
        ({}, "2024-03-12", "12 March 2024"),
        ({"first": "The ministry adopted new rules for examples today, after very long talks with all."},
         "2024-03-12", "12 March 2024"),
        ({"first": "The ministry adopted new rules for examples today, after very long talks with all.", "shown_date": ""},
         None, None),
        ({"head": '<meta property="article:published_time" content="2024-03-11T23:30:00Z">'}, "2024-03-12", "12 March 2024"),
        ({"head": '<meta property="article:published_time" content="2024-03-10T08:00:00+01:00">'}, "2024-03-10",
         "2024-03-10T08:00:00+01:00"),
    ],
    ids=["dateline", "shown-by-headline", "never-related-or-copyright", "utc-timestamp-a-day-off", "timestamp"],
)
def test_generic_date(changes: dict, date: str | None, raw: str | None) -> None:
    record = generic_record(**changes)
    assert (record.date, record.date_raw) == (date, raw)


BLOG_PAGE = """<html><head><title>Guide to examples</title>{head}</head><body>
<nav><a href="/">Home</a> <a href="/blog/">Blog</a></nav>
<main>{above}<article><h1>Guide to examples</h1>{byline}
<p>The guide explains, at some length, how examples are chosen, written and checked by the team.</p>
<p>A second paragraph adds what changed this year, why it matters, and who decided it in the end.</p>
<p>Another paragraph goes through each kind of example in turn, with the reasons for and against.</p>
<p>Yet another paragraph says where the examples come from, who reads them first, and how often.</p>
<p>One more paragraph tells how long the whole process takes, from the first draft to the last.</p>
<p>A third paragraph lists what readers asked for most, and what the team will do about each request.</p>
</article>{beside}</main><footer><p>Example Blog</p></footer></body></html>"""


def blog_page(head: str = "", above: str = "", byline: str = "", beside: str = "") -> str:
    return BLOG_PAGE.format(head=head, above=above, byline=byline, beside=beside)


def blog_record(url: str = "https://blog.example/guide", **parts: str) -> PressRelease:
    return parse(blog_page(**parts), url, any_page=True)


TAGS = "Tags: " + ", ".join(f"topic number {n}" for n in range(12))


@pytest.mark.parametrize(
    ("page", "date"),
    [
        # a long date-named box, out of the headline's reach, read for the date it opens with (a last resort) ...
        ({"above": f'<div class="meta date-section-header"><span>Posted on April 13, 2023</span><div>{TAGS}</div></div>'},
         "2023-04-13"),
        # ... never a box of text of its own (WordPress names every post's <article> "status-publish")
        ({"above": f'<article class="post status-publish"><span>March 3, 2023</span><h3>Another post</h3><p>{TAGS}</p></article>'},
         None),
        # a meta tag named for the publication, its date written for a reader
        ({"head": '<meta name="published" content="July 17, 2025">'}, "2025-07-17"),
        # the one day the date elements show, in a box beside the text ...
        ({"beside": '<aside class="insight"><h3>Published</h3><p><time datetime="2024-08-30T12:00:00Z">'
                    'August 30, 2024</time></p><p><time datetime="2024-08-30">Aug 30, 2024</time></p></aside>'},
         "2024-08-30"),
        # ... but not two days, nor a day in a list of other items
        ({"beside": '<aside class="insight"><p><time datetime="2024-08-30">August 30, 2024</time></p>'
                    '<p><time datetime="2024-07-01">July 1, 2024</time></p></aside>'}, None),
        ({"above": '<div class="related-posts"><div class="related-item"><h3>Older post</h3>'
                   '<span class="date">May 2, 2024</span></div></div>'}, None),
        ({"beside": '<aside><ul><li><a href="/old">Older post</a> <time datetime="2024-07-01">July 1, 2024</time></li>'
                    '</ul></aside>'}, None),
        # a date in the URL with the month's name
        ({"url": "https://blog.example/2023/october/03/guide"}, "2023-10-03"),
        ({"url": "https://blog.example/2023/archive/03/guide"}, None),
        ({"url": "https://blog.example/2023/m%C3%A4rz/05/guide"}, "2023-03-05"),
        ({"url": "https://blog.example/2024/may/5-ways-to-save"}, None),
    ],
    ids=["long-date-box-opening", "long-box-of-text", "meta-written-date", "sole-date-beside",
         "two-dates-beside", "date-in-related-box", "date-in-list-item", "url-month-name", "url-not-a-month",
         "url-month-name-quoted", "url-month-name-then-a-slug"],
)
def test_blog_date_sources(page: dict, date: str | None) -> None:
    assert blog_record(**page).date == date


def test_a_date_shown_only_apart_from_the_headline_is_no_proof_of_a_release() -> None:
    html = blog_page(beside='<aside class="insight"><time datetime="2024-08-30">August 30, 2024</time></aside>')
    assert parse(html, "https://blog.example/about", any_page=True).date == "2024-08-30"
    with pytest.raises(ExtractionError):
        parse(html, "https://blog.example/about")  # an undated "About us" page beside a dated box


def test_generic_place_from_dateline_and_language_from_words() -> None:
    record = generic_record(lang="", first="BERLIN, 12 March 2024 – The ministry adopted the rules and it is the first time that they have been adopted at all.")
    assert (record.place, record.language) == ("Berlin", "en")


def test_labelled_date_raw_has_no_label() -> None:
    html = """<html lang="de"><head><title>Neue Regeln für Drohnen</title></head><body><main>
    <h1>Neue Regeln für Drohnen</h1><p><strong>Datum:</strong>26. Januar 2022</p>
    <p>Das Amt stellt heute neue Regeln für den Betrieb von Drohnen über Wohngebieten vor, die ab März gelten.</p>
    </main></body></html>"""
    record = parse(html, "https://amt.example/pm/7")
    assert (record.date, record.date_raw) == ("2022-01-26", "26. Januar 2022")


def test_metadata_in_page_furniture_is_read_before_the_furniture_goes() -> None:
    # The labelled list sits in a <header>, which the body search removes: its values must survive.
    html = """<html lang="en"><head><title>Water talks resume | Office</title></head><body><article>
    <header><h1>Water talks resume</h1><ul><li class="info-label">Date:</li><li class="info-value">
    <span content="2023-05-04T00:00:00+02:00">4 May 2023</span></li><li class="info-label">Source:</li>
    <li class="info-value"><a href="/a">OSCE Office in Dushanbe</a>, <a href="/b">OSCE Secretariat</a></li></ul></header>
    <div class="field--name-body"><p>DUSHANBE, 4 May 2023 – Talks on the shared river basin resumed today with
    delegations from both riverside states.</p></div></article></body></html>"""
    record = parse(html, "https://www.osce.org/x/3")
    assert (record.date, record.date_raw, record.place) == ("2023-05-04", "4 May 2023", "Dushanbe")
    assert record.sources == ["OSCE Office in Dushanbe", "OSCE Secretariat"]


@pytest.mark.parametrize(("declared", "code"), [("en-GB", "en"), ("de_AT", "de"), ("RU", "ru"), ("zz-ZZ", None), ("fil", None), ("", None)])
def test_declared_language_is_iso_639_1(declared: str, code: str | None) -> None:
    assert language_code(declared) == code


def test_an_unknown_declared_language_falls_back_to_the_text() -> None:
    html = """<html lang="zz"><head><title>Talks resume</title></head><body><main><h1>Talks resume</h1>
    <p>The talks on the river basin resumed today in the capital, and the delegations agreed on a plan for the year.</p>
    </main></body></html>"""
    assert parse(html, "https://example.org/a", any_page=True).language == "en"


# -- the date cascade on inline pages: every source a reader or htmldate would use --------------------

DATED_PAGE = """<html lang="en"><head><title>Harbour works begin | Port Authority</title>{head}</head><body>
<header><nav><a href="/">Home</a></nav></header><main><h1>Harbour works begin</h1>{under_title}
<p>The works on the northern pier began this morning and will last until the end of next year, the authority said.</p>
<p>Ships will use the southern pier meanwhile, and the ferry timetable stays as it is for the whole period.</p>
</main><aside><ul><li><a href="/old">An older release</a> <span class="date">3 February 2015</span></li></ul></aside>
<footer>© 2024 Port Authority, 1 January 2024</footer></body></html>"""

BYLINE_BELOW_PICTURE = ('<ul class="share"><li><a href="/share">Share</a></li></ul><figure><img src="/pier.jpg">'
                        "<figcaption>The northern pier</figcaption></figure><p>By A. Writer, 25 January 2022</p>")


@pytest.mark.parametrize(
    ("head", "under_title", "url", "date", "raw"),
    [
        ('<script type="application/ld+json">\n<![CDATA[\n{"@type": "NewsArticle", "datePublished": "2021-03-04T10:00:00Z"}\n]]>\n</script>',
         "", "https://port.example/news/works", "2021-03-04", "2021-03-04T10:00:00Z"),
        ('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": 1676551869}</script>',
         "", "https://port.example/news/works", "2023-02-16", "1676551869"),
        ('<meta name="rnews:datePublished" content="2010-02-22T11:53:04+00:00">', "", "https://port.example/news/works",
         "2010-02-22", "2010-02-22T11:53:04+00:00"),
        ('<meta name="our-own-date-tag" content="2014-11-23T15:00:00+04:00"><meta name="last-updated-date" content="2020-01-01">',
         "", "https://port.example/news/works", "2014-11-23", "2014-11-23T15:00:00+04:00"),
        ('<meta property="article:published_time" content="2024-02-12T09:00:00+01:00">',
         '<p class="byline">By the press office, February 12, 2024</p>', "https://port.example/news/works", "2024-02-12", "February 12, 2024"),
        ("", "<p>Pressemitteilung vom 25. Januar 2022 | Hamburg</p>", "https://port.example/news/works", "2022-01-25", "25. Januar 2022"),
        ('<meta property="article:published_time" content="2022-01-25T08:00:00Z">', "<p>Pressemitteilung vom 25. Januar 2022</p>",
         "https://port.example/news/works", "2022-01-25", "25. Januar 2022"),
        ("", "<p>Publicado el 3 de mayo de 2022</p>", "https://port.example/news/works", "2022-05-03", "3 de mayo de 2022"),
        ("", '<div class="created"><span class="key">Created on</span><span>09.02.2022</span></div>',
         "https://port.example/news/works", "2022-02-09", "09.02.2022"),
        ("", "", "https://port.example/2019/06/30/works", "2019-06-30", "2019/06/30"),
        ("", "<p>Last updated 4 May 2023</p>", "https://port.example/news/works", "2023-05-04", "4 May 2023"),
        ("", "<p>Last updated 4 May 2023 · Published 1 May 2023</p>", "https://port.example/news/works", "2023-05-01",
         "1 May 2023"),
        ("", "", "https://port.example/news/works", None, None),
        # A UTC stamp early on the 26th is the evening of the 25th west of Greenwich, where the page
        # shows the 25th below the picture; a stamp in the afternoon is no zone's 25th: it stands.
        ('<meta property="article:published_time" content="2022-01-26T01:30:00+00:00">', BYLINE_BELOW_PICTURE,
         "https://port.example/news/works", "2022-01-25", "25 January 2022"),
        ('<meta property="article:published_time" content="2022-01-26T14:00:00Z">', BYLINE_BELOW_PICTURE,
         "https://port.example/news/works", "2022-01-26", "2022-01-26T14:00:00Z"),
        ('<meta property="article:published_time" content="2022-01-26T11:59:00Z">', BYLINE_BELOW_PICTURE,
         "https://port.example/news/works", "2022-01-25", "25 January 2022"),
        ('<meta property="article:published_time" content="2022-01-26T12:00:00Z">', BYLINE_BELOW_PICTURE,
         "https://port.example/news/works", "2022-01-26", "2022-01-26T12:00:00Z"),
        # late on the 24th in UTC is the morning of the 25th east of Greenwich, where the page shows the 25th
        ('<meta property="article:published_time" content="2022-01-24T23:30:00Z">', BYLINE_BELOW_PICTURE,
         "https://port.example/news/works", "2022-01-25", "25 January 2022"),
    ],
    ids=["json-ld-in-cdata", "json-ld-unix-seconds", "rnews-meta", "any-date-meta-not-updated", "raw-as-shown-same-day",
         "text-under-title", "raw-as-shown-in-text", "spanish-under-title", "label-beside-value", "url",
         "an-update-alone-is-the-last-resort", "update-is-not-publication",
         "teaser-and-copyright-never", "utc-stamp-early-next-day-is-the-shown-evening", "utc-stamp-next-afternoon-stands",
         "utc-stamp-just-before-midday", "utc-stamp-at-midday-stands", "utc-stamp-late-is-the-shown-next-morning"],
)
def test_date_cascade(head: str, under_title: str, url: str, date: str | None, raw: str | None) -> None:
    record = parse(DATED_PAGE.format(head=head, under_title=under_title), url, any_page=True)
    assert (record.date, record.date_raw) == (date, raw)


def test_a_date_in_the_kicker_above_the_headline() -> None:
    html = DATED_PAGE.format(head="", under_title="").replace(
        "<h1>Harbour works begin</h1>", '<div class="kicker">Press 02.12.2022</div><h1>Harbour works begin</h1>')
    record = parse(html, "https://port.example/news/works", any_page=True)
    assert (record.date, record.date_raw) == ("2022-12-02", "02.12.2022")


def test_text_inside_what_looks_like_furniture_is_read_when_nothing_else_is() -> None:
    # An <aside> left open by the page's template holds the whole article.
    paragraph = "The harbour works began this morning and will last until the end of next year, the authority said."
    html = (f"<html><head><title>Harbour works begin | Port</title></head><body><aside class='column'>"
            f"<div class='story'><p>{paragraph}</p><p>{paragraph} Again.</p></div></aside></body></html>")
    assert parse(html, "https://port.example/news/works", any_page=True).body.startswith("The harbour works began")


def test_an_article_with_related_headlines_in_its_box_is_not_a_listing() -> None:
    paragraph = "The harbour works began this morning and will last until the end of next year, the authority said today."
    related = "".join(f'<h3><a href="/news/{n}">Older story number {n}</a></h3>' for n in range(6))
    html = (f"<html><head><title>Harbour works begin | Port</title></head><body><main><h1>Harbour works begin</h1>"
            f"<p>12 March 2024</p>{f'<p>{paragraph}</p>' * 8}<div class='more'>{related}</div></main></body></html>")
    record = parse(html, "https://port.example/news/works")  # a release parse, as a crawl's
    assert record.body.startswith("The harbour works began") and "Older story" not in record.body
    with pytest.raises(ExtractionError, match="listing"):
        parse(LISTING_PAGE, "https://port.example/news")


@pytest.mark.parametrize(
    ("first", "kind", "kind_raw"),
    [
        ("BERN, 12 March 2024 – Rede von Bundesrätin Anna Muster bei der Eröffnung der Konferenz über Beispiele.",
         "speech", "Rede"),
        ("Remarks by the Minister at the opening of the conference on examples, as delivered in the capital.",
         "speech", "Remarks"),
        ("BERLIN, 12 March 2024 – The ministry adopted new rules for examples today, after long talks.", None, None),
        ("Rules by the dozen were adopted by the ministry today, after long talks with all of the partners.", None, None),
    ],
    ids=["rede-after-dateline", "remarks-by", "no-kind-word", "not-a-kind-word"],
)
def test_kind_named_in_the_opening_words(first: str, kind: str | None, kind_raw: str | None) -> None:
    record = generic_record(first=first)
    assert (record.kind, record.kind_raw) == (kind, kind_raw)


@pytest.mark.parametrize(
    ("standfirst", "read"),
    [
        ('<div class="l-detail-page__teaser-text"><p>Pressemitteilung vom 9. Mai 2024 | Berlin – Der Rat hat beschlossen.</p></div>',
         True),
        ('<div class="l-detail-page__teaser-text"><p><a href="/pm/0">Pressemitteilung vom 9. Mai 2024 | Berlin</a></p></div>',
         False),
        ('<div class="teaser-list"><p>Pressemitteilung vom 9. Mai 2024 | Berlin – Der Rat hat beschlossen.</p></div>', False),
    ],
    ids=["own-standfirst-named-teaser", "linked-teaser", "teaser-list"],
)
def test_the_text_after_the_headline_reads_its_own_standfirst(standfirst: str, read: bool) -> None:
    # The date a reader sees under the headline ("Pressemitteilung vom 9. Mai 2024") is read from this text.
    tree = HTMLParser(f"<html><body><div class='head'><h1>Der Rat beschließt</h1>{standfirst}</div></body></html>")
    assert ("9. Mai 2024" in text_after(tree.css_first("h1"), 200)) is read


@pytest.mark.parametrize("instruction", ["<?php echo $tags; ?>", "<?xml version='1.0'?>", "<? unterminated"])
def test_a_processing_instruction_in_the_text_is_dropped_and_the_text_kept(instruction: str) -> None:
    # lexbor reads "<?...>" as a node with no tag name: the walk over the text's blocks met it and
    # raised (AttributeError), and the release was lost (a template's PHP left in a real page).
    html = ("<html><head><title>Water plan agreed</title></head><body><article><h1>Water plan agreed</h1>"
            "<p>VIENNA, 3 May 2024 - The ministers agreed a plan for clean water in the region, after two days.</p>"
            f"<div>The plan sets out who builds what, and by when, in every district.{instruction}"
            " It will be reviewed next spring by all of the partners.</div></article></body></html>")
    record = parse(html, "https://example.org/news/water")
    assert "who builds what" in record.body and "php" not in record.body


# -- dates beside the headline: what a reader takes as the page's date ------------------------------

HEADED_PAGE = """<html lang="{lang}"><head><title>Harbour works begin | Port Authority</title>{head}</head><body>
<header><nav><a href="/">Home</a></nav></header><main>{above}<{tag}>Harbour works begin</{tag}>{under}
<p>The works on the northern pier began this morning and will last until the end of next year, the authority said.</p>
<p>Ships will use the southern pier meanwhile, and the ferry timetable stays as it is for the whole period.</p>
</main></body></html>"""


def headed_record(head: str = "", above: str = "", under: str = "", tag: str = "h1", lang: str = "en") -> tuple:
    html = HEADED_PAGE.format(head=head, above=above, under=under, tag=tag, lang=lang)
    record = parse(html, "https://port.example/news/works", any_page=True)
    return record.date, record.date_raw


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ({"under": '<div class="meta"><span class="updated hidden">2022-12-07T10:10:52+01:00</span>'
                   "<span>25. Dezember 2022</span></div>"}, ("2022-12-25", "25. Dezember 2022")),
        ({"under": '<div class="meta"><time class="updated">16 March 2021</time></div>'}, ("2021-03-16", "16 March 2021")),
        ({"under": '<div class="meta"><time class="entry-date updated">3 May, 2022, 11:37 pm</time></div>'},
         ("2022-05-03", "3 May, 2022")),
        ({"above": '<div class="topline"><span>06.12.2022</span></div>',
          "under": '<div class="subtitle">Citizens may invest in the pier from 9.1. to 10.2.2023 and earn interest on '
                   "their money, the authority said when it presented the plan to the press and the council.</div>"},
         ("2022-12-06", "06.12.2022")),
        ({"above": '<div class="date">Harbour, 2.11.22</div>'}, ("2022-11-02", "2.11.22")),
        ({"tag": "h3", "under": '<div class="lineinfo">Thu 25.04.24 | 14:07 | By A. Writer</div>'},
         ("2024-04-25", "25.04.24")),
        ({"under": '<div class="byline">By A. Writer, August 13, 2010 -- Updated 2308 GMT</div>'},
         ("2010-08-13", "August 13, 2010")),
        ({"under": "<p>Actualizado el 08/05/2022</p>"}, (None, None)),
    ],
    ids=["hidden-update-beside-the-shown-date", "lone-update-named-date-is-the-page-date", "entry-date-updated",
         "topline-date-beats-an-event-in-the-standfirst", "two-digit-year-in-a-date-element", "headline-in-h3",
         "date-before-an-update-label", "ambiguous-slashed-update-date-on-an-english-page"],
)
def test_dates_beside_the_headline(page: dict, expected: tuple) -> None:
    assert headed_record(**page) == expected


@pytest.mark.parametrize(
    ("head", "under", "expected"),
    [
        # the page shows its stamp's instant in another zone (same minutes): the shown day
        ('<meta property="article:published_time" content="2022-05-05T21:00:00-05:00">',
         '<div class="date">6 May 2022 - 2:00 a.m.</div>', "2022-05-06"),
        # the page shows a later moment by its headline (an update): the stamp's day
        ('<meta property="article:published_time" content="2024-12-03T23:17:00+09:00">',
         '<div class="date"><time datetime="2024-12-04T00:05">2024/12/04 00:05</time></div>', "2024-12-03"),
        # a time alone shows no day
        ('<meta property="article:published_time" content="2025-06-29T17:29:54Z">',
         '<div class="date"><time datetime="2025-06-30T09:46:00Z">11:46</time></div>', "2025-06-29"),
    ],
    ids=["same-instant-other-zone", "later-moment-shown", "time-only"],
)
def test_a_timestamp_one_day_off_the_shown_date(head: str, under: str, expected: str) -> None:
    assert headed_record(head=head, under=under)[0] == expected


@pytest.mark.parametrize(
    ("declared", "expected"),
    [
        ('<html xml:lang="en-GB">', "2022-03-05"),
        ('<html><head><meta name="dc.language" content="en-US"></head>', "2022-05-03"),
        ('<html><head><script type="application/ld+json">{"@type": "NewsArticle", "inLanguage": "de-DE"}</script></head>',
         "2022-03-05"),
        # an invalid lang is passed over; a plain "en" takes the region the locale meta gives it
        ('<html lang="x-default"><head><meta property="og:locale" content="en_GB"></head>', "2022-03-05"),
        ('<html lang="en"><head><meta property="og:locale" content="en_GB"></head>', "2022-03-05"),
        ('<html lang="en"><head><meta property="og:locale" content="de_DE"></head>', None),
    ],
    ids=["xml-lang", "dc-language-meta", "json-ld-in-language", "invalid-lang-then-locale", "plain-en-then-regional-locale",
         "plain-en-then-another-language"],
)
def test_a_slashed_date_is_read_by_the_language_wherever_declared(declared: str, expected: str | None) -> None:
    html = (declared + "<body><main><h1>Harbour works begin</h1><p class=\"date\">05/03/2022</p>"
            "<p>The works on the northern pier began this morning and will last until the end of next year.</p>"
            "<p>Ships will use the southern pier meanwhile, and the ferry timetable stays as it is.</p></main></body></html>")
    assert parse(html, "https://port.example/news/works", any_page=True).date == expected


def test_a_date_in_the_headline_box_metadata_list_is_the_page_date() -> None:
    # A metadata list in the article's header (items that link nowhere) is no list of teasers.
    under = '<ul class="article-MetaList"><li class="item-time"><time>28.04.2023 19:20</time></li></ul>'
    assert headed_record(under=under) == ("2023-04-28", "28.04.2023")


@pytest.mark.parametrize(
    ("lang", "under", "expected"),
    [
        ("pt-BR", '<ul class="wgt-date"><li>Harbour 03/05/2022 21:44</li></ul>', "2022-05-03"),
        ("en-US", '<div class="date">03/05/2022</div>', "2022-03-05"),
        ("en", '<div class="date">03/05/2022</div>', None),
    ],
    ids=["portuguese-day-first", "us-month-first", "plain-english-says-nothing"],
)
def test_a_slashed_date_is_read_as_the_page_language_writes_it(lang: str, under: str, expected: str | None) -> None:
    assert headed_record(lang=lang, under=under)[0] == expected


def test_a_date_among_the_title_parts_after_the_headline() -> None:
    html = HEADED_PAGE.format(head="", above="", under="", tag="h1", lang="de").replace(
        "<title>Harbour works begin | Port Authority</title>",
        "<title>Harbour works begin | Europe | Port | 28.04.2023</title>")
    assert parse(html, "https://port.example/news/works", any_page=True).date == "2023-04-28"


def test_the_metadata_the_shown_date_agrees_with_wins() -> None:
    # JSON-LD left at an older version's day; the meta tag and the page show another.
    head = ('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2021-12-06 14:36"}</script>'
            '<meta property="article:published_time" content="2022-12-15T09:13:00">')
    assert headed_record(head=head, under="<p>By A. Writer | 15.12.2022</p>") == ("2022-12-15", "15.12.2022")


def test_a_broadcast_date_is_not_the_publication() -> None:
    head = '<meta property="article:published_time" content="2023-04-28T05:00:00+02:00">'
    under = '<p class="broadcastDate">27.04.2023</p>'
    assert headed_record(head=head, under=under)[0] == "2023-04-28"


def test_a_box_holding_the_headline_is_no_teaser_box() -> None:
    # A blog engine wraps its one post in a "widget": its date is the page's; other posts' are not.
    html = """<html lang="en"><head><title>Harbour works begin | Port blog</title></head><body>
    <div class="widget Blog"><div class="blog-post hentry"><h3 class="post-title">Harbour works begin</h3>
    <div class="post-meta"><span class="post-date published">October 06, 2018</span></div>
    <div class="post-body"><p>The works on the northern pier began this morning and will last until the end of
    next year, the authority said on its blog.</p></div></div></div>
    <div class="post"><div class="post-content"><div class="post-info"><div class="post-meta">
    <span class="post-date published">November 16, 2016</span></div></div></div></div></body></html>"""
    assert parse(html, "https://port.example/blog/works", any_page=True).date == "2018-10-06"


@pytest.mark.parametrize(
    ("under", "expected"),
    [
        ("<p>Stand: 28.04.2023 16:11 Uhr</p>", ("2023-04-28", "28.04.2023")),
        ('<div class="date"><time datetime="2026-04-25T13:10:38Z">25/04/2026 Actualizado a las 15:10h.</time></div>',
         ("2026-04-25", "25/04/2026")),
        ('<div class="date"><time datetime="2023-04-28T18:03:06Z">Stand: 20:03 Uhr</time></div>',
         ("2023-04-28", "2023-04-28T18:03:06Z")),
        ('<p class="meta">© 2021 Port Authority</p>', (None, None)),
    ],
    ids=["stand-alone", "date-before-the-update-label", "update-time-only-machine-date", "copyright-never"],
)
def test_update_labelled_dates_are_the_last_resort(under: str, expected: tuple) -> None:
    assert headed_record(under=under, lang="es" if "Actualizado" in under else "de") == expected


def test_a_byline_footer_in_the_article_is_no_teaser_box() -> None:
    under = ('<div class="body-text"><footer class="byline-footer"><div class="published-wrap">'
             '<time class="time-published" datetime="2024-10-15T23:35:43+0200">15.10.24 23:35</time></div></footer></div>')
    assert headed_record(under=under, lang="nb")[0] == "2024-10-15"


def test_a_date_far_below_the_headline_where_nothing_else_dates_the_page() -> None:
    others = "".join(f'<div class="box"><a href="/x{i}">Another headline number {i} of the day</a></div>' for i in range(25))
    under = f"<div>{others}</div><div class='byline'>By A. Writer, Friday, April 28, 2023</div>"
    assert headed_record(under=under) == ("2023-04-28", "April 28, 2023")


def test_a_far_date_does_not_make_a_page_a_release() -> None:
    # An "About us" page naming a day far down its text is still refused by a crawl.
    others = "".join(f"<p>Paragraph {i} about the port authority and the work it does for all the ships.</p>" for i in range(25))
    html = HEADED_PAGE.format(head="", above="", under=f"{others}<p>Founded on 3 March 1990.</p>", tag="h1", lang="en")
    with pytest.raises(ExtractionError):
        parse(html, "https://port.example/about")


def test_an_element_named_for_the_publication_is_trusted_in_a_side_column() -> None:
    standfirst = "<p>" + "The storms over the province grew stronger all week, and the officials said so. " * 6 + "</p>"
    under = (f'{standfirst}<div class="caption">A storm over the province.</div><div class="single-sidebar-left"><div class="post-info">'
             '<p class="single-published-date">28 November 2025</p></div></div>')
    head = '<meta property="article:published_time" content="2025-11-30T10:00:00Z">'
    assert headed_record(head=head, under=under)[0] == "2025-11-28"


def test_a_headline_in_a_lower_heading_after_many_navigation_headings() -> None:
    navigation = "".join(f"<h3>Line {i} of the traffic news</h3>" for i in range(20))
    html = HEADED_PAGE.format(head="", above=f"<nav>{navigation}</nav>", tag="h3", lang="de",
                              under='<div class="lineinfo">Do 25.04.24 | 14:07 Uhr | Von A. Writer</div>').replace(
        "<h3>Harbour works begin</h3>", '<h3><span class="roofline">Premiere</span> Harbour works begin</h3>')
    assert parse(html, "https://port.example/news/works", any_page=True).date == "2024-04-25"


LINKS = "".join(f"<a href='/story/{n}'>Another story of the week about the council, number {n}</a>" for n in range(6))


@pytest.mark.parametrize("tag", ["h2", "h3", "h4"])
def test_a_standfirst_set_as_a_heading_under_the_headline_opens_the_text(tag: str) -> None:
    standfirst = "The council has agreed a plan for every district, and it will take effect next spring after a vote."
    paragraphs = "".join(f"<p>{part}</p>" for part in PARTS[:4])
    html = (f"<html><body><main><article><div class='top'><h1>The plan for the districts</h1><{tag} class='summary'>{standfirst}</{tag}></div>"
            "<div class='media'><p>A photo of the council at its meeting.</p></div>"
            f"<div class='text'>{paragraphs}</div><div class='more'>{LINKS}</div></article></main></body></html>")
    assert parse(html, "https://example.org/news/1", any_page=True).body.startswith(standfirst)


def test_the_only_h1_heads_the_lead_however_it_words_the_headline() -> None:
    # The <h1> runs a kicker into a headline worded otherwise than the page's <title>.
    standfirst = "The council has agreed a plan for every district, and it will take effect next spring after a vote."
    paragraphs = "".join(f"<p>{part}</p>" for part in PARTS[:4])
    html = (f"<html><head><title>Council backs district plan after long debate</title></head><body><main><article>"
            f"<div class='top'><h1><span>Districts</span>A plan for each of them</h1><p class='intro'>{standfirst}</p></div>"
            "<div class='media'><p>A photo of the council at its meeting.</p></div>"
            f"<div class='text'>{paragraphs}</div><div class='more'>{LINKS}</div></article></main></body></html>")
    assert parse(html, "https://example.org/news/1", any_page=True).body.startswith(standfirst)


def test_a_text_the_furniture_took_along_is_read_without_the_furniture_removal() -> None:
    # A wrapper named like a share bar holds the article's text; the article's header alone is short.
    html = ("<html><body><article><header><h1>The council agrees</h1><div>The council of the town met on Monday in the old hall by the harbour, with every member present.</div></header>"
            f"<div class='share-zone'><div class='text'><p>{LONG}</p><p>{LONG} More.</p><p>{LONG} Again.</p></div></div>"
            "</article></body></html>")
    body = parse(html, "https://example.org/news/1", any_page=True).body
    assert LONG in body and body.endswith("Again.")


def test_a_transcript_in_the_articles_footer_is_read_without_the_furniture_removal() -> None:
    # A video page: the <footer> (furniture by its tag) holds the transcript; what is left without it
    # is a line, a sign-up box and share lines, a few sentences long.
    transcript = "".join(f"<p>Speaker {n}: I got my dog {n} years ago, and since then, with him at my side, every day starts well "
                         "and ends well.</p>" for n in range(1, 9))
    html = ("<html><body><article><h1>What the dog thinks</h1><div class='video'><p>Press play to hear it, from the start.</p></div>"
            "<div class='signup'><p>Want more stories like this one? Try our daily e-mail and see for yourself, every morning, "
            "free of charge, with the best of the week on Sundays.</p></div><div class='buttons'>Share on Facebook. Share on "
            "Twitter. Send by e-mail. Copy the link. Print the page. Save it for later. Like it. Follow us on every network we "
            f"are on, and tell your friends about it.</div><footer><div class='transcript'>{transcript}</div></footer></article></body></html>")
    body = parse(html, "https://example.org/video/1", any_page=True).body
    assert "Speaker 1: I got my dog" in body and "Speaker 8" in body


def test_a_standfirst_set_as_an_h4_in_the_headlines_box_opens_the_text() -> None:
    standfirst = "The council has agreed a plan for every district, and it will take effect next spring after a vote."
    paragraphs = "".join(f"<p>{part}</p>" for part in PARTS[:4])
    html = (f"<html><body><main><div class='top'><h1>The plan for the districts</h1><div class='spot'><h4>{standfirst}</h4></div></div>"
            f"<div class='text'>{paragraphs}</div></main></body></html>")
    assert parse(html, "https://example.org/news/1", any_page=True).body.startswith(standfirst)


def test_a_caption_under_the_headline_is_no_lead() -> None:
    caption = "The mayor (right) looks on as the members of the council vote on the plan in the old hall on Monday."
    paragraphs = "".join(f"<p>{part}</p>" for part in PARTS[:3])
    html = (f"<html><body><div class='top'><h1>The council agrees</h1><div class='photo'><img src='/a.jpg' alt=''>"
            f"<div class='photo-caption'>{caption}</div></div></div><main><div class='text'>{paragraphs}</div></main>"
            f"<div class='more'>{LINKS}</div></body></html>")
    body = parse(html, "https://example.org/news/1", any_page=True).body
    assert body.startswith(PARTS[0]) and "looks on" not in body


def test_streamed_segments_are_read_in_the_place_their_script_moves_them_to() -> None:
    # A React page streams its text late: hidden <div id="S:n">s at the end of the body, each swapped
    # by a script for its placeholder <template id="B:n"> (or "P:n", inside another segment).
    late = "".join(f"<p>{LONG} Part {n}.</p>" for n in range(4))
    html = ("<html><body><main><h1>How index funds work</h1><div class='summary'><p>Key points: funds follow an index, "
            "cost little and spread the risk over many firms.</p></div>"
            "<div class='article'><template id='B:1'></template><p>Loading the article</p></div></main>"
            f'<div hidden id="S:1"><div><template id="P:2"></template>{late}</div></div>'
            f'<div hidden id="S:2"><p>{LONG} Opening.</p></div></body></html>')
    body = parse(html, "https://example.org/investing/1", any_page=True).body
    assert f"{LONG} Opening." in body and body.endswith("Part 3.")
