"""scraper/quotes/marks.py: the single-mark scan skips only marks that can neither open nor close a span
(texts written for these tests)."""

from __future__ import annotations

import re

import pytest

from scraper.quotes.marks import SINGLE_MARK_AT_BOUNDARY_RE, _single_closes, _single_opens, scan_single_spans

TEXTS = [
    "'We are ready,' said Anna Kovac. It's the Mission’s duty, the States' task.",
    "She said: ‘We will go on.’ Then (‘a term’) and —'another' and /'x' and «'y'»",
    "rock 'n' roll. 'We start now,' he said; “quoted” 'single', end.' '",
    "'",
    "a' 'b ,' .' !' ?' …' ’Tis",
]


@pytest.mark.parametrize("text", TEXTS)
def test_every_mark_that_opens_or_closes_is_scanned(text: str) -> None:
    scanned = {match.start() for match in SINGLE_MARK_AT_BOUNDARY_RE.finditer(text)}
    for match in re.finditer("['‘’]", text):
        if _single_opens(text, match.start()) or _single_closes(text, match.start()):
            assert match.start() in scanned


def test_single_spans() -> None:
    spans = scan_single_spans(["'We are ready,' said Anna Kovac's aide. It's done."], [])
    assert [(span.start, span.end, span.text) for span in spans] == [(0, 15, "We are ready,")]
