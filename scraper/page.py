"""The generic release page: HTML text and URL in, a `PressRelease` out. Pure: no I/O, no clock.

Every field is a method and every method a cascade, one source a line, most trustworthy first
(JSON-LD, then meta tags, then visible markup, then the dateline). Site profiles in `scraper/sites/`
subclass `ReleasePage`, set class attributes (selectors, labels), and override only the fields the
generic cascade gets wrong for their site. Which part of the page is the release text is decided
in `scraper/boilerplate.py`; what the markup says source by source (meta tags, JSON-LD, the
labelled metadata list), in `scraper/markup.py`, the base class.
"""

from __future__ import annotations

import bisect
import re
from html import unescape
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import ClassVar
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser as HTMLParser
from selectolax.lexbor import LexborNode as Node

from schemas import PressRelease
from scraper.boilerplate import (
    BLOCK_TAGS,
    FURNITURE_TAGS,
    MAX_LINK_DENSITY,
    SENTENCE_ENDS,
    clean_text,
    link_density,
    link_share,
    main_nodes,
    node_names,
    node_text,
    strip_furniture,
    text_blocks,
)
from scraper.dates import (
    Dateline,
    day_first_in,
    find_page_date,
    find_short_year_date,
    page_dates,
    parse_dateline,
    parse_iso,
    unix_date,
)
from scraper.errors import ExtractionError
from scraper.kinds import normalize_kind
from scraper.language import guess_language
from scraper.markup import (
    PageMarkup,
    canonical_link,
    language_code,
    next_element,
    normalize_label,
    previous_element,
)
from scraper.nesting import bounded_tree
from scraper.places import normalize_place
from scraper.quotes import extract_quotes

# Nodes that never hold release text: removed at parse time (<script> stays for JSON-LD until read).
# (<form> is not among them: some sites wrap the whole page in one.)
NEVER_CONTENT = ("style", "noscript", "template", "svg", "iframe", "button", "select", "object", "canvas",
                 "annotation")  # a formula's TeX source beside its MathML
# Where the release text lives when a page marks it; otherwise the paragraphs are scored.
BODY_CONTAINERS: tuple[str, ...] = ("[itemprop=articleBody]",)
# Replaced by a space before the parse, in one pass over the text: a <br> (so that the words on
# either side stay apart) and a processing instruction ("<?php ... ?>" a template left in, "<?xml
# ...?>"), which the HTML parser reads as a comment up to the first ">" but to which lexbor gives no
# tag name, which every walk over a tree's nodes would have to expect.
LINE_BREAK_OR_INSTRUCTION = re.compile(r"<(?:[bB][rR]\s*/?>|\?[^>]*>?)")
# A site's name after the headline in <title> or og:title: "Headline | News | Site": parts, each a
# separator (a bar, dash, bullet, colon or hyphen between spaces) then 2 to 80 characters without a
# bar, dash or bullet, running to the end. Found by `site_name_start`, one pass over the separators:
# the single regex it replaces, (?:\s+[|–—•·:-]\s+[^|–—•·]{2,80})+$, let a part hold the ":" and "-"
# it also splits at, and tried every way to split before failing ("Minister - ab" 26 times and " |"
# took 17 s).
TITLE_SEPARATOR = re.compile(r"(?<=\s)[|–—•·:-](?=\s)")  # the mark; the spaces around it belong to it
STRONG_TITLE_SEPARATOR = re.compile(r"[|–—•·]")
SPACES = re.compile(r"\s+")
MIN_TITLE_PART_CHARS = 2
MAX_TITLE_PART_CHARS = 80
# What releases call themselves beside the headline, in the languages of the labels above.
KIND_LABELS = frozenset({
    "press release", "news", "statement", "news release", "media release", "press statement",
    "пресс-релиз", "новости", "заявление", "communiqué de presse", "communiqué", "actualités",
    "déclaration", "pressemitteilung", "nachricht", "meldung", "erklärung", "presseerklärung",
})
# Metadata read from <meta>: the publication date, never the modification date.
PUBLISHED_META = ("article:published_time", "og:published_time", "datepublished", "dc.date.issued",
                  "dcterms.issued", "dc.date", "dcterms.date", "dcterms.created", "dc.date.created",
                  "date", "pubdate", "publishdate", "publication_date", "sailthru.date", "parsely-pub-date",
                  "rnews:datepublished", "article.published", "article:published", "published_time", "published-date",
                  "publish-date", "publish_date", "date_published", "datecreated", "original-publish-date",
                  "citation_publication_date", "citation_date", "prism.publicationdate", "og:article:published_time",
                  "bt:pubdate", "release_date", "dc.date.published", "displaydate", "created")
# Any other meta tag whose name says date or publication, after the named ones: a site's own name
# ("super-rare-date-tag") for the same thing, unless the name says the date is of another event.
ANY_DATE_META = re.compile(r"date|publi|creat", re.IGNORECASE)
NOT_PUBLICATION_META = re.compile(r"modif|updat|expir|revis|review|end|start|event|valid|birth|copyright|sitemap", re.IGNORECASE)
MODIFIED_META = ("article:modified_time", "og:updated_time", "dcterms.modified", "last-modified")
# Visible dates: machine dates and elements named for dates, read in page order around the headline.
DATE_ELEMENTS = (
    "[itemprop=datePublished], time, [class*=date i], [class*=datum i], [class*=publish i], "
    "[class*=posted i], [id*=date i]"
)
NOT_PUBLICATION = re.compile(r"modif|updat|teaser|related|comment|copyright|footer|event|termin|broadcast|sendung",
                             re.IGNORECASE)
