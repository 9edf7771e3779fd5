"""Step 1 of finding the release in a page: remove the page furniture. Pure, on a parsed tree.

`strip_furniture` removes what is never release text (menus, footers, share bars, cookie banners,
modals, related links, comments) by selectors: tags and roles first, then class and id names,
where a name that also says "content" or "article" is spared (`article-footer` may be furniture,
but `main-content-with-sidebar` is not), and so is every wrapper of the headline or of a marked
article body, whatever its name ("container right-sidebar" around the whole article).
`strip_named_furniture` removes by name alone: inside the container the scorer chose, and in each
box that joins it.

The three steps, in the order `scraper/page.py` runs them: this module; where the text is
(`scraper/scoring.py`); which of its blocks are text (`scraper/blocks.py`, `scraper/block_filters.py`).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from selectolax.lexbor import LexborNode as Node

from scraper.text import WORD, node_names

# A form asking for an e-mail address signs the reader up for something: never the text. (A form
# around the whole page, as ASP.NET writes one, holds the text's paragraphs and stays.)
SIGNUP_FORM = "form:has(input[type=email i])"
# Furniture by tag and role, always removed.
FURNITURE_TAGS = (
    "header, footer, nav, aside, menu, dialog, form[role=search], [role=navigation], [role=banner], "
    "[role=contentinfo], [role=search], [role=complementary], [role=dialog], [role=alertdialog], "
    "[aria-hidden=true], [hidden], [itemprop=comment], .visually-hidden, .sr-only, .element-invisible, "
    # what an inline style hides: a paywall's copy of the text, a closed dialog
    '[style*="display:none" i], [style*="display: none" i], '
    # a sign-up box: a form that asks for an e-mail address (a newsletter, a "get alerts" prompt)
    f"{SIGNUP_FORM}"
)
# Furniture by class or id name (case-insensitive substrings). Some names never hold the release;
# others ("navigation", "slider", "skip") also turn up on wrappers of the text (`left-navigation-
# wrapper`, ReadSpeaker's `rs_skip`), so an element with those is spared when it holds paragraphs.
FURNITURE_NAME_PARTS = (
    "breadcrumb", "cookie", "consent", "gdpr", "share", "sharing", "social", "related", "newsletter",
    "subscribe", "comment", "replies", "disqus", "sidebar", "footer", "navbar", "advert", "sponsor", "promo",
    "pagination", "pager", "popup", "modal", "toolbar", "print-link", "tag-list", "taglist", "tagcloud",
    "author-box", "author-bio", "authorbio", "about-the-author", "teaser-list", "login", "flyout", "notification",
)
SOFT_FURNITURE_NAME_PARTS = (
    "navigation", "menu", "banner", "skip", "rating", "feedback", "byline", "carousel", "slider",
    "gallery", "lightbox", "caption", "copyright", "search",
)
# ... and a teaser is furniture when it is a card: it links elsewhere ("more") or shows a picture.
# German CMS also name the text's own lead "teaser" ("teaser__text" above the first paragraph).
CARD_FURNITURE_NAME_PARTS = ("teaser",)
CARD_PARTS = "a[href], img, picture"
# An id is the one element's name: one that names furniture (and no text of its own) decides, whatever
# content word the class holds ("user-post-box" with the id "comment-box").
FURNITURE_ID = re.compile("|".join(FURNITURE_NAME_PARTS), re.IGNORECASE)

# What a class and id say is read once per distinct pair: a page repeats them on every card, menu item
# and paragraph (a few hundred distinct names for some thousands of elements), and its site's next page
# repeats them again. The caches are bounded by entries (class strings average some 40 characters).
NAMES_CACHE = 8192
NAMED = "[class], [id]"


@dataclass(frozen=True)
class NamedBy:
    """The elements whose class (and id, with `ids`) holds one of `parts`, in any case: what the
    selectors `[class*="part" i], [id*="part" i]` match.

    Lexbor tries each such selector on every element (some 50 ns a try): `under(root)` first reads
    which parts the names under `root` hold at all, in one pass, and asks for those only."""

    parts: tuple[str, ...]
    ids: bool = True

    def __post_init__(self) -> None:
        # NamesUnder finds a part in lower-cased names: a part must be written so to be found.
        if any(not part.isascii() or part != part.lower() for part in self.parts):
            raise ValueError(f"name parts must be lower-case ASCII: {self.parts}")

    def under(self, root: Node, names_under: NamesUnder | None = None) -> list[Node]:
        held = (names_under or NamesUnder(root)).holding(self)
        return root.css(self.selector(held)) if held else []

    def selector(self, parts: tuple[str, ...]) -> str:
        attributes = ("class", "id") if self.ids else ("class",)
        return ", ".join(f'[{attribute}*="{part}" i]' for part in parts for attribute in attributes)


class NamesUnder:
    """Every class and every id of a node and of the elements under it (lexbor's `css` matches the
    node itself too), lower-cased into two strings: a part none of them holds matches no element
    there (nor later, as removing furniture only takes elements away).

    Exact, not a guess: lexbor's `i` flag folds ASCII letters only, and `str.lower()` folds at least
    those, so every name lexbor would match holds the part once lower-cased (the few non-ASCII
    letters lower() folds to ASCII, "K" to "k", only make a part look held: lexbor then finds nothing)."""

    def __init__(self, root: Node) -> None:
        classes: list[str] = []
        ids: list[str] = []
        for node in root.css(NAMED):
            attributes = node.attributes
            classes.append(attributes.get("class") or "")
            ids.append(attributes.get("id") or "")
        # "\n" between names, which no part holds: a part is found inside one name, never across two.
        self.classes = "\n".join(classes).lower()
        self.ids = "\n".join(ids).lower()

    def holding(self, named_by: NamedBy) -> tuple[str, ...]:
        """The parts some class (or id) holds."""
        return tuple(part for part in named_by.parts
                     if part in self.classes or (named_by.ids and part in self.ids))


FURNITURE_NAMES = NamedBy(FURNITURE_NAME_PARTS)
SOFT_FURNITURE_NAMES = NamedBy(SOFT_FURNITURE_NAME_PARTS)
CARD_FURNITURE_NAMES = NamedBy(CARD_FURNITURE_NAME_PARTS)
NO_NAMES = NamedBy(())
# Before scoring, only the commonest names are looked for, on the whole page (each name costs a pass
# over every element); the full list then runs inside the chosen container only.
PAGE_FURNITURE_NAMES = NamedBy(("cookie", "consent", "comment", "related", "share", "social", "newsletter", "sidebar",
                                "footer", "breadcrumb", "modal", "popup", "notification"), ids=False)
PAGE_SOFT_FURNITURE_NAMES = NamedBy(("navigation", "menu"), ids=False)
# Any furniture word, to tell whether a class says furniture (`is_anchor_of_its_text`).
FURNITURE_PART = re.compile("|".join(FURNITURE_NAME_PARTS + SOFT_FURNITURE_NAME_PARTS + CARD_FURNITURE_NAME_PARTS), re.IGNORECASE)
# An id made from a heading spells its first words, joined by hyphens or underscores.
ANCHOR_SEPARATORS = re.compile(r"[-_]+")
MIN_ANCHOR_WORDS = 3
ANCHOR_TEXT_CHARS = 200
# An element with a soft furniture name that holds this many real paragraphs is a text wrapper.
SPARING_PARAGRAPHS = 2
SPARING_PARAGRAPH_CHARS = 60
# A <header>, or a box named "sidebar", that holds most of the page's paragraphs (and at least this many)
# is the layout around the text, not furniture: the text set inside a page's <header> section, a
# wrapper of the text and its sidebar named "inline-and-sidebar-container" or "is-style-sidebar".
LAYOUT_PARAGRAPHS = 3
LAYOUT_SUSPECT_TAGS = frozenset({"header"})
LAYOUT_SUSPECT_NAME = re.compile("sidebar", re.IGNORECASE)
CONTENT_NAMES = re.compile(r"content|article|body|main|story|text|post|entry", re.IGNORECASE)
# ... but not a content word that names the furniture's own part, after it in one name:
# "related-posts", "comment-text", "sidebar-content", "share-content".
# "relatedPost", "RelatedPost" (camel case) too. Matched on what precedes the content word in its name.
FURNITURE_BEFORE_CONTENT = re.compile(rf"(?:{'|'.join(FURNITURE_NAME_PARTS)})s?([-_](?:[a-z0-9]+[-_])*)?$", re.IGNORECASE)
# A state a CMS marks an item with, not a box: Drupal's "node--promoted" (an article promoted to the
# front page) on the text's own box, whose "promo" is no promotion box ("promoted-stories" is one).
ITEM_STATES = re.compile(r"--promoted\b", re.IGNORECASE)
# The headline and a marked article body: their wrappers are never furniture.
TEXT_ANCHORS = "h1, [itemprop=articleBody]"
UNPROTECTED_BOXES = frozenset({"header", "nav", "footer"})
# ... except an article's own <header> (HTML's sectioning rule): the headline's box inside an
# <article>, which often holds the standfirst or the whole lead beside the date and the byline.
ARTICLE_HEADER = "header"
# Of that box only the prose is text: the headline is the record's title, and its lists (topics,
# share buttons) and sub-headings (a kicker, a deck) are not the release's words.
NOT_TEXT_IN_ARTICLE_HEADER = "ul, ol, dl, h2, h3, h4, h5, h6"
# Elements whose removal would take the page with them, whatever their names say.
NEVER_REMOVED = frozenset({"html", "body", "main", "article"})


def remove_all(nodes: list[Node]) -> None:
    """Decompose nodes, innermost first, so no node is touched after an ancestor freed it."""
    for node in reversed(nodes):
        node.decompose()


def strip_furniture(root: Node, furniture_tags: str = FURNITURE_TAGS, names: NamedBy = PAGE_FURNITURE_NAMES,
                    soft_names: NamedBy = PAGE_SOFT_FURNITURE_NAMES) -> None:
    """Remove page furniture under `root` (by tag and role, then by class and id name).

    An element around the headline or the marked article text is a layout wrapper, whatever its
    name says ("panel-two-col-sidebar-right", "container-single right-sidebar"): it stays; so does
    a <header> or a "sidebar"-named box that holds most of the page's paragraphs (PageLayout)."""
    furniture = root.css(furniture_tags)
    # An article's own <header> stays (with the headline, or on a page of one article without
    # it: the <h1> set in a breadcrumb, or beside the header), less what is no text in it; read
    # before the removal, which frees the nodes of the others.
    keep = wrappers_of_the_text(root) | own_article_headers(root, furniture)
    article_headers = [node for node in furniture if node.tag == ARTICLE_HEADER and node.mem_id in keep]
    layout = PageLayout(root)
    remove_all([node for node in furniture if node.tag not in NEVER_REMOVED and node.mem_id not in keep
                and not is_page_form(node) and not (node.tag in LAYOUT_SUSPECT_TAGS and layout.holds_the_text(node))])
    for header in article_headers:
        remove_all(header.css(NOT_TEXT_IN_ARTICLE_HEADER))
    strip_named_furniture(root, names, soft_names, keep, card_names=NO_NAMES, layout=layout)  # cards: inside the container only


