"""What kind of item a page is, in one vocabulary across sites and languages.

Pages label their items in their own words ("Press Releases", "Pressemitteilung", "Communiqué de
presse", "Пресс-релиз"); records keep those words in `kind_raw` and give `kind` one of the lower-case
terms of `KIND_VOCABULARY`, so that a consumer filters on one value whatever site or language the page
is in. Words the vocabulary does not know give `kind: null` (the page's words stay in `kind_raw`): a
closed vocabulary is never extended by a guess.
"""

from __future__ import annotations

import re

# The vocabulary, lower case as a reader writes the terms in a sentence ("a press release").
PRESS_RELEASE = "press release"
NEWS = "news"
STATEMENT = "statement"
SPEECH = "speech"
MEDIA_ADVISORY = "media advisory"
INTERVIEW = "interview"
FEATURE = "feature"
OPINION = "opinion"

# The page's words (casefolded, whitespace collapsed, trailing colon dropped) to the vocabulary.
KIND_SYNONYMS: dict[str, tuple[str, ...]] = {
    PRESS_RELEASE: (
        "press release", "press releases", "news release", "news releases", "media release", "media releases",
        "communiqué de presse", "communiqués de presse", "communiqué", "communiqués", "communiqué de presse conjoint",
        "pressemitteilung", "pressemitteilungen", "presseinformation", "presseinformationen", "pressemeldung",
        "пресс-релиз", "пресс-релизы", "comunicado de prensa", "comunicato stampa",
    ),
    NEWS: (
        "news", "news item", "news story", "latest news", "actualité", "actualités", "nouvelles", "aktuelles",
        "nachricht", "nachrichten", "meldung", "meldungen", "новости", "новость", "noticias",
    ),
    STATEMENT: (
        "statement", "statements", "press statement", "joint statement", "déclaration", "déclarations",
        "erklärung", "presseerklärung", "stellungnahme", "заявление", "заявления", "заявление для прессы",
    ),
    SPEECH: ("speech", "speeches", "remarks", "discours", "rede", "reden", "речь", "выступление", "выступления"),
    MEDIA_ADVISORY: (
        "media advisory", "media advisories", "press advisory", "note to editors", "avis aux médias",
        "medienhinweis", "presseeinladung", "анонс для сми", "анонс",
    ),
    INTERVIEW: ("interview", "interviews", "entretien", "entretiens", "интервью"),
    FEATURE: ("feature", "features", "feature story", "story", "stories", "reportage", "reportagen", "репортаж"),
    OPINION: ("op-ed", "op-eds", "opinion", "tribune", "gastbeitrag", "kommentar", "мнение", "колонка"),
}
KIND_VOCABULARY = tuple(KIND_SYNONYMS)
_KIND_OF = {synonym: kind for kind, synonyms in KIND_SYNONYMS.items() for synonym in synonyms}
_SPACES = re.compile(r"\s+")


def kind_key(text: str) -> str:
    """The page's words as the synonym table writes them: casefolded, one space, no closing colon."""
    return _SPACES.sub(" ", text.replace("’", "'")).strip(" :：.").casefold()


def normalize_kind(raw: str | None) -> str | None:
    """The vocabulary term for a page's kind label ("Pressemitteilung" -> "press release"); None
    when there is no label or the vocabulary does not know it."""
    return _KIND_OF.get(kind_key(raw)) if raw else None
