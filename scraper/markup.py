"""Reading a page's markup: meta tags, JSON-LD, and the labelled metadata list ("Date:", "Place:").

`PageMarkup` is the base of every page object: it holds the parsed tree and answers what the
markup says, one source at a time. The field cascades that weigh these sources against each other
live in scraper/page.py (`ReleasePage`) and, for the date, scraper/page_dates.py (`PageDates`);
which part of the page is the text, in scraper/furniture.py, scraper/scoring.py and scraper/blocks.py.
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass
from functools import cached_property
from typing import Any, ClassVar
from urllib.parse import urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser as HTMLParser
from selectolax.lexbor import LexborNode as Node

from scraper.language import ISO_639_1
from scraper.text import clean_text, node_text

LANGUAGE_CODE = re.compile(r"^[a-zA-Z]{2,3}(?=$|[-_])")
SURROGATE = re.compile("[\ud800-\udfff]")
SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")  # paired or lone: decoding tells
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
MIN_STRIPPED_TITLE_CHARS = 10  # shorter, what is left is no headline: the title was all site name
# Every match holds "<![CDATA[" or "]]>", which `iter_json_ld` tests first (keep the two in step).
CDATA = re.compile(r"^\s*(?://\s*)?<!\[CDATA\[|(?://\s*)?\]\]>\s*$")
LABEL_CANDIDATES = "li, dt, th, strong, b, span, label, div"
# A value read from the label's wrapper starts with the label itself: "Ort: Berlin".
LABEL_PREFIX = re.compile(r"^[^:：]{1,40}[:：]\s*")


def normalize_label(text: str) -> str:
    return clean_text(text).rstrip(" :：").replace("’", "'").casefold()


@dataclass(frozen=True, slots=True)
class Labelled:
    """What a labelled metadata value says: its text (without the label), its link texts, a machine date."""

    text: str
    links: tuple[str, ...]
    machine: str | None

    @classmethod
    def read(cls, value: Node) -> Labelled:
        text = node_text(value)
        prefix = LABEL_PREFIX.match(text)
        if prefix and normalize_label(prefix.group(0)) in METADATA_LABELS:
            text = text[prefix.end():]  # read from the label's wrapper: "Ort: Berlin"
        links = tuple(link_text for link in value.css("a") if (link_text := node_text(link)))
        machine_node = value.css_first("[content], [datetime]")
        machine = (machine_node.attributes.get("content") or machine_node.attributes.get("datetime")) if machine_node else None
        return cls(text=text, links=links, machine=machine)


class PageMarkup:
    """A parsed page (`tree`) and what its markup says: meta tags, JSON-LD, labelled metadata."""

    # Where the labelled metadata list is looked for: the first of these the page has.
    METADATA_SCOPE: ClassVar[str] = "article, main, body"
    tree: HTMLParser

    @cached_property
    def metadata(self) -> dict[str, Labelled]:
        """The page's labelled metadata ("Date:", "Place:"...): field name -> what its value says.

        Values, not nodes: the nodes may sit in page furniture that phase 2 takes out of the tree."""
        found: dict[str, Labelled] = {}
        # the first of METADATA_SCOPE's selectors that the page has (a release's <article>, else...)
        scopes = (self.tree.css_first(selector.strip()) for selector in self.METADATA_SCOPE.split(","))
        scope = next((node for node in scopes if node is not None), None) or self.tree.body
        if scope is None:
            return found
        for node in scope.css(LABEL_CANDIDATES):
            own = node.text(deep=False, strip=True)
            if not own or len(own) > 40 or not is_label(node, own):
                continue
            field = METADATA_LABELS.get(normalize_label(own))
            if field and field not in found:
                value = label_value(node)
                if value is not None:
                    found[field] = Labelled.read(value)
        return found

    def labelled_text(self, field: str) -> str | None:
        labelled = self.metadata.get(field)
        return labelled.text or None if labelled else None

    def labelled_list(self, field: str) -> list[str]:
        labelled = self.metadata.get(field)
        if labelled is None:
            return []
        if labelled.links:
            return list(labelled.links)
        return [part for part in (clean_text(p) for p in labelled.text.split(",")) if part]

    def first_text(self, selector: str | None, scope: Node | None = None) -> str | None:
        if not selector:
            return None
        node = (scope or self.tree).css_first(selector)
        text = node_text(node) if node is not None else ""
        return text or None

    @cached_property
    def metas(self) -> dict[str, str]:
        found: dict[str, str] = {}
        for node in self.tree.css("meta[content], meta[value]"):
            attrs = node.attributes
            key = attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or attrs.get("http-equiv")
            content = attrs.get("content") or attrs.get("value")  # value=: some archived pages
            if key and content and content.strip():
                found.setdefault(key.strip().lower(), clean_text(content))
        return found

    def meta(self, *names: str) -> str | None:
        for name in names:
            value = self.metas.get(name.lower())
            if value:
                return value
        return None

    @cached_property
    def declared_language_tags(self) -> list[str]:
        """The language tags the page declares, each a valid one ("en-GB", "de"), in the order they
        are trusted: <html lang>, xml:lang, the language meta tags, JSON-LD's inLanguage."""
        root = self.tree.css_first("html")
        attributes = root.attributes if root is not None else {}
        declared = (attributes.get("lang"), attributes.get("xml:lang"),
                    self.meta("og:locale", "content-language", "dc.language", "language"), self.json_ld_text("inLanguage"))
        return [tag.strip() for tag in declared if tag and language_code(tag)]

    def html_title(self) -> str | None:
        node = self.tree.css_first("title")
        text = node_text(node) if node is not None else ""
        return text or None

    @cached_property
    def json_ld(self) -> dict[str, Any]:
        """The page's JSON-LD article object (NewsArticle, Article, PressRelease...), or {}."""
        fallback: dict[str, Any] = {}
        for node in self.tree.css('script[type="application/ld+json"]'):
            for item in iter_json_ld(node.text(deep=True)):
                kind = item.get("@type")
                kinds = kind if isinstance(kind, list) else [kind]
                if any(isinstance(k, str) and ("Article" in k or k in ("PressRelease", "Report", "BlogPosting")) for k in kinds):
                    return item
                if not fallback and "WebPage" in kinds:
                    fallback = item
        return fallback

    def json_ld_text(self, *keys: str) -> str | None:
        for key in keys:
            value = self.json_ld.get(key)
            if isinstance(value, str) and value.strip():
                return clean_text(value)
        return None

    def json_ld_number(self, *keys: str) -> float | None:
        """A number the JSON-LD gives for a key (a unix timestamp as datePublished, say)."""
        for key in keys:
            value = self.json_ld.get(key)
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                return value
        return None