def is_page_form(node: Node) -> bool:
    """Whether a <form> wraps a page's text (ASP.NET's one form around everything), not a box of its own."""
    return node.tag == "form" and holds_paragraphs(node)


def own_article_headers(root: Node, furniture: list[Node]) -> frozenset[int]:
    """mem_ids of the <header>s of the page's <article> when it has one only (a page of teasers,
    each an <article> with a <header>, has many)."""
    articles = root.css("article")
    if len(articles) != 1:
        return frozenset()
    return frozenset(node.mem_id for node in furniture if is_article_header(node, root))


def wrappers_of_the_text(root: Node) -> frozenset[int]:
    """mem_ids of the ancestors of the headline(s) and of a marked article body, up to `root`.

    A headline inside a <header>, <nav> or <footer> (a logo) protects nothing above that box,
    except in an article's own <header> (inside an <article>): that box is the article's."""
    keep: set[int] = set()
    for anchor in root.css(TEXT_ANCHORS):
        ancestor = anchor.parent
        while ancestor is not None and ancestor.mem_id != root.mem_id:
            if ancestor.tag in UNPROTECTED_BOXES and not is_article_header(ancestor, root):
                break
            keep.add(ancestor.mem_id)
            ancestor = ancestor.parent
    return frozenset(keep)