# A date in such a line is when the page changed or who owns it, not when it was published.
COPYRIGHT_TEXT = r"©|copyright|\(c\)"
UPDATE_TEXT = (
    r"letzte änderung|zuletzt (?:geändert|aktualisiert)|\bstand\b|last (?:updated|modified)"
    r"|updated|aktualisiert|mis à jour|modifié|обновлено|actualizado|atualizado|aggiornat[oa]|bijgewerkt"
    r"|zaktualizowano|aktualizováno|opdateret|oppdatert|uppdaterad|päivitetty|güncelle|更新"
)
NOT_PUBLICATION_TEXT = re.compile(f"{COPYRIGHT_TEXT}|{UPDATE_TEXT}", re.IGNORECASE)
COPYRIGHT = re.compile(COPYRIGHT_TEXT, re.IGNORECASE)
# An update label's date is still the date the page shows (German news: "Stand: 28.04.2023 16:11"):
# read last, where the page shows no other (htmldate reads it too).
MAX_DATE_ELEMENT_CHARS = 120
# Elements named for a change of the page, whose dates are not its publication (see reader_text).
# (case-sensitive: the `i` flag makes the query ten times slower; class names are lower case)
CHANGE_NAMED = "[class*=updat], [class*=modif]"
CHANGE_WORDS = ("updat", "modif")
CHANGE_CLASS = re.compile(r"class=[\"']?[^>]*?(?:updat|modif)", re.IGNORECASE)
CHANGE_TAG_REACH = 300
CHANGE_TAG_OCCURRENCES = 3
READER_DATE_CHARS = 2000  # a node's text read for whether a date is left: more than any window reads
# ... unless the name says publication too: WordPress themes class the entry's date "entry-date updated",
# and "date-update-wrapper" holds the publication date.
ALSO_PUBLICATION_NAMES = re.compile(r"(?<![a-z])date|publi|entry", re.IGNORECASE)  # "updated" is no "date"
# A date element this close under a list item, a link or a teaser box dates another page.
TEASER_DEPTH = 4
TEASER_TAGS = frozenset({"li", "a", "aside", "nav", "footer"})
TEASER_NAMES = re.compile(r"teaser|related|latest|recent|sidebar|widget|list|card|slider|aside", re.IGNORECASE)
# ... but a name that also says it is the page's own main part or metadata ("sidebar__main",
# "atc-MetaList", "article-info-list") names the article's box, not one of other items.
OWN_BOX_NAMES = re.compile(r"main|content|meta|info|byline|header", re.IGNORECASE)
NAME_TOKEN = re.compile(r"\S+")
OWN_NAMED_TAGS = frozenset({"li", "footer"})  # a link, an aside or a nav is never the page's own box
OWN_TEASER_NAMES = re.compile(r"teaser[-_]*text|detail[-_\w]*teaser|article[-_]*teaser|teaser[-_]*intro", re.IGNORECASE)
# Where a page without an <h1> sets its headline (the first few such headings are tried).
LOWER_HEADINGS = "h2, h3"
MAX_LOWER_HEADINGS = 60  # a page's navigation may set dozens (traffic lines, weather) before it
PUBLICATION_NAMED = re.compile(r"publi", re.IGNORECASE)
# After the headline, the date is within this many date elements.
DATE_ELEMENTS_AFTER_TITLE = 6
# Text after the headline read for a date: a kicker, a byline, "Pressemitteilung vom ...".
TITLE_TEXT_WINDOW = 400
AFTER_ELEMENTS = 60
FAR_TEXT_WINDOW = 2500  # ... and, where that shows none, this much (a last resort)
FAR_SOURCE_CHARS = 20000  # of HTML source after the headline's tag, read for those characters of text
TAG = re.compile(r"<[^>]*>")
# Scripts, styles and the boxes of other items (asides, navigation, footers: teasers' dates)
OTHER_ITEMS_SOURCE = re.compile(r"<(script|style|aside|nav|footer)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
HEADLINE_WORD = re.compile(r"\w{4,}")
HEADLINE_REACH = 600  # the headline's first long word is this close after its tag opens
TEXT_BEFORE_TITLE = 120  # a kicker above the headline: "Presse 02.12.2022"
SKIPPED_AFTER_TITLE = frozenset({"aside", "nav", "footer", "script", "style", "form", "ul", "ol", "figure"})
UPDATE_LOOKBEHIND = 40
# A machine value with a time of day: its day may be another in the page's time zone...
TIMESTAMP = re.compile(r"\d[T ]\d\d:\d\d|\d\d:\d\d(?::\d\d)? (?:GMT|UTC|[+-]\d{4})")
# A time of day as a page shows it ("00:05", "2:00 a.m."): its minutes tell the same instant in
# another zone (zones differ by whole hours) from another moment (a later edit shown by the headline).
TIME_OF_DAY = re.compile(r"(?<!\d)[0-2]?\d:(?P<minutes>[0-5]\d)(?!\d)")
URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-]([01]?\d)[/-]([0-3]?\d)(?:/|$|[^\d])")
PUBLISHER_META = ("og:site_name", "application-name", "dc.publisher", "dcterms.publisher", "publisher")
MIN_BODY_CHARS = 80
# A text this short after the furniture went may be the remains of a text the furniture took along
# (a "share-zone" wrapper around it, a video's transcript in the article's <footer>): a second
# reading without the removal is tried, and wins when it holds this many times more text. Short
# means a few sentences, measured with what the remains still hold (share lines, a sign-up box).
SHORT_BODY_CHARS = 500
UNSTRIPPED_GAIN = 3
# The lead a page sets beside its headline (a standfirst in an intro box) while the text scores
# into another box: the first sentence-like block after the <h1>, within this many elements.
LEAD_CANDIDATES = "h1, h2, h3, h4, p, div"  # a standfirst may be set as a heading under the headline
# A text that opens by naming its kind and its author: "Rede von ...", "Speech by ...", "Déclaration de ...".
KIND_OPENING = re.compile(r"^(?P<kind>[^\W\d_][\w-]*(?: [^\W\d_][\w-]*)?) (?:von|by|de|du|des|der|mit|with|delivered by) \S")
# A kicker (Dachzeile, overline) inside the <h1>, before the headline: a block, or an element so named.
KICKER_BLOCK_TAGS = frozenset({"div", "p"})
KICKER_NAMES = re.compile(r"kicker|topic|overline|dachzeile|roofline|eyebrow|supertitle|category|rubric", re.IGNORECASE)
MIN_HEADLINE_AFTER_KICKER = 15
LEAD_WINDOW = 25
MIN_LEAD_CHARS = 80
# A <div> with one of these among its children is a wrapper, not a paragraph of bare text.
NESTED_BLOCK_TAGS = frozenset({"p", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "div",
                               "table", "ul", "ol", "dl", "section"})
# A listing shows many linked headlines (teasers); a release shows one headline and its text.
LINKED_HEADLINES = "h2 a[href], h3 a[href], h4 a[href]"
MAX_LINKED_HEADLINES = 5
# ... and its text, net of link lists, is less than this much a headline (a teaser line each).
LISTING_CHARS_PER_HEADLINE = 400
# ... unless the headlines come after the text (related stories): past this share of its characters.
RELATED_AFTER_SHARE = 0.5
# A heading is the headline when it is this much of the title and shares this share of its words.
MIN_HEADING_SHARE = 0.4
SHARED_WORDS = 0.75
# A heading holding the title plus a little (a date, a kicker) is cut to the title; holding much
# more, the title is the fragment (a site name stripped wrongly) and the heading wins.
MIN_CORE_SHARE = 0.6
WORD = re.compile(r"\w+")


def comparable(text: str) -> str:
    """Text as compared for sameness: words only, lower case."""
    return " ".join(WORD.findall(text.casefold()))


@dataclass(frozen=True, slots=True)
class FoundDate:
    """A date, raw (as the page wrote it) beside normalized (ISO)."""

    iso: str | None
    raw: str | None


