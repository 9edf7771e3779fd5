"""scraper/block_filters.py on inline pages written for these tests: which blocks read are not the text's words,
and where the text ends."""

from __future__ import annotations

import pytest

from scraper import parse
from tests.inline_pages import LONG, PARTS, blocks_of


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


@pytest.mark.parametrize("line", ["Don't have an account? Create Account", "Sie haben kein gültiges Abo.",
                                  "Jetzt weiterlesen!", "Für 0.99 € können Sie diesen Artikel erwerben.", "Sie sind bereits Kunde?",
                                  "Il vous reste 57.09% de cet article à lire. La suite est réservée aux abonnés."])
def test_account_and_paywall_lines_inside_the_text_go(line: str) -> None:
    html = (f"<html><body><main><h1>The plan for the districts</h1><div class='text'><p>{PARTS[0]}</p><p>{line}</p>"
            f"<p>{PARTS[1]}</p><p>{PARTS[2]}</p></div></main></body></html>")
    body = parse(html, "https://example.org/news/1", any_page=True).body
    assert line not in body and PARTS[0] in body and PARTS[2] in body


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


@pytest.mark.parametrize(("line", "kept"), [
    ("21 mins ago11:48 Jane Okafor", False),
    ("20:24Jane Okafor", False),
    ("At 20:24 the council voted for the plan, by a show of hands.", True),
])
def test_a_live_blogs_entry_stamp_is_no_text(line: str, kept: bool) -> None:
    html = (f"<html><body><main><h1>The council agrees: live</h1><div class='text'><p>{PARTS[0]}</p><div class='info'>"
            f"<time>{line}</time></div><p>{PARTS[1]}</p><p>{PARTS[2]}</p></div></main></body></html>")
    assert (line in parse(html, "https://example.org/news/1", any_page=True).body) is kept


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


@pytest.mark.parametrize(
    ("line", "kept"),
    [("-- Jane Doe", True), ("— Compiled by Jane Doe", True), ("Reporting by Jane Doe; Editing by John Roe", True),
     ("Additional reporting by Jane Doe", True), ("— Advertisement —", False), ("— Advertisement", False),
     ("- Read more", False), ("— Story continues below", False),
     ("— Jane Doe (@janedoe) May 2, 2024", False), ("Topics: Budget, Council", False)],
    ids=["dash-and-name", "compiled-by", "agency-credits", "additional-reporting", "label-between-dashes",
         "a-label-after-a-dash", "a-link-after-a-dash", "a-notice-after-a-dash",
         "embedded-posts-signature", "a-trailing-label"],
)
def test_a_news_texts_sign_off_closes_it(line: str, kept: bool) -> None:
    blocks = blocks_of(f"<p>{LONG}</p><p>{LONG} End.</p><p>{line}</p>")
    assert (blocks[-1] == line) is kept
