"""Step 3 of finding the release in a page: reading its text, block by block. Pure, on the nodes
`scraper/scoring.py` found (or a site profile names).

`text_blocks` walks those nodes once in page order: paragraphs, list items, sub-headings (an <h1>
below the text's opening too, not the headline of a story stacked under it), quoted
paragraphs, table rows and runs of bare text between them are blocks; link lists, share lines,
a headline group's headings and markup shown as text are not. The blocks read, the filters of
`scraper/block_filters.py` drop the lines that are not the release's words and end it where it ends.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode as Node

from scraper.block_filters import (
    FULL_STOPS,
    MAX_END_MARK_CHARS,
    ListItem,
    TableRow,
    cut_trailing_furniture,
    trim_edges,
    unique,
    without_account_lines,
)
from scraper.furniture import remove_all
from scraper.text import SENTENCE_ENDS, clean_text, node_names, node_text

BLOCK_TAGS = "p, li, blockquote, h2, h3, h4, h5, h6, pre, dd"
# A <div> holding one of these is a wrapper, not a paragraph of bare text.
NESTED_BLOCKS = "p, li, blockquote, h1, h2, h3, h4, h5, h6, pre, div, table, ul, ol, dl, section"
NESTED_BLOCK_TAGS = frozenset(tag.strip() for tag in NESTED_BLOCKS.split(","))
# What a caption or a data table says is not release text.
NOT_TEXT_WALKED = (
    "figure, figcaption, picture, video, audio, .caption, .wp-caption-text, "
    # what a picture shows, written beside it: "image-alt", "image-caption", "Bildunterschrift"
    '[class*="image-alt" i], [class*="image-caption" i], [class*="img-caption" i], [class*="bildunterschrift" i], '
    '[class*="imagecaption" i], [class*="photo-caption" i], [class*="photocaption" i], '
    # and who took it: "image-copyright", "photo-credit"
    '[class*="image-description" i], [class*="image-copyright" i], [class*="image-credit" i], [class*="photo-credit" i], .credit'
)
# A headline group's headings are the page's headline (set as an <h2>, with its kicker) or a teaser's,
# not text; but one written as sentences is the standfirst (an "intro" <h2> under the <h1>).
HEADLINE_GROUP_HEADINGS = "hgroup h1, hgroup h2, hgroup h3, hgroup h4, hgroup h5, hgroup h6"
STANDFIRST_ENDS = (".", "!", "…")
# Captions: what the walk does not read, and what the furniture removal takes from a box that joins.
CAPTIONS = f'{NOT_TEXT_WALKED}, [class*="caption" i]'
# A profile's named blocks never read a table; the walk reads a table of facts row by row.
NOT_TEXT = f"table, {NOT_TEXT_WALKED}"
MIN_PROSE_CHARS = 25
# Walking a container: inline elements continue a run of text, these blocks are read whole (as
# `block_text` reads them), and these are skipped (the headline, which the record holds apart).
INLINE_TAGS = frozenset({
    "a", "span", "b", "strong", "em", "i", "u", "small", "sup", "sub", "font", "abbr", "cite", "q", "mark",
    "time", "code", "s", "strike", "del", "ins", "big", "tt", "var", "kbd", "nobr", "acronym", "bdi", "bdo",
    "data", "label", "wbr", "br", "img",
})
WALKED_BLOCKS = frozenset({"p", "li", "blockquote", "h2", "h3", "h4", "h5", "h6", "pre", "dd"})
SKIPPED_IN_WALK = frozenset({"h1", "script", "style", "head", "title"})
# ... the headline, that is: an <h1> after a paragraph of this much prose heads a section of the text.
HEADLINE_TAG = "h1"
MIN_OPENING_CHARS = 80
MAX_SECTION_HEADING_CHARS = 120
HEADLINE_NAMES = re.compile(r"headline|title", re.IGNORECASE)
HEADLINE_BOXES = frozenset({"article", "header"})
# A sub-heading linked to its own anchor on the page ("<h3><a href='#data'>The data</a></h3>", a
# permalink a blog or a wiki sets on each), or set in an anchor ("<h3><a name='data'>The data</a></h3>"),
# is the text's heading, not a teaser's linked headline.
SUB_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
IN_PAGE_LINK = "#"
HASH_ROUTES = ("#!", "#/")  # a single-page app's route ("#!/news/42"), another page in all but name
MAX_BLOCK_LINK_DENSITY = 0.5
# A paragraph that links its opening sentence ("<a>X says we should blog more.</a> I'll try.") is
# prose when this much of its text is outside links and it ends as a sentence does; a link list,
# a "Read more: <a>headline</a>" line or a linked teaser is not.
MIN_UNLINKED_PROSE_CHARS = 30
LINKED_PROSE_BLOCKS = frozenset({"p", "li"})  # (a reference list's entries too)
# A block of page chrome that slips through: share and print buttons, "back to top".
CHROME_LINE = re.compile(
    r"^(?:share(?: this(?: page| article)?)?|teilen|drucken|print|tweet|e-?mail|facebook|twitter|x|linkedin|"
    r"whatsapp|xing|link kopieren|copy link|bookmark|nach oben|zum seitenanfang|back to top|top|"
    r"artikel per e-mail weiterempfehlen|vielen dank für die weiterempfehlung!?|"
    r"advertisement(?:\s*[·|-]\s*scroll to continue)?|anzeige|publicité)\s*:?$",
    re.IGNORECASE,
)
# Markup shown as text (an embed code printed escaped): "<iframe width='670' src=...>"
# (an attribute may stand bare: "allowfullscreen"), as long as one has a quoted value.
MARKUP_TEXT = re.compile(r"^<[a-zA-Z][\w-]*(?:\s+[\w:-]+)*(?:\s+[\w:-]+\s*=\s*[\"'][^\"']*[\"'])(?:\s+[\w:-]+(?:\s*=\s*[\"'][^\"']*[\"'])?)*\s*/?>")
# Nested blocks (a list inside a list item) repeat their text in their parent's. Past this many
# times the container's own text the rest of its blocks are not read: lists nested 100 deep made a
# body of 845 MB (and 6.6 GB of memory) from a 9 MB page.
MAX_TEXT_REPEAT = 2


def has_nested_block(node: Node) -> bool:
    """Whether a block element holds another block. (Lexbor's `node.css` matches the node itself,
    so `div.css_first("div")` is never None: the children are asked instead.)"""
    for child in node.iter():
        if child.tag in NESTED_BLOCK_TAGS or child.css_first(NESTED_BLOCKS) is not None:
            return True
    return False


def link_share(node: Node, text_chars: int) -> float:
    """`link_density` of a block whose text was read with `clean_text` (`text_chars` long): its links'
    text is read so too. Unfolded, a link broken over indented source lines counts its indentation,
    and a table row or a paragraph with a few such links reads as a link list."""
    return min(folded_link_chars(node) / text_chars, 1.0) if text_chars else 1.0


def folded_link_chars(node: Node) -> int:
    return sum(len(clean_text(link.text(deep=True))) for link in node.css("a"))


def text_blocks(nodes: list[Node], block_tags: str = BLOCK_TAGS, trim: bool = True) -> list[str]:
    """The text of each block of `nodes`, in page order, without link lists, chrome and trailing boxes.

    With the generic blocks, the container is walked once in page order (`walk_blocks`): text
    outside any paragraph (a <div> of bare text, text beside a <b> or a <span>, lines between
    <br>s) is a block too. A profile's own `block_tags` are read as it names them.
    `trim` also drops leading date lines and trailing contact lines and captions: right for a
    container the scorer found, wrong for one a site profile names exactly."""
    blocks: list[str] = []
    walked = block_tags == BLOCK_TAGS
    for node in nodes:
        remove_all(node.css(NOT_TEXT_WALKED if walked else NOT_TEXT))
        if walked:
            remove_all([heading for heading in node.css(HEADLINE_GROUP_HEADINGS) if not is_standfirst(heading)])
        if node.tag in ("p", "pre") or (node.tag in ("blockquote", "li") and not has_nested_block(node)):
            # (a quote or an item holding paragraphs, the scorer's pick when an unclosed <blockquote>
            # swallowed the text, is walked like any container: its paragraphs are the blocks)
            text = block_text(node, node)
            if text:
                blocks.append(text)
        elif walked:
            run = Run()
            walk_blocks(node, node, run, blocks, in_link=False)
            run.flush(blocks)  # the text after the last block
        else:
            budget = MAX_TEXT_REPEAT * len(node.text(deep=True))
            for block in node.css(f"{block_tags}, div"):
                text = block_text(block, node)
                if text:
                    blocks.append(text)
                    budget -= len(text)
                    if budget < 0:
                        break  # nested blocks repeating the text over and over: the rest is no more text
    if not trim:
        return blocks  # a container a profile names is the text exactly, repeats and all
    return trim_edges(cut_trailing_furniture(without_account_lines(unique(blocks))))


def is_standfirst(heading: Node) -> bool:
    return node_text(heading).endswith(STANDFIRST_ENDS)


TABLE_CELLS = frozenset({"td", "th"})
MAX_FACT_CELL_CHARS = 80


class Run:
    """Inline text between two blocks: its pieces, and how many of its characters are link text."""

    __slots__ = ("parts", "linked", "chars", "read_up_to", "text_begun")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.linked = 0
        self.chars = 0  # characters of the pieces that are not white space only
        # has_text_begun's progress over the blocks of this walk: each block is looked at once
        self.read_up_to = 0
        self.text_begun = False

    def add(self, text: str, in_link: bool) -> None:
        stripped = text.strip()
        if not stripped:
            if self.parts:
                self.parts.append(" ")  # the space between two words, never the layout's indentation
            return
        self.parts.append(text)
        self.chars += len(stripped)
        if in_link:
            self.linked += len(stripped)

    def flush(self, blocks: list[str]) -> None:
        """Append the run as a block when it is prose (long enough, not chrome, not a link list)."""
        if not self.parts:
            return
        short = self.chars + len(self.parts) < MIN_PROSE_CHARS  # an upper bound of the cleaned length
        text = "" if short else clean_text("".join(self.parts))
        linked = self.linked
        self.parts, self.linked, self.chars = [], 0, 0
        if short or len(text) < MIN_PROSE_CHARS or CHROME_LINE.match(text) or MARKUP_TEXT.match(text):
            return
        if linked > MAX_BLOCK_LINK_DENSITY * len(text) and not (
                text.endswith(SENTENCE_ENDS) and len(text) - linked >= MIN_UNLINKED_PROSE_CHARS):
            return
        blocks.append(text)


def walk_blocks(node: Node, container: Node, run: Run, blocks: list[str], in_link: bool) -> None:
    """Read `node`'s children in page order: inline text gathers into `run`, a block ends it."""
    for child in node.iter(include_text=True):
        tag = child.tag or "-"  # a processing instruction has no tag (parse_html drops them; other trees may not)
        if tag == "-text":
            run.add(child.text_content or "", in_link)
        elif tag in INLINE_TAGS:
            walk_blocks(child, container, run, blocks, in_link or tag == "a")
        elif tag in WALKED_BLOCKS:
            run.flush(blocks)
            if in_link:
                continue  # a teaser card wrapped in its link
            if tag in ("li", "blockquote", "dd") and has_nested_block(child):
                walk_blocks(child, container, run, blocks, in_link)  # its own blocks are the blocks
                run.flush(blocks)
                continue
            text = block_text(child, container)
            if text:
                blocks.append(ListItem(text) if tag == "li" else text)
        elif tag == HEADLINE_TAG and not in_link and has_text_begun(blocks, run) and is_section_heading(child, container):
            run.flush(blocks)  # an <h1> below the text's opening is one of its sections' headings
            text = block_text(child, container)
            if text:
                blocks.append(text)
        elif tag in SKIPPED_IN_WALK or tag.startswith("-"):
            continue
        elif tag == "tr" and is_row_of_facts(child):
            run.flush(blocks)  # a row of a table of facts: one block, its cells side by side
            cells = [text for cell in child.iter() if (text := node_text(cell))]
            row = " ".join(cells)
            if row and not in_link and (child.css_first("a") is None or link_share(child, len(row)) <= MAX_BLOCK_LINK_DENSITY):
                blocks.append(TableRow(row))
        else:
            run.flush(blocks)  # a <div>, <section>, <ul>, <table>...: a boundary on both sides
            start = len(blocks)
            walk_blocks(child, container, run, blocks, in_link)
            run.flush(blocks)
            if tag in TABLE_CELLS and len(blocks) == start + 1 and len(blocks[start]) <= MAX_END_MARK_CHARS:
                blocks[start] = TableRow(blocks[start])  # a cell of its own paragraph: "Comment" names a column