class ReleasePage(PageMarkup):
    """Any site's release page. Subclasses are site profiles: data first, overrides only where needed."""

    site: ClassVar[str] = "generic"
    hosts: ClassVar[tuple[str, ...]] = ()
    # Crawling: where the site's releases are listed and how to read a listing page.
    listing_url: ClassVar[str | None] = None
    LISTING_ITEM: ClassVar[str | None] = None
    LISTING_LINK: ClassVar[str | None] = None
    LISTING_DATE: ClassVar[str | None] = None
    LISTING_NEXT: ClassVar[str | None] = None
    # Parsing: selectors a profile may replace.
    BODY_CONTAINERS: ClassVar[tuple[str, ...]] = BODY_CONTAINERS
    BODY_BLOCKS: ClassVar[str] = BLOCK_TAGS
    BOILERPLATE: ClassVar[str] = FURNITURE_TAGS
    KIND: ClassVar[str | None] = None
    TITLE: ClassVar[str] = "h1"
    HIGHLIGHTS: ClassVar[str | None] = None

    def __init__(self, html: str, url: str, tree: HTMLParser | None = None) -> None:
        self.url = url
        self.body_named_by_profile = False
        self.tree = tree if tree is not None else parse_html(html)
        self.html = html  # for a second, gentler reading when the furniture took the text along

    # -- the record -------------------------------------------------------------------------------

    def to_record(self, any_page: bool = False) -> PressRelease:
        """The page's record; ExtractionError where it is not a release page.

        `any_page` gives the best record for any page instead (an article, a section front, an
        "about" page): no refusal, the <title> or URL standing in for a missing headline, the body
        possibly empty, `kind` as the page labels itself (null where it does not)."""
        # Two phases, in this order. 1: what the whole page says (headline, labels, meta tags, the
        # dates shown by the headline), read while the page is intact. 2: the body, found by taking
        # the page furniture out of the tree, and what lives in the body (the dateline).
        title = self.headline
        if not title:
            if not any_page:
                raise ExtractionError("no title: not a release page")
            title = self.html_title() or self.url
        kind_raw = self.kind()
        record = PressRelease(
            url=self.url,
            canonical_url=self.canonical_url(),
            site=self.site,
            kind=normalize_kind(kind_raw),
            kind_raw=kind_raw,
            title=title,
            sources=self.sources(),
            fields_of_work=self.fields_of_work(),
            highlights=self.highlights(),
            publisher=self.publisher(),
            body="",
        )
        self.visible_date_found  # noqa: B018 (phase 1: read before the furniture goes)
        self.title_text_date_found  # noqa: B018
        if self.visible_date_found is None and self.title_text_date_found is None and not self.metadata_dated():
            self.far_text_date_found  # noqa: B018 (only where nothing else dates the page: it costs)

        found_date = self.date()
        record.date, record.date_raw = found_date.iso, found_date.raw
        place_raw = self.place_raw()
        record.place, record.place_raw = normalize_place(place_raw), place_raw
        self.linked_headlines  # noqa: B018 (counted before the text is read out of the container)
        paragraphs = self.body_paragraphs()
        if not paragraphs and any_page and not self.body_named_by_profile:
            paragraphs = self.visible_text()
        if paragraphs and comparable(paragraphs[0]) == comparable(title):
            paragraphs = paragraphs[1:]  # the headline repeated atop the text
        if sum(map(len, paragraphs)) < MIN_BODY_CHARS and not any_page:
            raise ExtractionError("no release text: not a release page (a listing or an empty page?)")
        if not any_page:
            self.refuse_listing(sum(map(len, paragraphs)))
        if not any_page:
            self.refuse_undated_page(record)
        if kind_raw is None and (kind_raw := self.kind_in_opening()):
            record.kind, record.kind_raw = normalize_kind(kind_raw), kind_raw
        record.body = "\n\n".join(paragraphs)
        record.language = self.language(record.body)
        record.quotes, record.speakers = extract_quotes(paragraphs, record.language)
        return record.with_content_hash()

    def refuse_listing(self, text_chars: int) -> None:
        """A listing is linked headlines with a line of teaser each; an article may link a few
        headlines (related stories, a heading's "edit" link) beside far more text of its own."""
        headlines, first_at = self.linked_headlines
        if headlines >= MAX_LINKED_HEADLINES and text_chars < LISTING_CHARS_PER_HEADLINE * headlines \
                and first_at < RELATED_AFTER_SHARE:
            raise ExtractionError(f"a listing page ({headlines} linked headlines), not a release page")

    @cached_property
    def linked_headlines(self) -> tuple[int, float]:
        """Linked headlines in the text's container, and where the first one is (a share of the
        container's text before it): counted before the text is read out of the container."""
        count = 0
        first_at = 1.0
        for node in self.body_nodes:
            found = node.css(LINKED_HEADLINES)
            if found and count == 0:
                text = node.text(deep=True)
                at = text.find(found[0].text(deep=True))
                first_at = at / len(text) if at >= 0 and text else 0.0
            count += len(found)
        return count, first_at

    def refuse_undated_page(self, record: PressRelease) -> None:
        """A page of a site without a profile is a release when it dates itself or says what it is:
        an "About us" or a contact page does neither (a crawl following links meets many)."""
        dated = record.date is not None and not self.dated_by_far_text(record)
        if self.site == ReleasePage.site and not dated and record.kind is None:
            raise ExtractionError("no date and no kind label: not a release page (--any-page reads it anyway)")

    # -- fields: each a cascade, most trustworthy source first ------------------------------------

    @cached_property
    def headline(self) -> str | None:
        """`title()`, read once (the date and the kind look for the headline too)."""
        return self.title()

    def title(self) -> str | None:
        """The visible headline that the page's metadata names; else the metadata's headline."""
        if self.TITLE != ReleasePage.TITLE and (profile_headline := self.first_text(self.TITLE)):
            return profile_headline  # a profile's TITLE selector names the headline itself
        references = [text for text in (self.json_ld_text("headline"), self.meta("og:title"),
                                        self.meta("twitter:title"), self.html_title()) if text]
        headings = [text for node in self.tree.css(self.TITLE)[:8] if (text := headline_text(node))]
        if not references:
            return headings[0] if headings else None
        cores = [strip_site_name(reference) for reference in references]
        for reference, core in zip(references, cores):
            # The longest heading the title contains: a logo's <h1> is contained too, but shorter.
            named = [heading for heading in headings
                     if comparable(heading) in comparable(reference) and names_same_headline(heading, reference)]
            longer = [heading for heading in headings if comparable(core) in comparable(heading)
                      and len(comparable(core)) >= MIN_CORE_SHARE * len(comparable(heading))]
            if longer and not any(comparable(heading) == comparable(core) for heading in named):
                return core  # a heading carries more (a date, a kicker) than the headline
            if named:
                return max(named, key=len)
        for reference in references:
            for heading in headings:
                if names_same_headline(heading, reference):
                    return heading
        # No <h1> is the headline (a logo, "Navigation"): the metadata's headline is.
        return cores[0]

    def kind(self) -> str | None:
        return self.first_text(self.KIND) or self.kind_by_headline()

    def kind_in_opening(self) -> str | None:
        """A kind the text names in its opening words, after the dateline: "Bern, 17.08.2007 - Rede
        von Moritz Leuenberger ...", "Remarks by the Secretary General at ..." (phase 2: the dateline)."""
        if not self.opening_texts:
            return None
        opening = self.opening_texts[0]
        dateline = self.dateline
        if dateline is not None and opening.startswith(dateline.text):
            opening = opening[len(dateline.text):]
        found = KIND_OPENING.match(opening)
        if found is None or normalize_kind(found.group("kind")) is None:
            return None
        return found.group("kind")

    def kind_by_headline(self) -> str | None:
        """A kind label the page shows beside its headline ("Press release" above the <h1>)."""
        heading = self.title_heading
        if heading is None:
            return None
        parent = heading.parent
        for node in (previous_element(heading), next_element(heading), previous_element(parent) if parent else None):
            text = node_text(node) if node is not None else ""
            if text and normalize_label(text) in KIND_LABELS:
                return text
        return None

    def date(self) -> FoundDate:
        visible = self.visible_date_found
        # a date in the text by the headline: what a reader sees, where it is the metadata's day
        shown = self.title_text_date_found
        for source in (
            self.labelled_date,
            lambda: self.shown_metadata_date(visible or shown),
            lambda: as_shown(shown, self.agreeing_with(visible, self.json_ld_date())),
            lambda: as_shown(shown, self.agreeing_with(visible, self.machine_date(self.meta(*PUBLISHED_META)))),
            self.dateline_date,
            lambda: visible,
            lambda: as_shown(shown, self.agreeing_with(visible, self.machine_date(self.any_date_meta()))),
            self.url_date,
            self.html_title_date,
            lambda: self.title_text_date_found,
            self.body_head_date,
            lambda: self.update_dates[0] if self.update_dates else None,
            lambda: self.__dict__.get("far_text_date_found"),  # read in phase 1, where it was needed
            lambda: self.machine_date(self.json_ld_text("dateModified") or self.meta(*MODIFIED_META)),
        ):
            found = source()
            if found and found.iso:
                return found
        return FoundDate(iso=None, raw=None)

    @staticmethod
    def agreeing_with(visible: FoundDate | None, machine: FoundDate | None) -> FoundDate | None:
        """A timestamp's day is the day in its time zone: `2021-11-04T23:00Z` is the 5th in Berlin.
        When the page shows a date one day off a timestamp, the page's own date is the one meant;
        when it shows the same day, `date_raw` is what it shows ("February 12, 2024"), not the stamp."""
        # (htmldate's original_date: of the page's own dates, the earliest is the publication)
        if machine is None or visible is None or not machine.iso or not visible.iso:
            return machine
        if visible.iso <= machine.iso:
            # the same day as the page shows it; or an earlier one: the page shows the original
            # publication where the metadata has the date of a later edit or a move to a new system
            return visible
        if not TIMESTAMP.search(machine.raw or ""):
            return machine
        if not find_page_date(visible.raw or ""):
            return machine  # the page shows a time only ("11:46"): it shows no day to weigh
        shown_time, stamp_time = TIME_OF_DAY.search(visible.raw or ""), TIME_OF_DAY.search(machine.raw or "")
        if shown_time and stamp_time and shown_time.group("minutes") != stamp_time.group("minutes"):
            return machine  # another moment (an update shown by the headline), not the stamp in the page's zone
        apart = abs((date.fromisoformat(machine.iso) - date.fromisoformat(visible.iso)).days)
        return visible if apart == 1 else machine

    def shown_metadata_date(self, shown: FoundDate | None) -> FoundDate | None:
        """Where the JSON-LD and the meta tags name different days, the one the page shows by its
        headline: two sources agreeing over one (a JSON-LD left at an older version's date)."""
        if shown is None or not shown.iso:
            return None
        json_ld, meta = self.json_ld_date(), self.machine_date(self.meta(*PUBLISHED_META))
        if json_ld is None or meta is None or json_ld.iso == meta.iso or meta.iso != shown.iso:
            return None
        return as_shown(shown, meta)

    def json_ld_date(self) -> FoundDate | None:
        """The JSON-LD's datePublished (or dateCreated): text, or a unix timestamp in (milli)seconds."""
        found = self.machine_date(self.json_ld_text("datePublished", "dateCreated"))
        if found is None and (number := self.json_ld_number("datePublished", "dateCreated")) is not None:
            stamp = unix_date(number)
            found = FoundDate(iso=stamp.iso(), raw=stamp.raw) if stamp else None
        return found

    def any_date_meta(self) -> str | None:
        """The first other meta tag named for a date or a publication, holding a machine date."""
        for key, value in self.metas.items():
            if ANY_DATE_META.search(key) and not NOT_PUBLICATION_META.search(key) and parse_iso(value):
                return value
        return None

    def place_raw(self) -> str | None:
        labelled = self.labelled_text("place")
        if labelled:
            return labelled
        dateline = self.dateline
        return dateline.place_raw if dateline else None

    def sources(self) -> list[str]:
        return self.labelled_list("sources")

    def fields_of_work(self) -> list[str]:
        return self.labelled_list("fields_of_work")

    def highlights(self) -> list[str]:
        if not self.HIGHLIGHTS:
            return []
        return [text for node in self.tree.css(self.HIGHLIGHTS) if (text := node_text(node))]

    def language(self, body: str = "") -> str | None:
        return guess_language(body, self.declared_language())

    def declared_language(self) -> str | None:
        root = self.tree.css_first("html")
        return (
            language_code(root.attributes.get("lang") if root else None)
            or language_code(root.attributes.get("xml:lang") if root else None)
            or language_code(self.meta("og:locale", "content-language", "dc.language", "language"))
            or language_code(self.json_ld_text("inLanguage"))
        )

    def publisher(self) -> str | None:
        publisher = self.json_ld.get("publisher")
        if isinstance(publisher, list) and publisher:
            publisher = publisher[0]
        name = publisher.get("name") if isinstance(publisher, dict) else publisher
        if isinstance(name, str) and name.strip():
            return clean_text(name)
        return self.meta(*PUBLISHER_META)

    def canonical_url(self) -> str | None:
        return canonical_link(self.tree, self.url)

    def body_paragraphs(self) -> list[str]:
        # A container a site profile names is its text exactly; one found by scoring gets trimmed.
        trim = not self.body_named_by_profile
        paragraphs = text_blocks(self.body_nodes, self.BODY_BLOCKS, trim=trim)
        lead = self.lead_beside_headline() if trim else None
        if lead and not any(comparable(lead) in comparable(text) for text in paragraphs[:3]):
            paragraphs.insert(0, lead)
        return paragraphs

    def visible_text(self) -> list[str]:
        """The page's text without its furniture, as one block: the body of a page where no block
        reads as prose (a few words, text inside a link), as a reader would still see it: read for
        `any_page` only (a release parse refuses such a page)."""
        body = self.tree.body
        text = clean_text(body.text(deep=True, separator=" ")) if body is not None else ""
        return [text] if text else []

    def lead_beside_headline(self) -> str | None:
        """The lead paragraph between the headline and a scored container that does not hold it.

        Readability-style scoring picks the box with the most prose; a page that sets its first
        paragraph in the headline's intro box (a standfirst) loses it. Only a block after the
        headline, before the container, sentence-like and not a link list, is taken."""
        container = self.body_container
        body = self.tree.body
        title = self.headline
        if container is None or body is None or not title:
            return None
        # Where the text starts in page order: the container's first candidate (lexbor's `css`
        # matches the node itself), the first node of the scan below that lies inside it.
        first_inside = container.css_first(LEAD_CANDIDATES)
        text_start = first_inside.mem_id if first_inside is not None else None
        after_headline = None
        # The page's only <h1> is its headline, however it words it (a kicker run into it, another title).
        only_heading = len(body.css("h1")) == 1
        for index, node in enumerate(body.css(LEAD_CANDIDATES)):
            if node.mem_id == text_start:
                return None  # reached the text (or it holds the headline) without a lead
            if after_headline is None:
                if node.tag == "h1" and (only_heading or names_same_headline(node_text(node), title)):
                    after_headline = index
                continue
            if index - after_headline > LEAD_WINDOW:
                return None
            if is_lead(node):
                return node_text(node)
        return None

    # -- building blocks profiles reuse -----------------------------------------------------------

    @cached_property
    def body_nodes(self) -> list[Node]:
        """The nodes holding the release text: a marked container, else the best-scoring prose."""
        body = self.tree.body
        if body is None:
            return []
        for script in self.tree.css("script"):
            script.decompose()
        strip_furniture(body, self.BOILERPLATE)
        for selector in self.BODY_CONTAINERS:
            for node in body.css(selector):
                if len(node.text(deep=True)) >= MIN_BODY_CHARS and link_density(node) <= MAX_LINK_DENSITY:
                    self.body_named_by_profile = selector not in BODY_CONTAINERS
                    return [node]
        nodes = main_nodes(body)
        found = sum(len(node.text(deep=True, strip=True)) for node in nodes)
        if found < SHORT_BODY_CHARS:
            unstripped = self.body_nodes_unstripped()
            if found < MIN_BODY_CHARS or sum(len(node.text(deep=True, strip=True)) for node in unstripped) >= UNSTRIPPED_GAIN * found:
                nodes = unstripped or nodes
        return nodes

    def body_nodes_unstripped(self) -> list[Node]:
        """The scored text of a second parse without the furniture removal: for a page whose text
        sits in what looks like furniture (an unclosed <aside> around the rest of the page)."""
        tree = parse_html(self.html)
        body = tree.body
        if body is None:
            return []
        for script in tree.css("script"):
            script.decompose()
        self.second_tree = tree  # the nodes live as long as their tree
        return main_nodes(body)

    @property
    def body_container(self) -> Node | None:
        nodes = self.body_nodes
        return nodes[0] if nodes else None

    @cached_property
    def dateline(self) -> Dateline | None:
        for text in self.opening_texts:
            found = parse_dateline(text)
            if found is not None:
                return found
        return None

    @cached_property
    def opening_texts(self) -> list[str]:
        """The first paragraphs of the text, read before the body is taken apart (datelines live there)."""
        texts: list[str] = []
        for node in self.body_nodes:
            for block in ([node] if node.tag == "p" else node.css("p")[:3]):
                text = node_text(block)
                if text:
                    texts.append(text)
                if len(texts) >= 2:
                    return texts
        return texts

    def dateline_date(self) -> FoundDate | None:
        dateline = self.dateline
        if dateline is None or dateline.date is None:
            return None
        year = dateline.date.year or self.metadata_year()
        return FoundDate(iso=dateline.date.iso(year), raw=dateline.date.raw)

    def metadata_year(self) -> int | None:
        """The year of the page's metadata date, for a dateline that does not repeat it."""
        for found in (self.labelled_date(), self.machine_date(self.json_ld_text("datePublished")),
                      self.machine_date(self.meta(*PUBLISHED_META)), self.visible_date_found):
            if found and found.iso:
                return int(found.iso[:4])
        return None

    def labelled_date(self) -> FoundDate | None:
        labelled = self.metadata.get("date")
        if labelled is None:
            return None
        parsed = parse_iso(labelled.machine) if labelled.machine else None
        if parsed:
            return FoundDate(iso=parsed.iso(), raw=labelled.text or labelled.machine)
        written = find_page_date(labelled.text)
        return FoundDate(iso=written.iso(), raw=labelled.text) if written else None

    def machine_date(self, value: str | None) -> FoundDate | None:
        if not value:
            return None
        parsed = parse_iso(value) or find_page_date(value)
        return FoundDate(iso=parsed.iso(), raw=value) if parsed else None

    @cached_property
    def title_heading(self) -> Node | None:
        """The <h1> that is the headline (not the logo's or "Navigation"), else the first."""
        headings = self.tree.css("h1")
        title = self.headline if len(headings) > 1 else None
        if title:
            for heading in headings:
                text = node_text(heading)
                if text and (names_same_headline(text, title) or comparable(title) in comparable(text)):
                    return heading
        if headings:
            return headings[0]
        return self.lower_heading()

    def lower_heading(self) -> Node | None:
        """A page without an <h1> sets its headline in a lower heading: the first that names it."""
        title = self.headline
        if not title:
            return None
        for heading in self.tree.css(LOWER_HEADINGS)[:MAX_LOWER_HEADINGS]:
            text = node_text(heading)
            if text and (names_same_headline(text, title) or comparable(title) in comparable(text)):
                return heading
        return None

    @cached_property
    def date_elements(self) -> tuple[list[Node], list[Node]]:
        """Date-named elements and <time>s before and after the headline, nearest first."""
        before: list[Node] = []
        after: list[Node] = []
        heading = self.title_heading
        seen_title = False
        heading_tag = heading.tag if heading is not None else "h1"
        for node in self.tree.css(f"{heading_tag}, {DATE_ELEMENTS}"):
            if node.tag == heading_tag:
                if heading is not None and node.mem_id == heading.mem_id:
                    seen_title = True
                    date_in_heading = node.css_first(DATE_ELEMENTS)
                    if date_in_heading is not None:
                        after.append(date_in_heading)
                continue
            (after if seen_title else before).append(node)
        before.reverse()
        return before, after

    @cached_property
    def visible_date_found(self) -> FoundDate | None:
        return self.visible_date()

    def visible_date(self) -> FoundDate | None:
        """A date the page shows by its headline: in a <time> or an element named for dates.

        Of the date elements around the headline, the one sharing the deepest ancestor with it wins
        (the page's own date sits by its headline; a teaser list's dates sit elsewhere).
        """
        before, after = self.date_elements
        candidates = after[:DATE_ELEMENTS_AFTER_TITLE] + before[:DATE_ELEMENTS_AFTER_TITLE]
        heading = self.title_heading
        if heading is not None and len(candidates) > 1:
            chain = ancestor_depths(heading)
            candidates.sort(key=lambda node: -nearest_common_depth(node, chain))
        for node in candidates:
            found = self.element_date(node)
            if found is not None:
                return found
        return self.title_neighbour_date()

    def element_date(self, node: Node) -> FoundDate | None:
        attributes = node.attributes
        if NOT_PUBLICATION.search(node_names(node)):
            return None
        # an element that names itself the publication date is trusted over the names around it
        # ("single-published-date" in a "single-sidebar-left" post column); tags still count
        trusted = (attributes.get("itemprop") == "datePublished"
                   or bool(PUBLICATION_NAMED.search(attributes.get("class") or "")))
        if in_teaser(node, by_name=not trusted, own=self.headline_box):
            return None
        # parts apart: "Erstellt am" + "09.02.2022" must not read "am09.02.2022"
        text = clean_text(node.text(deep=True, separator=" ", strip=False))
        if len(text) > MAX_DATE_ELEMENT_CHARS:
            return None
        if NOT_PUBLICATION_TEXT.search(text):
            return self.labelled_element_date(node, text)
        machine = attributes.get("datetime") or attributes.get("content")
        if machine:
            parsed = parse_iso(machine)
            if parsed and parsed.iso():
                # raw is what a reader sees ("18-07-2019 - 11:37"); the attribute only when nothing shows
                return FoundDate(iso=parsed.iso(), raw=text or machine)
        inner = node.css_first("[datetime]")
        if inner is not None and inner.mem_id != node.mem_id:
            return self.element_date(inner)  # the machine date inside a date wrapper says it exactly
        return written_date(text, short_year=True, day_first=self.day_first)

    def labelled_element_date(self, node: Node, text: str) -> FoundDate | None:
        """A date element with an update or copyright label: the date written before the label
        ("25/04/2026 Actualizado a las 15:10h."); else an update's date is kept for last (update_dates)."""
        before_label = self.date_in_window(text, short_year=True, day_first=self.day_first, skipped=self.update_dates)
        if before_label is not None or COPYRIGHT.search(text):
            return before_label
        machine = parse_iso(node.attributes.get("datetime") or node.attributes.get("content") or "")
        if machine is not None and machine.iso() and not self.update_dates:
            self.update_dates.append(FoundDate(iso=machine.iso(), raw=node.attributes.get("datetime")
                                               or node.attributes.get("content")))
        return None

    @cached_property
    def update_dates(self) -> list[FoundDate]:
        """Dates the page shows by its headline under an update label ("Stand:", "Aktualisiert am"),
        filled while phase 1 reads the headline's surroundings: the cascade's last shown date."""
        return []

    def title_neighbour_date(self) -> FoundDate | None:
        """A date written in the headline or beside it: a short line first (a byline under it, a
        kicker above it), then a longer text under it (a standfirst: a date there may be an event's).
        Read again without the page's change-named elements when it found one (see reader_text)."""
        return self.read_past_changes(self.neighbour_date)

    def neighbour_date(self, changed: Sequence[Node]) -> FoundDate | None:
        heading = self.title_heading
        if heading is None:
            return None
        after = next_element(heading)
        after_next = next_element(after) if after is not None else None
        short_lines = (after, previous_element(heading), after_next)
        texts: dict[int, str] = {}
        for node, short in ((heading, None), *((node, True) for node in short_lines),
                            (after, False), (after_next, False)):
            if node is None or (node is not heading and NOT_PUBLICATION.search(
                    node_names(node))):
                continue  # a line named for another date: a broadcast's, a comment's
            text = texts.get(node.mem_id)
            if text is None:
                text = texts[node.mem_id] = clean_text(reader_text(node, changed))[:MAX_DATE_ELEMENT_CHARS * 2]
            if short is not None and (len(text) <= MAX_DATE_ELEMENT_CHARS) != short:
                continue
            # the first date no update label stands before ("August 13, 2010 -- Updated 2308 GMT")
            written = self.date_in_window(text, short_year=bool(short), day_first=self.day_first,
                                          skipped=self.update_dates)
            if written is not None:
                return written
        return None

    @cached_property
    def headline_box(self) -> frozenset[int]:
        """The headline and its ancestors (mem_ids): a date element inside one of them, below any
        teaser marks, sits in the headline's own box (see in_teaser)."""
        heading = self.title_heading
        return frozenset(ancestor_depths(heading)) if heading is not None else frozenset()

    @cached_property
    def day_first(self) -> bool | None:
        """How the page's declared language writes 05/03/2022 (see dates.day_first_in)."""
        root = self.tree.css_first("html")
        declared = root.attributes.get("lang") if root is not None else None
        return day_first_in(declared or self.meta("og:locale", "content-language"))

    @cached_property
    def change_named(self) -> tuple[Node, ...]:
        """The page's date-sized elements named for a change of it (CHANGE_NAMED), not for its
        publication too."""
        if not any(word in self.html for word in CHANGE_WORDS):
            return ()  # a substring scan of the source is cheaper than a query of the tree
        return tuple(node for node in self.tree.css(CHANGE_NAMED)
                     if not ALSO_PUBLICATION_NAMES.search(node.attributes.get("class") or "")
                     and len(node.text(deep=True, strip=True)) <= MAX_DATE_ELEMENT_CHARS)

    def shown_in_change(self, found: FoundDate) -> bool:
        """Whether a date found beside the headline is written in a change-named element (then the
        text is read again without them): most pages have none, and are read once."""
        if not found.raw or not self.change_tag_before(found.raw):
            return False  # the source shows no change-named tag right before the date: most pages
        return any(found.raw in node.text(deep=True, separator=" ") for node in self.change_named)

    def change_tag_before(self, raw: str) -> bool:
        """Whether the tag that opens right before `raw` in the page source (at most its first
        CHANGE_TAG_OCCURRENCES occurrences) has a change-named class: a cheap test before the tree's."""
        position = self.html.find(raw)
        for _ in range(CHANGE_TAG_OCCURRENCES):
            if position < 0:
                return False
            opening = self.html.rfind("<", max(0, position - CHANGE_TAG_REACH), position)
            if opening >= 0 and CHANGE_CLASS.search(self.html, opening, position):
                return True
            position = self.html.find(raw, position + len(raw))
        return False

    def url_date(self) -> FoundDate | None:
        match = URL_DATE.search(urlsplit(self.url).path) if self.url else None
        if match is None:
            return None
        found = parse_iso(f"{match.group(1)}-{int(match.group(2)):02d}-{int(match.group(3)):02d}")
        return FoundDate(iso=found.iso(), raw=match.group(0).strip("/")) if found and found.iso() else None

    def html_title_date(self) -> FoundDate | None:
        """A date among the parts after the headline in <title> or og:title ("Headline | Europe |
        DW | 28.04.2023"): a site's stamp of the page, where the headline's own words are left out
        (a date in them may be the subject's)."""
        for title in (self.html_title(), self.meta("og:title")):
            start = site_name_start(title) if title else None
            if start is not None:
                found = written_date(title[start:], day_first=self.day_first)
                if found is not None:
                    return found
        return None

    def body_head_date(self) -> FoundDate | None:
        head = " ".join(self.opening_texts)[:300]
        found = find_page_date(head) if not NOT_PUBLICATION_TEXT.search(head) else None
        return FoundDate(iso=found.iso(), raw=found.raw) if found and found.iso() else None

    @cached_property
    def title_text_date_found(self) -> FoundDate | None:
        """The first date in the text a reader sees right after the headline ("Pressemitteilung vom
        25. Januar 2022 | Berlin"), not one a change or a copyright line gives. Phase 1: read
        from the intact tree, element by element after the headline, boxes of other items skipped."""
        heading = self.title_heading
        if heading is None:
            return None
        return self.read_past_changes(lambda changed: self.window_date(heading, changed))

    def read_past_changes(self, read: Callable[[Sequence[Node]], FoundDate | None]) -> FoundDate | None:
        """`read`'s date, read again without the page's change-named elements when it was written
        in one of them (see reader_text): most pages have none, and are read once."""
        found = read(())
        if found is not None and self.shown_in_change(found):
            found = read(self.change_named)
        return found

    def window_date(self, heading: Node, changed: Sequence[Node]) -> FoundDate | None:
        return (self.date_in_window(text_after(heading, TITLE_TEXT_WINDOW, changed=changed), day_first=self.day_first,
                                    skipped=self.update_dates)
                or self.date_in_window(text_after(heading, TEXT_BEFORE_TITLE, backwards=True, changed=changed),
                                       day_first=self.day_first, skipped=self.update_dates))

    @cached_property
    def far_text_date_found(self) -> FoundDate | None:
        """The first date in the longer text after the headline (FAR_TEXT_WINDOW: past a standfirst,
        a picture and its caption, a list of other headlines), for a page nothing else dates: a
        reader finds it there, and htmldate's extensive search reads it too. Read from the source
        after the headline's tag, tags and scripts taken out: reading the tree's text for this far
        cost more than the rest of the date cascade."""
        heading = self.title_heading
        start = source_position(self.html, heading) if heading is not None else -1
        if start < 0:
            return None
        chunk = OTHER_ITEMS_SOURCE.sub(" ", self.html[start:start + FAR_SOURCE_CHARS])
        text = clean_text(unescape(TAG.sub(" ", chunk)))[:FAR_TEXT_WINDOW]
        position = 0
        for at, found in page_dates(text, self.day_first):
            label = text[max(position, at - UPDATE_LOOKBEHIND):at]
            position = at + len(found.raw)
            if not NOT_PUBLICATION_TEXT.search(label) and found.iso():
                return FoundDate(iso=found.iso(), raw=found.raw)
            if not self.update_dates and not COPYRIGHT.search(label) and found.iso():
                self.update_dates.append(FoundDate(iso=found.iso(), raw=found.raw))
        return None

    def metadata_dated(self) -> bool:
        """Whether the markup, the URL or the <title> date the page (the cascade's cheap sources)."""
        return any(source() is not None for source in (
            self.labelled_date, self.json_ld_date, lambda: self.machine_date(self.meta(*PUBLISHED_META)),
            self.any_date_meta, self.url_date, self.html_title_date))

    def dated_by_far_text(self, record: PressRelease) -> bool:
        """Whether the record's date came from far in the text only: no proof that the page is a
        release (an "About us" page may name a day in its text)."""
        far = self.__dict__.get("far_text_date_found")
        return far is not None and record.date == far.iso and record.date_raw == far.raw

    @staticmethod
    def date_in_window(window: str, short_year: bool = False, day_first: bool | None = None,
                       skipped: list[FoundDate] | None = None) -> FoundDate | None:
        """The first date in `window` no update or copyright label stands before; an update's date
        passed over goes to `skipped` (the first one only)."""
        position = 0
        while position < len(window):  # each turn moves past a date, so it ends
            rest = window[position:]
            found = find_page_date(rest, day_first) or (find_short_year_date(rest) if short_year else None)
            if found is None or not found.iso():
                return None
            at = position + max(rest.find(found.raw), 0)
            label = window[max(position, at - UPDATE_LOOKBEHIND):at]  # not the label of the date before
            if not NOT_PUBLICATION_TEXT.search(label):
                return FoundDate(iso=found.iso(), raw=found.raw)
            if skipped is not None and not skipped and not COPYRIGHT.search(label):
                skipped.append(FoundDate(iso=found.iso(), raw=found.raw))
            position = at + len(found.raw)
        return None

