"""The generic release page: HTML text and URL in, a `PressRelease` out. Pure: no I/O, no clock.

Every field is a method and every method a cascade, one source a line, most trustworthy first
(JSON-LD, then meta tags, then visible markup, then the dateline). Site profiles in `scraper/sites/`
subclass `ReleasePage`, set class attributes (selectors, labels), and override only the fields the
generic cascade gets wrong for their site. Which part of the page is the release text is decided
in three steps: `scraper/furniture.py` removes the page furniture, `scraper/scoring.py` finds where
the text is, `scraper/blocks.py` (with `scraper/block_filters.py`) reads which of its blocks are
text; the date's cascade lives in `scraper/page_dates.py` (`PageDates`, the
base class); what the markup says source by source (meta tags, JSON-LD, the labelled metadata
list, the <title>'s parts), in `scraper/markup.py` (`PageMarkup`, its base).
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import ClassVar

from selectolax.lexbor import LexborHTMLParser as HTMLParser
from selectolax.lexbor import LexborNode as Node

from schemas import PressRelease
from scraper.blocks import BLOCK_TAGS, link_share, text_blocks
from scraper.dates import Dateline, parse_dateline
from scraper.errors import ExtractionError
from scraper.furniture import FURNITURE_TAGS, strip_furniture
from scraper.kinds import normalize_kind
from scraper.language import guess_language
from scraper.markup import (
    canonical_link,
    language_code,
    next_element,
    normalize_label,
    previous_element,
    strip_site_name,
)
from scraper.nesting import bounded_tree
from scraper.page_dates import PageDates
from scraper.places import normalize_place
from scraper.quotes import extract_quotes
from scraper.scoring import MAX_LINK_DENSITY, link_density, main_nodes
from scraper.text import SENTENCE_ENDS, clean_text, node_names, node_text

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
# Where a page without an <h1> sets its headline (the first few such headings are tried).
LOWER_HEADINGS = "h2, h3"
MAX_LOWER_HEADINGS = 60  # a page's navigation may set dozens (traffic lines, weather) before it
# What releases call themselves beside the headline, in the languages of the labels above.
KIND_LABELS = frozenset({
    "press release", "news", "statement", "news release", "media release", "press statement",
    "пресс-релиз", "новости", "заявление", "communiqué de presse", "communiqué", "actualités",
    "déclaration", "pressemitteilung", "nachricht", "meldung", "erklärung", "presseerklärung",
})
PUBLISHER_META = ("og:site_name", "application-name", "dc.publisher", "dcterms.publisher", "publisher")
MIN_BODY_CHARS = 80
# React's streamed segments: the late parts of a page, each sent hidden at the end of the body and moved
# into its placeholder by a script (`place_streamed_segments`). The mark is looked for in the markup
# first, so that other pages pay no selector pass.
STREAMED_SEGMENT_MARK = '<div hidden id="S:'
STREAMED_SEGMENTS = 'div[hidden][id^="S:"]'
SEGMENT_PLACEHOLDERS = ("B:", "P:")
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
# ... never a picture's caption, set after the headline as a <div> of text.
CAPTION_TAGS = frozenset({"figure", "figcaption"})
CAPTION_NAMES = re.compile(r"caption|bildunterschrift", re.IGNORECASE)
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


class ReleasePage(PageDates):
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
        self.read_shown_dates()

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
        tags = self.declared_language_tags
        return language_code(tags[0]) if tags else None

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
            if is_lead(node) and not in_caption(node):
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


# -- helpers ----------------------------------------------------------------------------------------


def parse_html(html: str) -> HTMLParser:
    """One parse per page. <br> becomes a space so that words on either side stay apart; processing
    instructions go; elements nested absurdly deep are flattened (scraper/nesting.py: the parser's
    time grows with depth)."""
    tree = bounded_tree(LINE_BREAK_OR_INSTRUCTION.sub(" ", html))
    if STREAMED_SEGMENT_MARK in html:
        place_streamed_segments(tree)  # before the <template>s, their placeholders, go
    tree.strip_tags(list(NEVER_CONTENT))
    return tree


def place_streamed_segments(tree: HTMLParser) -> None:
    """Move each of React's streamed segments into the place its script would move it to.

    A page rendered by streaming sends parts of its text late, each as a hidden <div id="S:n"> at the
    end of the body, with a script that swaps it for the placeholder <template id="B:n"> (a boundary)
    or <template id="P:n"> (a segment inside another) where it belongs. Left there, the text is
    hidden furniture, split from its page; in place, it is read where a reader sees it. Segments are
    placed in page order, so one placed inside another (its placeholder arrived with the outer one)
    finds its placeholder already in place."""
    for segment in tree.css(STREAMED_SEGMENTS):
        number = (segment.attributes.get("id") or "")[len("S:"):]
        target = None
        for prefix in SEGMENT_PLACEHOLDERS:
            target = tree.css_first(f'template[id="{prefix}{number}"]')
            if target is not None:
                break
        if target is None:
            continue
        for child in list(segment.iter(include_text=True)):
            target.insert_before(child)
        target.decompose()
        segment.decompose()


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


def in_caption(node: Node) -> bool:
    """Whether the node is, or sits in, a picture's caption (which the walk of the text drops)."""
    current: Node | None = node
    while current is not None and current.tag != "body":
        if current.tag in CAPTION_TAGS or CAPTION_NAMES.search(current.attributes.get("class") or ""):
            return True
        current = current.parent
    return False
