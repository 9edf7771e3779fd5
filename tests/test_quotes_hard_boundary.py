"""scraper/quotes/people.py's HARD_BOUNDARY_RE, rewritten so that each branch opens with the character
it matches (look-behinds after it), against the pattern it replaced: the same matches."""

from __future__ import annotations

import random
import re

import pytest

from scraper.quotes.people import HARD_BOUNDARY_RE

REFERENCE = re.compile(
    r"(?<![A-Z])(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bMrs)(?<!\bProf)(?<!\bHon)(?<!\bMme)(?<!\bMlle)\.|[;:!?\"“”«»„—–]|\s-\s|(?<=\S)-(?=\s)"
)


def spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [match.span() for match in pattern.finditer(text)]


@pytest.mark.parametrize("text", [
    "Mr. Smith said. Then Dr. Berg left.",
    "John M. Smith, Head of the OSCE. “We act,” she said.",
    "Mrs. Holm; Prof. Lind: Hon. Lee! Mme. Roy? Mlle. Roy. St. Paul.",
    "AMr. xMr. ASt. the U.S. end.",
    "a - b -c d- e — f – g",
    "Ein Satz. «Zitat» „Zitat“ … -",
    ".-. -",
], ids=["honorifics", "initial-and-quote", "all-honorifics", "word-boundaries", "dashes", "marks", "edges"])
def test_the_same_boundaries_as_the_reference(text: str) -> None:
    assert spans(HARD_BOUNDARY_RE, text) == spans(REFERENCE, text)


@pytest.mark.parametrize("seed", range(3))
def test_the_same_boundaries_on_random_text(seed: int) -> None:
    rng = random.Random(seed)
    pieces = ["Mr", "Mrs", "Ms", "Dr", "St", "Prof", "Hon", "Mme", "Mlle", "A", "x", " ", ".", "-", ";", "“", "—", "\n", "said"]
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        assert spans(HARD_BOUNDARY_RE, text) == spans(REFERENCE, text), text
