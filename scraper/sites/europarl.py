"""The European Parliament press room (www.europarl.europa.eu/news/<lang>/press-room/...).

A release page is a stack of "ep-a_*" blocks inside `article#website-body`: the heading (title,
category, content-type tags, a `<time itemprop=datePublished>`), the key facts list (`ep-a_facts`),
a picture, the lead paragraph (`ep-a_text ep-layout_chapo`), the text (`ep-a_text`), then contacts,
further-information links, the product reference and the share bar. The body is the lead and the
text blocks; everything else is furniture. There is no dateline and no labelled metadata list.

The listing selectors are inferred, not observed: the saved release pages link back to
/news/en/press-room (breadcrumb) and carry the listing's item markup (`ep-m_product`), but no listing
page was available to read. Listing items are taken to be `article.ep-m_product` teasers linking to
/press-room/<id>/<slug>, with the same `<time>` as the release heading.
"""

from __future__ import annotations

import re

from scraper.page import ReleasePage, clean_text

# The release's own blocks; the lead paragraph is an `ep-a_text` too.
ARTICLE = "#website-body"
TEXT_BLOCKS = ".ep-a_text p, .ep-a_text li, .ep-a_text blockquote"
# Page furniture inside the article that the generic list does not know by name.
EP_BOILERPLATE = (
    ".ep-a_share, .ep-a_contacts, .ep-a_links, .ep-a_reference, .ep-a_media, .ep_hidden, "
    "#website-breadcrumb, .ep_breadcrumb"
)
HEADLINE = f"{ARTICLE} h1.ep_title"
# "<headline> | News | European Parliament": the last part of <title> names the publisher.
PUBLISHER_IN_TITLE = re.compile(r"\|\s*([^|]{3,80}?)\s*$")


class EuroparlPage(ReleasePage):
    site = "europarl"
    hosts = ("www.europarl.europa.eu", "europarl.europa.eu")
    listing_url = "https://www.europarl.europa.eu/news/en/press-room"
    LISTING_ITEM = "article.ep-m_product"
    LISTING_LINK = "a[href*='/press-room/']"
    LISTING_DATE = "time[datetime]"
    LISTING_NEXT = "a[rel=next], .ep-a_pager .ep_next a, a.ep_next"

    TITLE = HEADLINE
    KIND = f"{ARTICLE} .ep_subtitle .ep-layout_category .ep_name"
    HIGHLIGHTS = f"{ARTICLE} .ep-a_facts li"
    BODY_CONTAINERS = (ARTICLE, "article", "main")
    BODY_BLOCKS = TEXT_BLOCKS
    BOILERPLATE = f"{ReleasePage.BOILERPLATE}, {EP_BOILERPLATE}"
    METADATA_SCOPE = ARTICLE

    def publisher(self) -> str | None:
        node = self.tree.css_first("title")
        match = PUBLISHER_IN_TITLE.search(clean_text(node.text()) if node is not None else "")
        return super().publisher() or (match.group(1) if match else None)
