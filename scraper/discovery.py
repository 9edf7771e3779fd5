"""Discovery: where the release pages are, read from listing pages, feeds and sitemaps.

Pure functions over (text, url[, profile]): no fetching, no clock, so they are tested on inline
pages and replayed fixtures without a network. The crawl loop (scraper/crawl.py) fetches what
these name and decides what to follow; this module only reads:

    listing page  -> `read_listing` (a profile's selectors) or `read_generic_listing` (links under
                     the start path) -> `Listing`: release `Link`s (with listed dates) + next page
    any page      -> `next_page` (rel=next, pager classes, "next" text), `feed_links` (rel=alternate)
    sitemap       -> `read_sitemap` -> `Sitemap`: page `Link`s (lastmod) and child sitemaps
    RSS / Atom    -> `read_feed` -> `Link`s with publication dates

Every URL is made absolute and normalized; files (PDF, images, archives...) and non-web schemes
are dropped here, before any request. XML goes through defusedxml (no entity expansion).
"""

from __future__ import annotations

import email.utils
import re
from dataclasses import dataclass
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring as parse_xml_safely
from selectolax.lexbor import LexborHTMLParser, LexborNode

from scraper.dates import find_date, parse_iso
from scraper.errors import ExtractionError
from scraper.nesting import bounded_tree
from scraper.page import ReleasePage
from scraper.urls import MAX_URL_LENGTH, is_under, is_web_url, normalize_url

# Generic pagination: an explicit rel=next first, then the usual pager classes, then link text.
GENERIC_NEXT = 'link[rel~="next"], a[rel~="next"], .pager-next a, .pagination .next a, a.next, .next a'
NEXT_TEXT = re.compile(r"^\s*(?:next|older|more|suivant|weiter|далее|следующая)\b|^\s*[›»>]+\s*$", re.I)
FEED_LINK = 'link[rel~="alternate"][type="application/rss+xml"], link[rel~="alternate"][type="application/atom+xml"]'
ANCHOR = "a[href]"
# Links that are never a release page; skipped before any request (the fetcher would refuse them anyway).
NOT_A_PAGE = re.compile(
    r"\.(?:pdf|docx?|xlsx?|pptx?|odt|ods|rtf|zip|gz|rar|7z|jpe?g|png|gif|svg|webp|tiff?|mp[34]|m4a|wav|avi|mov|wmv|ics|csv|epub)$",
    re.I,
)
# For the crawl loop's sitemap walk: where to look when robots.txt names no sitemap, and how deep to go.
SITEMAP_DEFAULT_PATH = "/sitemap.xml"
MAX_SITEMAP_DEPTH = 3  # index -> index -> urlset is as deep as real sites go


@dataclass(frozen=True)
class Link:
    """A release candidate found by discovery, with the date the listing gave it (ISO), if any.

    `modified`: the date is when the page last changed (a sitemap's lastmod, an Atom entry's
    updated), not when it was published; a release is never modified before it is published, so
    such a date tells that a page is older than --since, but not that it is newer than --until."""

    url: str
    date: str | None = None
    modified: bool = False


@dataclass(frozen=True)
class Listing:
    """What one listing page offers: release links and the next listing page."""

    links: list[Link]
    next_url: str | None


@dataclass(frozen=True)
class Sitemap:
    """A sitemap: page entries (urlset) and/or child sitemaps (sitemapindex)."""

    pages: list[Link]
    sitemaps: list[str]


def _href(node: LexborNode | None, base: str) -> str | None:
    """The absolute, normalized http(s) URL a node links to; None for mailto:, javascript:, files."""
    href = (node.attributes.get("href") or "").strip() if node is not None else ""
    if not href or href.startswith("#"):
        return None
    return _absolute(href, base)


def _date_in(text: str) -> str | None:
    found = find_date(text)
    return found.iso() if found else None


def read_listing(html: str, url: str, profile: type[ReleasePage]) -> Listing:
    """Release links (with their listed dates) and the next page, by the profile's selectors."""
    tree = html_tree(html)
    links: list[Link] = []
    for item in tree.css(profile.LISTING_ITEM or ""):
        target = _href(item.css_first(profile.LISTING_LINK or "a[href]"), url)
        if target is None:
            continue
        date_node = item.css_first(profile.LISTING_DATE) if profile.LISTING_DATE else None
        links.append(Link(target, _date_in(date_node.text()) if date_node is not None else None))
    next_node = tree.css_first(profile.LISTING_NEXT) if profile.LISTING_NEXT else None
    return Listing(links, _href(next_node, url))