# -- helpers ----------------------------------------------------------------------------------------


def is_label(node: Node, own_text: str) -> bool:
    """"Place:" in a metadata list, or an element the page classes as a label; not "Ort:" in a paragraph."""
    names = node.attributes.get("class") or ""
    if "label" in names.lower():
        return True
    parent = node.parent
    return own_text.rstrip().endswith((":", "：")) and (parent is None or parent.tag != "p")


def previous_element(node: Node) -> Node | None:
    sibling = node.prev
    while sibling is not None and sibling.tag in ("-text", "_comment", "-comment"):
        sibling = sibling.prev
    return sibling


def next_element(node: Node) -> Node | None:
    sibling = node.next
    while sibling is not None and sibling.tag in ("-text", "_comment", "-comment"):
        sibling = sibling.next
    return sibling


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


def iter_json_ld(text: str) -> list[dict[str, Any]]:
    """The objects of a JSON-LD script (its @graph's members too); [] when it is not JSON.

    JSON nested deeper than the decoder's recursion limit is not JSON-LD a page means; a lone
    surrogate escape ("\\ud800") decodes to a character no UTF-8 output can hold, so it becomes U+FFFD."""
    if "<![CDATA[" in text or "]]>" in text:  # a substring test, not a regex scan of a long script
        text = CDATA.sub("", text)  # <script type="application/ld+json"><![CDATA[ {...} ]]></script>
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return []
    if SURROGATE_ESCAPE.search(text):
        data = without_surrogates(data)
    items = data if isinstance(data, list) else [data]
    flat: list[dict[str, Any]] = []
    for item in items:
        if isinstance(item, dict):
            graph = item.get("@graph")
            flat.extend(g for g in graph if isinstance(g, dict)) if isinstance(graph, list) else flat.append(item)
    return flat


def without_surrogates(data: Any) -> Any:
    """Decoded JSON with every surrogate code point (a lone escape: pairs decode to one character)
    replaced by U+FFFD, containers fixed in place. Iterative, so any depth the decoder took will do."""
    pending: list[Any] = []

    def fixed(value: Any) -> Any:
        if isinstance(value, str):
            return SURROGATE.sub("\ufffd", value)
        if isinstance(value, (dict, list)):
            pending.append(value)
        return value

    root = fixed(data)
    while pending:
        container = pending.pop()
        if isinstance(container, dict):
            items = [(fixed(key), fixed(value)) for key, value in container.items()]
            container.clear()
            container.update(items)
        else:
            container[:] = [fixed(value) for value in container]
    return root


def language_code(value: str | None) -> str | None:
    """The ISO 639-1 code of a declared language ("en-GB" -> "en"); None for anything else ("zz", "fil")."""
    match = LANGUAGE_CODE.match(value.strip()) if value else None
    code = match.group(0).lower() if match else None
    return code if code in ISO_639_1 else None


def canonical_link(tree: HTMLParser, base_url: str) -> str | None:
    """The page's own canonical URL (<link rel=canonical>, else og:url), absolute against `base_url`."""
    link = tree.css_first('link[rel="canonical"]')
    href = link.attributes.get("href") if link is not None else None
    if not (href and href.strip()):
        og_url = tree.css_first('meta[property="og:url"]')
        href = og_url.attributes.get("content") if og_url is not None else None
    if not (href and href.strip()):
        return None
    try:
        url = urljoin(base_url, href.strip())
        urlsplit(url).port  # noqa: B018 - raises ValueError for a port out of range or not a number
    except ValueError:
        return None  # "http://[::1", "http://host:99999/": not a URL
    return url


def strip_site_name(title: str) -> str:
    """"Headline | News | Site" -> "Headline"; a title that is all site name stays as it is."""
    start = site_name_start(title)
    stripped = title if start is None else title[:start]
    return stripped if len(stripped) >= MIN_STRIPPED_TITLE_CHARS else title


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
