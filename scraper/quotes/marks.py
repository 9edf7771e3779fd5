"""Pass 1: quotation marks to quoted spans.

A stack of opening marks handles nested quotes and mixed typing (straight, curly, a wrongly typed
opening ”, German „…“, guillemets); a span left open at a paragraph's end continues when the next
paragraph opens with a mark; an unclosed quotation that runs into its own attribution ends there.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from scraper.quotes.lexicon import CAP_WORD, LEADING_SPACE_RE, UPPER, VERB

CLOSERS = {'"': '"”', "“": "”\"", "„": "“”\"", "«": "»", "»": "«", "”": "”\""}
NESTABLE_OPENERS = '"“„«'
OPEN_CONTEXT = "([{—–-/:;'‘"
MARK_RE = re.compile(r'["“”„«»]')
# Where an unclosed quotation meets its attribution: a comma (or ! ?) then `said Name`/`Name said`/`he said`.
UNCLOSED_ATTRIBUTION_RE = re.compile(
    rf"[,!?](?=\s+(?:(?:{VERB})\s+[{UPPER}]|(?:he|she|they|{CAP_WORD}(?:\s+{CAP_WORD}){{0,3}})\s+(?:{VERB})(?![\w-])))"
)


@dataclass
class Span:
    paragraph: int  # where the opening mark is
    start: int  # offset of the opening mark
    end_paragraph: int  # where the closing mark is
    end: int  # offset just after the closing mark (paragraph length when never closed)
    text: str
    closed: bool = True


def _open_position(text: str, i: int) -> bool:
    prev = text[i - 1] if i else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return (prev.isspace() or prev in OPEN_CONTEXT) and not nxt.isspace()


def _opens_at_depth_zero(ch: str, text: str, i: int) -> bool:
    if ch in "”»":  # only a wrongly typed opening mark, in an opening position
        return _open_position(text, i)
    if ch == '"':
        prev = text[i - 1] if i else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        return not ((prev.isalnum() or prev in ".,!?") and (nxt.isspace() or nxt in ".,;:"))
    return True


def _starts_with_mark(paragraph: str) -> int | None:
    stripped = LEADING_SPACE_RE.match(paragraph).end()
    return stripped if stripped < len(paragraph) and paragraph[stripped] in '"“”„«»' else None


@dataclass
class _OpenQuote:
    paragraph: int
    start: int
    content_start: int
    pieces: list[str] = field(default_factory=list)
    last_outer_close: int | None = None


def scan_spans(paragraphs: Sequence[str]) -> list[Span]:
    """Every quoted span, in order; nested quotes stay inside their outer span."""
    spans: list[Span] = []
    stack: list[str] = []
    current: _OpenQuote | None = None
    for p, text in enumerate(paragraphs):
        resume = 0
        if current is not None:  # a continued quotation: skip this paragraph's opening mark
            resume = (_starts_with_mark(text) or 0) + 1
            current.content_start = resume
        for match in MARK_RE.finditer(text, resume):
            ch, i = match.group(), match.start()
            if current is None:
                if _opens_at_depth_zero(ch, text, i):
                    stack, current = [ch], _OpenQuote(p, i, i + 1)
                continue
            if _closes(stack[-1], ch, text, i):
                stack.pop()
            elif ch in NESTABLE_OPENERS and (ch != '"' or _open_position(text, i)):
                stack.append(ch)
                continue
            elif any(ch in CLOSERS[opener] for opener in stack):
                while stack and ch not in CLOSERS[stack.pop()]:
                    pass
            else:
                continue
            if not stack:
                spans.append(_finish(current, p, text[current.content_start : i], i + 1, True))
                current = None
            elif ch in CLOSERS[stack[0]]:
                current.last_outer_close = i  # where the outer quote ends if a nested one never closes
        if current is None:
            continue
        following = paragraphs[p + 1] if p + 1 < len(paragraphs) else ""
        if _starts_with_mark(following) is not None:
            current.pieces.append(text[current.content_start :].strip())
            stack = stack[:1]
        elif len(stack) > 1 and current.last_outer_close is not None:
            close = current.last_outer_close
            spans.append(_finish(current, p, text[current.content_start : close], close + 1, True))
            stack, current = [], None
        else:
            spans.append(_finish_unclosed(current, p, text))
            stack, current = [], None
    return spans


# Single quotation marks, straight or curly: the same characters are apostrophes ("can't", "the
# States' duty", "the Mission’s"), so a single-quoted span is taken only where it cannot be one: the
# opening mark starts a word after a space, an opening bracket or a dash, and the closing mark follows
# the quote's own punctuation (`'We are ready to help,' said …`, `said: ‘We are ready.’`). A quoted term
# ('cooperation') has no such punctuation and stays no span; neither does a span across paragraphs.
SINGLE_OPENERS = "'‘"
SINGLE_CLOSERS = "'’"
SINGLE_OPEN_CONTEXT = "([{—–-/:;\"“„«"
SINGLE_QUOTE_END = ",.!?…"
SINGLE_AFTER_CLOSE = " \t\n,.;:!?)—–-\"”»"
# The single marks that can open or close a span (_single_opens, _single_closes): after a space, an
# opening context or the quote's own punctuation. The others, apostrophes inside words ("can't", "the
# Mission’s"), change nothing, so the scan skips them.
# (The mark comes first, so that the engine skips to the marks; the look-behind then checks what the
# character before is, if any.)
SINGLE_MARK_AT_BOUNDARY_RE = re.compile(rf"['‘’](?<![^\s{re.escape(SINGLE_OPEN_CONTEXT + SINGLE_QUOTE_END)}]['‘’])")
SENTENCE_BEFORE_RE = re.compile(r"[.!?:]\s+\Z")


def scan_single_spans(paragraphs: Sequence[str], double: Sequence[Span]) -> list[Span]:
    """Single-quoted spans outside the double-quoted ones, each within one paragraph."""
    covered = _Regions([((span.paragraph, span.start), (span.end_paragraph, span.end)) for span in double])
    spans: list[Span] = []
    for p, text in enumerate(paragraphs):
        opener: int | None = None
        for match in SINGLE_MARK_AT_BOUNDARY_RE.finditer(text):
            ch, i = match.group(), match.start()
            if opener is None:
                if ch in SINGLE_OPENERS and _single_opens(text, i) and not covered.holds((p, i)):
                    opener = i
            elif ch in SINGLE_CLOSERS and _single_closes(text, i):
                content = text[opener + 1 : i].strip()
                if content and not covered.holds((p, i)):
                    spans.append(Span(p, opener, p, i + 1, content, True))
                opener = None
            elif ch in SINGLE_OPENERS and _single_opens(text, i) and SENTENCE_BEFORE_RE.search(text, max(0, i - 3), i):
                opener = i  # the earlier mark was an apostrophe ("rock 'n' roll. 'We …"): a new sentence quotes
    return spans


def _single_opens(text: str, i: int) -> bool:
    prev = text[i - 1] if i else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return (prev.isspace() or prev in SINGLE_OPEN_CONTEXT) and nxt.isalpha()


def _single_closes(text: str, i: int) -> bool:
    prev = text[i - 1] if i else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return prev in SINGLE_QUOTE_END and nxt in SINGLE_AFTER_CLOSE


class _Regions:
    """Text regions in order, not overlapping: whether a position lies in one is a bisection."""

    def __init__(self, regions: list[tuple[tuple[int, int], tuple[int, int]]]) -> None:
        self.starts = [start for start, _ in regions]
        self.ends = [end for _, end in regions]

    def holds(self, where: tuple[int, int]) -> bool:
        index = bisect.bisect_right(self.starts, where) - 1
        return index >= 0 and where < self.ends[index]


def all_spans(paragraphs: Sequence[str]) -> list[Span]:
    """Double-quoted spans (and guillemets, German marks) and the single-quoted ones, in text order."""
    double = scan_spans(paragraphs)
    single = scan_single_spans(paragraphs, double)
    if not single:
        return double
    return sorted([*double, *single], key=lambda span: (span.paragraph, span.start))


def _finish_unclosed(current: _OpenQuote, paragraph: int, text: str) -> Span:
    """A quotation never closed: it ends where it runs into its own attribution (`“We go on, said
    Name.`), as the writer meant it to; otherwise it runs to the paragraph's end, marked open."""
    attribution = UNCLOSED_ATTRIBUTION_RE.search(text, current.content_start)
    if attribution is not None:
        cut = attribution.end()
        return _finish(current, paragraph, text[current.content_start : cut], cut, True)
    return _finish(current, paragraph, text[current.content_start :], len(text), False)


def _closes(top: str, ch: str, text: str, i: int) -> bool:
    if ch == top and ch in "“\"" and not _open_position(text, i):
        return True  # a closing mark typed like the opening one ("…,“ she said)
    return ch in CLOSERS[top] and not (ch in NESTABLE_OPENERS and ch != "“" and _open_position(text, i))


def _finish(current: _OpenQuote, end_paragraph: int, last_piece: str, end: int, closed: bool) -> Span:
    pieces = [*current.pieces, last_piece.strip()]
    text = " ".join(piece for piece in pieces if piece)
    return Span(current.paragraph, current.start, end_paragraph, end, text, closed)