# -- helpers ----------------------------------------------------------------------------------------


def parse_html(html: str) -> HTMLParser:
    """One parse per page. <br> becomes a space so that words on either side stay apart; processing
    instructions go; elements nested absurdly deep are flattened (scraper/nesting.py: the parser's
    time grows with depth)."""
    tree = bounded_tree(LINE_BREAK_OR_INSTRUCTION.sub(" ", html))
    tree.strip_tags(list(NEVER_CONTENT))
    return tree


def headline_text(heading: Node) -> str:
    """A heading's text with the kicker that opens it inside the <h1> set apart by a colon, as the
    page's metadata writes it ("<div class=topic-label>100th birthday</div> Survivor turns 100" ->
    "100th birthday: Survivor turns 100", not "100th birthday Survivor ..."): the kicker is a block
    or a kicker-named element first in the heading, with the headline's own text after it."""
    text = node_text(heading)
    first = heading.child
    while first is not None and first.tag == "-text" and not (first.text_content or "").strip():
        first = first.next
    if first is None or first.tag == "-text":
        return text
    names = node_names(first)
    if first.tag not in KICKER_BLOCK_TAGS and not KICKER_NAMES.search(names):
        return text
    kicker = node_text(first)
    rest = text[len(kicker):].lstrip(" :–—-|") if kicker and text.startswith(kicker) else ""
    if len(rest) < MIN_HEADLINE_AFTER_KICKER or kicker.endswith((":", "?", "!", "|", "–", "—")):
        return text
    return f"{kicker}: {rest}"


