"""Which part of a page is the release, and which of its blocks are text: pure, on a parsed tree.

Three steps, each cheap:
1. `strip_furniture` removes what is never release text (menus, footers, share bars, cookie banners,
   modals, related links, comments) by selectors: tags and roles first, then class and id names,
   where a name that also says "content" or "article" is spared (`article-footer` may be furniture,
   but `main-content-with-sidebar` is not), and so is every wrapper of the headline or of a marked
   article body, whatever its name ("container right-sidebar" around the whole article).
2. `main_nodes` scores the page's paragraphs: each adds to its parent and (less) to its grandparent,
   by its length and commas (its link text not counting as prose, nor a teaser card's text inside
   its link), so the element that directly holds the most prose wins (a wrapper's own
   text between its blocks counts for the wrapper; a table that wins hands over to its parent, a table
   of facts being one block of a text); it widens to an ancestor while that brings a tenth more prose
   net of other text (no higher than the box that holds the headline too), then siblings of it and
   of its nearest ancestors (wrappers of it alone do not count as levels) that hold a paragraph's
   worth of prose, or any prose when named like it, join it in page order (a lead in the headline's
   box, a text split over boxes, one box per step).
   Readability's idea, on selectors.
3. `text_blocks` walks those nodes once in page order: paragraphs, list items, sub-headings (an <h1>
   below the text's opening too, not the headline of a story stacked under it), quoted
   paragraphs, table rows and runs of bare text between them are blocks; link lists, share lines,
   captions set as paragraphs (signed "Foto: ...", or opening "Pictured ..."), a headline group's
   headings, calls to follow the site or get its newsletter, consent lines of embeds and forms,
   disclosures of affiliate links and markup shown as text are not; the release ends at a trailing
   "Contact" / "Related" / "Last updated" block, a press-contact paragraph, a call to give or
   subscribe, a blog post's footer line or a line of items run together ("a • b • c • d"); a news
   text's sign-off ("-- Jane Doe", "Reporting by ...; Editing by ...") is its last line, not a caption.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from selectolax.lexbor import LexborNode as Node

from scraper.dates import find_date

WHITESPACE = re.compile(r"\s+")
# Soft hyphens and zero-width characters: invisible on the page, noise in the text.
INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")

# A form asking for an e-mail address signs the reader up for something: never the text. (A form
# around the whole page, as ASP.NET writes one, holds the text's paragraphs and stays.)
SIGNUP_FORM = "form:has(input[type=email i])"
# Furniture by tag and role, always removed.
FURNITURE_TAGS = (
    "header, footer, nav, aside, menu, dialog, form[role=search], [role=navigation], [role=banner], "
    "[role=contentinfo], [role=search], [role=complementary], [role=dialog], [role=alertdialog], "
    "[aria-hidden=true], [hidden], [itemprop=comment], .visually-hidden, .sr-only, .element-invisible, "
    # what an inline style hides: a paywall's copy of the text, a closed dialog
    '[style*="display:none" i], [style*="display: none" i], '
    # a sign-up box: a form that asks for an e-mail address (a newsletter, a "get alerts" prompt)
    f"{SIGNUP_FORM}"
)
# Furniture by class or id name (case-insensitive substrings). Some names never hold the release;
# others ("navigation", "slider", "skip") also turn up on wrappers of the text (`left-navigation-
# wrapper`, ReadSpeaker's `rs_skip`), so an element with those is spared when it holds paragraphs.
FURNITURE_NAME_PARTS = (
    "breadcrumb", "cookie", "consent", "gdpr", "share", "sharing", "social", "related", "newsletter",
    "subscribe", "comment", "replies", "disqus", "sidebar", "footer", "navbar", "advert", "sponsor", "promo",
    "pagination", "pager", "popup", "modal", "toolbar", "print-link", "tag-list", "taglist", "tagcloud",
    "author-box", "author-bio", "authorbio", "about-the-author", "teaser-list", "login", "flyout", "notification",
)
SOFT_FURNITURE_NAME_PARTS = (
    "navigation", "menu", "banner", "skip", "rating", "feedback", "byline", "carousel", "slider",
    "gallery", "lightbox", "caption", "copyright", "search",
)
# ... and a teaser is furniture when it is a card: it links elsewhere ("more") or shows a picture.
# German CMS also name the text's own lead "teaser" ("teaser__text" above the first paragraph).
CARD_FURNITURE_NAME_PARTS = ("teaser",)
CARD_PARTS = "a[href], img, picture"
# An id is the one element's name: one that names furniture (and no text of its own) decides, whatever
# content word the class holds ("user-post-box" with the id "comment-box").
FURNITURE_ID = re.compile("|".join(FURNITURE_NAME_PARTS), re.IGNORECASE)

# What a class and id say is read once per distinct pair: a page repeats them on every card, menu item
# and paragraph (a few hundred distinct names for some thousands of elements), and its site's next page
# repeats them again. The caches are bounded by entries (class strings average some 40 characters).
NAMES_CACHE = 8192
NAMED = "[class], [id]"


@dataclass(frozen=True)
class NamedBy:
    """The elements whose class (and id, with `ids`) holds one of `parts`, in any case: what the
    selectors `[class*="part" i], [id*="part" i]` match.

    Lexbor tries each such selector on every element (some 50 ns a try): `under(root)` first reads
    which parts the names under `root` hold at all, in one pass, and asks for those only."""

    parts: tuple[str, ...]
    ids: bool = True

    def __post_init__(self) -> None:
        # NamesUnder finds a part in lower-cased names: a part must be written so to be found.
        if any(not part.isascii() or part != part.lower() for part in self.parts):
            raise ValueError(f"name parts must be lower-case ASCII: {self.parts}")

    def under(self, root: Node, names_under: NamesUnder | None = None) -> list[Node]:
        held = (names_under or NamesUnder(root)).holding(self)
        return root.css(self.selector(held)) if held else []

    def selector(self, parts: tuple[str, ...]) -> str:
        attributes = ("class", "id") if self.ids else ("class",)
        return ", ".join(f'[{attribute}*="{part}" i]' for part in parts for attribute in attributes)


class NamesUnder:
    """Every class and every id of a node and of the elements under it (lexbor's `css` matches the
    node itself too), lower-cased into two strings: a part none of them holds matches no element
    there (nor later, as removing furniture only takes elements away).

    Exact, not a guess: lexbor's `i` flag folds ASCII letters only, and `str.lower()` folds at least
    those, so every name lexbor would match holds the part once lower-cased (the few non-ASCII
    letters lower() folds to ASCII, "K" to "k", only make a part look held: lexbor then finds nothing)."""

    def __init__(self, root: Node) -> None:
        classes: list[str] = []
        ids: list[str] = []
        for node in root.css(NAMED):
            attributes = node.attributes
            classes.append(attributes.get("class") or "")
            ids.append(attributes.get("id") or "")
        # "\n" between names, which no part holds: a part is found inside one name, never across two.
        self.classes = "\n".join(classes).lower()
        self.ids = "\n".join(ids).lower()

    def holding(self, named_by: NamedBy) -> tuple[str, ...]:
        """The parts some class (or id) holds."""
        return tuple(part for part in named_by.parts
                     if part in self.classes or (named_by.ids and part in self.ids))
FURNITURE_NAMES = NamedBy(FURNITURE_NAME_PARTS)
SOFT_FURNITURE_NAMES = NamedBy(SOFT_FURNITURE_NAME_PARTS)
CARD_FURNITURE_NAMES = NamedBy(CARD_FURNITURE_NAME_PARTS)
NO_NAMES = NamedBy(())
# Before scoring, only the commonest names are looked for, on the whole page (each name costs a pass
# over every element); the full list then runs inside the chosen container only.
PAGE_FURNITURE_NAMES = NamedBy(("cookie", "consent", "comment", "related", "share", "social", "newsletter", "sidebar",
                                "footer", "breadcrumb", "modal", "popup", "notification"), ids=False)
PAGE_SOFT_FURNITURE_NAMES = NamedBy(("navigation", "menu"), ids=False)
# Any furniture word, to tell whether a class says furniture (`is_anchor_of_its_text`).
FURNITURE_PART = re.compile("|".join(FURNITURE_NAME_PARTS + SOFT_FURNITURE_NAME_PARTS + CARD_FURNITURE_NAME_PARTS), re.IGNORECASE)
# An id made from a heading spells its first words, joined by hyphens or underscores.
ANCHOR_SEPARATORS = re.compile(r"[-_]+")
MIN_ANCHOR_WORDS = 3
ANCHOR_TEXT_CHARS = 200
WORD = re.compile(r"\w+")
# An element with a soft furniture name that holds this many real paragraphs is a text wrapper.
SPARING_PARAGRAPHS = 2
SPARING_PARAGRAPH_CHARS = 60
CONTENT_NAMES = re.compile(r"content|article|body|main|story|text|post|entry", re.IGNORECASE)
# ... but not a content word that names the furniture's own part, after it in one name:
# "related-posts", "comment-text", "sidebar-content", "share-content".
# "relatedPost", "RelatedPost" (camel case) too. Matched on what precedes the content word in its name.
FURNITURE_BEFORE_CONTENT = re.compile(rf"(?:{'|'.join(FURNITURE_NAME_PARTS)})s?([-_](?:[a-z0-9]+[-_])*)?$", re.IGNORECASE)
# The headline and a marked article body: their wrappers are never furniture.
TEXT_ANCHORS = "h1, [itemprop=articleBody]"
UNPROTECTED_BOXES = frozenset({"header", "nav", "footer"})
# ... except an article's own <header> (HTML's sectioning rule): the headline's box inside an
# <article>, which often holds the standfirst or the whole lead beside the date and the byline.
ARTICLE_HEADER = "header"
# Of that box only the prose is text: the headline is the record's title, and its lists (topics,
# share buttons) and sub-headings (a kicker, a deck) are not the release's words.
NOT_TEXT_IN_ARTICLE_HEADER = "ul, ol, dl, h2, h3, h4, h5, h6"
# Elements whose removal would take the page with them, whatever their names say.
NEVER_REMOVED = frozenset({"html", "body", "main", "article"})

# Prose the scorer weighs: paragraphs, and <div>s of bare text (sites that never write <p>).
PROSE = "p, pre, li, h2, h3, h4"
LIST_ITEMS = frozenset({"li", "h2", "h3", "h4"})
BARE_TEXT_CONTAINERS = "div, section, td"
BLOCK_TAGS = "p, li, blockquote, h2, h3, h4, h5, h6, pre, dd"
# A <div> holding one of these is a wrapper, not a paragraph of bare text.
NESTED_BLOCKS = "p, li, blockquote, h1, h2, h3, h4, h5, h6, pre, div, table, ul, ol, dl, section"
NESTED_BLOCK_TAGS = frozenset(tag.strip() for tag in NESTED_BLOCKS.split(","))
# What a caption or a data table says is not release text.
NOT_TEXT_WALKED = (
    "figure, figcaption, picture, video, audio, .caption, .wp-caption-text, "
    # what a picture shows, written beside it: "image-alt", "image-caption", "Bildunterschrift"
    '[class*="image-alt" i], [class*="image-caption" i], [class*="img-caption" i], [class*="bildunterschrift" i], '
    '[class*="imagecaption" i], [class*="photo-caption" i], [class*="photocaption" i], '
    # and who took it: "image-copyright", "photo-credit"
    '[class*="image-description" i], [class*="image-copyright" i], [class*="image-credit" i], [class*="photo-credit" i], .credit'
)
# A headline group's headings are the page's headline (set as an <h2>, with its kicker) or a teaser's,
# not text; but one written as sentences is the standfirst (an "intro" <h2> under the <h1>).
HEADLINE_GROUP_HEADINGS = "hgroup h1, hgroup h2, hgroup h3, hgroup h4, hgroup h5, hgroup h6"
STANDFIRST_ENDS = (".", "!", "…")
# Captions: what the walk does not read, and what the furniture removal takes from a box that joins.
CAPTIONS = f'{NOT_TEXT_WALKED}, [class*="caption" i]'
# A profile's named blocks never read a table; the walk reads a table of facts row by row.
NOT_TEXT = f"table, {NOT_TEXT_WALKED}"
MIN_PROSE_CHARS = 25
# Walking a container: inline elements continue a run of text, these blocks are read whole (as
# `block_text` reads them), and these are skipped (the headline, which the record holds apart).
INLINE_TAGS = frozenset({
    "a", "span", "b", "strong", "em", "i", "u", "small", "sup", "sub", "font", "abbr", "cite", "q", "mark",
    "time", "code", "s", "strike", "del", "ins", "big", "tt", "var", "kbd", "nobr", "acronym", "bdi", "bdo",
    "data", "label", "wbr", "br", "img",
})
WALKED_BLOCKS = frozenset({"p", "li", "blockquote", "h2", "h3", "h4", "h5", "h6", "pre", "dd"})
SKIPPED_IN_WALK = frozenset({"h1", "script", "style", "head", "title"})
# ... the headline, that is: an <h1> after a paragraph of this much prose heads a section of the text.
HEADLINE_TAG = "h1"
MIN_OPENING_CHARS = 80
MAX_SECTION_HEADING_CHARS = 120
HEADLINE_NAMES = re.compile(r"headline|title", re.IGNORECASE)
HEADLINE_BOXES = frozenset({"article", "header"})
POSITIVE_NAMES = re.compile(r"article|body|content|entry|main|page|post|text|blog|story|release|meldung|artikel|news-detail", re.IGNORECASE)
NEGATIVE_NAMES = re.compile(
    r"comment|meta|footer|footnote|sidebar|related|share|social|teaser|promo|widget|nav|menu|aside|"
    r"breadcrumb|banner|contact|kontakt|info-?box|tags|more|list",
    re.IGNORECASE,
)
TAG_WEIGHT = {"div": 5, "article": 10, "main": 5, "section": 3, "td": 3, "blockquote": 3, "pre": 3,
              "form": -3, "ul": -3, "ol": -3, "li": -3, "dl": -3, "dd": -3, "dt": -3, "address": -3,
              "h1": -5, "h2": -5, "h3": -5, "h4": -5, "h5": -5, "h6": -5, "th": -5}
NAME_WEIGHT = 25
# Widening the best node to an ancestor pays when it brings more prose than other text times this.
OTHER_TEXT_WEIGHT = 2.0
# ... and brings a tenth more of it: a near tie is no reason to take a page's forms and teasers along.
MIN_WIDENING_SHARE = 0.1
# A sibling of the container (or of its ancestors, this many levels up) joins it with this much
# prose net of other text (characters).
MIN_SIBLING_PROSE = 80
SIBLING_LEVELS = 3
SIBLING_AFTER_SHARE = 0.3
# A table whose rows hold the most prose between them (cells of a table of facts, each crediting its
# row and, less, the table) is a block of the text around it, not the text's container: the scorer
# starts from the table's parent. (A layout table's text cell makes its row the best, not the table.)
TABLE_BODIES = frozenset({"table", "tbody", "thead", "tfoot"})
NOT_SIBLING_TAGS = frozenset({"h1", "script", "style", "form", "ul", "ol", "table", "nav", "aside", "header", "footer"})
# A paragraph beside the container (an intro above a table, a lead above the text's box, a summary set as
# a heading) joins by its own prose.
SIBLING_PARAGRAPHS = frozenset({"p", "blockquote", "pre", "h2", "h3", "h4"})
# A sub-heading linked to its own anchor on the page ("<h3><a href='#data'>The data</a></h3>", a
# permalink a blog or a wiki sets on each), or set in an anchor ("<h3><a name='data'>The data</a></h3>"),
# is the text's heading, not a teaser's linked headline.
SUB_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
IN_PAGE_LINK = "#"
# How many of the best-scoring nodes get the (costlier) link-density check.
FINALISTS = 8
MAX_BLOCK_LINK_DENSITY = 0.5
MAX_LINK_DENSITY = 0.5
# A paragraph that links its opening sentence ("<a>X says we should blog more.</a> I'll try.") is
# prose when this much of its text is outside links and it ends as a sentence does; a link list,
# a "Read more: <a>headline</a>" line or a linked teaser is not.
MIN_UNLINKED_PROSE_CHARS = 30
LINKED_PROSE_BLOCKS = frozenset({"p", "li"})  # (a reference list's entries too)
# A teaser card wrapped in its link (a headline, a blurb) holds at most this much text.
MAX_CARD_CHARS = 500

# A short block that ends the release: contact boxes, related links, "last updated" lines.
END_OF_TEXT = re.compile(
    r"^(?:(?:press|media|further|more)?\s*contacts?|contact (?:us|information|details)|for (?:more|further) information"
    r"|product information|related(?: articles| links| news| content| stories)?|read more|see also|more on this topic"
    r"|tags|share(?: this(?: page| article)?)?|last (?:updated|modified|changed)|(?:presse|medien)?kontakt(?:e)?"
    r"|ansprechpartner(?:in|innen)?|rückfragehinweis|rückfragen(?: an)?|pressestelle|pressesprecher(?:in)?"
    r"|weitere informationen|mehr zum thema|das könnte sie auch interessieren|lesen sie (?:dazu )?auch.*"
    r"|schlagwörter|letzte änderung.*|zuletzt (?:geändert|aktualisiert).*|stand:?\s*[\d.]+|diese seite"
    r"|bildergalerie|contact presse|contacts? presse|à lire aussi|voir aussi|контакты(?: для (?:прессы|сми))?"
    r"|comments?|kommentare?|schlagworte|adresse für rückfragen|herausgeber"
    r"|about (?:this series|the authors?|us)|über (?:diese reihe|den autor|die autorin|die autoren|uns)|zur person"
    r"|à propos (?:de l'auteur|de nous)|sur le même sujet|articles? similaires?|you may also like|recommended"
    r"|read next|up next|more from [\w .&'’-]{1,40}|most (?:read|popular|viewed)"
    r"|à lire (?:également|aussi)|lire aussi|das könnte dich auch interessieren|meistgelesen"
    r"|(?:more in|latest from|recommended from) [\w .&'’-]{1,40}|related topics|verwandte artikel"
    r"|mehr lesen über|mehr aus [\w .&-]{1,40}"
    r"|читайте также|см\. также"
    # "related" boxes in more words and languages: "Auch interessant", "Weitere Beiträge aus der Kolumne",
    # "Contenido relacionado", "Zobacz także", "Leia também"
    r"|(?:das )?(?:könnte sie|könnte dich|ist) auch interessant|auch interessant|zum weiterlesen|neueste artikel"
    r"|(?:das|dieses) thema könnte (?:dich|sie) auch interessieren|weitere (?:beiträge|artikel|meldungen|nachrichten)(?: .{0,40})?"
    r"|related (?:posts|stories|topics)|more stories|you might also like|tagged"
    r"|contenidos? relacionados?|art[íi]culos relacionados(?: .{0,40})?|noticias relacionadas|te puede interesar|lee también"
    r"|leia também|veja também|zobacz (?:też|także)|czytaj (?:też|także))\s*:?$",
    re.IGNORECASE,
)
# A block that opens with a press-contact label or a note to the newsroom closes the text.
CONTACT_OPENING = re.compile(
    r"^(?:(?:press|media)\s+contacts?|(?:presse|medien)kontakte?|kontakt für (?:die )?presse|contacts? presse"
    r"|for (?:media|press) (?:enquiries|inquiries)|achtung redaktion(?:en)?|hinweis (?:für|an) (?:die )?redaktion(?:en)?)\s*:",
    re.IGNORECASE,
)
# A block of page chrome that slips through: share and print buttons, "back to top".
CHROME_LINE = re.compile(
    r"^(?:share(?: this(?: page| article)?)?|teilen|drucken|print|tweet|e-?mail|facebook|twitter|x|linkedin|"
    r"whatsapp|xing|link kopieren|copy link|bookmark|nach oben|zum seitenanfang|back to top|top|"
    r"artikel per e-mail weiterempfehlen|vielen dank für die weiterempfehlung!?|"
    r"advertisement(?:\s*[·|-]\s*scroll to continue)?|anzeige|publicité)\s*:?$",
    re.IGNORECASE,
)
# Markup shown as text (an embed code printed escaped): "<iframe width='670' src=...>"
# (an attribute may stand bare: "allowfullscreen"), as long as one has a quoted value.
MARKUP_TEXT = re.compile(r"^<[a-zA-Z][\w-]*(?:\s+[\w:-]+)*(?:\s+[\w:-]+\s*=\s*[\"'][^\"']*[\"'])(?:\s+[\w:-]+(?:\s*=\s*[\"'][^\"']*[\"'])?)*\s*/?>")
# Contact details that close a release: phone, fax, e-mail, a handle.
CONTACT_DETAILS = re.compile(r"\b(?:tel|telefon|phone|fax)\b\.?\s*:?\s*[+\d(]|e-?mail\s*:|@[\w-]+(?:\.[\w-]+)+|twitter\s*:", re.IGNORECASE)
MAX_CONTACT_CHARS = 300
MIN_SENTENCE_WORDS = 15
# What a box after the text asks of the reader: to give, to subscribe, to follow.
CALL_TO_ACTION = re.compile(
    r"\b(?:donat(?:e|ion|ions)|give (?:online|now|today)|support (?:us|our work)|help us|subscribe|newsletter|sign up"
    r"|spende[nr]?|jetzt spenden|unterstützen sie|helfen sie|abonnieren|faire un don|soutenez|suivez-nous"
    r"|follow us|folgen sie uns)\b",
    re.IGNORECASE,
)
# A line of the site's account or paywall chrome, wherever it sits in the text: "Don't have an
# account? Create Account", "Sie haben kein gültiges Abo.", "Il vous reste 57% de cet article à lire".
ACCOUNT_LINE = re.compile(
    r"\b(?:(?:don't|do not) have an account|create (?:an )?account|already (?:have an account|a subscriber)"
    r"|by signing up,? you (?:consent|agree)|i would like to be emailed|subscribe to (?:continue|read)"
    r"|reserved for subscribers|to unlock (?:more|this) articles?|unlock this article|subscribe (?:now|for more)"
    r"|kein gültiges abo|noch kein [\w-]+-?konto|jetzt registrieren|bereits abonnent|(?:sie sind|du bist) bereits kunde"
    r"|können sie diesen artikel (?:erwerben|kaufen|freischalten)|jetzt weiterlesen"
    r"|réservée? aux abonnés|il vous reste [\d.,]+ ?% de cet article|vous possédez déjà un compte"
    r"|identifiez-vous)\b",
    re.IGNORECASE,
)
MAX_ACCOUNT_LINE_CHARS = 200
# A line that asks the reader to follow the site elsewhere, wherever it sits in the text: "Follow us on
# Telegram", "Download the X apps for iOS and Android", "Abonniere unseren WhatsApp-Kanal", "nuestro canal de
# YouTube"... Addressed to the reader (an imperative opening a sentence, "our" channel, a line ending on the
# app stores): news about apps and channels ("A Telegram channel linked to ...", "available on iOS and
# Android") is text.
FOLLOW_US = r"(?:follow us|s[ií]guenos|folgen sie uns|folge uns|suivez-nous|seguici|siga-nos)"
FOLLOWED_ON = r"(?:twitter|x|facebook|instagram|linkedin|telegram|whatsapp|youtube|tiktok|threads|bluesky|mastodon)"
CHANNEL_APPS = r"(?:telegram|whatsapp|youtube)"
FOLLOW_LINE = re.compile(
    rf"(?:^|[.!?:]\s+){FOLLOW_US}\b|\b{FOLLOW_US} (?:on|en|auf|sur|su|no) {FOLLOWED_ON}\b"
    r"|\bdownload (?:the|our) [\w .-]{0,30}\bapps? (?:for|on) (?:ios|android)(?: (?:and|und|y|et|e) (?:ios|android))?[.!]?$"
    rf"|\b(?:our|unseren?|nuestro|notre|we have an?) {CHANNEL_APPS}[- ]?(?:channel|kanal|canal|chaîne)\b"
    rf"|\b(?:our|nuestro|notre|unseren?) (?:channel|canal|chaîne|kanal) (?:de |on |sur |auf )?{CHANNEL_APPS}\b"
    # ... or to get its newsletter: "Sign up for our weekly politics newsletter", "Get our daily news email",
    # "... straight to your inbox", "Mit meiner Anmeldung zum Newsletter ...", "Inscrivez-vous à notre newsletter"
    r"|\bsign up (?:for|to) [\w .,’'-]{0,50}\b(?:newsletters?|e-?mails?)\b|\bget our [\w .,’'-]{0,50}\b(?:newsletters?|e-?mails?)\b"
    r"|\b(?:straight|directly|delivered) (?:to|in|into) your inbox\b|\b(?:anmeldung|melden sie sich|melde dich) (?:\w+ )?zum newsletter\b"
    r"|\bnewsletter (?:abonnieren|bestellen)\b|\b(?:inscrivez-vous|abonnez-vous) à (?:notre|la) newsletter\b",
    re.IGNORECASE,
)
MAX_FOLLOW_LINE_CHARS = 300
# A word each of its forms holds: a block without any is not searched (the pattern costs ~40 µs a block).
FOLLOW_LINE_WORDS = ("follow us", "guenos", "folge", "suivez", "seguici", "siga-nos", " app", "-app", "android", "telegram",
                     "whatsapp", "youtube", "kanal", "newsletter", "mail", "inbox")
# A consent line of a blocked embed or of a form, wherever it sits: "Empfohlener redaktioneller Inhalt",
# "Ich bin damit einverstanden, dass mir externe Inhalte angezeigt werden", "I accept the privacy policy".
CONSENT_LINE = re.compile(
    r"^empfohlener redaktioneller inhalt$|\ban dieser stelle finden sie einen von unseren redakteuren ausgewählten"
    r"|\bich bin (?:damit )?einverstanden, dass mir (?:der |die )?externen? inhalte? angezeigt"
    r"|\bich (?:habe die datenschutz(?:erklärung|hinweise|bestimmungen) gelesen|akzeptiere die datenschutz)"
    r"|\bi (?:have read and )?(?:accept|agree to) the privacy policy\b"
    r"|\bthis content is (?:blocked|not available|unavailable) (?:due to|because of) your (?:privacy|cookie|consent)",
    re.IGNORECASE,
)
MAX_CONSENT_LINE_CHARS = 400
CONSENT_LINE_WORDS = ("redaktionelle", "externe", "datenschutz", "privacy", "this content is")
# A disclosure of advertising or affiliate links: "This article contains affiliate links. ...",
# "Anzeige, enthält Affiliate Links", "*Werbung. Dieser Beitrag enthält Werbung für ...".
DISCLOSURE_LINE = re.compile(
    r"\baffiliate[- ]?links?\b|\b(?:beitrag|artikel|post) enthält (?:werbung|affiliate)|^\*?(?:anzeige|werbung)\b\s*[.,:|]"
    r"|\bsponsored (?:post|content)\b|\bunbezahlte werbung\b",
    re.IGNORECASE,
)
DISCLOSURE_LINE_WORDS = ("affiliate", "werbung", "anzeige", "sponsored")
# A caption set as a paragraph (no <figure>, no caption class): it ends by naming who took the picture,
# "... in Schmalkalden. Bildrechte: MDR/David Straub", "... 75 Kindern © VS Tristach", "Photo: AFP".
# Every match holds "©" or ":", which `is_credited_caption` tests first (keep the two in step).
PICTURE_CREDIT = re.compile(
    r"(?:(?<!\S)©(?!\s*\d)|\b(?:bildrechte|fotos?|photos?|image|bild|picture)\s?:)\s*[^.!?:\"“”»«]{1,60}\)?$",
    re.IGNORECASE)  # (not "© 2003 Jane Doe": a notice of copyright, the page's own)
MAX_CAPTION_BLOCK_CHARS = 400
# ... or opens by saying what the picture shows: "Pictured right is ...", "Im Bild: ...", "Sur la photo, ...".
# (A bare credit, "Photos: courtesy of the vendors.", may be the text's own last line: it stays.)
CAPTION_OPENING = re.compile(r"^(?:pictured|(?:im|auf dem) bild|sur (?:la|cette) photo|en la (?:foto|imagen))\b", re.IGNORECASE)
MAX_OPENED_CAPTION_CHARS = 300
MAX_CAPTION_SENTENCES = 2
# A live blog's entry stamp: a time of day (after "21 mins ago") and the entry's author, nothing else:
# "21 mins ago11:48 Jon King", "20:24Antony Clements-Thrower".
ENTRY_STAMP = re.compile(
    r"^(?:\d+ (?:mins?|minutes?|hours?|hrs?|days?) ago\s*)?\d{1,2}[:.]\d\d(?:\s*(?:am|pm|a\.m\.|p\.m\.|uhr|h))?\s*"
    r"(?:[A-ZÀ-Þ][\w.’'-]*(?:\s+[A-ZÀ-Þ][\w.’'-]*){0,3})?$")
# A closing offer to the newsroom: "Bei Rückfragen ... stehen wir Ihnen gerne zur Verfügung",
# "Wir vermitteln gern Expertinnen oder Experten zum Thema", "Interview requests: ...".
PRESS_OFFER = re.compile(
    r"\b(?:bei rückfragen|für rückfragen|vereinbarung von interviews?|interviewanfragen|(?:wir|ich) vermittel[nt]? (?:ihnen )?gerne?"
    r"|(?:stehen?|steht) (?:wir|ich|ihnen)\b.{0,60}\bzur verfügung|for (?:media|press) (?:enquiries|inquiries|requests)"
    r"|interview requests|to (?:arrange|request|schedule) an interview|(?:is|are) available for (?:media )?interviews?)",
    re.IGNORECASE,
)
MAX_PRESS_OFFER_CHARS = 200
# A byline heading the text: "By Aaron Humes", "von Daniel Braun, Davor Pasoski", "Par Jeanne Dupont
# et Paul Martin". Names are capitalised words (with a particle: "van", "de"); the word "by" is not.
BYLINE_NAME = r"[A-ZÀ-ÖØ-Þ][\w'’.-]*(?:\s+(?:(?:van|von|de|der|den|da|del|di|la|le|du|dos|bin)\s+)?[A-ZÀ-ÖØ-Þ][\w'’.-]*){0,4}"
BYLINE_NAMES = rf"{BYLINE_NAME}(?:\s*(?:,|&|\band\b|\bund\b|\bet\b|\by\b|\be\b)\s*{BYLINE_NAME})*"
BYLINE_WORD = r"(?i:by|von|par|por|door|di|written by|text:?|autor(?:in)?:?|author:?)"
BYLINE = re.compile(rf"^{BYLINE_WORD}\s+{BYLINE_NAMES}\s*$")
# A news text's sign-off, its last line: a dash and the author's name ("-- Jane Doe", "— By Jane Doe"), or
# the agencies' credits ("Reporting by Jane Doe; Editing by John Roe", "(Additional reporting by ...)").
DASHES = ("-", "–", "—")
HANDLE_IN_PARENTHESES = "(@"
SIGN_OFF = re.compile(
    rf"^(?:[-–—]{{1,2}}\s*(?:(?i:compiled|written|reported|edited)\s+)?(?:(?i:by)\s+)?{BYLINE_NAME}"
    r"|\(?(?i:(?:additional )?reporting|writing|editing|compiled|edited)\s+(?i:by)\s+[A-ZÀ-ÖØ-Þ])")
# ... and one that opens the first paragraph: "By Aaron Humes: The Americas cannot ..."
BYLINE_OPENING = re.compile(rf"^{BYLINE_WORD}\s+{BYLINE_NAMES}\s*[:|–—]\s+(?=\S)")
MAX_BYLINE_CHARS = 100
MAX_DANGLING_CHARS = 120
# A blog post's footer line (the WordPress theme's): "Filed under News. You can follow any responses to
# this entry through the RSS 2.0 feed. Both comments and pings are currently closed."
POST_FOOTER = re.compile(
    r"\b(?:you can follow any responses to this entry|(?:comments|pings) are currently closed|this entry was posted in"
    r"|sie können alle antworten zu diesem eintrag|pings sind derzeit geschlossen)",
    re.IGNORECASE,
)
MAX_POST_FOOTER_CHARS = 400
# A trailing line of items run together: this many or more, split by one of these marks.
ITEM_SEPARATORS = (" • ", " | ", " · ")
MIN_LINE_ITEMS = 4
FULL_STOPS = (".", "!", "?", "…")
MAX_ITEM_LINE_CHARS = 400
MAX_CAPTION_CHARS = 80
SENTENCE_ENDS = (".", "!", "?", "…", '"', "“", "”", "»", "«", "'", "’", ")", "]")
LEADING_LINES = 3
MAX_DATE_LINE = 60
# ... but a short sentence with a date in it is text: this many words or more, ending so, with a last
# word this long (not an abbreviation), no label or separator, no stamp's opening word.
MIN_DATED_SENTENCE_WORDS = 6
DATED_SENTENCE_ENDS = (".", "!", "?")
MIN_LAST_WORD_CHARS = 3
STAMP_SEPARATORS = (":", "|", "·", "/", "•")
STAMP_OPENING = re.compile(
    r"^(?:posted|published|updated|last|created|modified|stand|erstellt|aktualisiert|veröffentlicht|zuletzt"
    r"|publié|mis à jour|publicado|actualizado)\b", re.IGNORECASE)
# Only the last part of a text may be cut: "Contact" in its first half is a heading of the release.
END_MIN_SHARE = 0.5
MAX_END_MARK_CHARS = 60  # "Kontakt", "Related articles", "Last updated: ...": a short line
# An end mark inside the text (an inline "Related" promo) is followed by this many paragraphs of
# this length or more, ending as sentences do, making this share of the text or more.
TEXT_GOES_ON_PARAGRAPHS = 3
TEXT_GOES_ON_CHARS = 150
TEXT_GOES_ON_SHARE = 0.25
# ... or, after a mark of an inline promo ("Read more", "Auch interessant": a box of links set between
# two paragraphs), by this many paragraphs of this length or more that make most of what follows it:
# the text's last paragraphs, where a real end is followed by teasers (a headline, a blurb) or links.
INLINE_PROMO_MARK = re.compile(
    r"^(?:read more|related(?: articles| links| news| content| stories| posts)?|see also|more on this topic"
    r"|auch interessant|mehr zum thema|lesen sie (?:dazu )?auch.*|zum weiterlesen|à lire aussi|lire aussi|voir aussi"
    r"|leia também|veja também|lee también)\s*:?$",
    re.IGNORECASE,
)
PROMO_TEXT_GOES_ON_PARAGRAPHS = 2
PROMO_TEXT_GOES_ON_CHARS = 100
PROMO_TEXT_GOES_ON_SHARE = 0.8
# Nested blocks (a list inside a list item) repeat their text in their parent's. Past this many
# times the container's own text the rest of its blocks are not read: lists nested 100 deep made a
# body of 845 MB (and 6.6 GB of memory) from a 9 MB page.
MAX_TEXT_REPEAT = 2
# A paragraph that is this share of a text's distinct characters or more is its text, however often
# it comes (see `unique`).
REFRAIN_SHARE = 0.5


def clean_text(text: str) -> str:
    """Fold runs of whitespace (spaces, tabs, newlines, no-break spaces) to one space; drop invisibles."""
    text = " ".join(text.split())  # str.split() splits at what \s matches, and faster than WHITESPACE.sub
    return INVISIBLE.sub("", text) if "\u00ad" in text or "\u200b" in text or "\ufeff" in text else text


def node_text(node: Node) -> str:
    return clean_text(node.text(deep=True, separator="", strip=False))


def remove_all(nodes: list[Node]) -> None:
    """Decompose nodes, innermost first, so no node is touched after an ancestor freed it."""
    for node in reversed(nodes):
        node.decompose()


def strip_furniture(root: Node, furniture_tags: str = FURNITURE_TAGS, names: NamedBy = PAGE_FURNITURE_NAMES,
                    soft_names: NamedBy = PAGE_SOFT_FURNITURE_NAMES) -> None:
    """Remove page furniture under `root` (by tag and role, then by class and id name).

    An element around the headline or the marked article text is a layout wrapper, whatever its
    name says ("panel-two-col-sidebar-right", "container-single right-sidebar"): it stays."""
    furniture = root.css(furniture_tags)
    # An article's own <header> stays (with the headline, or on a page of one article without
    # it: the <h1> set in a breadcrumb, or beside the header), less what is no text in it; read
    # before the removal, which frees the nodes of the others.
    keep = wrappers_of_the_text(root) | own_article_headers(root, furniture)
    article_headers = [node for node in furniture if node.tag == ARTICLE_HEADER and node.mem_id in keep]
    remove_all([node for node in furniture if node.tag not in NEVER_REMOVED and node.mem_id not in keep
                and not is_page_form(node)])
    for header in article_headers:
        remove_all(header.css(NOT_TEXT_IN_ARTICLE_HEADER))
    strip_named_furniture(root, names, soft_names, keep, card_names=NO_NAMES)  # cards: inside the container only


def is_page_form(node: Node) -> bool:
    """Whether a <form> wraps a page's text (ASP.NET's one form around everything), not a box of its own."""
    return node.tag == "form" and holds_paragraphs(node)


def own_article_headers(root: Node, furniture: list[Node]) -> frozenset[int]:
    """mem_ids of the <header>s of the page's <article> when it has one only (a page of teasers,
    each an <article> with a <header>, has many)."""
    articles = root.css("article")
    if len(articles) != 1:
        return frozenset()
    return frozenset(node.mem_id for node in furniture if is_article_header(node, root))


def wrappers_of_the_text(root: Node) -> frozenset[int]:
    """mem_ids of the ancestors of the headline(s) and of a marked article body, up to `root`.

    A headline inside a <header>, <nav> or <footer> (a logo) protects nothing above that box,
    except in an article's own <header> (inside an <article>): that box is the article's."""
    keep: set[int] = set()
    for anchor in root.css(TEXT_ANCHORS):
        ancestor = anchor.parent
        while ancestor is not None and ancestor.mem_id != root.mem_id:
            if ancestor.tag in UNPROTECTED_BOXES and not is_article_header(ancestor, root):
                break
            keep.add(ancestor.mem_id)
            ancestor = ancestor.parent
    return frozenset(keep)


def is_article_header(node: Node, root: Node) -> bool:
    """Whether `node` is the <header> of an <article> (an ancestor below `root`)."""
    if node.tag != ARTICLE_HEADER:
        return False
    ancestor = node.parent
    while ancestor is not None and ancestor.mem_id != root.mem_id:
        if ancestor.tag == "article":
            return True
        ancestor = ancestor.parent
    return False


def strip_named_furniture(root: Node, names: NamedBy = FURNITURE_NAMES, soft_names: NamedBy = SOFT_FURNITURE_NAMES,
                          keep: frozenset[int] = frozenset(), keep_like: frozenset[tuple[str, str]] = frozenset(),
                          card_names: NamedBy = CARD_FURNITURE_NAMES) -> None:
    """Remove what is furniture by its name under `root`, except the nodes in `keep` and the boxes
    named like one of them (`keep_like`: (tag, class) pairs): a text split over sections of one
    layout ("sidebar-grid__container" each) keeps every section. A box named for a card (`card_names`:
    "teaser") goes when it is one: it links elsewhere or shows a picture."""
    def kept(node: Node) -> bool:
        return node.mem_id in keep or (bool(keep_like) and (node.tag, node.attributes.get("class") or "") in keep_like)
    names_under = NamesUnder(root)
    remove_all([node for node in names.under(root, names_under) if is_furniture_by_name(node) and not kept(node)])
    remove_all([node for node in soft_names.under(root, names_under)
                if is_furniture_by_name(node) and not kept(node) and not holds_paragraphs(node)])
    remove_all([node for node in card_names.under(root, names_under)
                if is_furniture_by_name(node) and not kept(node) and node.css_first(CARD_PARTS) is not None])


def holds_paragraphs(node: Node) -> bool:
    found = 0
    for paragraph in node.css("p"):
        if len(paragraph.text(deep=True, strip=True)) >= SPARING_PARAGRAPH_CHARS:
            found += 1
            if found >= SPARING_PARAGRAPHS:
                return True
    return False


def node_names(node: Node) -> str:
    """A node's class and id, one string: what names match against."""
    attributes = node.attributes
    return f"{attributes.get('class') or ''} {attributes.get('id') or ''}"