def read_generic_listing(html: str, url: str, start_url: str) -> Listing:
    """Without a profile: every link under the start URL's path, and rel=next/"next" pagination."""
    tree = html_tree(html)
    next_url = next_page(tree, url)
    here = normalize_url(url)
    seen: set[str] = set()
    links: list[Link] = []
    for anchor in tree.css(ANCHOR):
        target = _href(anchor, url)
        if target is None or target in seen or target in (here, next_url) or not is_under(target, start_url):
            continue
        seen.add(target)
        links.append(Link(target))
    return Listing(links, next_url)


def html_tree(html: str) -> LexborHTMLParser:
    """A listing page's tree, its nesting bounded first as a release page's is (scraper/nesting.py):
    200,000 nested <div>s took over a minute inside lexbor. ExtractionError past MAX_TAGS tags."""
    return bounded_tree(html)


def next_page(tree: LexborHTMLParser, url: str) -> str | None:
    """The next listing page: rel=next, a pager class, else a link whose text says "next"."""
    found = _href(tree.css_first(GENERIC_NEXT), url)
    if found:
        return found
    for anchor in tree.css(ANCHOR):
        if NEXT_TEXT.search(anchor.text(strip=True)):
            return _href(anchor, url)
    return None


def feed_links(html: str, url: str) -> list[str]:
    """RSS and Atom feeds the page announces with <link rel=alternate>."""
    tree = html_tree(html)
    return [found for node in tree.css(FEED_LINK) if (found := _href(node, url))]


def _xml_root(xml: str | bytes, url: str) -> Element:
    """Parse XML safely: no entity expansion, no external entities, no DTD tricks."""
    try:
        return parse_xml_safely(xml.encode("utf-8") if isinstance(xml, str) else xml, forbid_dtd=False)
    except (ParseError, DefusedXmlException, ValueError) as error:
        raise ExtractionError(f"{url}: not well-formed or unsafe XML ({type(error).__name__})") from error


def _local(element: Element) -> str:
    return element.tag.rsplit("}", 1)[-1].lower() if isinstance(element.tag, str) else ""


def _child_text(element: Element, name: str) -> str:
    for child in element:
        if _local(child) == name:
            return (child.text or "").strip()
    return ""


def read_sitemap(xml: str | bytes, url: str) -> Sitemap:
    """Entries of a sitemap (`<urlset>`: pages with lastmod) or a sitemap index (`<sitemapindex>`)."""
    root = _xml_root(xml, url)
    pages: list[Link] = []
    sitemaps: list[str] = []
    for entry in root:
        kind = _local(entry)
        loc = _absolute(_child_text(entry, "loc"), url, page=kind == "url")
        if loc is None:
            continue
        if kind == "sitemap":
            sitemaps.append(loc)
        elif kind == "url":
            lastmod = parse_iso(_child_text(entry, "lastmod"))
            pages.append(Link(loc, lastmod.iso() if lastmod else None, modified=True))
    return Sitemap(pages, sitemaps)


def read_feed(xml: str | bytes, url: str) -> list[Link]:
    """Items of an RSS 2.0 or Atom feed, with their publication dates."""
    root = _xml_root(xml, url)
    links: list[Link] = []
    for entry in root.iter():
        kind = _local(entry)
        if kind == "item":  # RSS
            target = _absolute(_child_text(entry, "link"), url)
            published = _rss_date(_child_text(entry, "pubdate"))
        elif kind == "entry":  # Atom
            target = _absolute(_atom_link(entry), url)
            stamp = _child_text(entry, "published")
            modified = not stamp
            stamp = stamp or _child_text(entry, "updated")
            published = (found.iso() if (found := parse_iso(stamp)) else None) if stamp else None
        else:
            continue
        if target is not None:
            links.append(Link(target, published, modified=kind == "entry" and modified))
    return links


def _atom_link(entry: Element) -> str:
    for child in entry:
        if _local(child) == "link" and child.get("rel", "alternate") == "alternate":
            return child.get("href", "")
    return ""


def _rss_date(value: str) -> str | None:
    if not value:
        return None
    try:
        return email.utils.parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError):
        return _date_in(value)


def _absolute(value: str, base: str, *, page: bool = True) -> str | None:
    """`value` as an absolute, normalized http(s) URL; None for one that cannot be followed: a bad
    port or host (ValueError), another scheme, a file (for a page), longer than MAX_URL_LENGTH."""
    if not value or len(value) > MAX_URL_LENGTH:
        return None
    try:
        url = normalize_url(value, base)
    except ValueError:
        return None
    if len(url) > MAX_URL_LENGTH or not is_web_url(url) or (page and NOT_A_PAGE.search(url.split("?", 1)[0])):
        return None
    return url
