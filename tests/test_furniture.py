"""scraper/furniture.py on inline pages written for these tests: what is page furniture, and what stays."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from scraper import parse
from scraper.furniture import is_furniture_by_name, strip_furniture
from tests.inline_pages import LONG, PARTS


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


LAYOUT_TEXT = "".join(f"<p>{part}</p>" for part in PARTS[:4])


@pytest.mark.parametrize(
    ("page", "kept", "removed"),
    [
        # the text set in a page section that is a <header> (the headline sits elsewhere)
        (f"<header class='site'><a href='/'>Logo</a><nav>Menu words</nav></header><div><h1>Title</h1></div>"
         f"<header class='section_blog-post-content'><div class='rich-text'>{LAYOUT_TEXT}</div></header>",
         PARTS[3], "Menu words"),
        # a wrapper of the text and its sidebar, named for the sidebar
        (f"<div><h1>Title</h1></div><section class='inline-and-sidebar-container'><div class='col'>{LAYOUT_TEXT}</div>"
         "<div class='sidebar'><p>Widget words</p></div></section>", PARTS[3], "Widget words"),
        # a real sidebar with paragraphs of its own, beside a longer text: furniture still
        (f"<div><h1>Title</h1>{LAYOUT_TEXT}{LAYOUT_TEXT}</div><div class='sidebar'>"
         + "".join(f"<p>Widget words, a blurb of another story that runs on for a line. {n}</p>" for n in range(3))
         + "</div>", PARTS[3], "Widget words"),
    ],
    ids=["text-in-a-header-section", "wrapper-named-for-its-sidebar", "sidebar-with-paragraphs-beside-longer-text"],
)
def test_a_box_holding_most_of_the_paragraphs_is_the_layout(page: str, kept: str, removed: str) -> None:
    tree = LexborHTMLParser(f"<html><body>{page}</body></html>")
    strip_furniture(tree.body)
    text = tree.body.text()
    assert kept in text and removed not in text


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


def test_the_authors_bio_under_the_text_is_furniture() -> None:
    paragraphs = "".join(f"<p>{part}</p>" for part in PARTS[:4])
    html = (f"<html><body><article><h1>The council agrees</h1><div class='text'>{paragraphs}"
            "<div class='meta'><div class='author-bio'><p>Jane Doe covers the council for the Courier and has "
            "written two books on the city's history.</p></div></div></div></article></body></html>")
    body = parse(html, "https://example.org/news/1", any_page=True).body
    assert body.endswith(PARTS[3]) and "Jane Doe" not in body


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
    ("names", "furniture"),
    [
        ("node node--type-recipe node--promoted node--view-mode-full", False),  # Drupal's state: promoted to the front page
        ("node node--promoted promo-box", True),
        ("promoted-stories", True),
        ("promo", True),
    ],
)
def test_a_state_named_promoted_is_no_promotion_box(names: str, furniture: bool) -> None:
    node = LexborHTMLParser(f"<html><body><div class='{names}'>x</div></body></html>").body.css_first("div")
    assert is_furniture_by_name(node) is furniture
