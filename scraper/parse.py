"""The parsing entry point: HTML text in, a validated `PressRelease` out. Pure: no I/O, no clock."""

from __future__ import annotations

import re

from schemas import PressRelease
from scraper.errors import ExtractionError
from scraper.markup import canonical_link
from scraper.page import parse_html
from scraper.sites import profile_for

LOOKS_LIKE_HTML = re.compile(r"<(?:!doctype\s+html|html|head|body|title|p|div|article)\b", re.IGNORECASE)
SNIFF_CHARS = 5000


def parse(html: str, url: str | None = None, site: str | None = None, *, default_url: str | None = None,
          any_page: bool = False) -> PressRelease:
    """Parse one release page.

    `url` is where the page comes from; without it the page's own canonical link is used, then
    `default_url` (a saved file's file:// URL). `site` names a profile; without it the URL's host
    picks one, else the generic page. Raises ExtractionError when the text is not a release page
    (a listing, an empty page, an undated page of a site without a profile); with `any_page`, only
    when it is not HTML, and any other page gets its best record (title, date, body).
    """
    if "\x00" in html[:SNIFF_CHARS] or not LOOKS_LIKE_HTML.search(html[:SNIFF_CHARS]):
        raise ExtractionError("not HTML")
    tree = parse_html(html)
    if url is None:
        url = canonical_link(tree, "") or default_url
        if url is None:
            raise ExtractionError("no URL given and the page names no canonical URL")
    page = profile_for(url, site)(html, url, tree=tree)
    return page.to_record(any_page=any_page)
