"""scraper/scoring.py on inline pages written for these tests: which part of a page holds its text."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from scraper import parse
from scraper.blocks import text_blocks
from scraper.furniture import strip_furniture
from scraper.scoring import main_nodes
from tests.inline_pages import LONG, PARTS

SPLIT_PAGE = """<html><body><div class="page"><article><div class="intro"><h1>Headline of the day</h1>
<p>The lead of the text says in one long sentence what happened, where it happened and why it matters.</p></div>
<div class="row"><div class="col"><div class="meta">12.01.2022</div><div class="text">{paragraphs}</div></div></div>
<div class="box"><p>Help us with a donation: every gift counts, and you can give online today.</p></div>
</article></div></body></html>"""


def test_a_lead_in_a_sibling_box_joins_the_text_and_a_small_box_after_it_does_not() -> None:
    tree = LexborHTMLParser(SPLIT_PAGE.format(paragraphs=f"<p>{LONG}</p>" * 4))
    strip_furniture(tree.body)
    text = " ".join(text_blocks(main_nodes(tree.body)))
    assert text.startswith("The lead of the text says") and LONG in text
    assert "Help us with a donation" not in text


def test_text_of_a_wrapper_between_its_blocks_is_scored() -> None:
    # A chapter written as bare text with line breaks around one nested box outweighs a box of short paragraphs.
    bare = f"{LONG} " * 6
    html = (f"<html><body><h1>Chapter one</h1><div class='chapter'>{bare}<br><br>{bare}<div class='note'><p>A short note.</p></div>{bare}</div>"
            "<div class='other'><p>Another box with a paragraph of its own, long enough to count here.</p>"
            "<p>And a second paragraph in that other box, also long enough to count.</p></div></body></html>")
    assert parse(html, "https://example.org/story/1", any_page=True).body.startswith(LONG)


def test_wrappers_of_the_best_box_survive_the_furniture_names_inside_the_container() -> None:
    # The text is split over two boxes inside a layout wrapper named for its sidebar: the container
    # widens to the wrapper, whose name must not take the text away with it.
    paragraphs = "".join(f"<p>{LONG} Part {n}.</p>" for n in range(3))
    html = (f"<html><body><h1>The council agrees</h1><div class='layout has-sidebar'><div class='entry'>{paragraphs}</div>"
            f"<div class='entry-more'><p>{LONG} Part 4.</p><p>{LONG} Part 5.</p></div></div></body></html>")
    body = parse(html, "https://example.org/news/1", any_page=True).body
    assert "Part 0." in body and "Part 5." in body


def test_a_text_of_divs_with_spans_is_prose() -> None:
    # A rich-text editor's text: one <div> per paragraph, its words in a <span>; beside it a box of <p>s.
    chapter = "".join(f"<div><span>{LONG} Chapter line {n}.</span></div>" for n in range(6))
    html = (f"<html><body><h1>Chapter one</h1><div class='notes'><p>{LONG} A note.</p><p>{LONG} Another note.</p></div>"
            f"<div class='chapter'>{chapter}</div></body></html>")
    body = parse(html, "https://example.org/story/1", any_page=True).body
    assert "Chapter line 0." in body and "Chapter line 5." in body


def test_the_intro_paragraph_above_a_table_of_facts_joins_it() -> None:
    rows = "".join(f"<tr><td>Item {n}</td><td>{LONG} Row {n}.</td></tr>" for n in range(8))
    links = "".join(f"<a href='/other/{n}'>Another list of budget lines, year {2000 + n}</a> " for n in range(40))
    html = ("<html><body><h1>Budget lines</h1><div class='list'>"
            "<p>This list gives every budget line of the coming year, with what it pays for and why the council chose it.</p>"
            "<p>Lines that the council cut from last year's budget are listed on a page of their own, linked below.</p>"
            f"<table><thead><tr><th>Line</th><th>What</th></tr></thead><tbody>{rows}</tbody></table>"
            # the page's other boxes beside the table: a long list of links the container must not widen to
            f"<div class='see-also'>{links}</div></div></body></html>")
    body = parse(html, "https://example.org/list/1", any_page=True).body
    assert body.startswith("This list gives every budget line") and "Lines that the council cut" in body and "Row 7." in body


def test_the_text_split_beside_a_chain_of_wrappers_joins_it() -> None:
    # The text's box sits four single-child wrappers deep; the rest of the text is in siblings of
    # the outermost wrapper, between teaser boxes.
    lead = "".join(f"<p>{part}</p>" for part in PARTS[:2])
    main_part = "".join(f"<p>{part}</p>" for part in PARTS[2:7])
    teaser = "<div class='con teaser'>" + "".join(
        f"<a href='/x{n}'>Read also: the plan for the north, and the one for the south, part {n}</a>" for n in range(3)) + "</div>"
    html = (f"<html><body><h1>The plan for the districts</h1><div class='section'><div class='con'>{lead}</div>{teaser}"
            f"<div class='con'><div class='mod'><div class='modcon'><div class='box'>{main_part}</div></div></div></div>"
            f"{teaser}</div></body></html>")
    body = parse(html, "https://example.org/news/1", any_page=True).body
    assert body.startswith(PARTS[0]) and PARTS[1] in body and PARTS[6] in body and "Read also" not in body


def test_boxes_named_like_the_texts_box_join_it_however_short() -> None:
    # A how-to split into one box per step: the longest step wins the scoring, the short ones are its siblings.
    steps = "".join(f"<div class='mod step'><div class='body'><h3>Step {n}</h3><p>Step {n} of the work, done with care.</p>"
                    f"<figure><figcaption>The shelf at step {n} (photo: J. Doe, archive)</figcaption></figure></div></div>"
                    for n in range(2, 6))
    html = (f"<html><body><h1>How to build a shelf</h1><div class='main'><div class='mod step'><div class='body'><p>{LONG} "
            f"{LONG}</p></div></div>{steps}<div class='mod related'><p><a href='/a'>Another guide to read next, on tables</a></p></div>"
            "</div></body></html>")
    body = parse(html, "https://example.org/guide/1", any_page=True).body
    assert body.startswith(LONG) and "Step 5 of the work" in body and "Another guide" not in body


def test_a_table_of_facts_that_outscores_the_text_is_one_block_of_it() -> None:
    # Many rows of prose-like cells outweigh each paragraph; the text goes on after the table, then
    # a list of linked notes makes the whole box look less like prose than the table alone.
    notes = "".join(f"<li><a href='/source/{n}'>A source for the film list, volume {n}, page {n * 7}</a></li>" for n in range(40))
    rows = "".join(f"<tr><td>Film {n}</td><td>A film about a loop in time, with a plot, twists, and an end.</td>"
                   f"<td>Made by a studio, in colour, with sound, {2000 + n}.</td></tr>" for n in range(30))
    html = (f"<html><body><h1>Time loops</h1><div class='content'><p>{LONG} Intro.</p><table><tbody>{rows}</tbody></table>"
            f"<h2>In books</h2><p>{LONG} After the table.</p><p>{LONG} The end.</p><ul>{notes}</ul></div></body></html>")
    body = parse(html, "https://example.org/wiki/loops", any_page=True).body
    assert body.startswith(LONG) and "Film 29" in body and body.endswith("The end.")


def test_the_container_widens_only_for_a_tenth_more_prose() -> None:
    # The text's box sits in a wrapper that adds one short line of its own (a tip form's prompt).
    paragraphs = "".join(f"<p>{LONG} Part {n}.</p>" for n in range(5))
    html = (f"<html><body><h1>The council agrees</h1><div class='wrap'><div class='text'>{paragraphs}</div>"
            "<p>Tell us about it: all tips stay anonymous.</p></div></body></html>")
    body = parse(html, "https://example.org/news/1", any_page=True).body
    assert body.endswith("Part 4.") and "Tell us" not in body


def test_wrappers_around_the_text_box_alone_are_not_sibling_levels() -> None:
    # Each section of the text sits four wrappers deep; the sections are siblings of the outermost.
    def section(text: str) -> str:
        return f"<div class='con'><div class='mod'><div class='box-con'><div class='box'>{text}</div></div></div></div>"
    first = "".join(f"<p>{LONG} Part {n}.</p>" for n in range(6))
    html = (f"<html><body><h1>The council agrees</h1><div class='section'>{section(first)}"
            f"<div class='con teaser'><a href='/x'>Another story of the site, in a teaser box</a></div>"
            f"{section(f'<h3>Next steps</h3><p>{LONG} Later part.</p>')}</div></body></html>")
    body = parse(html, "https://example.org/news/1", any_page=True).body
    assert body.endswith("Later part.") and "Another story" not in body


def test_sections_named_like_the_best_section_stay_whatever_their_names_say() -> None:
    # A layout named for its sidebar holds the text in several sections, each named like the layout.
    def section(n: int, count: int) -> str:
        paragraphs = "".join(f"<p>{LONG} Section {n}, part {k}.</p>" for k in range(count))
        return f"<div class='sidebar-grid__container'><div class='text'>{paragraphs}</div></div>"
    html = (f"<html><body><article><h1>The council agrees</h1><div class='sidebar-grid'>{section(1, 5)}{section(2, 2)}"
            f"{section(3, 2)}</div></article></body></html>")
    body = parse(html, "https://example.org/news/1", any_page=True).body
    assert "Section 1, part 0." in body and body.endswith("Section 3, part 1.")


def test_a_summary_set_as_a_heading_beside_the_text_joins_it() -> None:
    summary = "A summary of the story set as a heading, long enough to be the text's opening paragraph and not a title."
    links = "".join(f"<a href='/story/{n}'>Another story of the site, number {n}</a> " for n in range(12))
    paragraphs = "".join(f"<p>{LONG} Part {n}.</p>" for n in range(4))
    html = (f"<html><body><h1>The council agrees</h1><div class='main'><h2 class='summary'>{summary}</h2>"
            f"<div class='text'>{paragraphs}</div><div class='more'>{links}</div></div></body></html>")
    body = parse(html, "https://example.org/news/1", any_page=True).body
    assert body.startswith("A summary of the story") and body.endswith("Part 3.")


def test_teaser_cards_wrapped_in_links_bring_no_prose_to_the_page_around_the_text() -> None:
    # Cards of other stories (a headline and a blurb in <div>s inside their link) outweigh the text;
    # counted as prose they would widen the container to the page, and a box beside them with it.
    cards = "".join(f"<a href='/story/{n}'><div>Another story, number {n}, on the harbour, the hall and the roads.</div>"
                    f"<div>What the council said of it, in the evening, after a long debate, and why, and when.</div></a>"
                    for n in range(12))
    paragraphs = "".join(f"<p>{part}</p>" for part in PARTS[:3])
    html = (f"<html><body><div class='page'><div class='story'><h1>The council agrees</h1><div class='text'>{paragraphs}</div></div>"
            f"<div class='more'>{cards}</div><div class='box'><p>Our daily briefing, with the news of the town, "
            "every morning, free, in your inbox.</p></div></div></body></html>")
    body = parse(html, "https://example.org/news/1", any_page=True).body
    assert body.startswith(PARTS[0]) and body.endswith(PARTS[2]) and "daily briefing" not in body


def test_a_list_item_holding_paragraphs_counts_its_text_once() -> None:
    # Teasers as list items, each a heading and a blurb: counted in the item and again in its
    # blocks, their prose would outweigh their links and widen the text's box to the page.
    items = "".join(f"<li><h3><a href='/story/{n}'>Another story of the week, number {n}</a></h3>"
                    f"<p>What the council said of it, in the evening, after a long debate.</p></li>" for n in range(8))
    paragraphs = "".join(f"<p>{part}</p>" for part in PARTS[:3])
    html = (f"<html><body><div class='page'><div class='story'><h1>The council agrees</h1><div class='text'>{paragraphs}</div></div>"
            f"<div><ul>{items}</ul></div></div></body></html>")
    body = parse(html, "https://example.org/news/1", any_page=True).body
    assert body.startswith(PARTS[0]) and body.endswith(PARTS[2])


def test_a_live_blogs_entries_join_the_lead_whatever_their_captions_say() -> None:
    # The lead in one box, the entries in the next, each under a picture with a long caption: the
    # captions, which the walk drops, are no reason to leave the entries out.
    caption = "<div class='photo'><img src='/a.jpg' alt=''><span class='newsCaption'>{}</span></div>"
    entries = "".join(
        f"<div class='entry'><h3>Update {n}: the council on the harbour</h3><p>{PARTS[n]}</p>"
        + caption.format("The harbour at dawn on Monday, seen from the old hall, with the boats of the fishermen "
                         "and the new quay that the council built last year, image by Jane Doe")
        + caption.format("The mayor and the members of the council in the hall before the vote, image by Jane Doe")
        + "</div>" for n in range(1, 3))
    lead = "".join(f"<p>{part}</p>" for part in (PARTS[0], LONG, *PARTS[4:8]))
    html = (f"<html><body><article><h1>The council agrees: live</h1><div class='wrap'><div class='lead'>{lead}</div>"
            f"<div class='entries'>{entries}</div></div></article></body></html>")
    body = parse(html, "https://example.org/news/1", any_page=True).body
    assert body.startswith(PARTS[0]) and PARTS[2] in body and "The harbour at dawn" not in body


def test_links_in_paragraphs_of_the_text_do_not_count_against_widening_to_them() -> None:
    # A live page: an intro box, then entries whose paragraphs link some of their words, each under a
    # time line. The linked words are text those paragraphs keep, not other text: the container
    # widens to the entries as it would were they unlinked.
    intro = "The council, which met on Monday, agreed on the plan, its budget, its terms, and its first steps, after a long debate."
    entries = "".join(f"<div class='item'><div class='when'>{n} hours ago, 10:{n:02}</div><p>The mayor said on Monday that "
                      f"<a href='/story/{n}'>district {n} goes ahead</a>, as the council agreed in May.</p></div>" for n in range(1, 9))
    html = (f"<html><body><h1>The plan, as it happens</h1><article><div class='intro'><p>{intro}</p><p>{intro} Two.</p>"
            f"<p>{intro} Three.</p></div><div class='items'>{entries}</div></article></body></html>")
    body = parse(html, "https://example.org/live/1", any_page=True).body
    assert body.startswith(intro) and body.endswith("district 8 goes ahead, as the council agreed in May.")


def test_the_container_widens_no_higher_than_the_box_that_holds_the_headline() -> None:
    # Beside the article's box, other stories in brief, each a short paragraph under a time: prose,
    # more of it than the text, but not this text.
    items = "".join(f"<div class='item'><span>10:{n:02}</span><p>Elsewhere today, in another town, story number {n} "
                    "happened, and people talked about it.</p></div>" for n in range(1, 9))
    html = ("<html><body><div class='page'><div class='wrapper'><div class='article'><h1>The plan for the districts</h1>"
            f"<div class='content'>{''.join(f'<p>{part}</p>' for part in PARTS[:4])}</div></div></div>{items}</div></body></html>")
    body = parse(html, "https://example.org/news/1", any_page=True).body
    assert body.startswith(PARTS[0]) and body.endswith(PARTS[3])


def test_a_quote_that_holds_most_of_the_text_widens_to_the_box_around_it() -> None:
    # The text's box opens with a paragraph, then an unclosed <blockquote> holds the rest of it: the
    # quote weighs as a box of paragraphs (net of its other text), so the container widens past it.
    quoted = "".join(f"<p>{LONG} Part {n}.</p>" for n in range(8))
    html = (f"<html><body><h1>Working from home</h1><div class='col'><p>{LONG} Opening.</p>"
            f"<blockquote>{quoted}<p>Photo: the team at home</p></blockquote>"
            "<ul><li>The first of the steps the team took</li><li>The second of them</li></ul></div></body></html>")
    body = parse(html, "https://example.org/blog/1", any_page=True).body
    assert body.startswith(LONG) and "Part 7." in body and body.endswith("The second of them")
