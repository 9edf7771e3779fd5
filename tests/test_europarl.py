"""The European Parliament profile against the five real press-room pages in ../shared/pages/europarl/.

Those pages are third-party: read from ../shared, never copied (the tests skip when it is absent).
The expected values below were written by reading each page. The committed fixtures in
fixtures/europarl/ (pages written by us in the site's markup) are checked by tests/test_golden.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import shared_files
from schemas import PressRelease
from scraper.charset import decode_html
from scraper.discovery import read_listing
from scraper.parse import parse
from scraper.sites import profile_for
from scraper.sites.europarl import EuroparlPage

PRESS_ROOM = "https://www.europarl.europa.eu/news/en/press-room/"
# page id -> (title, date, number of key facts, first words of the body, last words of the body)
PAGES: dict[str, tuple[str, str, int, str, str]] = {
    "20190712IPR56948": (
        "Venezuela: European Parliament calls for additional sanctions", "2019-07-18", 3,
        "For the third time this year, the European Parliament adopted",
        "ask the Commission to continue cooperating with these countries.",
    ),
    "20201217IPR94207": (
        "EU-UK relations: parliament adopts temporary contingency measures", "2020-12-18", 0,
        "On Friday, Parliament adopted measures to ensure basic road and air connections",
        "if a similar set of measures is adopted by the UK.",
    ),
    "20221014IPR43206": (
        "Car-recharging stations should be available every 60 km, say MEPs", "2022-10-19", 3,
        "To help the EU become climate neutral, MEPs want car-recharging stations",
        "Parliament is now ready to start negotiations with member states.",
    ),
    "20241212IPR25960": (
        # The heading, not og:title's older "EP paves way for the use of EU funds...".
        "Parliament paves way for the use of EU funds to finance natural disaster recovery", "2024-12-17", 3,
        "Two new EU laws will offer quick EU funding for recovery measures",
        "floods and wildfires in Central, Eastern and Southern Europe in September 2024.",
    ),
    "20250204IPR26689": (
        "MEPs: Georgia’s self-proclaimed authorities have no legitimacy", "2025-02-13", 3,
        "MEPs call on the international community to join the boycott",
        "with MEPs calling for a re-run of the elections within the next year.",
    ),
}
# Text of the page's furniture: share bar, contacts, further-information links, product reference.
BOILERPLATE = (
    "Share this page", "Facebook", "WhatsApp", "Contacts:", "Press Officer", "Phone number", "E-mail",
    "@europarl.europa.eu", "Further information", "Product information", "Ref.:", "IPR",
    "Sign up for mail updates", "PDF version", "EP Multimedia Centre", "Go back to page", "Press room",
)
VISIBLE_DATE_TIME = re.compile(r"^\d\d-\d\d-\d{4} - \d\d:\d\d$")
REAL_PAGES = shared_files("pages/europarl/*.html")


def page_id(path: Path) -> str:
    match = re.search(r"\d{8}IPR\d+", path.name)
    assert match, path
    return match.group(0)


def parse_shared(path: Path) -> PressRelease:
    # Parsed as the press-room URL the page was saved from: the host picks the profile.
    return parse(decode_html(path.read_bytes()), f"{PRESS_ROOM}{page_id(path)}/saved")


@pytest.fixture(params=REAL_PAGES, ids=[page_id(p) for p in REAL_PAGES] or None)
def real_page(request: pytest.FixtureRequest) -> tuple[str, PressRelease]:
    return page_id(request.param), parse_shared(request.param)


def test_all_five_pages_are_there() -> None:
    if not REAL_PAGES:
        pytest.skip("../shared/pages/europarl is absent: the real pages are read from there, never copied")
    assert sorted(page_id(path) for path in REAL_PAGES) == sorted(PAGES)


def test_title_date_and_key_facts(real_page: tuple[str, PressRelease]) -> None:
    key, record = real_page
    title, date, facts, _, _ = PAGES[key]
    assert record.site == "europarl"
    assert record.title == title
    assert record.date == date
    assert record.date_raw is not None and VISIBLE_DATE_TIME.match(record.date_raw)
    assert len(record.highlights) == facts
    assert (record.kind, record.kind_raw) == ("press release", "Press Releases")
    assert record.publisher == "European Parliament"
    assert record.language == "en"


def test_body_boundaries(real_page: tuple[str, PressRelease]) -> None:
    key, record = real_page
    _, _, _, first, last = PAGES[key]
    assert record.body.startswith(first)
    assert record.body.endswith(last)


def test_no_boilerplate_in_body_or_highlights(real_page: tuple[str, PressRelease]) -> None:
    _, record = real_page
    text = "\n".join([record.body, *record.highlights])
    assert [phrase for phrase in BOILERPLATE if phrase in text] == []
    # The key facts are a summary above the text, not paragraphs of it.
    assert not any(fact in record.body.split("\n\n") for fact in record.highlights)


def test_rapporteurs_quoted_with_their_roles() -> None:
    [path] = [p for p in REAL_PAGES if page_id(p) == "20221014IPR43206"] or [None]
    if path is None:
        pytest.skip("../shared/pages/europarl is absent")
    record = parse_shared(path)
    assert [(s.name, s.role) for s in record.speakers] == [
        ("Ismail Ertug", "EP rapporteur on alternative fuels infrastructure"),
        ("Jörgen Warborn", "EP rapporteur on sustainable maritime fuels"),
    ]
    assert [q.speaker for q in record.quotes] == ["Ismail Ertug", "Jörgen Warborn"]
    assert [(s.affiliation, s.name_raw) for s in record.speakers] == [("S&D, DE", None), ("EPP, SE", None)]


def test_members_in_capitals_get_readable_names_and_their_group() -> None:
    [path] = [p for p in REAL_PAGES if page_id(p) == "20241212IPR25960"] or [None]
    if path is None:
        pytest.skip("../shared/pages/europarl is absent")
    record = parse_shared(path)
    assert [(s.name, s.name_raw, s.affiliation) for s in record.speakers] == [
        ("Andrzej Buła", "Andrzej BUŁA", "EPP, PL"),
        ("Younous Omarjee", "Younous OMARJEE", "the Left, FR"),
        ("Veronika Vrecionová", "Veronika VRECIONOVÁ", "ECR, CZ"),
    ]
    assert [q.speaker for q in record.quotes] == ["Andrzej Buła", "Younous Omarjee", "Veronika Vrecionová"]


@pytest.mark.parametrize(
    ("url", "profile"),
    [
        ("https://www.europarl.europa.eu/news/en/press-room/20250204IPR26689/x", EuroparlPage),
        ("https://europarl.europa.eu/news/fr/press-room/20250204IPR26689/x", EuroparlPage),
        ("https://www.europarl.europa.eu.example.com/news/", None),
    ],
)
def test_the_host_picks_the_profile(url: str, profile: type | None) -> None:
    assert (profile_for(url) is EuroparlPage) == (profile is EuroparlPage)


# A listing page written by us in the markup the profile assumes (see the module docstring of
# scraper/sites/europarl.py: inferred from the release pages, not read from a real listing).
LISTING = """<html><body><nav class="ep_breadcrumb"><a href="/news/en/press-room">Press room</a></nav>
<main>
<article class="ep-m_product"><div class="ep-a_heading"><h3 class="ep_title">
<a href="/news/en/press-room/20250310IPR00010/first-release"><span class="ep_name">First</span></a></h3>
<div class="ep_subtitle"><time itemprop="datePublished" datetime="2025-03-12T10:00:00">12-03-2025 - 10:00</time></div></div></article>
<article class="ep-m_product"><div class="ep-a_heading"><h3 class="ep_title">
<a href="https://www.europarl.europa.eu/news/en/press-room/20250309IPR00009/second-release"><span class="ep_name">Second</span></a></h3></div></article>
<a class="ep_next" rel="next" href="/news/en/press-room/page/2">Load more</a>
</main></body></html>"""


def test_listing_selectors_find_releases_and_the_next_page() -> None:
    listing = read_listing(LISTING, EuroparlPage.listing_url or "", EuroparlPage)
    assert [link.url for link in listing.links] == [
        f"{PRESS_ROOM}20250310IPR00010/first-release",
        f"{PRESS_ROOM}20250309IPR00009/second-release",
    ]
    assert listing.next_url == f"{PRESS_ROOM}page/2"