def has_text_begun(blocks: list[str], run: Run) -> bool:
    """Whether a paragraph of prose was read already: the headline comes before it (and a kicker or a
    date line may too); an <h1> after it heads a section of the text (a blog platform sets them so).
    The blocks read since the last ask are looked at only: a page of thousands of <h1>s stays linear."""
    if not run.text_begun:
        run.text_begun = any(len(block) >= MIN_OPENING_CHARS and block.endswith(FULL_STOPS)
                             for block in blocks[run.read_up_to:])
        run.read_up_to = len(blocks)
    return run.text_begun


def is_section_heading(heading: Node, container: Node) -> bool:
    """Whether an <h1> below the text's opening heads a section of it: not one named a headline or a
    title, nor one heading an <article> or a <header> of its own (the next story of a page that
    stacks them), nor the page's first (its headline), and short (a caption set as an <h1> is longer)."""
    if HEADLINE_NAMES.search(node_names(heading)):
        return False
    ancestor = heading.parent
    while ancestor is not None and ancestor.mem_id != container.mem_id:
        if ancestor.tag in HEADLINE_BOXES:
            return False
        ancestor = ancestor.parent
    return len(node_text(heading)) <= MAX_SECTION_HEADING_CHARS and not is_first_h1(heading)


def is_first_h1(heading: Node) -> bool:
    """Whether the <h1> is the page's first: its headline, wherever the layout sets it (below a summary)."""
    top = heading
    while top.parent is not None:
        top = top.parent
    first = top.css_first(HEADLINE_TAG)
    return first is not None and first.mem_id == heading.mem_id


