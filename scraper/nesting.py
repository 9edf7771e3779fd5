"""A bound on how deep a page's elements nest, applied to the HTML text before the HTML parser.

An HTML parser's tree builder checks the stack of open elements for every block it opens (is a
<p> open in button scope?), so a page of 200,000 nested <div>s took 82 s inside lexbor, and every
walk up a node's ancestors (scoring, teaser checks) costs as much as the nesting is deep. Real
release pages nest 25 to 30 deep. As browsers do (Blink attaches elements past a depth of 512 to
the element at that depth, `kMaximumHTMLParserDOMTreeDepth`), `flatten_deep_nesting` keeps the
page's text and drops the tags that would open elements deeper than MAX_NESTING (and their end tags).
The bound is lower than a browser's as the extraction walks up from every block (its cost is the
number of blocks times the depth), and for the same reason a page with more than MAX_TAGS start
tags is refused (ExtractionError): no release page holds that many.

`bounded_tree` is the parse every page goes through. Scanning the text costs more than lexbor's
whole parse, so a page of ordinary size (at most SCAN_FIRST_ABOVE "<", twice the most a real
page was seen to hold) is parsed first and scanned only when its tree turns out to nest deeper
than MAX_NESTING (one selector match in C, a fifth of the scan's cost); a page bigger than
that is scanned before it is parsed, as the parse of such a page may itself be what takes minutes.

The depth is estimated by one linear pass over the tags with a stack of open element names, as a
tree builder keeps it, simplified: void elements and those whose end tag may be left out (<p>,
<li>, <td>...) are not counted, an end tag closes the nearest open element of its name and all
opened after it, the text of <script>, <style>, <textarea>, <title> and comments is skipped. An
estimate is enough: it only decides which tags of an absurdly deep page are dropped.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser

from scraper.errors import ExtractionError

MAX_NESTING = 64  # twice the deepest release page seen (29)
# Start tags outside scripts and comments: the largest page seen has 6,754. The extraction's cost is
# the number of blocks times their depth: with both caps, a 10 MB page parses in a few seconds
# (measured: 100,000 flat paragraphs 1.0 s; 14,000 nests of 60 <div>s, 10 MB, 6 s). The cap is far
# above any real page, since a refused page is a release lost: it only stops the absurd ones.
MAX_TAGS = 200_000
# Pages with more "<" than this are scanned before they are parsed: the tree builder's time grows
# with depth times tags (20,000 nested <div>s: 0.5 s; 200,000: 82 s). The largest of 394 real
# pages of over 50 KB held 9,207 (median 1,632).
SCAN_FIRST_ABOVE = 20_000
# Matches an element with MAX_NESTING elements above it (<html> counts): the tree nests too deep.
TOO_DEEP = " > ".join(["*"] * (MAX_NESTING + 1))
# A tag, or a comment's start (whose text is skipped): one pattern, so each character is read once.
# The end of a tag is optional: a tag with a "<" inside is not read as one (which keeps each scan linear).
# Which group matched last tells the kind of token (see the TOKEN_ constants): one attribute read.
TAG = re.compile(r"<(?:(!--)|/([A-Za-z][^\s/>]*)([^<>]*>)?|([A-Za-z][^\s/>]*)([^<>]*>)?)")
COMMENT, END_TAG, START_TAG = 1, 3, 5  # TAG's `lastindex` for each whole token (2 and 4: no end of tag)
# Elements with no end tag, and elements a tree builder closes by itself (a new <p> closes the last).
VOID = frozenset("area base br col embed hr img input link meta param source track wbr basefont bgsound frame keygen".split())
NOT_COUNTED = VOID | frozenset("p li dt dd tr td th tbody thead tfoot colgroup caption option optgroup rb rt rtc rp html head body".split())
# Elements whose content is text up to their end tag, not markup.
RAW_TEXT = {name: re.compile(rf"</{name}\b", re.IGNORECASE) for name in ("script", "style", "textarea", "title", "xmp", "noembed", "noframes", "iframe")}


def bounded_tree(html: str) -> LexborHTMLParser:
    """The page's tree with its nesting bounded (see the module's docstring). ExtractionError for
    more than MAX_TAGS start tags."""
    if html.count("<") > SCAN_FIRST_ABOVE:
        return LexborHTMLParser(flatten_deep_nesting(html))
    tree = LexborHTMLParser(html)
    if tree.css_first(TOO_DEEP) is None:
        return tree
    flattened = flatten_deep_nesting(html)
    return tree if flattened is html else LexborHTMLParser(flattened)


def flatten_deep_nesting(html: str, limit: int = MAX_NESTING, max_tags: int = MAX_TAGS) -> str:
    """`html` with the tags of elements nested deeper than `limit` taken out (their text stays); the
    same string when nothing nests that deep. ExtractionError for more than `max_tags` start tags."""
    if html.count("<") <= min(limit, max_tags):
        return html  # too few tags to nest that deep
    tags, dropped = _scan_tags(html, limit, max_tags)
    if tags > max_tags:
        raise ExtractionError(f"more than {max_tags} tags, more than a release page holds: not parsed")
    if not dropped:
        return html
    pieces, position = [], 0
    for start, end in dropped:
        pieces.append(html[position:start])
        pieces.append(" ")  # the words on either side stay apart
        position = end
    pieces.append(html[position:])
    return "".join(pieces)


def _scan_tags(html: str, limit: int, max_tags: int) -> tuple[int, list[tuple[int, int]]]:
    """The number of start tags (counting stops past `max_tags`), and the (start, end) of every tag
    to take out, in order.

    The stack holds the names of the open elements; those at index `limit` and beyond are the
    ones whose tags are dropped (an element is pushed there exactly when `limit` are open below it).
    One `finditer` reads the tags (a new one after a comment or a raw-text element, whose text is
    skipped): this runs on every page, and a regex call per tag cost more than the HTML parse."""
    stack: list[str] = []
    open_names: dict[str, int] = {}
    lowered: dict[str, str] = {}  # tag name as written -> its lower case, computed once per spelling
    dropped: list[tuple[int, int]] = []
    tags = 0
    position: int | None = 0
    while position is not None:
        tokens, position = TAG.finditer(html, position), None
        for tag in tokens:
            kind = tag.lastindex
            if kind == START_TAG:
                written = tag[4]
            elif kind == END_TAG:
                written = tag[2]
            elif kind == COMMENT:
                end = html.find("-->", tag.end())
                if end >= 0:  # a comment that never ends runs to the end of the page
                    position = end + 3
                break
            else:
                continue  # a "<" inside the tag: not read as one
            name = lowered.get(written)
            if name is None:
                name = lowered[written] = written.lower()
            if kind == END_TAG:  # closes the nearest open element of its name, and those above
                if open_names.get(name):
                    while True:
                        was_dropped = len(stack) > limit
                        open_name = stack.pop()
                        open_names[open_name] -= 1
                        if open_name == name:
                            break
                    if was_dropped:
                        dropped.append(tag.span())
                continue
            tags += 1
            if tags > max_tags:
                return tags, dropped
            if name in RAW_TEXT:
                closing_tag = RAW_TEXT[name].search(html, tag.end())
                position = closing_tag.start() if closing_tag else len(html)
                break
            if name in NOT_COUNTED or html[tag.end() - 2] == "/":
                continue  # no end tag, closed by the tree builder itself, or <path/>-style self-closing
            if len(stack) >= limit:
                dropped.append(tag.span())
            stack.append(name)
            open_names[name] = open_names.get(name, 0) + 1
    return tags, dropped
