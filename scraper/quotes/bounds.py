"""How much of a release the quote scanner reads: the first MAX_SCANNED_CHARS characters of its text.

Reading names and roles costs more than linear time in the number of people a text names (each
mention is matched against the people met so far), and holds a token per capitalized word; on a
10 MB page of capitalized words that was 966 MB and, with many short runs, 10.8 s. A press release
is far shorter than the cap: the longest body among the fixtures and the shared pages is about 20,000
characters (46 paragraphs, the longest 2,316 characters). Quotes after the cap are not looked for;
the record's body is still the whole text.
"""

from __future__ import annotations

from collections.abc import Sequence

MAX_SCANNED_CHARS = 100_000  # 5 times the longest release seen; at most ~1 s on the worst text tried


def scanned_paragraphs(paragraphs: Sequence[str], limit: int = MAX_SCANNED_CHARS) -> list[str]:
    """The paragraphs the scanner reads: all of them, up to `limit` characters in all (the paragraph
    that crosses it is cut there, the ones after it are left out). Indices stay those of the body."""
    scanned: list[str] = []
    left = limit
    for paragraph in paragraphs:
        if left <= 0:
            break
        text = paragraph or ""
        scanned.append(text[:left])
        left -= len(text)
    return scanned