def is_article_header(node: Node, root: Node) -> bool:
    """Whether `node` is the <header> of an <article> (an ancestor below `root`)."""
    if node.tag != ARTICLE_HEADER:
        return False
    ancestor = node.parent
    while ancestor is not None and ancestor.mem_id != root.mem_id:
        if ancestor.tag == "article":
            return True
        ancestor = ancestor.parent
    return False


def strip_named_furniture(root: Node, names: NamedBy = FURNITURE_NAMES, soft_names: NamedBy = SOFT_FURNITURE_NAMES,
                          keep: frozenset[int] = frozenset(), keep_like: frozenset[tuple[str, str]] = frozenset(),
                          card_names: NamedBy = CARD_FURNITURE_NAMES, layout: PageLayout | None = None) -> None:
    """Remove what is furniture by its name under `root`, except the nodes in `keep` and the boxes
    named like one of them (`keep_like`: (tag, class) pairs): a text split over sections of one
    layout ("sidebar-grid__container" each) keeps every section. A box named for a card (`card_names`:
    "teaser") goes when it is one: it links elsewhere or shows a picture."""
    def kept(node: Node) -> bool:
        return node.mem_id in keep or (bool(keep_like) and (node.tag, node.attributes.get("class") or "") in keep_like)
    names_under = NamesUnder(root)
    remove_all([node for node in names.under(root, names_under) if is_furniture_by_name(node) and not kept(node)
                and not (layout is not None and LAYOUT_SUSPECT_NAME.search(node_names(node)) and layout.holds_the_text(node))])
    remove_all([node for node in soft_names.under(root, names_under)
                if is_furniture_by_name(node) and not kept(node) and not holds_paragraphs(node)])
    remove_all([node for node in card_names.under(root, names_under)
                if is_furniture_by_name(node) and not kept(node) and node.css_first(CARD_PARTS) is not None])


