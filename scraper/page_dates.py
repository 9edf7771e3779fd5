"""The publication date of a page: a cascade over every source a reader or htmldate's extensive
search would use, most trustworthy first: a labelled date, JSON-LD, meta tags, the dateline, the
dates shown by the headline (date elements, then the text around it), the URL, the <title>, the
text's opening, an update's date, far text, the modification date. `date_raw` is the date as the
page shows it to a reader where it shows the same day the metadata names.

`PageDates` is the date half of the generic release page: `ReleasePage` (scraper/page.py)
subclasses it and gives it the headline's element, the dateline and the text's first paragraphs.
Phase 1 of `ReleasePage.to_record` reads the dates shown by the headline while the page is intact.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from html import unescape
from urllib.parse import unquote, urlsplit

from selectolax.lexbor import LexborNode as Node

from schemas import PressRelease
from scraper.dates import (
    DateMatch,
    Dateline,
    day_first_in,
    find_page_date,
    find_short_year_date,
    month_number,
    page_dates,
    parse_iso,
    unix_date,
)
from scraper.markup import PageMarkup, language_code, next_element, previous_element, site_name_start
from scraper.text import clean_text, node_names, node_text

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
# A date in such a line is when the page changed or who owns it, not when it was published. (An
# update label's date is still a date the page shows, German news: "Stand: 28.04.2023 16:11": the
# cascade reads it last, where the page shows no other; htmldate reads it too.)
# ... and a date that is never the page's at all: who owns it, when it is due for review ("Next review due").
COPYRIGHT_TEXT = r"©|copyright|\(c\)|next review|review due"
UPDATE_TEXT = (
    r"letzte änderung|zuletzt (?:geändert|aktualisiert)|\bstand\b|last (?:updated|modified)"
    r"|updated|aktualisiert|mis à jour|modifié|обновлено|actualizado|atualizado|aggiornat[oa]|bijgewerkt"
    r"|zaktualizowano|aktualizováno|opdateret|oppdatert|uppdaterad|päivitetty|güncelle|更新"
)
NOT_PUBLICATION_TEXT = re.compile(f"{COPYRIGHT_TEXT}|{UPDATE_TEXT}", re.IGNORECASE)
COPYRIGHT = re.compile(COPYRIGHT_TEXT, re.IGNORECASE)
# A date element holds a date, a label, a time, an author; longer, it is a paragraph that names a date.
MAX_DATE_ELEMENT_CHARS = 120
# ... a longer one is read for a date it opens with, this close to its start.
OPENING_DATE_CHARS = 40
# A box holding these holds text of its own, not a date line.
TEXT_IN_A_BOX = "p, h1, h2, h3, h4, h5, h6, article"
# Where nothing else dates a page, this many of its date elements are read for the one day they show.
MAX_SOLE_DATE_ELEMENTS = 12
# A line under the headline (a standfirst) is read this far for a date.
NEIGHBOUR_TEXT_CHARS = 2 * MAX_DATE_ELEMENT_CHARS
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
# ... of which an item of a list of other items, wherever it sits (a box beside the text may be the page's own).
ITEM_TAGS = frozenset({"li", "a", "nav", "footer"})
TEASER_NAMES = re.compile(r"teaser|related|latest|recent|sidebar|widget|list|card|slider|aside", re.IGNORECASE)
# ... but a name that also says it is the page's own main part or metadata ("sidebar__main",
# "atc-MetaList", "article-info-list") names the article's box, not one of other items.
OWN_BOX_NAMES = re.compile(r"main|content|meta|info|byline|header", re.IGNORECASE)
NAME_TOKEN = re.compile(r"\S+")
OWN_NAMED_TAGS = frozenset({"li", "footer"})  # a link, an aside or a nav is never the page's own box
OWN_TEASER_NAMES = re.compile(r"teaser[-_]*text|detail[-_\w]*teaser|article[-_]*teaser|teaser[-_]*intro", re.IGNORECASE)
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
UPDATE_LOOKBEHIND = 40  # a label is read this far before a date ("Aktualisiert am 28.04.2023")
BODY_HEAD_CHARS = 300  # the text's opening read for a date ("Berlin, 3. Mai 2022 - ...")
# A machine value with a time of day: its day may be another in the page's time zone...
TIMESTAMP = re.compile(r"\d[T ]\d\d:\d\d|\d\d:\d\d(?::\d\d)? (?:GMT|UTC|[+-]\d{4})")
# A language tag's region: "en-GB", "en_GB".
REGION = re.compile(r"^[a-zA-Z]{2,3}[-_][a-zA-Z]{2}\b")
# A stamp's time in UTC ("T01:32:00Z", "T01:32:00+00:00", "01:32 GMT"): its day is another zone's day before or after.
UTC_TIME = re.compile(r"[T ](?P<hour>[0-2]\d):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-]00:?00| ?GMT| ?UTC)\s*$")
# A UTC stamp before midday may be the evening before west of Greenwich (zones down to -12); after
# it, the next morning east of it (zones up to +14): the day a page a day off shows is then the same moment's.
UTC_MIDDAY_HOUR = 12
# A time of day as a page shows it ("00:05", "2:00 a.m."): its minutes tell the same instant in
# another zone (zones differ by whole hours) from another moment (a later edit shown by the headline).
TIME_OF_DAY = re.compile(r"(?<!\d)[0-2]?\d:(?P<minutes>[0-5]\d)(?!\d)")
# "/2023/10/03/", and "/2023/october/03/" (a month's name in any language the dates read).
URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-]([01]?\d|[^\W\d_]{3,10})[/-]([0-3]?\d)(?:/|$|[^\d])")


@dataclass(frozen=True, slots=True)
class FoundDate:
    """A date, raw (as the page wrote it) beside normalized (ISO)."""

    iso: str | None
    raw: str | None


class PageDates(PageMarkup):
    """Where and when the page says it was published: `date()` and the sources it reads.

    Not a page object of its own: it reads the headline's element, the dateline and the text's
    first paragraphs, which the release page (`ReleasePage`, its subclass) finds."""

    # Given by the release page (scraper/page.py): the headline's element, the text's dateline and
    # first paragraphs.
    title_heading: Node | None
    dateline: Dateline | None
    opening_texts: list[str]
    # Set while phase 1 (read_shown_dates) reads the page: the first date shown under an update
    # label ("Stand:", "Aktualisiert am") by the headline or in the far text, the cascade's last shown
    # date; and the far text's date, read only where nothing else dates the page.
    update_date: FoundDate | None = None
    far_text_date: FoundDate | None = None
    sole_element_date: FoundDate | None = None

    def read_shown_dates(self) -> None:
        """Phase 1 of a record: the dates the page shows around its headline, read while the tree
        is intact (the body's reading takes the furniture out of it). The far text is read only
        where nothing else dates the page: it costs."""
        if self.visible_date_found is None and self.title_text_date_found is None and not self.metadata_dated():
            self.far_text_date = self.far_text_date_in_source()
            self.sole_element_date = self.only_element_date()

    def date(self) -> FoundDate:
        visible = self.visible_date_found
        # a date in the text by the headline: what a reader sees, where it is the metadata's day
        shown = self.title_text_date_found
        for source in (
            self.labelled_date,
            lambda: self.shown_metadata_date(visible or shown),
            lambda: as_shown(shown, self.agreeing_with(visible, self.json_ld_date)),
            lambda: as_shown(shown, self.agreeing_with(visible, self.published_meta_date)),
            self.dateline_date,
            lambda: visible,
            lambda: as_shown(shown, self.agreeing_with(visible, self.machine_date(self.any_date_meta()))),
            self.url_date,
            self.html_title_date,
            lambda: self.title_text_date_found,
            self.body_head_date,
            lambda: self.update_date,
            lambda: self.far_text_date,
            lambda: self.sole_element_date,
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
        json_ld, meta = self.json_ld_date, self.published_meta_date
        if json_ld is None or meta is None or json_ld.iso == meta.iso or meta.iso != shown.iso:
            return None
        return as_shown(shown, meta)

    @cached_property
    def json_ld_date(self) -> FoundDate | None:
        """The JSON-LD's datePublished (or dateCreated): text, or a unix timestamp in (milli)seconds."""
        found = self.machine_date(self.json_ld_text("datePublished", "dateCreated"))
        if found is None and (number := self.json_ld_number("datePublished", "dateCreated")) is not None:
            stamp = unix_date(number)
            found = FoundDate(iso=stamp.iso(), raw=stamp.raw) if stamp else None
        return found

    @cached_property
    def published_meta_date(self) -> FoundDate | None:
        """The first meta tag of PUBLISHED_META holding a date."""
        return self.machine_date(self.meta(*PUBLISHED_META))

    def any_date_meta(self) -> str | None:
        """The first other meta tag named for a date or a publication, holding a date: a machine date,
        or one written as a reader would read it (<meta name="published" content="July 17, 2025">)."""
        for key, value in self.metas.items():
            if ANY_DATE_META.search(key) and not NOT_PUBLICATION_META.search(key) and (parse_iso(value) or find_page_date(value)):
                return value
        return None

    def dateline_date(self) -> FoundDate | None:
        dateline = self.dateline
        if dateline is None or dateline.date is None:
            return None
        year = dateline.date.year or self.metadata_year()
        return FoundDate(iso=dateline.date.iso(year), raw=dateline.date.raw)

    def metadata_year(self) -> int | None:
        """The year of the page's metadata date, for a dateline that does not repeat it."""
        for found in (self.labelled_date(), self.json_ld_date, self.published_meta_date, self.visible_date_found):
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

    def only_element_date(self) -> FoundDate | None:
        """The one day the page's date elements show, wherever they sit: where nothing by the headline
        dates a page, its date box may sit apart ("Published" over a <time> in an <aside> beside the
        text); never one in a link, a list item or a box named for other items, and none where they
        show two days. Like the far text's date, no proof that the page is a release."""
        before, after = self.date_elements
        found = None
        for node in (after + before)[:MAX_SOLE_DATE_ELEMENTS]:
            shown = self.element_date(node, anywhere=True)
            if shown is None:
                continue
            if found is not None and shown.iso != found.iso:
                return None
            found = found or shown
        return found

    def element_date(self, node: Node, anywhere: bool = False) -> FoundDate | None:
        """The date a date element shows; None in a box of other items (read `anywhere`: a box named
        for them, a link, a list item, the site's navigation or footer; an <aside> may be the page's own)."""
        attributes = node.attributes
        if NOT_PUBLICATION.search(node_names(node)):
            return None
        # an element that names itself the publication date is trusted over the names around it
        # ("single-published-date" in a "single-sidebar-left" post column); tags still count
        trusted = (attributes.get("itemprop") == "datePublished"
                   or bool(PUBLICATION_NAMED.search(attributes.get("class") or "")))
        if in_teaser(node, by_name=not trusted, own=self.headline_box, tags=ITEM_TAGS if anywhere else TEASER_TAGS):
            return None
        # parts apart: "Erstellt am" + "09.02.2022" must not read "am09.02.2022"
        text = clean_text(node.text(deep=True, separator=" ", strip=False))
        if len(text) > MAX_DATE_ELEMENT_CHARS:
            # a long box is read for the date line it opens with, as a last resort, and only when
            # it holds no text of its own (an <article class="post status-publish"> card is no date box)
            return self.opening_date(text) if anywhere and node.css_first(TEXT_IN_A_BOX) is None else None
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
            return self.element_date(inner, anywhere)  # the machine date inside a date wrapper says it exactly
        return written_date(text, short_year=True, day_first=self.day_first)

    def opening_date(self, text: str) -> FoundDate | None:
        """The date a long date-named box opens with ("Posted on April 13, 2023 Tags: ..."): its
        first OPENING_DATE_CHARS are the date line, the rest other metadata or the text."""
        head = text[:MAX_DATE_ELEMENT_CHARS]
        found = self.date_in_window(head)
        return found if found is not None and 0 <= head.find(found.raw or "") < OPENING_DATE_CHARS else None

    def labelled_element_date(self, node: Node, text: str) -> FoundDate | None:
        """A date element with an update or copyright label: the date written before the label
        ("25/04/2026 Actualizado a las 15:10h."); else an update's date is kept for last (update_date)."""
        before_label = self.date_in_window(text, short_year=True)
        if before_label is not None or COPYRIGHT.search(text):
            return before_label
        machine_value = node.attributes.get("datetime") or node.attributes.get("content")
        machine = parse_iso(machine_value or "")
        if machine is not None and machine.iso() and self.update_date is None:
            self.update_date = FoundDate(iso=machine.iso(), raw=machine_value)
        return None

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
                text = texts[node.mem_id] = clean_text(reader_text(node, changed))[:NEIGHBOUR_TEXT_CHARS]
            if short is not None and (len(text) <= MAX_DATE_ELEMENT_CHARS) != short:
                continue
            # the first date no update label stands before ("August 13, 2010 -- Updated 2308 GMT")
            written = self.date_in_window(text, short_year=bool(short))
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
        """How the page's declared language writes 05/03/2022 (see dates.day_first_in): its region
        says it for English ("en-GB" the day first, "en-US" the month), so a plain "en" takes the
        region another source of the page gives the same language (og:locale "en_GB")."""
        tags = self.declared_language_tags
        if not tags:
            return None
        language = language_code(tags[0])
        return day_first_in(next((tag for tag in tags if language_code(tag) == language and REGION.search(tag)), tags[0]))

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
        path = unquote(urlsplit(self.url).path) if self.url else ""  # "/2023/m%C3%A4rz/05/" is "/2023/märz/05/"
        for match in URL_DATE.finditer(path):
            if not match.group(2).isdigit() and path[match.end(3):match.end(3) + 1] not in ("", "/"):
                continue  # a month's name then a slug's first number ("/2024/may/5-ways-to-save"): no day
            month = month_number(match.group(2))
            found = parse_iso(f"{match.group(1)}-{month:02d}-{int(match.group(3)):02d}") if month else None
            if found and found.iso():
                return FoundDate(iso=found.iso(), raw=match.group(0).strip("/"))
        return None

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
        head = " ".join(self.opening_texts)[:BODY_HEAD_CHARS]
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
        return (self.date_in_window(text_after(heading, TITLE_TEXT_WINDOW, changed=changed))
                or self.date_in_window(text_after(heading, TEXT_BEFORE_TITLE, backwards=True, changed=changed)))

    def far_text_date_in_source(self) -> FoundDate | None:
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
        return self.first_unlabelled(text, page_dates(text, self.day_first))

    def metadata_dated(self) -> bool:
        """Whether the markup, the URL or the <title> date the page (the cascade's cheap sources)."""
        return any(source() is not None for source in (
            self.labelled_date, lambda: self.json_ld_date, lambda: self.published_meta_date,
            self.any_date_meta, self.url_date, self.html_title_date))

    def dated_by_far_text(self, record: PressRelease) -> bool:
        """Whether the record's date came from far in the text, or from a date element far from the
        headline, only: no proof that the page is a release (an "About us" page may name a day in its
        text, or show one in a box of news beside it)."""
        return any(far is not None and record.date == far.iso and record.date_raw == far.raw
                   for far in (self.far_text_date, self.sole_element_date))

    def date_in_window(self, window: str, short_year: bool = False) -> FoundDate | None:
        """The first date in `window` no update or copyright label stands before, up to the first
        that names no valid day (see successive_dates)."""
        return self.first_unlabelled(window, successive_dates(window, self.day_first, short_year))

    def first_unlabelled(self, text: str, dates: Iterable[tuple[int, DateMatch]]) -> FoundDate | None:
        """Of `dates` (where each starts in `text`, and what it is), the first valid one no update
        or copyright label stands before; the first update's date passed over is kept for last
        (update_date). A label is read back to the date before, never past it."""
        position = 0
        for at, found in dates:
            label = text[max(position, at - UPDATE_LOOKBEHIND):at]
            position = at + len(found.raw)
            iso = found.iso()
            if iso is None:
                continue
            if not NOT_PUBLICATION_TEXT.search(label):
                return FoundDate(iso=iso, raw=found.raw)
            if self.update_date is None and not COPYRIGHT.search(label):
                self.update_date = FoundDate(iso=iso, raw=found.raw)
        return None


# -- helpers ----------------------------------------------------------------------------------------


def in_teaser(node: Node, by_name: bool = True, own: frozenset[int] = frozenset(),
              tags: frozenset[str] = TEASER_TAGS) -> bool:
    """Whether a date element sits in a list item, a link or a box of other items (related, teasers).
    `by_name` False trusts the names around it (an itemprop=datePublished in "news-list-date");
    `own` are the headline and its ancestors: a box holding the headline is the page's own (a blog's
    "widget Blog" around its post), and what is above it says nothing of the date; `tags` are the
    elements that hold other items by their tag."""
    ancestor = node.parent
    for _ in range(TEASER_DEPTH):
        if ancestor is None or ancestor.mem_id in own:
            return False
        if ancestor.tag in tags and not is_metadata_item(ancestor):
            return True
        names = node_names(ancestor)
        if by_name and names_other_items(names):
            return True
        ancestor = ancestor.parent
    return False


def successive_dates(window: str, day_first: bool | None, short_year: bool) -> Iterator[tuple[int, DateMatch]]:
    """Each date written in `window`, in order, with where it starts, up to the first that names
    no valid day (then none after it: a window by the headline is read no further); with
    `short_year`, "2.11.22" too."""
    position = 0
    while position < len(window):  # each turn moves past a date, so it ends
        rest = window[position:]
        found = find_page_date(rest, day_first) or (find_short_year_date(rest) if short_year else None)
        if found is None or not found.iso():
            return
        at = position + max(rest.find(found.raw), 0)
        yield at, found
        position = at + len(found.raw)


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
    """`found`, with the date as the page shows it as `raw` when the page shows the same day; the
    shown date itself where `found` is a UTC stamp of the same moment a day off (see utc_day_off)."""
    if found is None or shown is None or not shown.raw:
        return found
    if shown.iso == found.iso:
        return FoundDate(iso=found.iso, raw=shown.raw)
    return shown if utc_day_off(shown, found) else found


def utc_day_off(shown: FoundDate, stamp: FoundDate) -> bool:
    """Whether a UTC stamp names the next (or previous) day of the shown date because of the zone:
    "2016-12-29T01:32:00+00:00" is the evening of the 28th in America, where the page shows
    "December 28, 2016"; a stamp late in the UTC day is the next morning east of Greenwich."""
    time = UTC_TIME.search(stamp.raw or "")
    if time is None or not shown.iso or not stamp.iso:
        return False
    apart = (date.fromisoformat(shown.iso) - date.fromisoformat(stamp.iso)).days
    hour = int(time.group("hour"))
    return (apart == -1 and hour < UTC_MIDDAY_HOUR) or (apart == 1 and hour >= UTC_MIDDAY_HOUR)


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