def is_furniture_by_name(node: Node) -> bool:
    if node.tag in NEVER_REMOVED:
        return False
    attributes = node.attributes
    element_id, element_class = attributes.get("id") or "", attributes.get("class") or ""
    return names_furniture(element_id, element_class) and not is_anchor_of_its_text(node, element_id, element_class)


@functools.lru_cache(maxsize=NAMES_CACHE)
def names_furniture(element_id: str, element_class: str) -> bool:
    """Given that a furniture selector matched the element (its class or id holds a furniture word):
    whether its names leave it furniture, no content word of its own sparing it."""
    if FURNITURE_ID.search(element_id) and not names_the_text(element_id):
        return True  # an id names the one element's role: "comment-box" on a "user-post-box"
    names = f"{element_class} {element_id}"
    return not any(names_the_text(name) for name in names.split() if CONTENT_NAMES.search(name))


def is_anchor_of_its_text(node: Node, anchor: str, element_class: str) -> bool:
    """Whether the node is named only by an id (`anchor`) spelling its own opening words, an anchor made
    from its heading ("zendaya-promoted-dune-part-two-1" over "Zendaya promoted Dune: Part Two"), whose
    words ("promoted") say nothing of what the box is."""
    words = anchor_words(anchor, element_class)
    if not words:
        return False
    opening = WORD.findall(node.text(deep=True, separator=" ", strip=True)[:ANCHOR_TEXT_CHARS].casefold())
    return opening[:MIN_ANCHOR_WORDS] == list(words)


