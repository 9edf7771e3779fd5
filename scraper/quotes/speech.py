"""Speech or not, and the whole extraction: spans, mentions, attribution, records.

Quoted titles, scare quotes and terms are not speech: no attribution, mid-sentence, short, title-cased
or cued by a noun (`the report "…"`). A stand-alone quote opening a sentence continues the previous
speaker.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence

from schemas import Quote, Speaker
from scraper.quotes.attribution import attribution_after, attribution_before, resolve
from scraper.quotes.bounds import scanned_paragraphs
from scraper.quotes.lexicon import LEADING_SPACE_RE, TITLE_CUES, TITLE_LINKS, WINDOW, WORD_RE, last_clause_end
from scraper.quotes.marks import Span, all_spans
from scraper.quotes.people import Mention, People, Person, find_mentions, readable_name

FIRST_PERSON_RE = re.compile(r"\b(?:I|we|We|our|Our|us|my|My|me)\b")
PARTIAL_MIN_WORDS = 6
SENTENCE_PUNCTUATION = ".!?…"
# The share of capitalized words (of four letters or more, after the first) that makes a quote title-like.
# German capitalizes every noun, so a sentence ("Das ist erst der Anfang.") reaches half of them.
TITLE_CASE_SHARE = 0.5
TITLE_CASE_SHARE_DE = 0.75


def _sentence_initial(text: str, offset: int, floor: int = 0) -> bool:
    """Nothing but punctuation between the last sentence end (or quote, ending at `floor`) and the opening mark."""
    clause_start = last_clause_end(text, max(floor, offset - WINDOW), offset)
    return not WORD_RE.search(text, clause_start, offset)


def _ends_sentence(span: Span, paragraphs: Sequence[str]) -> bool:
    """The quote is not the subject or object of a sentence that goes on after it."""
    tail = paragraphs[span.end_paragraph][span.end : span.end + WINDOW].lstrip()
    if not tail or tail[0] in ".!?;\"“”«»„":
        return True
    return span.text[-1:] in SENTENCE_PUNCTUATION and tail[0].isupper()


def _punctuated(span: Span, paragraphs: Sequence[str]) -> bool:
    """Speech ends in sentence punctuation, inside the marks or right after them; a quoted line without
    any is a heading or a motto ("„Die Türen der Kirche öffnen“" above the text)."""
    last = span.text.rstrip()[-1:]
    after = paragraphs[span.end_paragraph][span.end : span.end + 2].lstrip()[:1]
    return bool(last) and last in SENTENCE_PUNCTUATION or bool(after) and after in SENTENCE_PUNCTUATION


def _title_like(text: str, paragraph: str, offset: int, language: str | None = None) -> bool:
    """A quoted title or term: cued by a noun or article before it, or written in title case."""
    clause_start = last_clause_end(paragraph, max(0, offset - 80), offset)
    before = WORD_RE.findall(paragraph[clause_start:offset])[-4:]
    lowered = [word.casefold() for word in before]
    if lowered and lowered[-1] in ("the", "a", "an", "so-called", "as", "of", "der", "die", "das", "le", "la", "les", "du", "des"):
        return True
    if _cued_as_title(lowered):
        return True
    words = [word for word in WORD_RE.findall(text)[1:] if len(word) >= 4]
    capitalized = sum(1 for word in words if word[0].isupper())
    share = TITLE_CASE_SHARE_DE if language and language.startswith("de") else TITLE_CASE_SHARE
    return len(words) >= 2 and capitalized / len(words) >= share


def _cued_as_title(lowered: list[str]) -> bool:
    """A title noun names the quote (`the report “…”`, `a campaign called “…”`), not a noun that is
    the subject of a verb before a quoted predicate (`the guidelines were “…”`)."""
    for index in range(len(lowered) - 1, -1, -1):
        if lowered[index] in TITLE_CUES:
            return True
        if lowered[index] not in TITLE_LINKS:
            return False
    return False


def _word_count(text: str) -> int:
    return len(WORD_RE.findall(text))


def _quoted_regions(spans: Sequence[Span]) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    return [((span.paragraph, span.start), (span.end_paragraph, span.end)) for span in spans if span.closed]


def _outside(mentions: list[Mention], regions: list[tuple[tuple[int, int], tuple[int, int]]]) -> list[Mention]:
    """Names inside quotation marks are the speaker's words, not the release introducing someone."""
    kept, index = [], 0
    for mention in mentions:  # both lists are in text order
        where = (mention.paragraph, mention.start)
        while index < len(regions) and regions[index][1] <= where:
            index += 1
        if index < len(regions) and regions[index][0] <= where:
            continue
        kept.append(mention)
    return kept