def names_same_headline(heading: str, reference: str) -> bool:
    """Whether a visible heading is the headline that a <title> or og:title names (give or take a word)."""
    heading_key, reference_key = comparable(heading), comparable(reference)
    if len(heading_key) < MIN_HEADING_SHARE * len(strip_site_name(reference_key)):
        return False  # "Navigation", "detail": a word of the title, not the headline
    if heading_key in reference_key:
        return True
    heading_words = set(WORD.findall(heading_key))
    shared = heading_words & set(WORD.findall(reference_key))
    return bool(heading_words) and len(shared) >= SHARED_WORDS * len(heading_words)


def is_lead(node: Node) -> bool:
    """A paragraph (or a <div> of bare text) that reads as the opening of the text."""
    if node.tag == "div" and (len(node.text(deep=False, strip=True)) < MIN_LEAD_CHARS
                              or any(child.tag in NESTED_BLOCK_TAGS for child in node.iter())):
        return False
    text = node_text(node)
    # A lead ends as a sentence does; an intro box may drop the full stop, not a long text's worth.
    if len(text) < MIN_LEAD_CHARS or not (text.endswith(SENTENCE_ENDS) or len(text) >= 2 * MIN_LEAD_CHARS):
        return False
    return node.css_first("a") is None or link_share(node, len(text)) <= MAX_LINK_DENSITY