@functools.lru_cache(maxsize=NAMES_CACHE)
def anchor_words(anchor: str, element_class: str) -> tuple[str, ...]:
    """The first words an id made from a heading spells (none when the id is no such anchor, or the
    class says furniture whatever the id spells)."""
    if FURNITURE_PART.search(element_class):
        return ()
    words = [word for word in ANCHOR_SEPARATORS.split(anchor.casefold()) if word]
    return tuple(words[:MIN_ANCHOR_WORDS]) if len(words) >= MIN_ANCHOR_WORDS else ()


def names_the_text(name: str) -> bool:
    """Whether one class or id name holds a content word of its own ("entry-content", "main-content-
    with-sidebar"), not one naming a furniture's part ("related-posts", "comment-text", "sidebarContent")."""
    for found in CONTENT_NAMES.finditer(name):
        start = found.start()
        part = FURNITURE_BEFORE_CONTENT.search(name[:start]) if start else None
        if part is None or not (part.group(1) or name[start].isupper()):
            return True
    return False


def names_weight(node: Node) -> int:
    return weight_of_names(node_names(node))


@functools.lru_cache(maxsize=NAMES_CACHE)
def weight_of_names(names: str) -> int:
    if not names.strip():
        return 0
    weight = 0
    if NEGATIVE_NAMES.search(names):
        weight -= NAME_WEIGHT
    if POSITIVE_NAMES.search(names):
        weight += NAME_WEIGHT
    return weight