def extract_quotes(paragraphs: Sequence[str], language: str | None = None) -> tuple[list[Quote], list[Speaker]]:
    """Direct quotes (text, speaker, paragraph) and their speakers (name, role), in order.

    Never raises on odd text: unbalanced marks give at most a quote to the end of the paragraph.
    Reads the first MAX_SCANNED_CHARS characters of the text only (scraper/quotes/bounds.py).
    """
    paragraphs = scanned_paragraphs([paragraph or "" for paragraph in paragraphs])  # bounded: see scraper/quotes/bounds.py
    spans = all_spans(paragraphs)
    if not spans:
        return [], []
    # Reading every name and role is the costly pass (German capitalizes every noun): it runs only
    # once some quoted span turns out to have an attribution to resolve.
    people = functools.cache(lambda: People(_outside(find_mentions(paragraphs), _quoted_regions(spans))))
    quotes: list[Quote] = []
    quoted: list[Person] = []
    last_speaker: Person | None = None
    for index, span in enumerate(spans):
        if not WORD_RE.search(span.text):
            continue
        decision = _decide(span, paragraphs, language, people, last_speaker, _neighbours(spans, index))
        if decision is None:
            continue
        speaker = decision if isinstance(decision, Person) else None
        quotes.append(Quote(text=span.text, speaker=readable_name(speaker.name) if speaker else None, paragraph=span.paragraph))
        last_speaker = speaker
        if speaker is not None and speaker not in quoted:
            quoted.append(speaker)
    speakers = [_speaker(person) for person in quoted]
    return quotes, speakers


def _speaker(person: Person) -> Speaker:
    name = readable_name(person.name)
    return Speaker(
        name=name, name_raw=person.name if person.name != name else None, role=person.role, affiliation=person.affiliation
    )


def _neighbours(spans: Sequence[Span], index: int) -> tuple[int, int | None]:
    """Where the quote before this one ends in its paragraph (0 if none) and where the next one starts
    in the paragraph this one ends in (None if none): an attribution never reaches into another quote
    (single marks are no clause ends, as apostrophes share them, so this is what bounds their clauses)."""
    span = spans[index]
    before = spans[index - 1] if index > 0 else None
    after = spans[index + 1] if index + 1 < len(spans) else None
    floor = before.end if before is not None and before.end_paragraph == span.paragraph else 0
    limit = after.start + 1 if after is not None and after.paragraph == span.end_paragraph else None  # its mark ends the clause
    return floor, limit


def _decide(
    span: Span,
    paragraphs: Sequence[str],
    language: str | None,
    people: Callable[[], People],
    last_speaker: Person | None,
    neighbours: tuple[int, int | None] = (0, None),
) -> Person | None | bool:
    """The speaker (a Person, or False for speech nobody is named for); None when not speech."""
    text = paragraphs[span.paragraph]
    floor, limit = neighbours
    words = _word_count(span.text)
    initial = _sentence_initial(text, span.start, floor)
    attribution = attribution_after(span, paragraphs, language, initial, limit) or attribution_before(
        text, span.start, span.paragraph, language, floor
    )
    opens_paragraph = LEADING_SPACE_RE.match(text).end() == span.start
    if attribution is None and opens_paragraph and span.paragraph > 0:
        previous = paragraphs[span.paragraph - 1][-WINDOW:].rstrip()
        if previous.endswith(":"):
            attribution = attribution_before(previous, len(previous), span.paragraph - 1, language)
    title_like = functools.cache(lambda: _title_like(span.text, text, span.start, language))  # read once, if at all
    partial_speech = words >= PARTIAL_MIN_WORDS and not title_like()
    if attribution is not None and (attribution.strict or partial_speech):
        return resolve(attribution, people()) or False
    if not span.closed and not opens_paragraph:
        return None
    if initial and words >= 3 and _ends_sentence(span, paragraphs) and _punctuated(span, paragraphs) and not title_like():
        return last_speaker or False  # a stand-alone quote continues the previous speaker
    if words >= 8 and FIRST_PERSON_RE.search(span.text) and not title_like():
        return False
    return None