def strip_site_name(title: str) -> str:
    """"Headline | News | Site" -> "Headline"; a title that is all site name stays as it is."""
    start = site_name_start(title)
    stripped = title if start is None else title[:start]
    return stripped if len(stripped) >= 10 else title


def site_name_start(title: str) -> int | None:
    """Where the parts after the headline begin (see TITLE_SEPARATOR): the first separator from
    which the rest of the title splits into parts to its end; None when there is none.

    The same answer as the regex's, found right to left: each separator remembers whether a chain
    of parts runs from it to the end, and is weighed once, against the farthest such separator
    within a part's reach (before the next bar, dash or bullet, 80 characters on): linear."""
    strong = [match.start() for match in STRONG_TITLE_SEPARATOR.finditer(title)]
    # Separators a chain runs from, right to left: (-start of its spaces, its mark), the end of the
    # title first. Negated starts ascend, so bisect finds the farthest one within reach.
    chain_starts: list[int] = [-len(title)]
    chain_marks: list[int] = [len(title) + 1]
    first: int | None = None
    for mark in reversed([match.start() for match in TITLE_SEPARATOR.finditer(title)]):
        spaces_after = SPACES.match(title, mark + 1)
        part_start = spaces_after.end() if spaces_after else mark + 1
        next_strong = bisect.bisect_left(strong, part_start)
        reach = min(part_start + MAX_TITLE_PART_CHARS, strong[next_strong] if next_strong < len(strong) else len(title))
        index = bisect.bisect_left(chain_starts, -reach)
        # A part may start in the spaces after its mark and end in the spaces before the next one,
        # but for one space on each side: at least two characters fit when the marks are 5 apart.
        if index < len(chain_starts) and chain_marks[index] - mark >= MIN_TITLE_PART_CHARS + 3:
            start = mark - 1
            while start > 0 and title[start - 1].isspace():
                start -= 1
            chain_starts.append(-start)
            chain_marks.append(mark)
            first = start
    return first


