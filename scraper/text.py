"""Reading text off a parsed tree: a node's words with their white space folded, its class and id
names, and how a sentence ends.

Shared by the steps that find a page's release text (`scraper/furniture.py`, `scraper/scoring.py`,
`scraper/blocks.py`, `scraper/block_filters.py`) and by the field cascades (`scraper/page.py`,
`scraper/markup.py`, `scraper/page_dates.py`).
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode as Node

# Soft hyphens and zero-width characters: invisible on the page, noise in the text.
INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
# A run of word characters: an id's words, a token's last word.
WORD = re.compile(r"\w+")
SENTENCE_ENDS = (".", "!", "?", "…", '"', "“", "”", "»", "«", "'", "’", ")", "]")


def clean_text(text: str) -> str:
    """Fold runs of whitespace (spaces, tabs, newlines, no-break spaces) to one space; drop invisibles."""
    text = " ".join(text.split())  # str.split() splits at what \s matches, faster than a regex
    return INVISIBLE.sub("", text) if "\u00ad" in text or "\u200b" in text or "\ufeff" in text else text


def node_text(node: Node) -> str:
    return clean_text(node.text(deep=True, separator="", strip=False))


def node_names(node: Node) -> str:
    """A node's class and id, one string: what names match against."""
    attributes = node.attributes
    return f"{attributes.get('class') or ''} {attributes.get('id') or ''}"
