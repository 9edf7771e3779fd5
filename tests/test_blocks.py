"""scraper/blocks.py on inline pages written for these tests: which blocks of a container are read as text."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from scraper import parse
from scraper.blocks import has_nested_block, text_blocks
from tests.inline_pages import LONG, PARTS, blocks_of

INDENT = " " * 40  # pretty-printed source: a link's words on two lines, the second indented


@pytest.mark.parametrize(
    ("inner", "expected"),
    [
        (f"<div>{LONG}</div><div><span>{LONG} Again.</span></div>", [LONG, f"{LONG} Again."]),
        (f"<p>{LONG}</p><strong>{LONG} Bold.</strong> And the last words of the text, with no block.",
         [LONG, f"{LONG} Bold. And the last words of the text, with no block."]),
        (f"<div>Opening words, <b>in bold</b>, then {LONG}<p>{LONG} Two.</p>A tail after the paragraph, long enough.</div>",
         [f"Opening words, in bold, then {LONG}", f"{LONG} Two.", "A tail after the paragraph, long enough."]),
        (f"<p>{LONG}</p><ul><li>Short item</li><li>Another item</li></ul><p>{LONG} End.</p>",
         [LONG, "Short item", "Another item", f"{LONG} End."]),
        (f"<p>{LONG}</p><p>{LONG} Two.</p><ul><li>Budget 4 million euros</li><li>Term 2024 to 2026</li></ul>",
         [LONG, f"{LONG} Two.", "Budget 4 million euros", "Term 2024 to 2026"]),
        (f"<p>{LONG}</p><a href='/x'><div>{LONG} A teaser card that is a link.</div></a>", [LONG]),
        (f"<p>{LONG}</p><div><a href='/1'>One older headline here</a> <a href='/2'>Another older headline</a></div>", [LONG]),
        (f"<blockquote><p>{LONG}</p><p>{LONG} Said.</p></blockquote>", [LONG, f"{LONG} Said."]),
        (f"<p>{LONG}</p><table><tr><th>Budget</th><td>4 million euros</td></tr><tr><td>Term</td><td>2024 to 2026</td></tr></table><p>{LONG} End.</p>",
         [LONG, "Budget 4 million euros", "Term 2024 to 2026", f"{LONG} End."]),
        (f"<p>{LONG}</p><p>&lt;iframe width='670' src='https://video.example/embed/1'&gt;Your browser does not play it&lt;/iframe&gt;</p>",
         [LONG]),
        (f"<p>{LONG}</p><p>&lt;iframe width='670' allowfullscreen src='https://video.example/embed/1'&gt;Not played&lt;/iframe&gt;</p>",
         [LONG]),
        (f"<table><tr><td><p>{LONG}</p></td><td><div>{LONG} Cell.</div></td></tr></table>", [LONG, f"{LONG} Cell."]),
        (f"<p>{LONG}</p><table><tr><td><div><a href='/app'>Maps</a></div></td><td><div>32.7 MB</div></td></tr>"
         "<tr><td><div>Mail</div></td><td><div>17.8 MB</div></td></tr></table>", [LONG, "Maps 32.7 MB", "Mail 17.8 MB"]),
        (f"<p>{LONG}</p><p class='imageCaption'>The council in its hall on Monday, before the vote on the plan.</p>"
         f"<p>{LONG} End.</p>", [LONG, f"{LONG} End."]),
        (f"<p>{LONG}</p><table><tr><th><a href='/f'>The\n{INDENT}Film</a></th><td>1990</td><td>A short film after a\n"
         f"{INDENT}story by <a href='/a'>Jane\n{INDENT}Doe</a> that aired on <a href='/tv'>cable\n{INDENT}television</a>.</td></tr></table>",
         [LONG, "The Film 1990 A short film after a story by Jane Doe that aired on cable television."]),
    ],
    ids=["bare-text-divs", "text-after-the-last-block", "text-around-a-paragraph", "list-items", "list-closing-the-text", "teaser-card-in-link", "link-list-run", "quoted-paragraphs",
         "table-of-facts", "embed-code-as-text", "embed-code-with-a-bare-attribute", "layout-table",
         "table-of-facts-with-a-div-per-cell", "caption-named-in-camel-case",
         "row-with-links-broken-over-indented-lines"],
)
def test_walked_blocks(inner: str, expected: list[str]) -> None:
    assert blocks_of(inner) == expected


@pytest.mark.parametrize(
    ("html", "nested"),
    [("<div>bare text</div>", False), ("<div>text <b>bold</b></div>", False), ("<div><p>p</p></div>", True),
     ("<div><span><div>deep</div></span></div>", True), ("<li>item</li>", False)],
    ids=["bare", "inline-only", "paragraph", "deep-div", "list-item"],
)
def test_has_nested_block_does_not_count_the_node_itself(html: str, nested: bool) -> None:
    node = LexborHTMLParser(f"<html><body><ul>{html}</ul></body></html>").body.css_first("div, li")
    assert has_nested_block(node) is nested


def test_a_column_named_comment_in_a_table_of_paragraphs_does_not_end_the_text() -> None:
    row = "<tr><td><p>{}</p></td><td><p>{}</p></td></tr>"
    table = row.format("<b>State</b>", "<b>Comment</b>") + row.format("new", "The task waits for its first run.")
    html = (f"<html><body><h1>How tasks run</h1><div class='text'><p>{LONG}</p><p>{LONG} More.</p><table>{table}</table>"
            f"<p>{LONG} After the table.</p></div></body></html>")
    body = parse(html, "https://example.org/blog/tasks", any_page=True).body
    assert "The task waits" in body and body.endswith("After the table.")


def test_a_processing_instruction_in_the_text_is_skipped() -> None:
    assert blocks_of(f"<?php echo 'x'; ?><p>{LONG}</p><div><?php if (true) {{ ?>{LONG} Bare.</div>") == [LONG, f"{LONG} Bare."]


def test_the_headline_set_as_an_h2_in_a_headline_group_is_no_text() -> None:
    # The <h1> is the site's name in the breadcrumb; the story's headline is the <h2> of an <hgroup>.
    paragraphs = "".join(f"<p>{part}</p>" for part in PARTS[:3])
    html = (f"<html><body><ol class='crumbs'><li><h1>The Daily Courier</h1></li></ol><article><hgroup><div>Politics</div>"
            f"<h2>Council agrees district plan after long debate</h2></hgroup><div class='text'>{paragraphs}</div>"
            "</article></body></html>")
    body = parse(html, "https://example.org/news/1", any_page=True).body
    assert body.startswith(PARTS[0]) and "long debate" not in body


def test_a_standfirst_set_as_an_h2_in_a_headline_group_opens_the_text() -> None:
    standfirst = "The council has agreed a plan for every district of the city. It takes effect next spring, after a vote."
    paragraphs = "".join(f"<p>{part}</p>" for part in PARTS[:3])
    html = (f"<html><body><article><hgroup><h1>The council agrees</h1><h2>{standfirst}</h2></hgroup>"
            f"<div class='text'>{paragraphs}</div></article></body></html>")
    assert parse(html, "https://example.org/news/1", any_page=True).body.startswith(standfirst)


@pytest.mark.parametrize(
    ("heading", "kept"),
    [("<h3><a href='#the-budget'>What the budget pays for</a></h3>", True),
     ("<h3><a href='#!/news/the-budget'>What the budget pays for</a></h3>", False),
     ("<h3><a href='/news/the-budget'>What the budget pays for</a></h3>", False),
     ("<h3><a href='#'>What the budget pays for</a></h3>", False),
     ("<h3><a name='the-budget' class='jump'>What the budget pays for</a></h3>", True)],
    ids=["linked-to-its-anchor", "linked-to-a-hash-route", "linked-elsewhere", "linked-for-a-script", "set-in-an-anchor"],
)
def test_a_sub_heading_linked_to_its_own_anchor_is_text(heading: str, kept: bool) -> None:
    blocks = blocks_of(f"<p>{LONG}</p>{heading}<p>{LONG} End.</p>")
    assert any(block.startswith("What the budget pays for") for block in blocks) is kept


@pytest.mark.parametrize(
    ("heading", "kept"),
    [("What the budget pays for", True),
     ("The mayor, left, and the treasurer, right, sign the plan in the council's hall on Monday, before the vote "
      "on the budget for the coming year.", False)],
    ids=["a-sections-heading", "a-caption-set-as-an-h1"],
)
def test_an_h1_below_the_texts_opening_heads_a_section(heading: str, kept: bool) -> None:
    blocks = blocks_of(f"<h1>The council agrees</h1><p>{LONG}</p><h1>{heading}</h1><p>{LONG} End.</p>")
    assert blocks == ([LONG, heading, f"{LONG} End."] if kept else [LONG, f"{LONG} End."])


def test_an_h1_above_the_texts_opening_stays_the_headline() -> None:
    assert "The council agrees" not in blocks_of(f"<p>Politics</p><h1>The council agrees</h1><p>{LONG}</p>")


@pytest.mark.parametrize(
    "next_story",
    [f"<article><h1>The next story of the day</h1><p>{LONG} Next.</p></article>",
     f"<h1 class='story-headline'>The next story of the day</h1><p>{LONG} Next.</p>"],
    ids=["in-an-article-of-its-own", "named-a-headline"],
)
def test_the_headline_of_a_stacked_story_below_the_text_is_no_section_heading(next_story: str) -> None:
    blocks = blocks_of(f"<h1>The council agrees</h1><p>{LONG}</p>{next_story}")
    assert "The next story of the day" not in blocks


def test_the_pages_first_h1_below_a_summary_stays_the_headline() -> None:
    blocks = blocks_of(f"<p class='summary'>{LONG}</p><h1>The council agrees</h1><p>{LONG} End.</p>")
    assert "The council agrees" not in blocks


@pytest.mark.parametrize(
    ("item", "kept"),
    [("Doe, Jane (12 May 2014). <a href='/paper'>The council's plan for the coming year, with a budget for each "
      "of the districts and a new school</a>. The Town Review.", True),
     ("<a href='/news/1'>The council agrees on a plan for the coming year</a> (Town Review)", False),
     ("<a href='/news/1'>The council agrees on a plan for the coming year, with a budget.</a>", False)],
    ids=["a-reference-with-a-linked-title", "a-linked-headline-and-its-source", "a-linked-sentence"],
)
def test_a_list_item_with_a_linked_phrase_in_its_sentence_is_text(item: str, kept: bool) -> None:
    blocks = blocks_of(f"<p>{LONG}</p><p>{LONG} End.</p><ul><li>{item}</li><li>{item}</li></ul><p>{LONG} More.</p>")
    assert (len(blocks) == 4) is kept


def test_a_quote_holding_paragraphs_is_read_paragraph_by_paragraph_when_it_is_the_container() -> None:
    # An unclosed <blockquote> swallowed the text: handed over as the container, its paragraphs are the blocks.
    tree = LexborHTMLParser(f"<html><body><blockquote><p>{LONG}</p><h3>A section</h3><p>{LONG} End.</p></blockquote></body></html>")
    assert text_blocks([tree.css_first("blockquote")]) == [LONG, "A section", f"{LONG} End."]