def is_row_of_facts(row: Node) -> bool:
    """Whether a table row is a row of facts (read as one block): its cells hold bare text, or short
    text in blocks of their own (a rich-text editor's <div> or <p> around each value); a cell with a
    nested table or a paragraph's worth of text makes it a layout row, walked block by block."""
    for cell in row.iter():
        if has_nested_block(cell) and (cell.css_first("table") is not None
                                       or len(cell.text(deep=True, strip=True)) > MAX_FACT_CELL_CHARS):
            return False
    return True


def block_text(block: Node, container: Node) -> str | None:
    """A block's text, or None when it is not a block of its own or is not prose."""
    tag = block.tag
    if tag == "div":
        if len(block.text(deep=False, strip=True)) < MIN_PROSE_CHARS or has_nested_block(block):
            return None
    elif tag in ("blockquote", "li"):
        if block.css_first("p") is not None:
            return None  # its <p> children are blocks of their own
    enclosing = enclosing_tag(block, container)
    if enclosing == "a" or (enclosing == "p" and tag not in ("div", "blockquote", "li")):
        return None  # a teaser card wrapped in its link; a block read with its paragraph
    text = node_text(block)
    if not text or CHROME_LINE.match(text) or MARKUP_TEXT.match(text):
        return None
    if block.css_first("a") is not None and link_share(block, len(text)) > MAX_BLOCK_LINK_DENSITY \
            and not is_linked_prose(block, text) and not is_anchored_heading(block):
        return None
    return text