def in_teaser(node: Node, by_name: bool = True, own: frozenset[int] = frozenset()) -> bool:
    """Whether a date element sits in a list item, a link or a box of other items (related, teasers).
    `by_name` False trusts the names around it (an itemprop=datePublished in "news-list-date");
    `own` are the headline and its ancestors: a box holding the headline is the page's own (a blog's
    "widget Blog" around its post), and what is above it says nothing of the date."""
    ancestor = node.parent
    for _ in range(TEASER_DEPTH):
        if ancestor is None or ancestor.mem_id in own:
            return False
        if ancestor.tag in TEASER_TAGS and not is_metadata_item(ancestor):
            return True
        names = node_names(ancestor)
        if by_name and names_other_items(names):
            return True
        ancestor = ancestor.parent
    return False


def written_date(text: str, short_year: bool = False, day_first: bool | None = None) -> FoundDate | None:
    """The first full date written in `text`; with `short_year`, "2.11.22" too (a short line named or
    placed as a date: in running text two-digit years are too often something else)."""
    written = find_page_date(text, day_first) or (find_short_year_date(text) if short_year else None)
    return FoundDate(iso=written.iso(), raw=written.raw) if written and written.iso() else None


def reader_text(node: Node, changed: Sequence[Node] = ()) -> str:
    """A node's text without the `changed` elements inside it (named for a change of the page:
    "updated", "modified"; a WordPress theme's hidden `<time class="updated">` beside the shown
    publication date): the dates a reader takes as the page's. Where a change date is the only
    date the node shows, it stays: the theme names its one date so."""
    text = node.text(deep=True, separator=" ", strip=False)
    without = text
    for element in changed:
        if is_inside(element, node):
            part = element.text(deep=True, separator=" ", strip=False)
            if part.strip():
                without = without.replace(part, " ", 1)
    if without is text or find_page_date(without[:READER_DATE_CHARS]):
        return without
    return text


