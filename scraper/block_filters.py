"""Step 3, continued: of the blocks `scraper/blocks.py` read, which are not the release's words. Pure, on strings.

Captions set as paragraphs (signed "Foto: ...", or opening "Pictured ..."), calls to follow the site
or get its newsletter, consent lines of embeds and forms, disclosures of affiliate links, account
and paywall lines and a live blog's entry stamps are not text; nor is a leading date line or byline.
The release ends at a trailing "Contact" / "Related" / "Last updated" block, a press-contact paragraph,
a call to give or subscribe, a blog post's footer line or a line of items run together ("a • b • c • d");
a news text's sign-off ("-- Jane Doe", "Reporting by ...; Editing by ...") is its last line, not a caption.
A block the walk marks as a list item (`ListItem`) or a table row (`TableRow`) is text however short.
"""

from __future__ import annotations

import re

from scraper.dates import find_date
from scraper.text import SENTENCE_ENDS, WORD

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
NAME_WORD = r"[A-ZÀ-ÖØ-Þ][\w'’.-]*"
NAME_PARTICLE = r"(?:van|von|de|der|den|da|del|di|la|le|du|dos|bin)"
NEXT_NAME_WORD = rf"\s+(?:{NAME_PARTICLE}\s+)?{NAME_WORD}"
BYLINE_NAME = rf"{NAME_WORD}(?:{NEXT_NAME_WORD}){{0,4}}"
BYLINE_NAMES = rf"{BYLINE_NAME}(?:\s*(?:,|&|\band\b|\bund\b|\bet\b|\by\b|\be\b)\s*{BYLINE_NAME})*"
BYLINE_WORD = r"(?i:by|von|par|por|door|di|written by|text:?|autor(?:in)?:?|author:?)"
BYLINE = re.compile(rf"^{BYLINE_WORD}\s+{BYLINE_NAMES}\s*$")
# A news text's sign-off, its last line: a dash and the author's name ("-- Jane Doe", "— By Jane Doe"), or
# the agencies' credits ("Reporting by Jane Doe; Editing by John Roe", "(Additional reporting by ...)").
DASHES = ("-", "–", "—")
HANDLE_IN_PARENTHESES = "(@"
# The dash form is the whole line, a name (initials, a first name) and perhaps the author's handle: "— Suzette",
# "-- By Jane Doe Follow @janedoe"; "- Read more", "— Story continues below" and "— Advertisement" are labels.
SIGN_OFF_HANDLE = r"(?:\s+(?i:follow\s+)?@\w+)?"
SIGN_OFF_LABEL = r"(?i:advertisement|advertising|anzeige|werbung|publicité|sponsored)\s*$"
SIGN_OFF = re.compile(
    rf"^(?:[-–—]{{1,2}}\s*(?!{SIGN_OFF_LABEL})(?:(?i:compiled|written|reported|edited)\s+)?(?:(?i:by)\s+)?{BYLINE_NAME}"
    rf"{SIGN_OFF_HANDLE}\s*$"
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
# A paragraph that is this share of a text's distinct characters or more is its text, however often
# it comes (see `unique`).
REFRAIN_SHARE = 0.5


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


class TableRow(str):
    """A table row's (or a short cell's) text: a cell saying "Comment" or "Contact" is a column's name,
    not the end of the text."""


class ListItem(str):
    """A list item's text: release text however short ("Budget: 4 million euros"), never a caption."""


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
