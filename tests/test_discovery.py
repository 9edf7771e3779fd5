"""Discovery: listing pages (a profile's selectors and the generic reader), pagination, feeds and
sitemaps, read as pure functions from inline pages and the shared OSCE listing pages."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from scraper.discovery import Link, feed_links, read_feed, read_generic_listing, read_listing, read_sitemap
from scraper.errors import ExtractionError
from scraper.sites import PROFILES
from tests.conftest import shared_files

OSCE = PROFILES["osce"]


@pytest.mark.parametrize("path", shared_files("osce/listing/*.html"), ids=lambda p: p.name)
def test_reads_the_real_osce_listing(path: Path) -> None:
    listing = read_listing(path.read_text(encoding="utf-8"), "https://www.osce.org/press-releases?page=1", OSCE)
    assert len(listing.links) == 10
    assert all(link.url.startswith("https://www.osce.org/") for link in listing.links)
    assert all(link.date and len(link.date) == 10 for link in listing.links)
    last = path.name.endswith("page-2.html")
    assert (listing.next_url is None) == last
    if not last:
        assert listing.next_url.startswith("https://www.osce.org/press-releases?page=")


def test_listing_links_skip_files_and_foreign_schemes() -> None:
    html = """<div class="search-result-news"><span class="publishing-date">3 May 2024</span>
      <h3 class="search-title"><a href="/files/report.PDF">Annual report</a></h3></div>
      <div class="search-result-news"><h3 class="search-title"><a href="mailto:x@y.org">Mail</a></h3></div>
      <div class="search-result-news"><span class="publishing-date">2 May 2024</span>
      <h3 class="search-title"><a href="/cio/1?utm_source=rss#top">One</a></h3></div>"""
    listing = read_listing(html, "https://www.osce.org/press-releases", OSCE)
    assert listing.links == [Link("https://www.osce.org/cio/1", "2024-05-02")]
    assert listing.next_url is None


@pytest.mark.parametrize(
    ("pager", "expected"),
    [
        pytest.param('<link rel="next" href="/news?page=2">', "https://x.org/news?page=2", id="link-rel-next"),
        pytest.param('<a rel="next nofollow" href="?page=2">2</a>', "https://x.org/news?page=2", id="a-rel-next"),
        pytest.param('<ul class="pagination"><li class="next"><a href="/news/p/2">›</a></li></ul>', "https://x.org/news/p/2", id="class"),
        pytest.param('<a href="/news/older">Older posts</a>', "https://x.org/news/older", id="text"),
        pytest.param('<a href="/news/2">Nextcloud</a>', None, id="not-a-next-word"),
    ],
)
def test_generic_pagination(pager: str, expected: str | None) -> None:
    assert read_generic_listing(f"<html><body>{pager}</body></html>", "https://x.org/news", "https://x.org/news").next_url == expected


@pytest.mark.parametrize(
    "href",
    [
        pytest.param("http://[::1", id="unclosed-ipv6"),
        pytest.param("http://x.org:99999/news/a", id="port-99999"),
        pytest.param("http://x.org:abc/news/a", id="port-abc"),
        pytest.param("/news/" + "a" * 70_000, id="longer-than-64k"),
        pytest.param("/news/" + "a" * 8200, id="longer-than-8k"),
    ],
)
def test_a_link_that_cannot_be_followed_is_dropped_where_it_is_read(href: str) -> None:
    """Issue 14: such links reached the fetcher, and their exceptions killed a worker."""
    html = f'<a href="{href}">Bad</a><a href="/news/ok">OK</a><a rel="next" href="{href}">next</a>'
    listing = read_generic_listing(html, "https://x.org/news", "https://x.org/news")
    assert [link.url for link in listing.links] == ["https://x.org/news/ok"]
    assert listing.next_url is None
    sitemap = f"<urlset><url><loc>{href.replace('&', '&amp;')}</loc></url><url><loc>/news/ok</loc></url></urlset>"
    assert [link.url for link in read_sitemap(sitemap, "https://x.org/sitemap.xml").pages] == ["https://x.org/news/ok"]


def test_generic_listing_keeps_links_under_the_start_path() -> None:
    html = """<a href="/news/2024/a">A</a><a href="/news/2024/a#x">A again</a><a href="/about">About</a>
      <a href="https://other.org/news/b">Elsewhere</a><a href="/news/brochure.pdf">PDF</a><a href="/news/2024/b">B</a>"""
    listing = read_generic_listing(html, "https://x.org/news", "https://x.org/news")
    assert [link.url for link in listing.links] == ["https://x.org/news/2024/a", "https://x.org/news/2024/b"]


def test_feed_links_in_the_head() -> None:
    html = """<head><link rel="alternate" type="application/rss+xml" href="/feed.rss">
      <link rel="alternate" type="application/atom+xml" href="https://x.org/atom.xml">
      <link rel="alternate" hreflang="fr" href="/fr/"></head>"""
    assert feed_links(html, "https://x.org/news") == ["https://x.org/feed.rss", "https://x.org/atom.xml"]


def test_reads_a_sitemap_and_an_index() -> None:
    urlset = """<?xml version="1.0" encoding="UTF-8"?>
    <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <url><loc>https://x.org/news/a</loc><lastmod>2024-05-02T10:00:00+00:00</lastmod></url>
      <url><loc> https://x.org/news/b </loc></url>
      <url><loc>https://x.org/news/c.pdf</loc></url>
    </urlset>"""
    index = """<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <sitemap><loc>https://x.org/sitemap-1.xml.gz</loc></sitemap></sitemapindex>"""
    assert read_sitemap(urlset, "https://x.org/sitemap.xml").pages == [
        Link("https://x.org/news/a", "2024-05-02", modified=True),  # lastmod: when it changed, not when published
        Link("https://x.org/news/b", None, modified=True),
    ]
    assert read_sitemap(index.encode(), "https://x.org/sitemap.xml").sitemaps == ["https://x.org/sitemap-1.xml.gz"]


