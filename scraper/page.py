"""The generic release page: HTML text and URL in, a `PressRelease` out. Pure: no I/O, no clock.

Every field is a method and every method a cascade, one source a line, most trustworthy first
(JSON-LD, then meta tags, then visible markup, then the dateline). Site profiles in `scraper/sites/`
subclass `ReleasePage`, set class attributes (selectors, labels), and override only the fields the
generic cascade gets wrong for their site.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cached_property
from typing import Any, ClassVar
from urllib.parse import urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser as HTMLParser
from selectolax.lexbor import LexborNode as Node

from schemas import PressRelease
from scraper.dates import DateMatch, Dateline, find_date, parse_dateline, parse_iso
from scraper.errors import ExtractionError
from scraper.places import normalize_place
from scraper.quotes import extract_quotes

# Nodes that never hold release text: removed before any field is read.
# (<form> is not among them: some sites wrap the whole page in one.)
NEVER_CONTENT = ("script", "style", "noscript", "template", "svg", "iframe", "button", "select")
# Page furniture: navigation, menus, footers, share bars, related links, cookie banners, comments.
BOILERPLATE = (
    "header, footer, nav, aside, [role=navigation], [role=banner], [role=contentinfo], [role=search], "
    "[aria-hidden=true], .breadcrumb, .breadcrumbs, .menu, .navbar, .nav, .share, .share-bar, .social, "
    ".sharing, .related, .comments, #comments, .cookie, .cookies, #cookie-banner, .newsletter, .pager, "
    ".pagination, .sidebar, .skip-link, .visually-hidden, .sr-only, .element-invisible"
)
# Where the release text lives, most specific first; the first that holds text wins.
BODY_CONTAINERS = (
    "[itemprop=articleBody]",
    ".field--name-body",
    "article .content",
    "article",
    "[role=main]",
    "main",
    "#content",
    ".content",
    "body",
)
BODY_BLOCKS = "p, li, blockquote, h2, h3, h4"
# A caption describes a picture, not the release.
NOT_BODY_TEXT = "figure, figcaption, table"
TITLE_SUFFIX = re.compile(r"\s*[|–—-]\s*[^|–—-]{2,80}$")
WHITESPACE = re.compile(r"\s+")
LINE_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
LANGUAGE_CODE = re.compile(r"^[a-zA-Z]{2,3}(?=$|[-_])")
# Labels of a page's metadata list ("Date:", "Place:"...), normalized, per language, mapped to fields.
METADATA_LABELS: dict[str, str] = {
    "date": "date", "published": "date", "дата": "date", "datum": "date", "veröffentlicht": "date",
    "date de publication": "date", "place": "place", "location": "place", "место": "place",
    "lieu": "place", "ort": "place", "source": "sources", "sources": "sources", "источник": "sources",
    "источники": "sources", "quelle": "sources", "quellen": "sources", "fields of work": "fields_of_work",
    "field of work": "fields_of_work", "topics": "fields_of_work", "направления деятельности": "fields_of_work",
    "направление деятельности": "fields_of_work", "domaines d'activité": "fields_of_work",
    "domaine d'activité": "fields_of_work", "themenbereiche": "fields_of_work",
    "arbeitsbereiche": "fields_of_work", "tätigkeitsbereiche": "fields_of_work", "themen": "fields_of_work",
}
LABEL_CANDIDATES = "li, dt, th, strong, b, span, label, div"
MIN_BODY_CHARS = 80
# A listing page is mostly links; a release is mostly prose.
MAX_LINK_DENSITY = 0.5
# A listing shows many linked headlines (teasers); a release shows one headline and its text.
LINKED_HEADLINES = "h2 a[href], h3 a[href], h4 a[href]"
MAX_LINKED_HEADLINES = 5


def clean_text(text: str) -> str:
    """Fold runs of whitespace (spaces, tabs, newlines, no-break spaces) to one space."""
    return WHITESPACE.sub(" ", text).strip()


def node_text(node: Node) -> str:
    return clean_text(node.text(deep=True, separator="", strip=False))


def normalize_label(text: str) -> str:
    return clean_text(text).rstrip(" :：").replace("’", "'").casefold()


@dataclass(frozen=True, slots=True)
class FoundDate:
    """A date and where it came from, raw beside normalized."""

    iso: str | None
    raw: str | None


class ReleasePage:
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
    BODY_BLOCKS: ClassVar[str] = BODY_BLOCKS
    BOILERPLATE: ClassVar[str] = BOILERPLATE
    KIND: ClassVar[str | None] = None
    TITLE: ClassVar[str] = "h1"
    HIGHLIGHTS: ClassVar[str | None] = None
    METADATA_SCOPE: ClassVar[str] = "article, main, body"

    def __init__(self, html: str, url: str, tree: HTMLParser | None = None) -> None:
        self.url = url
        self.tree = tree if tree is not None else parse_html(html)

    # -- the record -------------------------------------------------------------------------------

    def to_record(self) -> PressRelease:
        # Metadata first: finding the body removes the page furniture from the tree.
        title = self.title()
        if not title:
            raise ExtractionError("no title: not a release page")
        place_raw = self.place_raw()
        language = self.language()
        record = PressRelease(
            url=self.url,
            canonical_url=self.canonical_url(),
            site=self.site,
            kind=self.kind(),
            title=title,
            place=normalize_place(place_raw),
            place_raw=place_raw,
            sources=self.sources(),
            fields_of_work=self.fields_of_work(),
            highlights=self.highlights(),
            language=language,
            publisher=self.publisher(),
            body="",
        )
        found_date = self.date()
        record.date, record.date_raw = found_date.iso, found_date.raw
        self.refuse_listing()
        paragraphs = self.body_paragraphs()
        if sum(map(len, paragraphs)) < MIN_BODY_CHARS:
            raise ExtractionError("no release text: not a release page (a listing or an empty page?)")
        record.body = "\n\n".join(paragraphs)
        record.quotes, record.speakers = extract_quotes(paragraphs, language)
        return record.with_content_hash()

    def refuse_listing(self) -> None:
        container = self.body_container
        headlines = len(container.css(LINKED_HEADLINES)) if container is not None else 0
        if headlines >= MAX_LINKED_HEADLINES:
            raise ExtractionError(f"a listing page ({headlines} linked headlines), not a release page")

    # -- fields: each a cascade, most trustworthy source first ------------------------------------

    def title(self) -> str | None:
        return (
            self.first_text(self.TITLE, scope=self.main)
            or self.json_ld_text("headline", "name")
            or self.meta("og:title", "twitter:title")
            or self.html_title()
        )

    def kind(self) -> str | None:
        return self.first_text(self.KIND) if self.KIND else None

    def date(self) -> FoundDate:
        for found in (
            self.labelled_date(),
            self.machine_date(self.json_ld_text("datePublished", "dateCreated")),
            self.machine_date(self.meta("article:published_time", "og:published_time", "datePublished",
                                        "dc.date", "dc.date.issued", "dcterms.date", "date", "pubdate")),
            self.machine_date(self.time_datetime()),
            self.dateline_date(),
            self.visible_date(),
        ):
            if found and found.iso:
                return found
        return FoundDate(iso=None, raw=None)

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

    def language(self) -> str | None:
        root = self.tree.css_first("html")
        return (
            language_code(root.attributes.get("lang") if root else None)
            or language_code(self.meta("og:locale", "content-language", "dc.language", "language"))
            or language_code(self.json_ld_text("inLanguage"))
        )

    def publisher(self) -> str | None:
        publisher = self.json_ld.get("publisher")
        name = publisher.get("name") if isinstance(publisher, dict) else None
        return clean_text(name) if isinstance(name, str) and name.strip() else self.meta("og:site_name")

    def canonical_url(self) -> str | None:
        link = self.tree.css_first('link[rel="canonical"]')
        href = (link.attributes.get("href") if link else None) or self.meta("og:url")
        return urljoin(self.url, href.strip()) if href and href.strip() else None

    def body_paragraphs(self) -> list[str]:
        container = self.body_container
        if container is None:
            return []
        for caption in container.css(NOT_BODY_TEXT):
            caption.decompose()
        return blocks_text(container, self.BODY_BLOCKS)

    # -- building blocks profiles reuse -----------------------------------------------------------

    @cached_property
    def main(self) -> Node | None:
        return self.tree.css_first("article") or self.tree.css_first("main") or self.tree.body

    @cached_property
    def body_container(self) -> Node | None:
        for node in self.tree.css(self.BOILERPLATE):
            node.decompose()
        for selector in self.BODY_CONTAINERS:
            for node in self.tree.css(selector):
                if len(node.text(deep=True)) >= MIN_BODY_CHARS and not is_mostly_links(node):
                    return node
        return None

    @cached_property
    def dateline(self) -> Dateline | None:
        paragraphs = self.body_paragraphs_for_dateline
        return parse_dateline(paragraphs[0]) if paragraphs else None

    @cached_property
    def body_paragraphs_for_dateline(self) -> list[str]:
        # The dateline opens the first body paragraph; read it without consuming body_paragraphs.
        container = self.body_container
        first = container.css_first("p") if container is not None else None
        return [node_text(first)] if first is not None else []

    def dateline_date(self) -> FoundDate | None:
        dateline = self.dateline
        if dateline is None or dateline.date is None:
            return None
        year = dateline.date.year or self.metadata_year()
        return FoundDate(iso=dateline.date.iso(year), raw=dateline.date.raw)

    def metadata_year(self) -> int | None:
        """The year of the page's metadata date, for a dateline that does not repeat it."""
        for found in (self.labelled_date(), self.machine_date(self.json_ld_text("datePublished")),
                      self.machine_date(self.meta("article:published_time"))):
            if found and found.iso:
                return int(found.iso[:4])
        return None

    def labelled_date(self) -> FoundDate | None:
        node = self.labelled_node("date")
        if node is None:
            return None
        raw = node_text(node)
        machine = node.css_first("[content], [datetime]")
        if machine is not None:
            value = machine.attributes.get("content") or machine.attributes.get("datetime") or ""
            parsed = parse_iso(value)
            if parsed:
                return FoundDate(iso=parsed.iso(), raw=raw or value)
        written = find_date(raw)
        return FoundDate(iso=written.iso(), raw=raw) if written else None

    def machine_date(self, value: str | None) -> FoundDate | None:
        if not value:
            return None
        parsed = parse_iso(value) or find_date(value)
        return FoundDate(iso=parsed.iso(), raw=value) if parsed else None

    def time_datetime(self) -> str | None:
        scope = self.main or self.tree.body
        node = scope.css_first("time[datetime]") if scope is not None else None
        return node.attributes.get("datetime") if node is not None else None

    def visible_date(self) -> FoundDate | None:
        container = self.body_container
        head = node_text(container)[:300] if container is not None else ""
        found = find_date(head)
        return FoundDate(iso=found.iso(), raw=found.raw) if found else None

    @cached_property
    def metadata(self) -> dict[str, Node]:
        """The page's labelled metadata ("Date:", "Place:"...): field name -> value node."""
        found: dict[str, Node] = {}
        scope = self.tree.css_first(self.METADATA_SCOPE.split(",")[0].strip()) or self.tree.body
        if scope is None:
            return found
        for node in scope.css(LABEL_CANDIDATES):
            own = node.text(deep=False, strip=True)
            if not own or len(own) > 40 or not own.rstrip().endswith((":", "：")):
                continue
            field = METADATA_LABELS.get(normalize_label(own))
            if field and field not in found:
                value = label_value(node)
                if value is not None:
                    found[field] = value
        return found

    def labelled_node(self, field: str) -> Node | None:
        return self.metadata.get(field)

    def labelled_text(self, field: str) -> str | None:
        node = self.labelled_node(field)
        text = node_text(node) if node is not None else ""
        return text or None

    def labelled_list(self, field: str) -> list[str]:
        node = self.labelled_node(field)
        if node is None:
            return []
        links = [text for link in node.css("a") if (text := node_text(link))]
        if links:
            return links
        return [part for part in (clean_text(p) for p in node_text(node).split(",")) if part]

    def first_text(self, selector: str | None, scope: Node | None = None) -> str | None:
        if not selector:
            return None
        node = (scope or self.tree).css_first(selector)
        text = node_text(node) if node is not None else ""
        return text or None

    @cached_property
    def metas(self) -> dict[str, str]:
        found: dict[str, str] = {}
        for node in self.tree.css("meta[content]"):
            attrs = node.attributes
            key = attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or attrs.get("http-equiv")
            content = attrs.get("content")
            if key and content and content.strip():
                found.setdefault(key.strip().lower(), clean_text(content))
        return found

    def meta(self, *names: str) -> str | None:
        for name in names:
            value = self.metas.get(name.lower())
            if value:
                return value
        return None

    def html_title(self) -> str | None:
        node = self.tree.css_first("title")
        text = node_text(node) if node is not None else ""
        return TITLE_SUFFIX.sub("", text) or text or None

    @cached_property
    def json_ld(self) -> dict[str, Any]:
        """The page's JSON-LD article object (NewsArticle, Article, PressRelease...), or {}."""
        for node in self.tree.css('script[type="application/ld+json"]'):
            for item in iter_json_ld(node.text(deep=True)):
                kind = item.get("@type")
                kinds = kind if isinstance(kind, list) else [kind]
                if any(isinstance(k, str) and ("Article" in k or k in ("PressRelease", "WebPage", "Report")) for k in kinds):
                    return item
        return {}

    def json_ld_text(self, *keys: str) -> str | None:
        for key in keys:
            value = self.json_ld.get(key)
            if isinstance(value, str) and value.strip():
                return clean_text(value)
        return None