def prose_score(text: str) -> float:
    return 1 + text.count(",") + text.count("，") + min(len(text) // 100, 3)


def prose_nodes(root: Node) -> Iterable[tuple[Node, str | None]]:
    """Paragraphs, bare-text <div>s, and (with their own text) wrappers that hold text of their
    own between their blocks: (node, None) for a block, (node, its own text) for a wrapper."""
    for node in root.css(PROSE):
        if node.tag == "li" and has_nested_block(node):
            continue  # its own blocks are counted (counted with them, its text would count twice)
        yield node, None
    for node in root.css(BARE_TEXT_CONTAINERS):
        own = node.text(deep=False, strip=True)
        if len(own) >= MIN_PROSE_CHARS:
            yield (node, own) if has_nested_block(node) else (node, None)
        elif holds_only_inline(node) and node.text(deep=True, strip=True).endswith(SENTENCE_ENDS):
            # A paragraph written as a <div> whose text sits in a <span> ("<div><span>text</span></div>",
            # as rich-text editors write it): a block of prose like a <p> when it ends as a sentence
            # does (a teaser's linked title does not).
            yield node, None


def holds_only_inline(node: Node) -> bool:
    """Whether a block holds elements, all of them inline ones (its text is in spans, links, bold)."""
    found = False
    for child in node.iter():
        if child.tag not in INLINE_TAGS:
            return False
        found = True
    return found


def has_nested_block(node: Node) -> bool:
    """Whether a block element holds another block. (Lexbor's `node.css` matches the node itself,
    so `div.css_first("div")` is never None: the children are asked instead.)"""
    for child in node.iter():
        if child.tag in NESTED_BLOCK_TAGS or child.css_first(NESTED_BLOCKS) is not None:
            return True
    return False


def text_length(node: Node) -> int:
    return len(node.text(deep=True, strip=True))


def link_density(node: Node, length: int | None = None) -> float:
    length = text_length(node) if length is None else length
    if length == 0:
        return 1.0
    links = sum(len(link.text(deep=True, strip=True)) for link in node.css("a"))
    return min(links / length, 1.0)


def link_share(node: Node, text_chars: int) -> float:
    """`link_density` of a block whose text was read with `clean_text` (`text_chars` long): its links'
    text is read so too. Unfolded, a link broken over indented source lines counts its indentation,
    and a table row or a paragraph with a few such links reads as a link list."""
    return min(folded_link_chars(node) / text_chars, 1.0) if text_chars else 1.0


def folded_link_chars(node: Node) -> int:
    return sum(len(clean_text(link.text(deep=True))) for link in node.css("a"))


class ProseMap:
    """Where a page's prose is: per element, a Readability score, the prose characters under it, and
    the link text of the paragraphs of prose under it (text those keep whole, so neither prose nor other text)."""

    def __init__(self, root: Node) -> None:
        self.nodes: dict[int, Node] = {}
        self.scores: dict[int, float] = {}
        self.prose: dict[int, float] = {}
        self.linked: dict[int, float] = {}
        self.link_lengths: dict[int, int] = {}  # per <a>, its text's length: read once, not once a paragraph
        for block, own_text in prose_nodes(root):
            self.add(block, own_text)
        self.headline_boxes = headline_boxes(root)

    def add(self, block: Node, own_text: str | None = None) -> None:
        """Credit a block's prose to its ancestors; a wrapper's own text (`own_text`, the text
        between its blocks, never in a link) to the wrapper itself and its ancestors."""
        text = own_text if own_text is not None else block.text(deep=True, strip=True)
        if len(text) < MIN_PROSE_CHARS:
            return
        has_links = own_text is None and block.css_first("a") is not None
        density = link_density(block, len(text)) if has_links else 0.0
        if self.in_card_link(block):
            density = 1.0  # a teaser card wrapped in its link: its headline and blurb are link text
        prose = len(text) * (1 - density)
        # A paragraph `block_text` keeps, keeps its links' words too: "other text" they are not.
        linked = len(text) * density if density <= MAX_BLOCK_LINK_DENSITY else 0.0
        points = prose_score(text) if block.tag not in LIST_ITEMS and density < MAX_LINK_DENSITY else 0.0
        ancestor = block if own_text is not None else block.parent
        depth = 0
        while ancestor is not None and ancestor.tag not in ("html", "-undef"):
            key = ancestor.mem_id
            if key not in self.nodes:
                self.nodes[key] = ancestor
                self.scores[key] = TAG_WEIGHT.get(ancestor.tag, 0) + names_weight(ancestor)
                self.prose[key] = 0.0
                self.linked[key] = 0.0
            if depth < 3 and points:
                self.scores[key] += points / (depth + 1)
            self.prose[key] += prose
            self.linked[key] += linked
            ancestor = ancestor.parent
            depth += 1

    def in_card_link(self, node: Node) -> bool:
        """Whether the node sits in a link the size of a card: an unclosed <a> that swallowed the rest
        of the page holds the text, it does not link it. Each link's length is read once, so a page
        of paragraphs under one unclosed <a> costs linear time, not quadratic."""
        ancestor = node.parent
        while ancestor is not None:
            if ancestor.tag == "a":
                key = ancestor.mem_id
                if key not in self.link_lengths:
                    self.link_lengths[key] = text_length(ancestor)
                return self.link_lengths[key] <= MAX_CARD_CHARS
            ancestor = ancestor.parent
        return False

    def best(self) -> Node | None:
        """The element that directly holds the most prose (Readability's pick)."""
        finalists = sorted(self.scores, key=self.scores.__getitem__, reverse=True)[:FINALISTS]
        best_key, best_value = None, 0.0
        for key in finalists:
            score = self.scores[key]
            # score * (1 - density) is at most max(score, 0): once the best value reaches that, no later
            # finalist (scored no higher) can beat it, and the costly density of a big box is not read.
            if best_key is not None and best_value >= max(score, 0.0):
                break
            value = score * (1 - link_density(self.nodes[key]))
            if best_key is None or value > best_value:
                best_key, best_value = key, value
        return self.nodes[best_key] if best_key is not None else None

    def widen(self, node: Node) -> Node:
        """The ancestor (or the node) with the most prose net of the other text it would bring along.

        A release split over sibling wrappers (one <div> per paragraph group) is held by an ancestor
        of the best node; going higher brings menus and teasers, whose text is not prose. The box
        that holds the headline too is the article's: above it are other stories (a column of news
        in brief, a timeline), prose that is not this text, so the widening stops there.
        """
        length = text_length(node)
        best, best_gain = node, self.net_prose(node, length)
        ancestor = node.parent
        while ancestor is not None and ancestor.tag not in ("html", "-undef"):
            # An ancestor's text is at least as long as the last one measured: when even that
            # length leaves it no more gain, its text (the whole page's, near the top) is not read.
            prose = self.prose.get(ancestor.mem_id, 0.0)
            threshold = best_gain + MIN_WIDENING_SHARE * abs(best_gain)
            if ancestor.tag in SIBLING_PARAGRAPHS or prose - OTHER_TEXT_WEIGHT * self.other_text(ancestor, length) > threshold:
                length = text_length(ancestor)
                gain = self.net_prose(ancestor, length)
                if gain > threshold:
                    best, best_gain = ancestor, gain
            if ancestor.tag == "body" or ancestor.mem_id in self.headline_boxes:
                break
            ancestor = ancestor.parent
        return best

    def with_siblings(self, container: Node) -> list[Node]:
        """The container and, in page order, the siblings of it and of its nearest ancestors that
        hold prose too (Readability's join): a lead paragraph in a block of its own beside the
        headline, the rest of a text split over several boxes. SIBLING_LEVELS ancestors are read,
        not counting wrappers around nothing but the text's box.

        A sibling joins when its prose, net of the other text it holds (its captions not counted), is
        enough for a paragraph; a box of teasers or links holds more link text than prose and stays out."""
        nodes = [container]
        current = container
        # After the text, boxes (donations, newsletters, "contact us") are the rule and the rest of
        # a split text the exception: a sibling after the container must hold a share of its prose.
        after_threshold = max(MIN_SIBLING_PROSE, SIBLING_AFTER_SHARE * self.prose.get(container.mem_id, 0.0))
        levels = 0
        while levels < SIBLING_LEVELS:
            parent = current.parent
            if parent is None or current.tag == "body" or parent.tag in ("body", "html"):
                break
            before: list[Node] = []
            after: list[Node] = []
            seen_current = False
            alone = True  # a wrapper around the current box only is no level of its own
            names = current.attributes.get("class")
            for sibling in parent.iter():
                if sibling.mem_id == current.mem_id:
                    seen_current = True
                    continue
                if sibling.tag == "-comment":
                    continue
                alone = False
                if sibling.tag not in NOT_SIBLING_TAGS:
                    if names and sibling.tag == current.tag and sibling.attributes.get("class") == names:
                        joins = self.is_part_of_the_text(sibling)  # one of a row of like boxes: "step 1", "step 2"
                    else:
                        net = self.sibling_prose(sibling)
                        joins = net >= (after_threshold if seen_current else MIN_SIBLING_PROSE)
                    if joins:
                        (after if seen_current else before).append(sibling)
            for sibling in before + after:
                strip_named_furniture(sibling)
            nodes = before + nodes + after
            current = parent
            levels += 0 if alone else 1
        return nodes

    def is_part_of_the_text(self, box: Node) -> bool:
        """A box named like the text's own box (Readability's class bonus): it joins when it holds prose
        at all, however little, and is not a list of links."""
        return self.prose.get(box.mem_id, 0.0) >= MIN_PROSE_CHARS and link_density(box) <= MAX_LINK_DENSITY

    def sibling_prose(self, box: Node) -> float:
        """A box's prose net of its other text, not counting its captions: what the walk would read of
        it (a live blog's entries, each under a picture and its caption, beside the lead)."""
        if self.prose.get(box.mem_id, 0.0) <= 0.0 or box.tag in SIBLING_PARAGRAPHS:
            return self.net_prose(box)
        return self.net_prose(box, text_length(box) - outermost_text_length(box.css(CAPTIONS)))

    def net_prose(self, node: Node, length: int | None = None) -> float:
        length = text_length(node) if length is None else length
        if node.tag in SIBLING_PARAGRAPHS:
            # A paragraph credits its prose to its ancestors, not to itself: its own, net of links.
            return length * (1 - link_density(node, length)) if length >= MIN_PROSE_CHARS else -OTHER_TEXT_WEIGHT * length
        prose = self.prose.get(node.mem_id, 0.0)
        return prose - OTHER_TEXT_WEIGHT * self.other_text(node, length)

    def other_text(self, node: Node, length: int) -> float:
        """A node's text that is not prose, of its `length`; links in a paragraph of prose are neither."""
        return length - self.prose.get(node.mem_id, 0.0) - self.linked.get(node.mem_id, 0.0)


def outermost_text_length(nodes: list[Node]) -> int:
    """The text length of the nodes (in document order), those inside another one not counted again."""
    matched = {node.mem_id for node in nodes}
    total = 0
    for node in nodes:
        ancestor = node.parent
        while ancestor is not None and ancestor.mem_id not in matched:
            ancestor = ancestor.parent
        if ancestor is None:
            total += text_length(node)
    return total


def main_nodes(root: Node) -> list[Node]:
    """The element that holds the release text, as a one-item list (empty when there is none)."""
    prose = ProseMap(root)
    best = prose.best()
    if best is None:
        return []
    if best.tag in TABLE_BODIES and best.parent is not None:
        best = table_of(best).parent or best  # a table of facts is one block of the text around it
    container = prose.widen(best)
    # The best-scoring box and its wrappers up to the container are text, whatever their names
    # say ("container-single right-sidebar" around the post): only what lies beside them may go.
    strip_named_furniture(container, keep=ancestors_up_to(best, container), keep_like=names_of(best, container))
    return prose.with_siblings(container)


def headline_boxes(root: Node) -> frozenset[int]:
    """mem_ids of the elements around an <h1> (furniture gone: a logo's in a page <header> is)."""
    boxes: set[int] = set()
    for heading in root.css("h1"):
        ancestor = heading.parent
        while ancestor is not None and ancestor.mem_id not in boxes:
            boxes.add(ancestor.mem_id)
            ancestor = ancestor.parent
    return frozenset(boxes)


def names_of(node: Node, top: Node) -> frozenset[tuple[str, str]]:
    """(tag, class) of `node` and its ancestors below `top` that have a class."""
    names: set[tuple[str, str]] = set()
    current: Node | None = node
    while current is not None and current.mem_id != top.mem_id:
        if class_names := current.attributes.get("class"):
            names.add((current.tag, class_names))
        current = current.parent
    return frozenset(names)


def table_of(node: Node) -> Node:
    """The <table> a <tbody>, <thead> or <tfoot> belongs to (the node itself when it is the table)."""
    return node.parent if node.tag != "table" and node.parent is not None and node.parent.tag == "table" else node


def ancestors_up_to(node: Node, top: Node) -> frozenset[int]:
    """mem_ids of `node` and its ancestors up to `top` (itself included: lexbor's `css` matches it too)."""
    kept: set[int] = {top.mem_id}
    current: Node | None = node
    while current is not None and current.mem_id != top.mem_id:
        kept.add(current.mem_id)
        current = current.parent
    return frozenset(kept)


def text_blocks(nodes: list[Node], block_tags: str = BLOCK_TAGS, trim: bool = True) -> list[str]:
    """The text of each block of `nodes`, in page order, without link lists, chrome and trailing boxes.

    With the generic blocks, the container is walked once in page order (`walk_blocks`): text
    outside any paragraph (a <div> of bare text, text beside a <b> or a <span>, lines between
    <br>s) is a block too. A profile's own `block_tags` are read as it names them.
    `trim` also drops leading date lines and trailing contact lines and captions: right for a
    container the scorer found, wrong for one a site profile names exactly."""
    blocks: list[str] = []
    walked = block_tags == BLOCK_TAGS
    for node in nodes:
        remove_all(node.css(NOT_TEXT_WALKED if walked else NOT_TEXT))
        if walked:
            remove_all([heading for heading in node.css(HEADLINE_GROUP_HEADINGS) if not is_standfirst(heading)])
        if node.tag in ("p", "pre", "blockquote", "li"):
            text = block_text(node, node)
            if text:
                blocks.append(text)
        elif walked:
            run = Run()
            walk_blocks(node, node, run, blocks, in_link=False)
            run.flush(blocks)  # the text after the last block
        else:
            budget = MAX_TEXT_REPEAT * len(node.text(deep=True))
            for block in node.css(f"{block_tags}, div"):
                text = block_text(block, node)
                if text:
                    blocks.append(text)
                    budget -= len(text)
                    if budget < 0:
                        break  # nested blocks repeating the text over and over: the rest is no more text
    if not trim:
        return blocks  # a container a profile names is the text exactly, repeats and all
    return trim_edges(cut_trailing_furniture(without_account_lines(unique(blocks))))


def is_standfirst(heading: Node) -> bool:
    return node_text(heading).endswith(STANDFIRST_ENDS)


def without_account_lines(blocks: list[str]) -> list[str]:
    """Without the account and paywall lines, the calls to follow the site elsewhere, the consent lines
    of embeds and forms, the captions set as paragraphs and a live blog's entry stamps."""
    return [block for block in blocks
            if (len(block) > MAX_ACCOUNT_LINE_CHARS or not ACCOUNT_LINE.search(block)) and not is_credited_caption(block)
            and not is_call_or_consent_line(block)
            and (isinstance(block, (ListItem, TableRow)) or not ENTRY_STAMP.match(block))]


def is_call_or_consent_line(block: str) -> bool:
    """A call to follow the site elsewhere (`FOLLOW_LINE`), an embed's or a form's consent line
    (`CONSENT_LINE`) or a disclosure of advertising (`DISCLOSURE_LINE`); each pattern is searched
    only in a short block holding one of its words."""
    if len(block) > max(MAX_FOLLOW_LINE_CHARS, MAX_CONSENT_LINE_CHARS):
        return False
    folded = block.casefold()
    if len(block) <= MAX_FOLLOW_LINE_CHARS and any(word in folded for word in FOLLOW_LINE_WORDS) \
            and FOLLOW_LINE.search(block):
        return True
    if any(word in folded for word in DISCLOSURE_LINE_WORDS) and DISCLOSURE_LINE.search(first_sentence(block)):
        return True  # (said first: a paragraph of the text that mentions its links later stays)
    return any(word in folded for word in CONSENT_LINE_WORDS) and CONSENT_LINE.search(block) is not None


def first_sentence(block: str) -> str:
    end = block.find(". ")
    return block if end < 0 else block[:end + 1]


def is_credited_caption(block: str) -> bool:
    if len(block) > MAX_CAPTION_BLOCK_CHARS or isinstance(block, (ListItem, TableRow)):
        return False
    credited = ("©" in block or ":" in block) and PICTURE_CREDIT.search(block) is not None  # a credit has one
    return credited or is_caption_by_opening(block)


def is_caption_by_opening(block: str) -> bool:
    """A caption that says what the picture shows first ("Pictured from left are ..."), in a sentence or
    two: a paragraph that opens so and goes on ("Pictured here in 2019, the mayor ... She said ... Then
    ...") is the text's."""
    return len(block) <= MAX_OPENED_CAPTION_CHARS and CAPTION_OPENING.match(block) is not None \
        and block.count(". ") < MAX_CAPTION_SENTENCES


TABLE_CELLS = frozenset({"td", "th"})
MAX_FACT_CELL_CHARS = 80


class TableRow(str):
    """A table row's (or a short cell's) text: a cell saying "Comment" or "Contact" is a column's name,
    not the end of the text."""


class ListItem(str):
    """A list item's text: release text however short ("Budget: 4 million euros"), never a caption."""


class Run:
    """Inline text between two blocks: its pieces, and how many of its characters are link text."""

    __slots__ = ("parts", "linked", "chars")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.linked = 0
        self.chars = 0  # characters of the pieces that are not white space only

    def add(self, text: str, in_link: bool) -> None:
        stripped = text.strip()
        if not stripped:
            if self.parts:
                self.parts.append(" ")  # the space between two words, never the layout's indentation
            return
        self.parts.append(text)
        self.chars += len(stripped)
        if in_link:
            self.linked += len(stripped)

    def flush(self, blocks: list[str]) -> None:
        """Append the run as a block when it is prose (long enough, not chrome, not a link list)."""
        if not self.parts:
            return
        short = self.chars + len(self.parts) < MIN_PROSE_CHARS  # an upper bound of the cleaned length
        text = "" if short else clean_text("".join(self.parts))
        linked = self.linked
        self.parts, self.linked, self.chars = [], 0, 0
        if short or len(text) < MIN_PROSE_CHARS or CHROME_LINE.match(text) or MARKUP_TEXT.match(text):
            return
        if linked > MAX_BLOCK_LINK_DENSITY * len(text) and not (
                text.endswith(SENTENCE_ENDS) and len(text) - linked >= MIN_UNLINKED_PROSE_CHARS):
            return
        blocks.append(text)


def walk_blocks(node: Node, container: Node, run: Run, blocks: list[str], in_link: bool) -> None:
    """Read `node`'s children in page order: inline text gathers into `run`, a block ends it."""
    for child in node.iter(include_text=True):
        tag = child.tag or "-"  # a processing instruction has no tag (parse_html drops them; other trees may not)
        if tag == "-text":
            run.add(child.text_content or "", in_link)
        elif tag in INLINE_TAGS:
            walk_blocks(child, container, run, blocks, in_link or tag == "a")
        elif tag in WALKED_BLOCKS:
            run.flush(blocks)
            if in_link:
                continue  # a teaser card wrapped in its link
            if tag in ("li", "blockquote", "dd") and has_nested_block(child):
                walk_blocks(child, container, run, blocks, in_link)  # its own blocks are the blocks
                run.flush(blocks)
                continue
            text = block_text(child, container)
            if text:
                blocks.append(ListItem(text) if tag == "li" else text)
        elif tag == HEADLINE_TAG and not in_link and has_text_begun(blocks) and is_section_heading(child, container):
            run.flush(blocks)  # an <h1> below the text's opening is one of its sections' headings
            text = block_text(child, container)
            if text:
                blocks.append(text)
        elif tag in SKIPPED_IN_WALK or tag.startswith("-"):
            continue
        elif tag == "tr" and is_row_of_facts(child):
            run.flush(blocks)  # a row of a table of facts: one block, its cells side by side
            cells = [text for cell in child.iter() if (text := node_text(cell))]
            row = " ".join(cells)
            if row and not in_link and (child.css_first("a") is None or link_share(child, len(row)) <= MAX_BLOCK_LINK_DENSITY):
                blocks.append(TableRow(row))
        else:
            run.flush(blocks)  # a <div>, <section>, <ul>, <table>...: a boundary on both sides
            start = len(blocks)
            walk_blocks(child, container, run, blocks, in_link)
            run.flush(blocks)
            if tag in TABLE_CELLS and len(blocks) == start + 1 and len(blocks[start]) <= MAX_END_MARK_CHARS:
                blocks[start] = TableRow(blocks[start])  # a cell of its own paragraph: "Comment" names a column


def has_text_begun(blocks: list[str]) -> bool:
    """Whether a paragraph of prose was read already: the headline comes before it (and a kicker or a
    date line may too); an <h1> after it heads a section of the text (a blog platform sets them so)."""
    return any(len(block) >= MIN_OPENING_CHARS and block.endswith(FULL_STOPS) for block in blocks)


def is_section_heading(heading: Node, container: Node) -> bool:
    """Whether an <h1> below the text's opening heads a section of it: not one named a headline or a
    title, nor one heading an <article> or a <header> of its own (the next story of a page that
    stacks them), nor the page's first (its headline), and short (a caption set as an <h1> is longer)."""
    if HEADLINE_NAMES.search(node_names(heading)):
        return False
    ancestor = heading.parent
    while ancestor is not None and ancestor.mem_id != container.mem_id:
        if ancestor.tag in HEADLINE_BOXES:
            return False
        ancestor = ancestor.parent
    return len(node_text(heading)) <= MAX_SECTION_HEADING_CHARS and not is_first_h1(heading)


def is_first_h1(heading: Node) -> bool:
    """Whether the <h1> is the page's first: its headline, wherever the layout sets it (below a summary)."""
    top = heading
    while top.parent is not None:
        top = top.parent
    first = top.css_first(HEADLINE_TAG)
    return first is not None and first.mem_id == heading.mem_id


def is_row_of_facts(row: Node) -> bool:
    """Whether a table row is a row of facts (read as one block): its cells hold bare text, or short
    text in blocks of their own (a rich-text editor's <div> or <p> around each value); a cell with a
    nested table or a paragraph's worth of text makes it a layout row, walked block by block."""
    for cell in row.iter():
        if has_nested_block(cell) and (cell.css_first("table") is not None
                                       or len(cell.text(deep=True, strip=True)) > MAX_FACT_CELL_CHARS):
            return False
    return True


def block_text(block: Node, container: Node) -> str | None:
    """A block's text, or None when it is not a block of its own or is not prose."""
    tag = block.tag
    if tag == "div":
        if len(block.text(deep=False, strip=True)) < MIN_PROSE_CHARS or has_nested_block(block):
            return None
    elif tag in ("blockquote", "li"):
        if block.css_first("p") is not None:
            return None  # its <p> children are blocks of their own
    enclosing = enclosing_tag(block, container)
    if enclosing == "a" or (enclosing == "p" and tag not in ("div", "blockquote", "li")):
        return None  # a teaser card wrapped in its link; a block read with its paragraph
    text = node_text(block)
    if not text or CHROME_LINE.match(text) or MARKUP_TEXT.match(text):
        return None
    if block.css_first("a") is not None and link_share(block, len(text)) > MAX_BLOCK_LINK_DENSITY \
            and not is_linked_prose(block, text) and not is_anchored_heading(block):
        return None
    return text


def is_anchored_heading(block: Node) -> bool:
    """A sub-heading whose links all point at anchors on the page (its own permalink), or are anchors
    themselves (`<a name="part2">`, a target with no href, that a table of contents jumps to): text, not a link."""
    if block.tag not in SUB_HEADINGS:
        return False
    for link in block.css("a"):
        attributes = link.attributes
        if "href" not in attributes:
            continue  # an anchor, not a link
        href = attributes["href"] or ""
        if len(href) <= len(IN_PAGE_LINK) or not href.startswith(IN_PAGE_LINK):
            return False  # a link elsewhere, or a bare "#" a script follows (a teaser's)
    return True


def enclosing_tag(node: Node, container: Node) -> str | None:
    """"a" when the node sits in a link, "p" when in a paragraph (the nearer wins), below `container`."""
    parent = node.parent
    while parent is not None and parent.mem_id != container.mem_id:
        if parent.tag in ("a", "p"):
            return parent.tag
        parent = parent.parent
    return None


def is_linked_prose(block: Node, text: str) -> bool:
    """A paragraph (or a list item) with a linked phrase or sentence in it, not a list of links: a
    reference list's entry, "Doe, J. (2014). <a>The title of the paper</a>. A journal, 12, 1-9."."""
    if block.tag not in LINKED_PROSE_BLOCKS or not text.endswith(SENTENCE_ENDS):
        return False
    return len(text) - folded_link_chars(block) >= MIN_UNLINKED_PROSE_CHARS


def unique(blocks: list[str]) -> list[str]:
    """Each block once: a lead repeated in a teaser, a slider's copy of a paragraph, a donation call
    after every section. But a text that is mostly one paragraph, said again and again (a refrain,
    a template's filler text), keeps each time it says it: without them little of the text is left."""
    distinct = list(dict.fromkeys(blocks))
    if len(distinct) == len(blocks):
        return blocks
    refrain = max(distinct, key=len)
    if len(refrain) < REFRAIN_SHARE * sum(map(len, distinct)):
        return distinct
    seen: set[str] = set()
    kept: list[str] = []
    for block in blocks:
        if block == refrain or block not in seen:
            kept.append(block)
            seen.add(block)
    return kept


def trim_edges(blocks: list[str]) -> list[str]:
    """Drop a leading date line ("10.11.2021", "Posted: April 21, 2022") or byline ("By Jane Doe"),
    one among the first blocks (below a kicker or the lead),
    a byline that opens the first paragraph ("By Jane Doe: The ...") and trailing contact
    details, dangling labels ("Find the paper here:") and link captions without a sentence."""
    start = 0
    while start < min(len(blocks), LEADING_LINES) and is_metadata_line(blocks[start]):
        start += 1
    # ... and one below a kicker or the lead: "29.06.2023, 15:04 | Lesedauer: 7 Minuten"
    blocks = blocks[:start] + [block for block in blocks[start:LEADING_LINES]
                               if isinstance(block, (ListItem, TableRow)) or not is_metadata_line(block)] \
        + blocks[max(start, LEADING_LINES):]
    blocks = blocks[:start] + [strip_byline(block) for block in blocks[start:start + 1]] + blocks[start + 1:]
    end = len(blocks)
    while end > start + 1 and is_trailing_furniture(blocks[end - 1]):
        end -= 1
    return blocks[start:end]


def is_metadata_line(block: str) -> bool:
    """A date line ("10.11.2021", "Posted: April 21, 2022") or a byline ("By Jane Doe"); not a short
    sentence that holds a date ("Vienna, 12 May 2024 - The council met and decided.")."""
    return bool((len(block) <= MAX_DATE_LINE and not is_dated_sentence(block) and find_date(block))
                or (len(block) <= MAX_BYLINE_CHARS and BYLINE.match(block)))


def is_dated_sentence(block: str) -> bool:
    """A sentence of some words that names a date, not a stamp: it ends as a sentence does (not in an
    abbreviation: "4 Min.", "10 a.m."), has no label or separator ("Stand:", "|", "·") and does not
    open with a stamp's word ("Updated on 3 June 2024 at noon.")."""
    words = block.split()
    return (len(words) >= MIN_DATED_SENTENCE_WORDS and block.endswith(DATED_SENTENCE_ENDS)
            and len(last_word(words[-1])) >= MIN_LAST_WORD_CHARS
            and not any(mark in block for mark in STAMP_SEPARATORS) and not STAMP_OPENING.match(block))


def last_word(token: str) -> str:
    """The last run of word characters of a token ("a.m." -> "m", "Vienna." -> "Vienna")."""
    found = WORD.findall(token)
    return found[-1] if found else ""


def strip_byline(block: str) -> str:
    """The paragraph without the byline that opens it ("By Jane Doe: The minister ..." -> "The minister ...")."""
    found = BYLINE_OPENING.match(block)
    if not found or isinstance(block, (ListItem, TableRow)):
        return block
    return block[found.end():]


def is_trailing_furniture(block: str) -> bool:
    if len(block) <= MAX_CONTACT_CHARS and (CALL_TO_ACTION.search(block) or CONTACT_DETAILS.search(block) and not is_sentence(block)):
        return True
    if len(block) <= MAX_PRESS_OFFER_CHARS and PRESS_OFFER.search(block):
        return True
    if isinstance(block, (ListItem, TableRow)):
        return False  # every item of a list in the text is text (fixtures/README.md), and so is every row of a table
    if len(block) <= MAX_DANGLING_CHARS and block.endswith((":", "：")):
        return True
    if len(block) <= MAX_POST_FOOTER_CHARS and POST_FOOTER.search(block):
        return True
    if len(block) <= MAX_ITEM_LINE_CHARS and is_line_of_items(block):
        return True
    return len(block) <= MAX_CAPTION_CHARS and not block.endswith(SENTENCE_ENDS) and not is_sign_off(block)


def is_sign_off(block: str) -> bool:
    """A news text's closing credit line, part of its text: "-- Jane Doe", "— Compiled by Jane Doe",
    "Reporting by Jane Doe; Editing by John Roe"; not a label set between dashes ("— Advertisement —") nor
    an embedded post's signature ("— Jane Doe (@janedoe) May 2, 2024")."""
    return SIGN_OFF.match(block) is not None and not block.endswith(DASHES) and HANDLE_IN_PARENTHESES not in block


def is_line_of_items(block: str) -> bool:
    """Items run together with bullets or bars, the last no sentence: a line of deals, of links, of
    programme notes ("Daily Deals • Pixel 8 • eneloop AAA [Ad]", "Imprint | Privacy | Copyright")."""
    return not block.endswith(FULL_STOPS) and any(block.count(mark) >= MIN_LINE_ITEMS - 1 for mark in ITEM_SEPARATORS)


def is_sentence(block: str) -> bool:
    """A sentence of some words, written out: "Those with information are asked to call ... at 555-0100.",
    not a block of contact details ("Press office: Jane Doe, +1 555 0100, press@example.org")."""
    return block.endswith(".") and len(block.split()) >= MIN_SENTENCE_WORDS and not CONTACT_OPENING.match(block)


def cut_trailing_furniture(blocks: list[str]) -> list[str]:
    """End the text at a contact, related-links or last-updated block in its second half, or at a
    block that opens with a press-contact label however long it is ("Pressekontakte: ...")."""
    total = sum(map(len, blocks))
    seen = 0
    kept: list[str] = []
    for index, block in enumerate(blocks):
        if index and seen >= total * END_MIN_SHARE and not isinstance(block, TableRow):
            if len(block) <= MAX_END_MARK_CHARS and END_OF_TEXT.match(block):
                rest = blocks[index + 1:]
                if not (text_goes_on(rest, total) or (INLINE_PROMO_MARK.match(block) and text_resumes(rest))):
                    return kept
                seen += len(block)
                continue  # a "Related" box inside the text: the box goes, the text after it stays
            if CONTACT_OPENING.match(block):
                return kept
        kept.append(block)
        seen += len(block)
    return kept


def text_resumes(rest: list[str]) -> bool:
    """Whether what follows an inline promo's mark is mostly paragraphs of prose: the end of the text."""
    prose = [block for block in rest if len(block) >= PROMO_TEXT_GOES_ON_CHARS and block.endswith(SENTENCE_ENDS)]
    return len(prose) >= PROMO_TEXT_GOES_ON_PARAGRAPHS and sum(map(len, prose)) >= PROMO_TEXT_GOES_ON_SHARE * sum(map(len, rest))
def text_goes_on(rest: list[str], total: int) -> bool:
    """Whether the blocks after an end mark are more of the text: several paragraphs of prose,
    a good share of the whole (after a real end come links, teasers, a contact: little prose)."""
    prose = [block for block in rest if len(block) >= TEXT_GOES_ON_CHARS and block.endswith(SENTENCE_ENDS)]
    return len(prose) >= TEXT_GOES_ON_PARAGRAPHS and sum(map(len, prose)) >= TEXT_GOES_ON_SHARE * total