def test_reads_rss_and_atom() -> None:
    rss = """<rss version="2.0"><channel><title>t</title>
      <item><title>A</title><link>https://x.org/news/a</link><pubDate>Thu, 02 May 2024 10:00:00 +0000</pubDate></item>
      <item><title>B</title><link>/news/b</link></item></channel></rss>"""
    atom = """<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>C</title>
      <link rel="alternate" href="https://x.org/news/c"/><link rel="edit" href="https://x.org/edit/c"/>
      <published>2024-05-03T08:00:00Z</published></entry></feed>"""
    assert read_feed(rss, "https://x.org/feed") == [Link("https://x.org/news/a", "2024-05-02"), Link("https://x.org/news/b")]
    assert read_feed(atom, "https://x.org/feed") == [Link("https://x.org/news/c", "2024-05-03")]
    updated_only = atom.replace("published>", "updated>")
    assert read_feed(updated_only, "https://x.org/feed") == [Link("https://x.org/news/c", "2024-05-03", modified=True)]


@pytest.mark.parametrize(
    "xml",
    [
        pytest.param(
            '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
            "<urlset><url><loc>&b;</loc></url></urlset>",
            id="entity-expansion",
        ),
        pytest.param(
            '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY e SYSTEM "file:///etc/passwd">]><urlset><url><loc>&e;</loc></url></urlset>',
            id="external-entity",
        ),
        pytest.param("<urlset><url><loc>broken", id="not-well-formed"),
    ],
)
def test_unsafe_or_broken_xml_is_refused(xml: str) -> None:
    with pytest.raises(ExtractionError):
        read_sitemap(xml, "https://x.org/sitemap.xml")


DEEP_LISTING = "<html><body>" + "<div>" * 150_000 + "<p>nothing here</p>" + "</div>" * 150_000 + "</body></html>"


@pytest.mark.parametrize(
    "read",
    [
        pytest.param(lambda html: read_generic_listing(html, "http://127.0.0.1/news", "http://127.0.0.1/news"), id="generic-listing"),
        pytest.param(lambda html: feed_links(html, "http://127.0.0.1/news"), id="feed-links"),
    ],
)
def test_a_deeply_nested_listing_is_read_in_bounded_time(read) -> None:  # noqa: ANN001
    # 150,000 nested <div>s took 32-37 s inside lexbor before the nesting was bounded as a release page's is
    started = time.perf_counter()
    read(DEEP_LISTING)
    assert time.perf_counter() - started < 5