def is_anchored_heading(block: Node) -> bool:
    """A sub-heading whose links all point at anchors on the page (its own permalink), or are anchors
    themselves (`<a name="part2">`, a target with no href, that a table of contents jumps to): text, not a link."""
    if block.tag not in SUB_HEADINGS:
        return False
    for link in block.css("a"):
        attributes = link.attributes
        if "href" not in attributes:
            continue  # an anchor, not a link
        href = attributes["href"] or ""
        if len(href) <= len(IN_PAGE_LINK) or not href.startswith(IN_PAGE_LINK) or href.startswith(HASH_ROUTES):
            return False  # a link elsewhere (a hash route too), or a bare "#" a script follows (a teaser's)
    return True


def enclosing_tag(node: Node, container: Node) -> str | None:
    """"a" when the node sits in a link, "p" when in a paragraph (the nearer wins), below `container`."""
    parent = node.parent
    while parent is not None and parent.mem_id != container.mem_id:
        if parent.tag in ("a", "p"):
            return parent.tag
        parent = parent.parent
    return None


def is_linked_prose(block: Node, text: str) -> bool:
    """A paragraph (or a list item) with a linked phrase or sentence in it, not a list of links: a
    reference list's entry, "Doe, J. (2014). <a>The title of the paper</a>. A journal, 12, 1-9."."""
    if block.tag not in LINKED_PROSE_BLOCKS or not text.endswith(SENTENCE_ENDS):
        return False
    return len(text) - folded_link_chars(block) >= MIN_UNLINKED_PROSE_CHARS
