"""What the tests of finding a page's release text write their inline pages with: a long sentence, the
parts of a longer text, and the blocks `text_blocks` reads of a container."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from scraper.blocks import text_blocks

LONG = "The council met for two days and agreed on a plan for the coming year, with a budget for it."


def blocks_of(inner: str) -> list[str]:
    tree = LexborHTMLParser(f"<html><body><div id='c'>{inner}</div></body></html>")
    return text_blocks([tree.css_first("#c")])


PARTS = [f"Part {n} of the report sets out, district by district, what the plan changes for the people who live there, and when, and what the council will ask of them in return." for n in range(1, 9)]
