"""scraper/nesting.py's one-finditer tag scan against the plain one it replaced (a regex search and
a regex match per tag, kept here as the reference): the same tags dropped and the same count, on
hand-made edge cases and on random tag soup."""

from __future__ import annotations

import random
import re
from collections import Counter

import pytest

from scraper.nesting import NOT_COUNTED, RAW_TEXT, _scan_tags

REFERENCE_TAG_START = re.compile(r"<(?:(!--)|(/?)([A-Za-z][^\s/>]*))")
REFERENCE_TAG_END = re.compile(r"[^<>]*>")


def reference_scan(html: str, limit: int, max_tags: int) -> tuple[int, list[tuple[int, int]]]:
    stack: list[str] = []
    open_names: Counter[str] = Counter()
    dropped: list[tuple[int, int]] = []
    tags = 0
    position = 0
    while (tag := REFERENCE_TAG_START.search(html, position)) is not None:
        if tag.group(1):
            end = html.find("-->", tag.end())
            if end < 0:
                break
            position = end + 3
            continue
        end_of_tag = REFERENCE_TAG_END.match(html, tag.end())
        if end_of_tag is None:
            position = tag.end()
            continue
        span = (tag.start(), end_of_tag.end())
        position = span[1]
        name = tag.group(3).lower()
        if tag.group(2):
            if open_names[name]:
                while True:
                    was_dropped = len(stack) > limit
                    open_name = stack.pop()
                    open_names[open_name] -= 1
                    if open_name == name:
                        break
                if was_dropped:
                    dropped.append(span)
            continue
        tags += 1
        if tags > max_tags:
            break
        if name in RAW_TEXT:
            closing_tag = RAW_TEXT[name].search(html, position)
            position = closing_tag.start() if closing_tag else len(html)
            continue
        if name in NOT_COUNTED or html[position - 2] == "/":
            continue
        if len(stack) >= limit:
            dropped.append(span)
        stack.append(name)
        open_names[name] += 1
    return tags, dropped


PIECES = ["<div>", "</div>", "<DiV class=x>", "<p>", "</p>", "<span a='>'>", "</span >", "<!--", "-->",
          "<script>", "</script>", "<SCRIPT >", "<script/>", "<title>", "</TITLE>", "<b/>", "<a<b>", "<", ">",
          "</x", "x", "<br>", "<img/>", "<li>", "</ul>", "<ul>"]


@pytest.mark.parametrize("html", [
    "<div><div><div>a</div></div></div>",
    "<div><!-- <div><div> --><div>a",
    "<div><script><div><div></script><div><div>",
    "<div><div><script/><div><div></script><div>",
    "<div><div><div <div>><div>",
    "<div><span><b></div></div><div><div>",
    "<div><div><!-- never closed <div><div>",
    "<div><div><div><title><div></title",
], ids=["plain", "comment", "script", "self-closed-script", "lt-inside-tag", "end-closes-above", "open-comment", "open-title"])
def test_scan_agrees_with_the_reference_on_edge_cases(html: str) -> None:
    for limit in (1, 2, 3):
        for max_tags in (2, 100):
            assert _scan_tags(html, limit, max_tags) == reference_scan(html, limit, max_tags)


@pytest.mark.parametrize("seed", range(5))
def test_scan_agrees_with_the_reference_on_tag_soup(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(400):
        html = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 60)))
        for limit in (1, 2, 4):
            for max_tags in (5, 1000):
                assert _scan_tags(html, limit, max_tags) == reference_scan(html, limit, max_tags), (html, limit, max_tags)