def is_inside(node: Node, container: Node) -> bool:
    current: Node | None = node
    while current is not None:
        if current.mem_id == container.mem_id:
            return True
        current = current.parent
    return False


def is_metadata_item(node: Node) -> bool:
    """A list item that links nowhere: an entry of the page's own metadata list (date, author), not a
    teaser of another page (teasers link to it); a list item or footer its names call the page's own
    ("byline-footer", "meta-item")."""
    if node.tag == "li" and node.css_first("a[href]") is None:
        return True
    names = node_names(node)
    return node.tag in OWN_NAMED_TAGS and bool(OWN_BOX_NAMES.search(names))


def names_other_items(names: str) -> bool:
    """Whether class and id name a box of other items (TEASER_NAMES) and not the page's own part."""
    return any(TEASER_NAMES.search(token) and not OWN_BOX_NAMES.search(token) for token in NAME_TOKEN.findall(names))


def as_shown(shown: FoundDate | None, found: FoundDate | None) -> FoundDate | None:
    """`found`, with the date as the page shows it as `raw` when the page shows the same day."""
    if found is not None and shown is not None and shown.iso == found.iso and shown.raw:
        return FoundDate(iso=found.iso, raw=shown.raw)
    return found


def source_position(html: str, heading: Node) -> int:
    """Where the heading's tag opens in the page source: the first such tag whose text starts
    with the heading's first long word within HEADLINE_REACH characters; -1 if none does."""
    word = HEADLINE_WORD.search(node_text(heading))
    if word is None:
        return -1
    opening = f"<{heading.tag}"
    position = html.find(opening)
    while position >= 0:
        if word.group(0) in html[position:position + HEADLINE_REACH]:
            return position
        position = html.find(opening, position + len(opening))
    return -1


def text_after(node: Node, limit: int, backwards: bool = False, changed: Sequence[Node] = ()) -> str:
    """Up to `limit` characters of the text that follows `node` in page order (its following
    siblings, then its ancestors' following siblings), without boxes of other items (asides,
    navigation, teaser lists): what a reader reads right after a headline. Bounded by `limit`
    and by AFTER_ELEMENTS elements read. `backwards`: the text before it, nearest first."""
    parts: list[str] = []
    length = 0
    read = 0
    current: Node | None = node
    while current is not None and current.tag not in ("body", "html") and read < AFTER_ELEMENTS:
        sibling = current.prev if backwards else current.next
        while sibling is not None and read < AFTER_ELEMENTS:
            read += 1
            if sibling.tag == "-text":
                text = sibling.text_content or ""
            elif sibling.tag in SKIPPED_AFTER_TITLE or (sibling.tag != "-comment" and is_teaser_box(sibling)):
                text = ""
            elif sibling.tag.startswith("-"):
                text = ""
            else:
                text = reader_text(sibling, changed)
            if text.strip():
                parts.append(text)
                length += len(text)
                if length >= limit:
                    break
            sibling = sibling.prev if backwards else sibling.next
        if length >= limit:
            break
        current = current.parent
    if backwards:
        return clean_text(" ".join(reversed(parts)))[-limit:]
    return clean_text(" ".join(parts))[:limit]


def is_teaser_box(node: Node) -> bool:
    names = node_names(node)
    if not names.strip() or not TEASER_NAMES.search(names):
        return False
    # The page's own standfirst ("l-detail-page__teaser-text": "Pressemitteilung vom 25. Januar
    # 2022 | Berlin - ..."), not a teaser of another item: it links nowhere.
    return not (OWN_TEASER_NAMES.search(names) and node.css_first("a") is None)


def ancestor_depths(node: Node) -> dict[int, int]:
    """mem_id -> depth from the root, for `node` and its ancestors."""
    chain: list[int] = []
    current: Node | None = node
    while current is not None:
        chain.append(current.mem_id)
        current = current.parent
    return {key: len(chain) - index for index, key in enumerate(chain)}


def nearest_common_depth(node: Node, chain: dict[int, int]) -> int:
    current: Node | None = node
    while current is not None:
        depth = chain.get(current.mem_id)
        if depth is not None:
            return depth
        current = current.parent
    return 0

