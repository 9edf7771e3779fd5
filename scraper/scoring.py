"""Step 2 of finding the release in a page: where its text is. Pure, on a parsed tree, furniture gone
(`scraper/furniture.py`).

`main_nodes` scores the page's paragraphs: each adds to its parent and (less) to its grandparent,
by its length and commas (its link text not counting as prose, nor a teaser card's text inside
its link), so the element that directly holds the most prose wins (a wrapper's own
text between its blocks counts for the wrapper; a table that wins hands over to its parent, a table
of facts being one block of a text); it widens to an ancestor while that brings a tenth more prose
net of other text (no higher than the box that holds the headline too), then siblings of it and
of its nearest ancestors (wrappers of it alone do not count as levels) that hold a paragraph's
worth of prose, or any prose when named like it, join it in page order (a lead in the headline's
box, a text split over boxes, one box per step).
Readability's idea, on selectors. What counts as prose is what the walk reads as a block
(`scraper/blocks.py`), which then reads the nodes found here.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from selectolax.lexbor import LexborNode as Node

from scraper.blocks import CAPTIONS, INLINE_TAGS, MAX_BLOCK_LINK_DENSITY, MIN_PROSE_CHARS, has_nested_block
from scraper.furniture import NAMES_CACHE, strip_named_furniture
from scraper.text import SENTENCE_ENDS, node_names

# Prose the scorer weighs: paragraphs, and <div>s of bare text (sites that never write <p>).
PROSE = "p, pre, li, h2, h3, h4"
LIST_ITEMS = frozenset({"li", "h2", "h3", "h4"})
BARE_TEXT_CONTAINERS = "div, section, td"
POSITIVE_NAMES = re.compile(r"article|body|content|entry|main|page|post|text|blog|story|release|meldung|artikel|news-detail", re.IGNORECASE)
NEGATIVE_NAMES = re.compile(
    r"comment|meta|footer|footnote|sidebar|related|share|social|teaser|promo|widget|nav|menu|aside|"
    r"breadcrumb|banner|contact|kontakt|info-?box|tags|more|list",
    re.IGNORECASE,
)
TAG_WEIGHT = {"div": 5, "article": 10, "main": 5, "section": 3, "td": 3, "blockquote": 3, "pre": 3,
              "form": -3, "ul": -3, "ol": -3, "li": -3, "dl": -3, "dd": -3, "dt": -3, "address": -3,
              "h1": -5, "h2": -5, "h3": -5, "h4": -5, "h5": -5, "h6": -5, "th": -5}
NAME_WEIGHT = 25
# Widening the best node to an ancestor pays when it brings more prose than other text times this.
OTHER_TEXT_WEIGHT = 2.0
# ... and brings a tenth more of it: a near tie is no reason to take a page's forms and teasers along.
MIN_WIDENING_SHARE = 0.1
# A sibling of the container (or of its ancestors, this many levels up) joins it with this much
# prose net of other text (characters).
MIN_SIBLING_PROSE = 80
SIBLING_LEVELS = 3
SIBLING_AFTER_SHARE = 0.3
# A table whose rows hold the most prose between them (cells of a table of facts, each crediting its
# row and, less, the table) is a block of the text around it, not the text's container: the scorer
# starts from the table's parent. (A layout table's text cell makes its row the best, not the table.)
TABLE_BODIES = frozenset({"table", "tbody", "thead", "tfoot"})
NOT_SIBLING_TAGS = frozenset({"h1", "script", "style", "form", "ul", "ol", "table", "nav", "aside", "header", "footer"})
# A paragraph beside the container (an intro above a table, a lead above the text's box, a summary set as
# a heading) joins by its own prose.
SIBLING_PARAGRAPHS = frozenset({"p", "blockquote", "pre", "h2", "h3", "h4"})
# How many of the best-scoring nodes get the (costlier) link-density check.
FINALISTS = 8
MAX_LINK_DENSITY = 0.5
# A teaser card wrapped in its link (a headline, a blurb) holds at most this much text.
MAX_CARD_CHARS = 500


def names_weight(node: Node) -> int:
    return weight_of_names(node_names(node))


@functools.lru_cache(maxsize=NAMES_CACHE)
def weight_of_names(names: str) -> int:
    if not names.strip():
        return 0
    weight = 0
    if NEGATIVE_NAMES.search(names):
        weight -= NAME_WEIGHT
    if POSITIVE_NAMES.search(names):
        weight += NAME_WEIGHT
    return weight


def prose_score(text: str) -> float:
    return 1 + text.count(",") + text.count("，") + min(len(text) // 100, 3)


def prose_nodes(root: Node) -> Iterable[tuple[Node, str | None]]:
    """Paragraphs, bare-text <div>s, and (with their own text) wrappers that hold text of their
    own between their blocks: (node, None) for a block, (node, its own text) for a wrapper."""
    for node in root.css(PROSE):
        if node.tag == "li" and has_nested_block(node):
            continue  # its own blocks are counted (counted with them, its text would count twice)
        yield node, None
    for node in root.css(BARE_TEXT_CONTAINERS):
        own = node.text(deep=False, strip=True)
        if len(own) >= MIN_PROSE_CHARS:
            yield (node, own) if has_nested_block(node) else (node, None)
        elif holds_only_inline(node) and node.text(deep=True, strip=True).endswith(SENTENCE_ENDS):
            # A paragraph written as a <div> whose text sits in a <span> ("<div><span>text</span></div>",
            # as rich-text editors write it): a block of prose like a <p> when it ends as a sentence
            # does (a teaser's linked title does not).
            yield node, None


def holds_only_inline(node: Node) -> bool:
    """Whether a block holds elements, all of them inline ones (its text is in spans, links, bold)."""
    found = False
    for child in node.iter():
        if child.tag not in INLINE_TAGS:
            return False
        found = True
    return found


def text_length(node: Node) -> int:
    return len(node.text(deep=True, strip=True))


def link_density(node: Node, length: int | None = None) -> float:
    length = text_length(node) if length is None else length
    if length == 0:
        return 1.0
    links = sum(len(link.text(deep=True, strip=True)) for link in node.css("a"))
    return min(links / length, 1.0)


class ProseMap:
    """Where a page's prose is: per element, a Readability score, the prose characters under it, and
    the link text of the paragraphs of prose under it (text those keep whole, so neither prose nor other text)."""

    def __init__(self, root: Node) -> None:
        self.nodes: dict[int, Node] = {}
        self.scores: dict[int, float] = {}
        self.prose: dict[int, float] = {}
        self.linked: dict[int, float] = {}
        self.link_lengths: dict[int, int] = {}  # per <a>, its text's length: read once, not once a paragraph
        for block, own_text in prose_nodes(root):
            self.add(block, own_text)
        self.headline_boxes = headline_boxes(root)

    def add(self, block: Node, own_text: str | None = None) -> None:
        """Credit a block's prose to its ancestors; a wrapper's own text (`own_text`, the text
        between its blocks, never in a link) to the wrapper itself and its ancestors."""
        text = own_text if own_text is not None else block.text(deep=True, strip=True)
        if len(text) < MIN_PROSE_CHARS:
            return
        has_links = own_text is None and block.css_first("a") is not None
        density = link_density(block, len(text)) if has_links else 0.0
        if self.in_card_link(block):
            density = 1.0  # a teaser card wrapped in its link: its headline and blurb are link text
        prose = len(text) * (1 - density)
        # A paragraph `block_text` keeps, keeps its links' words too: "other text" they are not.
        linked = len(text) * density if density <= MAX_BLOCK_LINK_DENSITY else 0.0
        points = prose_score(text) if block.tag not in LIST_ITEMS and density < MAX_LINK_DENSITY else 0.0
        ancestor = block if own_text is not None else block.parent
        depth = 0
        while ancestor is not None and ancestor.tag not in ("html", "-undef"):
            key = ancestor.mem_id
            if key not in self.nodes:
                self.nodes[key] = ancestor
                self.scores[key] = TAG_WEIGHT.get(ancestor.tag, 0) + names_weight(ancestor)
                self.prose[key] = 0.0
                self.linked[key] = 0.0
            if depth < 3 and points:
                self.scores[key] += points / (depth + 1)
            self.prose[key] += prose
            self.linked[key] += linked
            ancestor = ancestor.parent
            depth += 1

    def in_card_link(self, node: Node) -> bool:
        """Whether the node sits in a link the size of a card: an unclosed <a> that swallowed the rest
        of the page holds the text, it does not link it. Each link's length is read once, so a page
        of paragraphs under one unclosed <a> costs linear time, not quadratic."""
        ancestor = node.parent
        while ancestor is not None:
            if ancestor.tag == "a":
                key = ancestor.mem_id
                if key not in self.link_lengths:
                    self.link_lengths[key] = text_length(ancestor)
                return self.link_lengths[key] <= MAX_CARD_CHARS
            ancestor = ancestor.parent
        return False

    def best(self) -> Node | None:
        """The element that directly holds the most prose (Readability's pick)."""
        finalists = sorted(self.scores, key=self.scores.__getitem__, reverse=True)[:FINALISTS]
        best_key, best_value = None, 0.0
        for key in finalists:
            score = self.scores[key]
            # score * (1 - density) is at most max(score, 0): once the best value reaches that, no later
            # finalist (scored no higher) can beat it, and the costly density of a big box is not read.
            if best_key is not None and best_value >= max(score, 0.0):
                break
            value = score * (1 - link_density(self.nodes[key]))
            if best_key is None or value > best_value:
                best_key, best_value = key, value
        return self.nodes[best_key] if best_key is not None else None

    def widen(self, node: Node) -> Node:
        """The ancestor (or the node) with the most prose net of the other text it would bring along.

        A release split over sibling wrappers (one <div> per paragraph group) is held by an ancestor
        of the best node; going higher brings menus and teasers, whose text is not prose. The box
        that holds the headline too is the article's: above it are other stories (a column of news
        in brief, a timeline), prose that is not this text, so the widening stops there.
        """
        length = text_length(node)
        best, best_gain = node, self.net_prose(node, length)
        ancestor = node.parent
        while ancestor is not None and ancestor.tag not in ("html", "-undef"):
            # An ancestor's text is at least as long as the last one measured: when even that
            # length leaves it no more gain, its text (the whole page's, near the top) is not read.
            prose = self.prose.get(ancestor.mem_id, 0.0)
            threshold = best_gain + MIN_WIDENING_SHARE * abs(best_gain)
            if ancestor.tag in SIBLING_PARAGRAPHS or prose - OTHER_TEXT_WEIGHT * self.other_text(ancestor, length) > threshold:
                length = text_length(ancestor)
                gain = self.net_prose(ancestor, length)
                if gain > threshold:
                    best, best_gain = ancestor, gain
            if ancestor.tag == "body" or ancestor.mem_id in self.headline_boxes:
                break
            ancestor = ancestor.parent
        return best

    def with_siblings(self, container: Node) -> list[Node]:
        """The container and, in page order, the siblings of it and of its nearest ancestors that
        hold prose too (Readability's join): a lead paragraph in a block of its own beside the
        headline, the rest of a text split over several boxes. SIBLING_LEVELS ancestors are read,
        not counting wrappers around nothing but the text's box.

        A sibling joins when its prose, net of the other text it holds (its captions not counted), is
        enough for a paragraph; a box of teasers or links holds more link text than prose and stays out."""
        nodes = [container]
        current = container
        # After the text, boxes (donations, newsletters, "contact us") are the rule and the rest of
        # a split text the exception: a sibling after the container must hold a share of its prose.
        after_threshold = max(MIN_SIBLING_PROSE, SIBLING_AFTER_SHARE * self.prose.get(container.mem_id, 0.0))
        levels = 0
        while levels < SIBLING_LEVELS:
            parent = current.parent
            if parent is None or current.tag == "body" or parent.tag in ("body", "html"):
                break
            before: list[Node] = []
            after: list[Node] = []
            seen_current = False
            alone = True  # a wrapper around the current box only is no level of its own
            names = current.attributes.get("class")
            for sibling in parent.iter():
                if sibling.mem_id == current.mem_id:
                    seen_current = True
                    continue
                if sibling.tag == "-comment":
                    continue
                alone = False
                if sibling.tag not in NOT_SIBLING_TAGS:
                    if names and sibling.tag == current.tag and sibling.attributes.get("class") == names:
                        joins = self.is_part_of_the_text(sibling)  # one of a row of like boxes: "step 1", "step 2"
                    else:
                        net = self.sibling_prose(sibling)
                        joins = net >= (after_threshold if seen_current else MIN_SIBLING_PROSE)
                    if joins:
                        (after if seen_current else before).append(sibling)
            for sibling in before + after:
                strip_named_furniture(sibling)
            nodes = before + nodes + after
            current = parent
            levels += 0 if alone else 1
        return nodes

    def is_part_of_the_text(self, box: Node) -> bool:
        """A box named like the text's own box (Readability's class bonus): it joins when it holds prose
        at all, however little, and is not a list of links."""
        return self.prose.get(box.mem_id, 0.0) >= MIN_PROSE_CHARS and link_density(box) <= MAX_LINK_DENSITY

    def sibling_prose(self, box: Node) -> float:
        """A box's prose net of its other text, not counting its captions: what the walk would read of
        it (a live blog's entries, each under a picture and its caption, beside the lead)."""
        if self.prose.get(box.mem_id, 0.0) <= 0.0 or box.tag in SIBLING_PARAGRAPHS:
            return self.net_prose(box)
        return self.net_prose(box, text_length(box) - outermost_text_length(box.css(CAPTIONS)))

    def net_prose(self, node: Node, length: int | None = None) -> float:
        length = text_length(node) if length is None else length
        if node.tag in SIBLING_PARAGRAPHS and node.mem_id not in self.prose:
            # A paragraph credits its prose to its ancestors, not to itself: its own, net of links.
            # (A <blockquote> of paragraphs holds prose credited to it: it is weighed as a box is.)
            return length * (1 - link_density(node, length)) if length >= MIN_PROSE_CHARS else -OTHER_TEXT_WEIGHT * length
        prose = self.prose.get(node.mem_id, 0.0)
        return prose - OTHER_TEXT_WEIGHT * self.other_text(node, length)

    def other_text(self, node: Node, length: int) -> float:
        """A node's text that is not prose, of its `length`; links in a paragraph of prose are neither."""
        return length - self.prose.get(node.mem_id, 0.0) - self.linked.get(node.mem_id, 0.0)


def outermost_text_length(nodes: list[Node]) -> int:
    """The text length of the nodes (in document order), those inside another one not counted again."""
    matched = {node.mem_id for node in nodes}
    total = 0
    for node in nodes:
        ancestor = node.parent
        while ancestor is not None and ancestor.mem_id not in matched:
            ancestor = ancestor.parent
        if ancestor is None:
            total += text_length(node)
    return total


def main_nodes(root: Node) -> list[Node]:
    """The element that holds the release text, as a one-item list (empty when there is none)."""
    prose = ProseMap(root)
    best = prose.best()
    if best is None:
        return []
    if best.tag in TABLE_BODIES and best.parent is not None:
        best = table_of(best).parent or best  # a table of facts is one block of the text around it
    container = prose.widen(best)
    # The best-scoring box and its wrappers up to the container are text, whatever their names
    # say ("container-single right-sidebar" around the post): only what lies beside them may go.
    strip_named_furniture(container, keep=ancestors_up_to(best, container), keep_like=names_of(best, container))
    return prose.with_siblings(container)


def headline_boxes(root: Node) -> frozenset[int]:
    """mem_ids of the elements around an <h1> (furniture gone: a logo's in a page <header> is)."""
    boxes: set[int] = set()
    for heading in root.css("h1"):
        ancestor = heading.parent
        while ancestor is not None and ancestor.mem_id not in boxes:
            boxes.add(ancestor.mem_id)
            ancestor = ancestor.parent
    return frozenset(boxes)


def names_of(node: Node, top: Node) -> frozenset[tuple[str, str]]:
    """(tag, class) of `node` and its ancestors below `top` that have a class."""
    names: set[tuple[str, str]] = set()
    current: Node | None = node
    while current is not None and current.mem_id != top.mem_id:
        if class_names := current.attributes.get("class"):
            names.add((current.tag, class_names))
        current = current.parent
    return frozenset(names)


def table_of(node: Node) -> Node:
    """The <table> a <tbody>, <thead> or <tfoot> belongs to (the node itself when it is the table)."""
    return node.parent if node.tag != "table" and node.parent is not None and node.parent.tag == "table" else node


def ancestors_up_to(node: Node, top: Node) -> frozenset[int]:
    """mem_ids of `node` and its ancestors up to `top` (itself included: lexbor's `css` matches it too)."""
    kept: set[int] = {top.mem_id}
    current: Node | None = node
    while current is not None and current.mem_id != top.mem_id:
        kept.add(current.mem_id)
        current = current.parent
    return frozenset(kept)