# -- helpers ----------------------------------------------------------------------------------------


def parse_html(html: str) -> HTMLParser:
    """One parse per page. <br> becomes a space so that words on either side stay apart."""
    tree = HTMLParser(LINE_BREAK.sub(" ", html))
    tree.strip_tags(list(NEVER_CONTENT[1:]))  # keep <script> for JSON-LD; it is never body text
    return tree


def blocks_text(container: Node, selector: str) -> list[str]:
    """The text of each block in document order; a block nested in another block counts once."""
    blocks: list[str] = []
    for node in container.css(selector):
        if node.tag in ("blockquote", "li") and node.css_first("p") is not None:
            continue  # its <p> children are blocks of their own
        if node.tag not in ("blockquote", "li") and _inside_block(node, container):
            continue
        text = node_text(node)
        if text:
            blocks.append(text)
    return blocks


def _inside_block(node: Node, container: Node) -> bool:
    parent = node.parent
    while parent is not None and parent is not container and parent.mem_id != container.mem_id:
        if parent.tag == "p":
            return True
        parent = parent.parent
    return False


def label_value(label: Node) -> Node | None:
    """The value beside a label: the next sibling element, or the next element after the label's wrapper."""
    for candidate in (label, label.parent):
        if candidate is None:
            continue
        sibling = candidate.next
        while sibling is not None and sibling.tag == "-text" and not (sibling.text() or "").strip():
            sibling = sibling.next
        if sibling is None:
            continue
        if sibling.tag == "-text":
            return candidate.parent if candidate is label else None
        if normalize_label(sibling.text(deep=False, strip=True) or "") in METADATA_LABELS:
            return None  # the next thing is another label: this one has no value
        return sibling
    return None


def is_mostly_links(node: Node) -> bool:
    text_length = len(node.text(deep=True, strip=True))
    if text_length == 0:
        return True
    link_length = sum(len(link.text(deep=True, strip=True)) for link in node.css("a"))
    return link_length / text_length > MAX_LINK_DENSITY


def iter_json_ld(text: str) -> list[dict[str, Any]]:
    try:
        data = json.loads(text)
    except ValueError:
        return []
    items = data if isinstance(data, list) else [data]
    flat: list[dict[str, Any]] = []
    for item in items:
        if isinstance(item, dict):
            graph = item.get("@graph")
            flat.extend(g for g in graph if isinstance(g, dict)) if isinstance(graph, list) else flat.append(item)
    return flat


def language_code(value: str | None) -> str | None:
    match = LANGUAGE_CODE.match(value.strip()) if value else None
    return match.group(0).lower() if match else None


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()
