"""Pass 3: who said a quote: a reporting verb after it (`"…," said X`, `"…," X said`), before it
(`X said: "…"`, `According to X, "…"`), and the person the speaker phrase names; an institution or
an unknown gives None, never a guess."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from scraper.quotes.lexicon import (
    ADVERBS,
    CLAUSE_END_RE,
    CONJUNCTIONS,
    FRENCH_PARTICIPLE_AFTER_AUXILIARY,
    HONORIFICS,
    PRONOUNS,
    ROLE_MODIFIERS,
    SUBJECT_WORDS,
    VERB_RE,
    VERB_SO_DE,
    WINDOW,
    WORD_RE,
    last_clause_end,
)
from scraper.quotes.marks import Span
from scraper.quotes.names import is_title, names_in
from scraper.quotes.people import People, Person

AFTER_LEAD_RE = re.compile(r"\s*(?:\)\s*)?([,.;:!?]?)\s*(?:[—–-]+\s*)?")


@dataclass
class Attribution:
    phrase: str
    subject: bool  # the phrase comes before the verb (its subject) rather than after it
    where: tuple[int, int]
    strict: bool = True  # the verb governs the quote directly (not a partial quote mid-sentence)
    pronoun: str | None = None  # a pronoun carried by the verb ("a-t-elle précisé")


# A verb followed by a colon and the next quotation mark ("… Name added: “…”").
INTRODUCES_NEXT_RE = re.compile(r"\s*:\s*[\"“”«»„]")
COMMA_THEN_LOWER_RE = re.compile(r",\s+(?!(?:the|a|an|die|der|le|la)\b)(?=[a-zß-ÿа-яё])")
STRICT_BETWEEN_RE = re.compile(r"^(?:\s+(?:that|dass|que|что))?\s*[:,]?\s*$")
COLON_BETWEEN_RE = re.compile(r"^[^.!?:\"“”«»„]{0,100}:\s*$")
FRENCH_PRONOUN_RE = re.compile(r"-t-(il|elle)\b")
# Two names joined by a bare conjunction: the quote is theirs together.
JOINED_RE = re.compile(r"\s*(?:and|und|et|и|&)\s*")
COLON_END_RE = re.compile(r":\s*$")
# A subject pronoun right after the reporting verb ("erklärte sie:", "sagte er den Journalisten:").
INVERTED_PRONOUN_RE = re.compile(r"\s+(\w+)\b")
PRONOUN_SUBJECT_RE = re.compile(r"\s*(\w+)\s+(?:also\s+)?[^\W\d_A-ZА-ЯЁ]")
# After a subject name: an optional parenthesis and a comma-enclosed appositive, then the predicate.
SUBJECT_PREDICATE_RE = re.compile(r"(?:\s*\([^()]{0,40}\))?(?:,[^,:]{1,200}(?=,))?,?\s+(?:also\s+)?(?P<word>\w+)")
# Lowercase words after a name that are no verb of it ("Name of the Office", "Name in Vienna").
NOT_A_PREDICATE = frozenset(
    """of for from in at on to with by the a an who which whose whom that as about via за из в на по с
    для от""".split()
)
# The last subject of a subject phrase: what follows its last comma or joining conjunction ("Omicron
# has spread, and the Director noted"); when it is "the <Title>", the title names the speaker.
SUBJECT_TAIL_RE = re.compile(
    r"(?:^|,|\s(?:and|but|while|und|aber|während)\s)\s*(?P<tail>(?:[Tt]he|[Dd]ie|[Dd]er|[Ll]e|[Ll]a)\s+[^,]*)$"
)
# A name right after these is the object of a preposition ("Präsident des Malteser Hilfsdienst,
# Georg Name"): an institution, when a name follows it.
OBJECT_PREPOSITIONS = frozenset("of des der von for für".split())
# French "a" + past participle ("M. Diop a salué la décision :") is a predicate, not the article "a".
# Up to three words may stand between ("a pour sa part insisté", "a également salué").
FRENCH_PERFECT_RE = re.compile(rf"a\s+{FRENCH_PARTICIPLE_AFTER_AUXILIARY}")
MAX_BARE_TITLE_WORDS = 4
# A pronoun right before the reporting verb is its subject after a sentence-opening phrase of at most
# this many words ("After the meeting with the two ministers, she said:").
MAX_OPENING_ADVERBIAL_WORDS = 8
OBJECT_VERBS_RE = re.compile(r"^(?:according\s+to|in\s+the\s+words\s+of|selon|по\s+)", re.IGNORECASE)


def _find_verb(clause: str, language: str | None, last: bool = False) -> re.Match[str] | None:
    matches = list(VERB_RE.finditer(clause)) if last else [m for m in [VERB_RE.search(clause)] if m]
    if language and language.startswith("de"):
        so = list(VERB_SO_DE.finditer(clause))
        matches = sorted([*matches, *(so if last else so[:1])], key=lambda m: m.start())
    if not matches:
        return None
    return matches[-1] if last else matches[0]


def attribution_after(
    span: Span, paragraphs: Sequence[str], language: str | None, sentence_initial: bool, limit: int | None = None
) -> Attribution | None:
    """`"…," said X` / `"…," X said` / `«…», — сказал X`; read up to `limit` (the next quote's start)."""
    if not span.closed:
        return None
    text = paragraphs[span.end_paragraph]
    tail = text[span.end : min(span.end + WINDOW, limit if limit is not None else len(text))]
    lead = AFTER_LEAD_RE.match(tail)
    punct = lead.group(1) if lead else ""
    if punct in (".", "!", "?", ";", ":") and punct:
        return None  # a new sentence begins
    if not (sentence_initial or punct or span.text[-1:] in ",.!?…" or "—" in tail[: lead.end()] or "–" in tail[: lead.end()]):
        return None  # a quoted word inside a sentence
    rest = tail[lead.end() :]
    stop = CLAUSE_END_RE.search(rest)
    clause = rest[: stop.start()] if stop else rest
    verb = _find_verb(clause, language)
    if verb is None or verb.start() > 120:
        return None
    if span.text[-1:] in ".!?" and stop is not None and INTRODUCES_NEXT_RE.match(rest, verb.end(), stop.end()):
        return None  # `“….” Name added: “…”`: the verb introduces the next quote, not this finished one
    where = (span.end_paragraph, span.end + lead.end() + verb.start())
    pronoun = FRENCH_PRONOUN_RE.search(verb.group())
    subject = clause[: verb.start()]
    if pronoun:
        return Attribution("", False, where, pronoun=pronoun.group(1))
    if subject.strip():
        if all(word.casefold() in CONJUNCTIONS for word in WORD_RE.findall(subject)):
            return None
        if not _looks_like_subject(subject) or re.match(r"\s+(?:that|dass|que|что)\b", clause[verb.end() :]):
            return None
        return Attribution(subject, True, where)
    return Attribution(clause[verb.end() :], False, where)


def _looks_like_subject(subject: str) -> bool:
    words = WORD_RE.findall(subject)
    if len(words) > 12:
        return False
    others = [w for w in words if w[0].islower() and w.casefold() not in SUBJECT_WORDS and not is_title(w)]
    return len(others) <= 3


def attribution_before(text: str, offset: int, paragraph: int, language: str | None, floor: int = 0) -> Attribution | None:
    """`X said: "…"` / `X stated, "…"` / `According to X, "…"` (the clause before `offset`, after
    `floor`: the end of the quote before it)."""
    clause_start = last_clause_end(text, max(floor, offset - WINDOW), offset)
    clause = text[clause_start:offset]
    verb = _find_verb(clause, language, last=True)
    if verb is None:
        return _colon_introduction(clause, clause_start, paragraph)
    between = clause[verb.end() :]
    where = (paragraph, clause_start + verb.start())
    pronoun = FRENCH_PRONOUN_RE.search(verb.group())
    if pronoun:
        return Attribution("", False, where, pronoun=pronoun.group(1))
    if OBJECT_VERBS_RE.match(verb.group()):
        return Attribution(between, False, where, strict=bool(re.search(r"[,:]\s*$", between)))
    strict = bool(STRICT_BETWEEN_RE.match(between) or COLON_BETWEEN_RE.match(between))
    if not strict and (len(between.split()) > 15 or re.search(r"[.!?]", between)):
        return None
    subject = clause[: verb.start()]
    inverted = INVERTED_PRONOUN_RE.match(between)
    if inverted is not None and inverted.group(1).casefold() in PRONOUNS:
        # "Nach dem Besuch erklärte sie: „…“": the pronoun after the verb is its subject (German puts the
        # verb second), whatever capitalized nouns the opening phrase holds
        return Attribution("", False, where, strict, pronoun=inverted.group(1).casefold())
    if not subject.strip() or not _has_speaker_words(subject):
        return Attribution(between, False, where, strict)
    return Attribution(subject, True, where, strict)


def _colon_introduction(clause: str, clause_start: int, paragraph: int) -> Attribution | None:
    """`Name, the Ombudsperson, addressed the participants: "…"`: a clause without a reporting verb
    that ends in a colon introduces the quote, and its subject speaks. The subject is the first name
    (or a pronoun opening the clause) followed, past an optional appositive, by a lowercase word: its
    verb. Not strict: a short or title-like quote after such a colon is not taken as speech."""
    if not COLON_END_RE.search(clause):
        return None
    pronoun = PRONOUN_SUBJECT_RE.match(clause)
    if pronoun is not None and pronoun.group(1).casefold() in PRONOUNS:
        return Attribution(pronoun.group(1), True, (paragraph, clause_start + pronoun.start(1)), strict=False)
    for start, end, tokens in names_in(clause):
        predicate = SUBJECT_PREDICATE_RE.match(clause, end)
        if predicate is None or not predicate.group("word").islower():
            continue
        if predicate.group("word").casefold() in CONJUNCTIONS:
            return None  # "X and Y welcomed the guests:": two speakers, no telling whose words follow
        if len(tokens) < 2 or (
            predicate.group("word").casefold() in NOT_A_PREDICATE
            and not FRENCH_PERFECT_RE.match(clause, predicate.start("word"))
        ):
            continue
        if not _titled(clause[:start]) and not _titled(clause[end : predicate.start("word")]):
            return None  # no title says the subject is a person ("einer Zürcher Landsgemeinde")
        return Attribution(clause[start:end], True, (paragraph, clause_start + start), strict=False)
    return None


def _titled(text: str) -> bool:
    """A title or honorific among the words: a colon introduction needs this much to name a speaker,
    and the check is local, so a page whose only colon is of this kind reads no other names."""
    return any(is_title(word) or word.casefold() in HONORIFICS for word in WORD_RE.findall(text))


def _has_speaker_words(phrase: str) -> bool:
    if names_in(phrase) or any(word.casefold() in PRONOUNS for word in WORD_RE.findall(phrase)[-3:]):
        return True
    tail = SUBJECT_TAIL_RE.search(phrase)  # "…, and the Director noted that"
    if tail is not None and any(is_title(word) for word in WORD_RE.findall(tail.group("tail"))):
        return True
    return _bare_title(phrase)


def _bare_title(phrase: str) -> bool:
    """A title without an article, as languages without articles write it ("Министр заявил:")."""
    words = WORD_RE.findall(phrase)
    return 0 < len(words) <= MAX_BARE_TITLE_WORDS and is_title(words[0]) and all(
        is_title(word) or word.casefold() in ROLE_MODIFIERS for word in words
    )


def resolve(attribution: Attribution, people: People) -> Person | None:
    """The person an attribution names; None for an institution or anyone the text does not name."""
    if attribution.pronoun:
        return people.latest_before(attribution.where, PRONOUNS.get(attribution.pronoun))
    phrase = attribution.phrase
    if not attribution.subject:
        cut = COMMA_THEN_LOWER_RE.search(phrase)
        phrase = phrase[: cut.start()] if cut else phrase
    words = WORD_RE.findall(phrase)
    pronoun = _pronoun_of(words, attribution.subject)
    if pronoun is not None:
        return people.latest_before(attribution.where, PRONOUNS[pronoun])
    tail = SUBJECT_TAIL_RE.search(phrase) if attribution.subject else None
    if tail is not None and not names_in(tail.group("tail")):
        return people.by_title(WORD_RE.findall(tail.group("tail")), attribution.where)
    names = [name for name in names_in(phrase) if len(name[2]) >= 2 or people.find(name[2])]
    if not names and len(names_in(phrase)) == 1 and len(words) <= 3:
        names = names_in(phrase)  # "“…,” Smith said": a surname the text never gave in full
    if names:
        chosen = names[-1] if attribution.subject else _first_not_object(phrase, names)
        if _said_jointly(phrase, names, names.index(chosen), people):
            return None  # "said Marstrand and Brenk": a quote of two people is nobody's alone
        return people.confirm(chosen[2], attribution.where)
    return people.by_title(words, attribution.where)


def _said_jointly(phrase: str, names: list[tuple[int, int, tuple[str, ...]]], index: int, people: People) -> bool:
    """Whether the name at `index` is joined by a bare conjunction to a neighbour, both people the text
    names ("Marstrand and Brenk", "Müller und Weber"); a place joined so ("Bosnia and Herzegovina") is
    no person of the text, so it never counts."""
    for left, right in ((index - 1, index), (index, index + 1)):
        if left < 0 or right >= len(names):
            continue
        between = phrase[names[left][1] : names[right][0]]
        if JOINED_RE.fullmatch(between) and people.find(names[left][2]) and people.find(names[right][2]):
            return True
    return False


def _first_not_object(phrase: str, names: list[tuple[int, int, tuple[str, ...]]]) -> tuple[int, int, tuple[str, ...]]:
    """The first name after the verb that is not a preposition's object (an institution), else the first."""
    for name in names:
        before = WORD_RE.findall(phrase[: name[0]])
        if not (before and before[-1].casefold() in OBJECT_PREPOSITIONS):
            return name
    return names[0]


def _pronoun_of(words: list[str], subject: bool) -> str | None:
    content = [w.casefold() for w in words if w.casefold() not in ADVERBS]
    if not content:
        return None
    if not subject:
        return content[0] if content[0] in PRONOUNS else None
    if content[-1] not in PRONOUNS:
        return None
    return content[-1] if len(content) <= 3 or _opening_adverbial(content[:-1]) else None


def _opening_adverbial(before: list[str]) -> bool:
    """The words before a subject pronoun are a phrase that opens the sentence ("After the meeting, she
    told journalists:", "По итогам встречи он заявил:"): the pronoun right before the verb is its subject,
    as a name there would be; a longer run of words is more than a phrase, and is left unread."""
    return len(before) <= MAX_OPENING_ADVERBIAL_WORDS