class PageLayout:
    """How many long paragraphs a page holds (counted once, when first asked, on the page as it then
    stands): whether a box is the layout around the text, whatever its tag or name says. It is when
    it holds most of them, or, inside such a box (asked first: page order), when it holds paragraphs
    at all (each section of a layout named for its sidebar, "sidebar-grid__container")."""

    def __init__(self, root: Node) -> None:
        self.root = root
        self._total: int | None = None
        self.text_boxes: set[int] = set()  # mem_ids of the boxes found to hold most of the text

    def holds_the_text(self, node: Node) -> bool:
        held = long_paragraphs(node)
        if held >= LAYOUT_PARAGRAPHS:
            if self._total is None:
                self._total = long_paragraphs(self.root)
            if 2 * held > self._total:
                self.text_boxes.add(node.mem_id)
                return True
        return bool(self.text_boxes) and self.inside_layout(node) and holds_paragraphs(node)

    def inside_layout(self, node: Node) -> bool:
        ancestor = node.parent
        while ancestor is not None:
            if ancestor.mem_id in self.text_boxes:
                return True
            ancestor = ancestor.parent
        return False


def long_paragraphs(node: Node) -> int:
    return sum(1 for paragraph in node.css("p") if len(paragraph.text(deep=True, strip=True)) >= SPARING_PARAGRAPH_CHARS)


def holds_paragraphs(node: Node) -> bool:
    found = 0
    for paragraph in node.css("p"):
        if len(paragraph.text(deep=True, strip=True)) >= SPARING_PARAGRAPH_CHARS:
            found += 1
            if found >= SPARING_PARAGRAPHS:
                return True
    return False


def is_furniture_by_name(node: Node) -> bool:
    if node.tag in NEVER_REMOVED:
        return False
    attributes = node.attributes
    element_id, element_class = attributes.get("id") or "", attributes.get("class") or ""
    return names_furniture(element_id, element_class) and not is_anchor_of_its_text(node, element_id, element_class)


@functools.lru_cache(maxsize=NAMES_CACHE)
def names_furniture(element_id: str, element_class: str) -> bool:
    """Given that a furniture selector matched the element (its class or id holds a furniture word):
    whether its names leave it furniture, no content word of its own sparing it."""
    if ITEM_STATES.search(element_class) and not FURNITURE_PART.search(f"{ITEM_STATES.sub(' ', element_class)} {element_id}"):
        return False  # the furniture word was in a state's name only ("node node--promoted")
    if FURNITURE_ID.search(element_id) and not names_the_text(element_id):
        return True  # an id names the one element's role: "comment-box" on a "user-post-box"
    names = f"{element_class} {element_id}"
    return not any(names_the_text(name) for name in names.split() if CONTENT_NAMES.search(name))


def is_anchor_of_its_text(node: Node, anchor: str, element_class: str) -> bool:
    """Whether the node is named only by an id (`anchor`) spelling its own opening words, an anchor made
    from its heading ("zendaya-promoted-dune-part-two-1" over "Zendaya promoted Dune: Part Two"), whose
    words ("promoted") say nothing of what the box is."""
    words = anchor_words(anchor, element_class)
    if not words:
        return False
    opening = WORD.findall(node.text(deep=True, separator=" ", strip=True)[:ANCHOR_TEXT_CHARS].casefold())
    return opening[:MIN_ANCHOR_WORDS] == list(words)


@functools.lru_cache(maxsize=NAMES_CACHE)
def anchor_words(anchor: str, element_class: str) -> tuple[str, ...]:
    """The first words an id made from a heading spells (none when the id is no such anchor, or the
    class says furniture whatever the id spells)."""
    if FURNITURE_PART.search(element_class):
        return ()
    words = [word for word in ANCHOR_SEPARATORS.split(anchor.casefold()) if word]
    return tuple(words[:MIN_ANCHOR_WORDS]) if len(words) >= MIN_ANCHOR_WORDS else ()


def names_the_text(name: str) -> bool:
    """Whether one class or id name holds a content word of its own ("entry-content", "main-content-
    with-sidebar"), not one naming a furniture's part ("related-posts", "comment-text", "sidebarContent")."""
    for found in CONTENT_NAMES.finditer(name):
        start = found.start()
        part = FURNITURE_BEFORE_CONTENT.search(name[:start]) if start else None
        if part is None or not (part.group(1) or name[start].isupper()):
            return True
    return False
