"""scraper/furniture.py, scoring.py and blocks.py on inline pages written for these tests: which blocks of a container are text."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from scraper import parse
from scraper.blocks import has_nested_block, text_blocks
from scraper.furniture import is_furniture_by_name, strip_furniture
from scraper.scoring import main_nodes

LONG = "The council met for two days and agreed on a plan for the coming year, with a budget for it."
INDENT = " " * 40  # pretty-printed source: a link's words on two lines, the second indented


def blocks_of(inner: str) -> list[str]:
    tree = LexborHTMLParser(f"<html><body><div id='c'>{inner}</div></body></html>")
    return text_blocks([tree.css_first("#c")])


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


@pytest.mark.parametrize(
    ("page", "kept", "removed"),
    [
        (f"<div class='layout right-sidebar'><h1>Headline</h1><p>{LONG}</p></div><div class='sidebar'><p>Widget words</p></div>",
         LONG, "Widget words"),
        (f"<aside class='content-wrap'><div itemprop='articleBody'><p>{LONG}</p></div></aside><aside><p>Other box</p></aside>",
         LONG, "Other box"),
        (f"<header><h1>Site logo</h1><nav>Menu words</nav></header><div><p>{LONG}</p></div>", LONG, "Menu words"),
    ],
    ids=["wrapper-named-sidebar", "aside-around-article-body", "logo-headline-protects-nothing"],
)
def test_wrappers_of_the_headline_are_not_furniture(page: str, kept: str, removed: str) -> None:
    tree = LexborHTMLParser(f"<html><body>{page}</body></html>")
    strip_furniture(tree.body)
    text = tree.body.text()
    assert kept in text and removed not in text


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


@pytest.mark.parametrize(
    ("closing", "phrase", "kept"),
    [
        ("<p>Press contacts: the office of the spokesperson, reachable every day, at the number and the address "
         "given on the site, and by mail at the address of the head office, in the capital, near the station.</p>",
         "the office of the spokesperson", False),
        ("<p>Achtung Redaktion: Fotos zum Download finden Sie hier: https://example.org/fotos</p>", "Fotos zum Download", False),
        ("<div class='c-flyout'><p>Help with a gift today: it counts for the people in need, everywhere.</p></div>",
         "Help with a gift", False),
        ("<p>The press contacts of both offices met on Monday and agreed on a joint statement, which follows.</p>",
         "press contacts of both offices", True),
        ("<h3>Read next</h3><p>Another story about the budget, told at length in a sentence of its own.</p>", "Another story", False),
        ("<h3>More from Example News</h3><p>Another story about the budget, told at length in a sentence.</p>", "Another story", False),
        ("<p>Advertisement · Scroll to continue</p><p>The vote is due next week, after a last reading of the plan.</p>",
         "Scroll to continue", False),
        ("<h3>More in News</h3><p>Another story about the budget, told at length in a sentence of its own.</p>", "Another story", False),
        ("<h3>Verwandte Artikel</h3><p>Eine andere Geschichte über den Haushalt, in einem ganzen Satz erzählt.</p>",
         "andere Geschichte", False),
        ("<h3>Auch interessant</h3><p>Another story of the same site, told in a teaser that reads like a sentence.</p>",
         "Another story of the same site", False),
        ("<h3>Artículos relacionados</h3><p>Another story of the same site, told in a teaser that reads like a sentence.</p>",
         "Another story of the same site", False),
        ("<p>Tagged:</p><p>Council, budget, harbour works and the other words this site tags its stories with.</p>",
         "the other words this site tags", False),
        ("<p>Those with information on the break-in are asked to call the police tip line at 555-0100 or e-mail tips@example.org.</p>",
         "asked to call the police", True),
        ("<p>Press office: Jane Doe, phone +1 555 0100, e-mail press@example.org, at the town hall.</p>", "Jane Doe", False),
    ],
    ids=["long-press-contact", "note-to-the-newsroom", "flyout-box", "contacts-in-a-sentence", "read-next", "more-from-site",
         "advertisement-line", "more-in-section", "verwandte-artikel", "auch-interessant", "articulos-relacionados", "tagged",
         "appeal-for-witnesses-with-a-number", "contact-details"],
)
def test_what_closes_a_text(closing: str, phrase: str, kept: bool) -> None:
    html = (f"<html><body><main><h1>The council agrees</h1><div class='text'><p>{LONG}</p><p>{LONG} More.</p>"
            f"<p>{LONG} Again.</p>{closing}</div></main></body></html>")
    assert (phrase in parse(html, "https://example.org/news/1", any_page=True).body) is kept


def test_text_of_a_wrapper_between_its_blocks_is_scored() -> None:
    # A chapter written as bare text with line breaks around one nested box outweighs a box of short paragraphs.
    bare = f"{LONG} " * 6
    html = (f"<html><body><h1>Chapter one</h1><div class='chapter'>{bare}<br><br>{bare}<div class='note'><p>A short note.</p></div>{bare}</div>"
            "<div class='other'><p>Another box with a paragraph of its own, long enough to count here.</p>"
            "<p>And a second paragraph in that other box, also long enough to count.</p></div></body></html>")
    assert parse(html, "https://example.org/story/1", any_page=True).body.startswith(LONG)


@pytest.mark.parametrize(
    ("opening", "first_words"),
    [
        ("<p>By Jane Okafor</p><p>The council met on Monday to agree on the budget for the coming year.</p>",
         "The council met on Monday"),
        ("<div class='intro-author'><span>von</span> Anna Berger, Jonas Meier</div>"
         "<p>Der Rat hat sich am Montag auf den Haushalt für das kommende Jahr geeinigt.</p>", "Der Rat hat sich"),
        ("<p><strong><em>By Jane Okafor</em></strong>: The council met on Monday to agree on the budget.</p>",
         "The council met on Monday"),
        ("<div><p class='image-description'>Delegates at the opening session (archive photo)</p>"
         "<p class='image-copyright'>© A. Photographer</p></div>"
         "<p>The council met on Monday to agree on the budget for the coming year.</p>", "The council met on Monday"),
        ("<p>By the end of the week the council had agreed on the budget for the coming year.</p>",
         "By the end of the week"),
        ("<p>Budget: a kicker above the lead</p><p>29.06.2023, 15:04 | Reading time: 7 minutes</p>"
         "<p>The council met on Monday to agree on the budget for the coming year.</p>",
         "Budget: a kicker above the lead\n\nThe council met on Monday"),
    ],
    ids=["byline-block", "german-byline-with-two-names", "byline-opening-the-lead", "photo-caption-and-credit",
         "by-in-a-sentence-is-text", "date-line-below-a-kicker"],
)
def test_what_opens_a_text(opening: str, first_words: str) -> None:
    html = (f"<html><body><main><h1>The council agrees</h1><div class='text'>{opening}<p>{LONG}</p>"
            f"<p>{LONG} More.</p></div></main></body></html>")
    assert parse(html, "https://example.org/news/1", any_page=True).body.startswith(first_words)


@pytest.mark.parametrize(
    ("closing", "kept"),
    [
        ("<p>Bei Rückfragen oder zur Vereinbarung von Interviews stehen wir Ihnen jederzeit gerne zur Verfügung.</p>", False),
        ("<p>Wir vermitteln gern Expertinnen und Experten zum Thema.</p>", False),
        ("<p>Our director is available for interviews on request.</p>", False),
        ("<p>Die Mittel stehen den Ländern ab dem kommenden Jahr in voller Höhe zur Verfügung.</p>", True),
    ],
    ids=["rueckfragen", "experten-vermitteln", "available-for-interviews", "zur-verfuegung-in-a-sentence"],
)
def test_an_offer_to_the_newsroom_closes_a_text(closing: str, kept: bool) -> None:
    html = (f"<html><body><main><h1>The council agrees</h1><div class='text'><p>{LONG}</p><p>{LONG} More.</p>"
            f"{closing}</div></main></body></html>")
    body = parse(html, "https://example.org/news/1", any_page=True).body
    assert (closing[3:-4] in body) is kept


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


PARTS = [f"Part {n} of the report sets out, district by district, what the plan changes for the people who live there, and when, and what the council will ask of them in return." for n in range(1, 9)]


def test_a_related_box_inside_the_text_goes_and_the_text_after_it_stays() -> None:
    before = "".join(f"<p>{part}</p>" for part in PARTS[:5])  # past half the text: where end marks count
    after = "".join(f"<p>{part}</p>" for part in PARTS[5:])
    html = (f"<html><body><main><h1>The plan for the districts</h1><div class='text'>{before}"
            f"<div class='box'><h3>Related</h3></div><p><a href='/other'>Another story of the week</a></p>{after}</div></main></body></html>")
    body = parse(html, "https://example.org/news/1", any_page=True).body
    assert PARTS[0] in body and PARTS[7] in body
    assert "Related" not in body and "Another story" not in body


def test_a_related_box_at_the_end_still_ends_the_text() -> None:
    paragraphs = "".join(f"<p>{part}</p>" for part in PARTS[:5])
    html = (f"<html><body><main><h1>The plan for the districts</h1><div class='text'>{paragraphs}"
            "<h3>Related</h3><p>A teaser of another story, a sentence long, about something else entirely.</p>"
            "</div></main></body></html>")
    body = parse(html, "https://example.org/news/1", any_page=True).body
    assert PARTS[4] in body and "teaser of another story" not in body


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


def test_a_text_laid_out_in_a_grid_named_for_its_sidebar_is_kept() -> None:
    boxes = "".join(f"<div class='sidebar-grid__container'><div class='sidebar-grid__content'><p>{part}</p><p>{part} Again.</p>"
                    "</div><aside>Advertisement</aside></div>" for part in PARTS[:4])
    html = ("<html><body><header class='hero'><h1>The plan for the districts</h1></header><article>"
            f"<div class='sidebar-grid'>{boxes}</div><div class='sidebar'><p>Other news of the day, in a short line.</p></div>"
            "</article><div class='comments'><p>A reader wrote a comment about the plan, in a sentence or two.</p></div></body></html>")
    body = parse(html, "https://example.org/news/1", any_page=True).body
    assert PARTS[0] in body and PARTS[3] in body
    assert "Other news" not in body and "A reader wrote" not in body


def test_a_comment_thread_holding_most_paragraphs_is_still_furniture() -> None:
    comments = "".join(f"<div class='comment'><p>{part} I fully agree with this, says a reader.</p></div>" for part in PARTS)
    html = ("<html><body><h1>The plan for the districts</h1><article><p>The council agreed on the plan for the districts, "
            "at its meeting on Monday, after a long debate.</p><p>It takes effect next year, district by district.</p></article>"
            f"<div class='comments-area'>{comments}</div></body></html>")
    assert "says a reader" not in parse(html, "https://example.org/news/1", any_page=True).body


@pytest.mark.parametrize("line", ["Don't have an account? Create Account", "Sie haben kein gültiges Abo.",
                                  "Jetzt weiterlesen!", "Für 0.99 € können Sie diesen Artikel erwerben.", "Sie sind bereits Kunde?",
                                  "Il vous reste 57.09% de cet article à lire. La suite est réservée aux abonnés."])
def test_account_and_paywall_lines_inside_the_text_go(line: str) -> None:
    html = (f"<html><body><main><h1>The plan for the districts</h1><div class='text'><p>{PARTS[0]}</p><p>{line}</p>"
            f"<p>{PARTS[1]}</p><p>{PARTS[2]}</p></div></main></body></html>")
    body = parse(html, "https://example.org/news/1", any_page=True).body
    assert line not in body and PARTS[0] in body and PARTS[2] in body


LINKS = "".join(f"<a href='/story/{n}'>Another story of the week about the council, number {n}</a>" for n in range(6))


@pytest.mark.parametrize("tag", ["h2", "h3", "h4"])
def test_a_standfirst_set_as_a_heading_under_the_headline_opens_the_text(tag: str) -> None:
    standfirst = "The council has agreed a plan for every district, and it will take effect next spring after a vote."
    paragraphs = "".join(f"<p>{part}</p>" for part in PARTS[:4])
    html = (f"<html><body><main><article><div class='top'><h1>The plan for the districts</h1><{tag} class='summary'>{standfirst}</{tag}></div>"
            "<div class='media'><p>A photo of the council at its meeting.</p></div>"
            f"<div class='text'>{paragraphs}</div><div class='more'>{LINKS}</div></article></main></body></html>")
    assert parse(html, "https://example.org/news/1", any_page=True).body.startswith(standfirst)


def test_the_only_h1_heads_the_lead_however_it_words_the_headline() -> None:
    # The <h1> runs a kicker into a headline worded otherwise than the page's <title>.
    standfirst = "The council has agreed a plan for every district, and it will take effect next spring after a vote."
    paragraphs = "".join(f"<p>{part}</p>" for part in PARTS[:4])
    html = (f"<html><head><title>Council backs district plan after long debate</title></head><body><main><article>"
            f"<div class='top'><h1><span>Districts</span>A plan for each of them</h1><p class='intro'>{standfirst}</p></div>"
            "<div class='media'><p>A photo of the council at its meeting.</p></div>"
            f"<div class='text'>{paragraphs}</div><div class='more'>{LINKS}</div></article></main></body></html>")
    assert parse(html, "https://example.org/news/1", any_page=True).body.startswith(standfirst)


def test_an_articles_own_header_keeps_its_lead_not_its_lists() -> None:
    # The standfirst sits in the article's <header> beside the headline, a topic list and a deck;
    # the page's own <header> (the logo and menu) stays furniture.
    html = ("<html><body><header><h1>Site logo</h1><p>The site's own slogan, long enough to be a sentence of prose.</p></header>"
            "<article><header><h1>The council agrees</h1><ul><li>Topic one</li><li>Topic two</li></ul>"
            "<h3>A deck under the headline</h3><div>The lead of the text says in one long sentence what the council agreed today.</div>"
            f"</header><div class='text'><p>{LONG}</p><p>{LONG} More.</p><p>{LONG} Again.</p></div></article></body></html>")
    body = parse(html, "https://example.org/news/1", any_page=True).body
    assert body.startswith("The lead of the text says") and body.endswith("Again.")
    assert "Topic one" not in body and "A deck under" not in body and "slogan" not in body


def test_a_text_the_furniture_took_along_is_read_without_the_furniture_removal() -> None:
    # A wrapper named like a share bar holds the article's text; the article's header alone is short.
    html = ("<html><body><article><header><h1>The council agrees</h1><div>The council of the town met on Monday in the old hall by the harbour, with every member present.</div></header>"
            f"<div class='share-zone'><div class='text'><p>{LONG}</p><p>{LONG} More.</p><p>{LONG} Again.</p></div></div>"
            "</article></body></html>")
    body = parse(html, "https://example.org/news/1", any_page=True).body
    assert LONG in body and body.endswith("Again.")


def test_a_transcript_in_the_articles_footer_is_read_without_the_furniture_removal() -> None:
    # A video page: the <footer> (furniture by its tag) holds the transcript; what is left without it
    # is a line, a sign-up box and share lines, a few sentences long.
    transcript = "".join(f"<p>Speaker {n}: I got my dog {n} years ago, and since then, with him at my side, every day starts well "
                         "and ends well.</p>" for n in range(1, 9))
    html = ("<html><body><article><h1>What the dog thinks</h1><div class='video'><p>Press play to hear it, from the start.</p></div>"
            "<div class='signup'><p>Want more stories like this one? Try our daily e-mail and see for yourself, every morning, "
            "free of charge, with the best of the week on Sundays.</p></div><div class='buttons'>Share on Facebook. Share on "
            "Twitter. Send by e-mail. Copy the link. Print the page. Save it for later. Like it. Follow us on every network we "
            f"are on, and tell your friends about it.</div><footer><div class='transcript'>{transcript}</div></footer></article></body></html>")
    body = parse(html, "https://example.org/video/1", any_page=True).body
    assert "Speaker 1: I got my dog" in body and "Speaker 8" in body


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


def test_a_column_named_comment_in_a_table_of_paragraphs_does_not_end_the_text() -> None:
    row = "<tr><td><p>{}</p></td><td><p>{}</p></td></tr>"
    table = row.format("<b>State</b>", "<b>Comment</b>") + row.format("new", "The task waits for its first run.")
    html = (f"<html><body><h1>How tasks run</h1><div class='text'><p>{LONG}</p><p>{LONG} More.</p><table>{table}</table>"
            f"<p>{LONG} After the table.</p></div></body></html>")
    body = parse(html, "https://example.org/blog/tasks", any_page=True).body
    assert "The task waits" in body and body.endswith("After the table.")


@pytest.mark.parametrize(
    ("names", "furniture"),
    [("related-posts-container", True), ("comment-text", True), ("sidebar-content", True),
     ("PromoteRelatedPost-promo", True), ("main-content-with-sidebar", False), ("article-footer", False),
     ("shared-content", False)],
)
def test_a_content_word_after_a_furniture_word_names_the_furnitures_part(names: str, furniture: bool) -> None:
    node = LexborHTMLParser(f"<html><body><div class='{names}'>x</div></body></html>").body.css_first("div")
    assert is_furniture_by_name(node) is furniture


def test_a_related_box_inside_the_text_does_not_end_it() -> None:
    related = "<div class='related-posts-container'><h3>Related articles</h3><h2><a href='/a'>Another story</a></h2></div>"
    html = (f"<html><body><h1>The council agrees</h1><div class='text'><p>{LONG}</p><p>{LONG} More.</p><p>{LONG} Again.</p>"
            f"{related}<p>{LONG} After the box.</p></div></body></html>")
    body = parse(html, "https://example.org/news/1", any_page=True).body
    assert body.endswith("After the box.") and "Another story" not in body


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


def test_a_processing_instruction_in_the_text_is_skipped() -> None:
    assert blocks_of(f"<?php echo 'x'; ?><p>{LONG}</p><div><?php if (true) {{ ?>{LONG} Bare.</div>") == [LONG, f"{LONG} Bare."]


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


def test_what_an_inline_style_hides_is_not_text() -> None:
    # A paywall's copy of the text, hidden until a script shows it, after the text itself.
    paragraphs = "".join(f"<p>{part}</p>" for part in PARTS[:3])
    html = (f"<html><body><article><h1>The council agrees</h1><div class='text'>{paragraphs}</div>"
            f"<div class='paywall' style='display: none'>{PARTS[1]} {PARTS[2]}</div>"
            f"<div style='DISPLAY:NONE'><p>A dialog to log in, with a long sentence that reads as prose.</p></div></article></body></html>")
    body = parse(html, "https://example.org/news/1", any_page=True).body
    assert body.count(PARTS[2]) == 1 and "A dialog" not in body and body.startswith(PARTS[0])


def test_a_teaser_card_in_the_text_goes_and_a_lead_named_teaser_stays() -> None:
    # A card to another story (a picture, a link, its opening line) between two paragraphs; the
    # text's own lead in a box named "teaser" holds neither.
    card = ("<div class='teaser'><img src='/other.jpg' alt=''><div class='teasertext'><p>Another story of the week, on the "
            "harbour, and what the council said of it in the evening.</p><a href='/other'>more</a></div></div>")
    paragraphs = "".join(f"<p>{part}</p>" for part in PARTS[1:4])
    html = (f"<html><body><article><h1>The council agrees</h1><div class='text'><div class='teaser'><p class='teaser__text'>"
            f"{PARTS[0]}</p></div>{paragraphs}{card}<p>{PARTS[4]}</p></div></article></body></html>")
    body = parse(html, "https://example.org/news/1", any_page=True).body
    assert body.startswith(PARTS[0]) and body.endswith(PARTS[4]) and "Another story" not in body


@pytest.mark.parametrize(("caption", "kept"), [
    ("The mayor at the harbour on Monday. Bildrechte: Town/Jane Doe", False),
    ("The old hall by the harbour © Town archive", False),
    ("Photo: AFP", False),
    ("Das Team nach dem Spiel am Sonntag in der Halle (Foto: Jane Doe)", False),
    ("The guide © 2003 Jane Doe", True),  # a notice of copyright, not a picture's credit
    ("She told the paper: we will build it next year", True),
])
def test_a_caption_set_as_a_paragraph_goes_by_its_credit(caption: str, kept: bool) -> None:
    paragraphs = "".join(f"<p>{part}</p>" for part in PARTS[:4])
    html = (f"<html><body><article><h1>The council agrees</h1><div class='text'><p>{PARTS[4]}</p>"
            f"<div class='pic'><img src='/a.jpg' alt=''><p>{caption}</p></div>{paragraphs}</div></article></body></html>")
    assert (caption in parse(html, "https://example.org/news/1", any_page=True).body) is kept


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


@pytest.mark.parametrize(("after", "kept"), [
    # the text's last two paragraphs after an inline promo
    ("<p>The council will meet again in May, when the first districts report on the work so far, street by street.</p>"
     "<p>Until then, the mayor said, the plan is open to comments from everyone who lives or works in the town.</p>", True),
    # teasers: a headline, a blurb, a headline, a blurb
    ("<p>The harbour after the storm</p><p>What the council will do about the quay, and when, and at what cost to the town.</p>"
     "<p>A new school for the old town</p><p>The council voted for the plan on Monday, after a debate of three hours.</p>",
     False),
])
def test_the_last_paragraphs_after_an_inline_promo_stay(after: str, kept: bool) -> None:
    paragraphs = "".join(f"<p>{part}</p>" for part in PARTS[:6])
    html = (f"<html><body><main><h1>The plan for the districts</h1><div class='text'>{paragraphs}"
            f"<h4>Read more</h4><div class='box'><a href='/other'>Another story of the week</a></div>{after}</div></main></body></html>")
    body = parse(html, "https://example.org/news/1", any_page=True).body
    assert PARTS[5] in body and "Read more" not in body and ("the first districts report" in body or "debate of three" in body) is kept


def test_an_id_made_from_its_heading_is_no_furniture_name() -> None:
    # A slide's id spells its heading: "promoted" in it says nothing of the box ("promo" would).
    slides = "".join(f"<div class='slide' id='the-mayor-promoted-plan-{n}'><h2>The mayor promoted plan {n} in the hall</h2>"
                     f"<p>{PARTS[n]}</p></div>" for n in range(1, 4))
    html = (f"<html><body><article><h1>The council agrees</h1><div class='slides'><p>{PARTS[0]}</p>{slides}"
            "<div id='promo-box-of-the-week'><p>Our offer of the week: the paper for a year at half the price.</p></div>"
            "</div></article></body></html>")
    body = parse(html, "https://example.org/news/1", any_page=True).body
    assert "The mayor promoted plan 1" in body and PARTS[3] in body and "offer of the week" not in body


def test_a_thread_of_replies_under_the_text_is_furniture() -> None:
    replies = "".join(f"<article class='reply'><div class='reply-content'><p>{part} I agree, says a reader.</p></div></article>"
                      for part in PARTS[3:8])
    paragraphs = "".join(f"<p>{part}</p>" for part in PARTS[:3])
    html = (f"<html><body><div class='page'><article><h1>The council agrees</h1><div class='text'>{paragraphs}</div></article>"
            f"<section class='replies-wrapper'>{replies}</section></div></body></html>")
    body = parse(html, "https://example.org/news/1", any_page=True).body
    assert body.endswith(PARTS[2]) and "says a reader" not in body


def test_a_standfirst_set_as_an_h4_in_the_headlines_box_opens_the_text() -> None:
    standfirst = "The council has agreed a plan for every district, and it will take effect next spring after a vote."
    paragraphs = "".join(f"<p>{part}</p>" for part in PARTS[:4])
    html = (f"<html><body><main><div class='top'><h1>The plan for the districts</h1><div class='spot'><h4>{standfirst}</h4></div></div>"
            f"<div class='text'>{paragraphs}</div></main></body></html>")
    assert parse(html, "https://example.org/news/1", any_page=True).body.startswith(standfirst)


def test_the_header_of_a_pages_only_article_keeps_its_lead_without_the_headline() -> None:
    # The <h1> stands in a breadcrumb above the article; the article's <header> holds the lead.
    lead = "The lead of the text says in one long sentence what the council agreed today, and why it matters."
    paragraphs = "".join(f"<p>{part}</p>" for part in PARTS[:3])
    html = (f"<html><body><nav><ol><li><h1>The council agrees</h1></li></ol></nav><article><header><h2>The council agrees</h2>"
            f"<div class='intro'><p>{lead}</p></div></header><div class='text'>{paragraphs}</div></article></body></html>")
    assert parse(html, "https://example.org/news/1", any_page=True).body.startswith(lead)


def test_the_headers_of_teaser_articles_stay_furniture() -> None:
    teasers = "".join(f"<article><header><h3>Story {n}</h3><p>What the council said of story {n}, in the evening, "
                      "after a long debate, and what it will do next.</p></header></article>" for n in range(4))
    paragraphs = "".join(f"<p>{part}</p>" for part in PARTS[:3])
    html = (f"<html><body><main><h1>The council agrees</h1><div class='text'>{paragraphs}</div>"
            f"<div class='list'>{teasers}</div></main></body></html>")
    assert "What the council said of story" not in parse(html, "https://example.org/news/1", any_page=True).body


def test_a_caption_under_the_headline_is_no_lead() -> None:
    caption = "The mayor (right) looks on as the members of the council vote on the plan in the old hall on Monday."
    paragraphs = "".join(f"<p>{part}</p>" for part in PARTS[:3])
    html = (f"<html><body><div class='top'><h1>The council agrees</h1><div class='photo'><img src='/a.jpg' alt=''>"
            f"<div class='photo-caption'>{caption}</div></div></div><main><div class='text'>{paragraphs}</div></main>"
            f"<div class='more'>{LINKS}</div></body></html>")
    body = parse(html, "https://example.org/news/1", any_page=True).body
    assert body.startswith(PARTS[0]) and "looks on" not in body


@pytest.mark.parametrize(("line", "kept"), [
    ("21 mins ago11:48 Jane Okafor", False),
    ("20:24Jane Okafor", False),
    ("At 20:24 the council voted for the plan, by a show of hands.", True),
])
def test_a_live_blogs_entry_stamp_is_no_text(line: str, kept: bool) -> None:
    html = (f"<html><body><main><h1>The council agrees: live</h1><div class='text'><p>{PARTS[0]}</p><div class='info'>"
            f"<time>{line}</time></div><p>{PARTS[1]}</p><p>{PARTS[2]}</p></div></main></body></html>")
    assert (line in parse(html, "https://example.org/news/1", any_page=True).body) is kept


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


CALL = ("Support independent reporting! Our aim is an informed public, since only informed citizens can solve "
        "problems by democratic means, and we need your help for it.")


@pytest.mark.parametrize(
    ("inner", "expected"),
    [
        (f"<p>{LONG}</p><h3>One</h3><p>{LONG}</p><h3>Two</h3><p>{LONG}</p>", [LONG, "One", LONG, "Two", LONG]),
        (f"<p>{LONG}</p>" * 3, [LONG] * 3),
        (f"<p>{PARTS[0]}</p><p>{PARTS[1]}</p><p>{PARTS[2]}</p><div class='teaser'><p>{PARTS[0]}</p></div>", PARTS[:3]),
        (f"<p>{PARTS[0]}</p><p>{CALL}</p><p>{PARTS[1]}</p><p>{CALL}</p><p>{PARTS[2]}</p><p>{CALL}</p>",
         [PARTS[0], CALL, PARTS[1], PARTS[2]]),
    ],
    ids=["filler-between-headings", "one-paragraph-over-and-over", "lead-again-in-a-teaser", "call-after-every-section"],
)
def test_a_repeated_paragraph_stays_only_when_it_is_most_of_the_text(inner: str, expected: list[str]) -> None:
    assert blocks_of(inner) == expected


@pytest.mark.parametrize(
    ("attributes", "furniture"),
    [("class='user-post-box' id='comment-box'", True), ("class='post-body' id='related-posts'", True),
     ("class='entry-content' id='main-content-sidebar'", False), ("class='article-body' id='story'", False),
     ("class='post-content share-enabled'", False)],
    ids=["comment-id-on-a-post-class", "related-id", "content-id", "no-furniture-id", "furniture-word-in-a-class"],
)
def test_an_id_naming_furniture_outweighs_a_content_word_in_the_class(attributes: str, furniture: bool) -> None:
    node = LexborHTMLParser(f"<html><body><div {attributes}>x</div></body></html>").body.css_first("div")
    assert is_furniture_by_name(node) is furniture


def test_a_thread_of_replies_beside_the_text_is_furniture() -> None:
    # Readers' replies, as long as a good part of the text, in the column that holds the article.
    replies = "".join(f"<article class='reply'><p>{part} I tried this for years, a reader replies.</p></article>" for part in PARTS[:3])
    html = ("<html><body><div class='main-column'><section class='wrapper'><article class='post'><h1>The plan for the districts</h1>"
            f"<div class='post-content'>{''.join(f'<p>{part}</p>' for part in PARTS)}</div></article></section>"
            f"<section class='js_replies'><div class='replies-wrapper'>{replies}</div></section></div></body></html>")
    body = parse(html, "https://example.org/news/1", any_page=True).body
    assert PARTS[7] in body and "a reader replies" not in body


def test_the_container_widens_no_higher_than_the_box_that_holds_the_headline() -> None:
    # Beside the article's box, other stories in brief, each a short paragraph under a time: prose,
    # more of it than the text, but not this text.
    items = "".join(f"<div class='item'><span>10:{n:02}</span><p>Elsewhere today, in another town, story number {n} "
                    "happened, and people talked about it.</p></div>" for n in range(1, 9))
    html = ("<html><body><div class='page'><div class='wrapper'><div class='article'><h1>The plan for the districts</h1>"
            f"<div class='content'>{''.join(f'<p>{part}</p>' for part in PARTS[:4])}</div></div></div>{items}</div></body></html>")
    body = parse(html, "https://example.org/news/1", any_page=True).body
    assert body.startswith(PARTS[0]) and body.endswith(PARTS[3])


def test_a_sign_up_form_in_the_text_is_furniture() -> None:
    # A newsletter box between two paragraphs: its prompt and its consent line are bare text in a form.
    signup = ("<div class='cta'><form action='/signup'><h2>The weekly letter</h2>Every Friday, the best of our reporting."
              "<input type='email' name='email'> By signing up, you confirm that you are old enough and accept "
              "our occasional offers, which you may stop at any time.<button>Sign up</button></form></div>")
    html = (f"<html><body><article><h1>The council agrees</h1><div class='text'><p>{PARTS[0]}</p><p>{PARTS[1]}</p>"
            f"{signup}<p>{PARTS[2]}</p><p>{PARTS[3]}</p></div></article></body></html>")
    body = parse(html, "https://example.org/news/1", any_page=True).body
    assert PARTS[3] in body and "best of our reporting" not in body and "confirm" not in body


def test_a_form_around_the_whole_page_stays_whatever_fields_it_holds() -> None:
    # ASP.NET sets one form around the page: its footer's newsletter field does not make the text a sign-up box.
    paragraphs = "".join(f"<p>{part}</p>" for part in PARTS[:4])
    html = (f"<html><body><form id='page'><div class='text'>{paragraphs}</div>"
            "<div class='foot'><input type='email' name='letter'></div></form></body></html>")
    assert PARTS[3] in parse(html, "https://example.org/news/1", any_page=True).body


@pytest.mark.parametrize(
    ("opening", "kept"),
    [
        ("Vienna, 12 May 2024 - The council met and decided.", True),
        ("On 12 May 2024, the council met.", True),
        ("Posted: April 21, 2022", False),
        ("Last updated on 3 June 2024 at 10 a.m.", False),
        ("Stand: 28.04.2023 16:11 Uhr", False),
        ("3 June 2024 | 4 min read.", False),
    ],
)
def test_a_short_sentence_with_a_date_opens_the_text_but_a_stamp_does_not(opening: str, kept: bool) -> None:
    assert (opening in blocks_of(f"<p>{opening}</p><p>{LONG}</p><p>{LONG} Two.</p>")) is kept


@pytest.mark.parametrize(
    "line",
    [
        "For the latest news of the county, download the Courier apps for iOS and Android.",
        "Síguenos en Telegram y en Instagram para recibir todas las noticias del día.",
        "Abonniere unseren WhatsApp-Kanal und du bekommst die wichtigsten Meldungen jeden Morgen.",
        "Did you know we have a Telegram channel? Join it from your phone with this link.",
        "Town Hall Weekly: sign up for our council newsletter to get it every Monday.",
        "Get our free morning email with the day's council news, straight to your inbox.",
        "Mit meiner Anmeldung zum Newsletter bin ich mit den Bedingungen einverstanden.",
    ],
)
def test_a_call_to_follow_the_site_elsewhere_is_no_text(line: str) -> None:
    assert blocks_of(f"<p>{LONG}</p><p>{line}</p><p>{LONG} Two.</p>") == [LONG, f"{LONG} Two."]


def test_a_sentence_about_an_app_stays() -> None:
    line = "The council will launch its own app next year, so residents can report broken street lights."
    assert line in blocks_of(f"<p>{LONG}</p><p>{line}</p><p>{LONG} Two.</p>")


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


def test_a_blog_posts_footer_line_ends_the_text() -> None:
    footer = ("Posted by the editors on 3 May 2024. Filed under Council. You can follow any responses to this entry "
              "through the RSS 2.0 feed. Both comments and pings are currently closed.")
    assert blocks_of(f"<p>{LONG}</p><p>{LONG} Two.</p><p>{footer}</p>") == [LONG, f"{LONG} Two."]


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("Deals of the day • A phone for 399 € • Four batteries for 17 € • A sports watch for 194 € [Advert]", False),
        ("Imprint | Privacy | Copyright the Courier | A project of the town", False),
        ("What to know: • Book online only • No walk-ins • More tickets come out today at 2 p.m. for the tours.", True),
    ],
)
def test_a_trailing_line_of_items_is_no_text_unless_they_are_sentences(line: str, kept: bool) -> None:
    assert (line in blocks_of(f"<p>{LONG}</p><p>{LONG} Two.</p><p>{line}</p>")) is kept


def test_the_authors_bio_under_the_text_is_furniture() -> None:
    paragraphs = "".join(f"<p>{part}</p>" for part in PARTS[:4])
    html = (f"<html><body><article><h1>The council agrees</h1><div class='text'>{paragraphs}"
            "<div class='meta'><div class='author-bio'><p>Jane Doe covers the council for the Courier and has "
            "written two books on the city's history.</p></div></div></div></article></body></html>")
    body = parse(html, "https://example.org/news/1", any_page=True).body
    assert body.endswith(PARTS[3]) and "Jane Doe" not in body


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("Pictured from left are the mayor, Jane Doe, and the head of the council, John Roe, at the town hall.", False),
        ("Pictured in 2019 at the opening of the hall, the mayor has led the council since. She said the plan "
         "was long overdue. The vote came after two years of debate. It passed by a wide margin.", True),
    ],
)
def test_a_caption_that_says_what_the_picture_shows_is_no_text(line: str, kept: bool) -> None:
    assert (line in blocks_of(f"<p>{LONG}</p><p>{line}</p><p>{LONG} Two.</p>")) is kept


@pytest.mark.parametrize(
    "line",
    [
        "Empfohlener redaktioneller Inhalt",
        "Ich bin einverstanden, dass mir externe Inhalte angezeigt werden; dabei gehen Angaben an andere Anbieter.",
        "Ich habe die Datenschutzhinweise gelesen und bin einverstanden.",
        "I have read and accept the privacy policy.",
    ],
)
def test_the_consent_line_of_an_embed_or_a_form_is_no_text(line: str) -> None:
    assert blocks_of(f"<p>{LONG}</p><p>{line}</p><p>{LONG} Two.</p>") == [LONG, f"{LONG} Two."]


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("This article contains affiliate links. The products were chosen by our reporters.", False),
        ("Anzeige, enthält Affiliate Links", False),
        ("Many shops run offers that we gather here. The offers below carry affiliate links, and we earn a share.", True),
    ],
)
def test_a_disclosure_of_affiliate_links_is_no_text_when_it_says_so_first(line: str, kept: bool) -> None:
    assert (line in blocks_of(f"<p>{line}</p><p>{LONG}</p><p>{LONG} Two.</p>")) is kept


@pytest.mark.parametrize(
    "line",
    [
        "The new service is free to use and available on iOS and Android.",
        "A Telegram channel close to the militia said the depot had burned for hours.",
        "The ministry said it would publish its own app for Android later this year.",
        "Residents can download the app for Android from Tuesday, the mayor said.",
        "The mayor asked the crowd to follow us on the road to a greener town.",
    ],
)
def test_a_sentence_about_apps_and_channels_stays(line: str) -> None:
    assert line in blocks_of(f"<p>{LONG}</p><p>{line}</p><p>{LONG} Two.</p>")


def test_name_parts_are_asked_of_lexbor_only_where_some_name_holds_them() -> None:
    from selectolax.lexbor import LexborHTMLParser

    from scraper.furniture import NamedBy

    body = LexborHTMLParser(
        "<body><div class='Cookie-Bar'>x</div><div id='SHARE-box'>y</div><div class='plain'>z</div></body>"
    ).body
    found = NamedBy(("cookie", "share", "absent")).under(body)
    assert [node.text() for node in found] == ["x", "y"]
    assert NamedBy(("cookie",), ids=False).under(body)[0].text() == "x"
    assert NamedBy(("share",), ids=False).under(body) == []
    with pytest.raises(ValueError):
        NamedBy(("Cookie",))


@pytest.mark.parametrize(
    ("heading", "kept"),
    [("<h3><a href='#the-budget'>What the budget pays for</a></h3>", True),
     ("<h3 id='the-budget'>What the budget pays for <a href='#the-budget'>#</a></h3>", True),
     ("<h3><a href='/news/the-budget'>What the budget pays for</a></h3>", False),
     ("<h3><a href='#'>What the budget pays for</a></h3>", False),
     ("<h3><a name='the-budget' class='jump'>What the budget pays for</a></h3>", True)],
    ids=["linked-to-its-anchor", "with-a-permalink-mark", "linked-elsewhere", "linked-for-a-script", "set-in-an-anchor"],
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


@pytest.mark.parametrize(
    ("line", "kept"),
    [("-- Jane Doe", True), ("— Compiled by Jane Doe", True), ("Reporting by Jane Doe; Editing by John Roe", True),
     ("(Additional reporting by Jane Doe)", True), ("— Advertisement —", False),
     ("— Jane Doe (@janedoe) May 2, 2024", False), ("Topics: Budget, Council", False)],
    ids=["dash-and-name", "compiled-by", "agency-credits", "additional-reporting", "label-between-dashes",
         "embedded-posts-signature", "a-trailing-label"],
)
def test_a_news_texts_sign_off_closes_it(line: str, kept: bool) -> None:
    blocks = blocks_of(f"<p>{LONG}</p><p>{LONG} End.</p><p>{line}</p>")
    assert (blocks[-1] == line) is kept


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
