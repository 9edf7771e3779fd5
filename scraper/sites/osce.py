"""The OSCE (www.osce.org): press releases, news items and statements.

The generic page gets most of an OSCE release right; this profile names where the site keeps its
kind label and body, reads the labelled list (Date:, Place:, Source:, Fields of work:, in every
language the site speaks) that the generic page already understands, and lists releases for the crawler.
"""

from __future__ import annotations

from scraper.page import ReleasePage


class OscePage(ReleasePage):
    site = "osce"
    hosts = ("www.osce.org", "osce.org")
    listing_url = "https://www.osce.org/press-releases"
    LISTING_ITEM = ".search-result-news"
    LISTING_LINK = "h3.search-title a, h3 a"
    LISTING_DATE = ".publishing-date"
    LISTING_NEXT = "li.pager-next a, a[rel=next]"

    KIND = ".field--name-field-news-type"
    TITLE = "h1.page-title, h1"
    # The release text and nothing else: not the mega-menu, related releases, share bar or footer.
    BODY_CONTAINERS = (".field--name-body", "[property='content:encoded']", "article .content--content", "article")
    # The conventions count paragraphs, list items and quoted paragraphs; sub-headings are not used.
    BODY_BLOCKS = "p, li, blockquote"
    METADATA_SCOPE = "article, main, body"
