"""Pass 2: the people a release mentions, with the roles it gives them.

Roles come from the words before a name (its own clause and earlier comma-separated role segments)
and from an appositive after it (`Name, the Head of ...`, `Name, who is ...`); the fullest wins.
`People` resolves later references: full name, surname, pronoun (the latest person mentioned, of
the pronoun's gender when known) and title (`the Head of Mission`, `the Ambassador`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from scraper.quotes.lexicon import (
    FEMALE_HONORIFICS,
    FRENCH_PARTICIPLE_AFTER_AUXILIARY,
    FEMALE_NAMES,
    FEMALE_SUFFIXES,
    FEMALE_SURNAME_SUFFIXES,
    FUNCTION_WORDS,
    HONORIFICS,
    MALE_HONORIFICS,
    MALE_NAMES,
    MALE_NAMES_ENDING_A,
    MALE_SURNAME_SUFFIXES,
    PERSON_TITLES,
    RANKS,
    ROLE_MODIFIERS,
    STOP_CAPS,
    VERB_AFTER_NAME_RE,
    VERB_BEFORE_NAME_RE,
    VERB_RE,
    WHITESPACE_RE,
    WINDOW,
    WORD_RE,
)
from scraper.quotes.names import PARTICLES, is_title, names_in, norm, strip_possessive

ARTICLE_RE = re.compile(r"^(?:the|a|an|le|la|les|l’|l'|die|der|das|des)\s+", re.IGNORECASE)
ACRONYM_PARENS_RE = re.compile(r"\s*\([^()\s]{2,12}\)")
# What follows French "a" when it is the auxiliary: up to three words, then a past participle.
FRENCH_PERFECT_ROLE_RE = re.compile(FRENCH_PARTICIPLE_AFTER_AUXILIARY)
POSSESSIVE_WORD_RE = re.compile(r"\w(?:['’]s|s['’])$")
CAPS_WORD_START_RE = re.compile(r"(^|[\-'’])(\w)")


class lazy:
    """functools.cached_property without the lock Python 3.11 takes on every first read (a mention's
    fields are read tens of thousands of times a page; each object is read by one thread)."""

    def __init__(self, func: Callable[[Any], Any]) -> None:
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, instance: Any, owner: type | None = None) -> Any:
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.func(instance)  # later reads find it there
        return value


@dataclass(eq=False)
class Mention:
    """A name in the text. What the text around it says is read when first asked for: most mentions
    are only matched by their tokens, and reading a role is most of the cost of a mention (only the
    speakers' roles and, for a title phrase, those of the people named before it are asked for)."""

    paragraph: int
    start: int
    end: int
    tokens: tuple[str, ...]  # casefolded name tokens, possessive dropped
    marks: Landmarks  # the paragraph

    @lazy
    def name(self) -> str:
        """As written."""
        return strip_possessive(self.marks.text[self.start : self.end])

    @lazy
    def role(self) -> str | None:
        text = self.marks.text
        return _longest(_left_role(self.marks, self.start), _appositive(text, self.end)) or _predicate_role(text, self.end)

    @lazy
    def honorific(self) -> str | None:
        """The title written before the name ("ambassador"), casefolded."""
        before_words = self.marks.text[max(0, self.start - 40) : self.start].split()
        honorific = before_words[-1].casefold() if before_words else None
        return honorific if honorific in HONORIFICS else None

    @lazy
    def verbs(self) -> tuple[re.Match[str] | None, re.Match[str] | None]:
        """A reporting verb right after the name and right before it."""
        text, start, end = self.marks.text, self.start, self.end
        return VERB_AFTER_NAME_RE.match(text, end, end + 60), VERB_BEFORE_NAME_RE.search(text, max(0, start - 40), start)

    @property
    def reported(self) -> bool:
        """A reporting verb right after or before it: the name says something."""
        return any(self.verbs)

    @property
    def signalled(self) -> bool:
        """An honorific, a reporting verb or an age says this is a person."""
        return bool(self.honorific or AGE_RE.match(self.marks.text, self.end) or self.reported)

    @property
    def evidence(self) -> bool:
        """A role, an honorific, a reporting verb or an age says this is a person."""
        return self.signalled or bool(self.role)

    @lazy
    def gender(self) -> str | None:
        return _gender(self.tokens, self.honorific) or _past_tense_gender(self.verbs)

    @lazy
    def affiliation(self) -> str | None:
        """The "(Greens/EFA, DK)" after the name, without the brackets."""
        affiliation = AFFILIATION_RE.match(self.marks.text, self.end)
        return affiliation.group("affiliation").strip() if affiliation else None


# What parliaments and newsrooms write in brackets after a name: party group and country ("Greens/EFA,
# DK", "the Left, FR"), an organization ("UNICEF"). It opens with a capital, after an optional "the" (not
# "(pictured)"), and holds no digit (not an age "(62)" or a date).
AFFILIATION_RE = re.compile(r"\s*\((?P<affiliation>(?:the\s+)?[A-ZÀ-ÖØ-ÞА-ЯЁ][^()\d]{0,39})\)")
# Where the clause before a name begins: sentence punctuation, quotation marks, a dash. Each branch
# opens with the character it matches and looks behind from there (not after an initial or Mr./Dr.…),
# so the regex engine skips to the candidate characters instead of trying the look-behinds at every
# position of every paragraph (8x faster, the same matches).
HARD_MARKS = (
    r"\.(?<![A-Z]\.)(?<!\bMr\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bSt\.)(?<!\bMrs\.)(?<!\bProf\.)(?<!\bHon\.)(?<!\bMme\.)(?<!\bMlle\.)"
    r"|[;:!?\"“”«»„—–]"
)
HARD_BOUNDARY = rf"{HARD_MARKS}|\s-\s|-(?<=\S-)(?=\s)"
HARD_BOUNDARY_RE = re.compile(HARD_BOUNDARY)
# The last of the one-character boundaries before a position: one greedy match backtracking from
# there, no scan of the paragraph. Each such character is a match of HARD_BOUNDARY_RE's scan too (no
# longer match can hold it), so the last hard boundary is never before it.
LAST_HARD_MARK_RE = re.compile(rf"(?s:.*)(?:{HARD_MARKS})")
# "Name, recently appointed (as) the …," / "Name, die kürzlich ernannte …," / "Name, récemment nommée …,":
# the participle says how the person came to the role; the role is what follows it.
APPOINTED = (
    r"(?:(?:recently|newly|just|kürzlich|neu|récemment|nouvellement|недавно)\s+)?"
    r"(?:appointed|elected|re-elected|named|nominated|ernannte|ernannter|gewählte|gewählter|"
    r"nommée?|élue?|désignée?|назначенн(?:ый|ая)|избранн(?:ый|ая))\s+(?:as\s+|comme\s+|zur?\s+)?"
)
APPOSITIVE_RE = re.compile(
    # an optional group after the name, as parliaments write party and country: "Name (EPP, PL), rapporteur"
    r"(?:\s*\([^()]{1,40}\))?(?:,\s+|(?<=\))\s+)(?:who\s+(?:is|was|serves\s+as|heads)\s+|"
    rf"{APPOINTED})?(?P<article>(?:the|a|an|le|la|l’|die|der)\s+)?(?:{APPOINTED})?"
    r"(?P<role>(?:[^,;.()“”\"«»„:]|\([A-Z]{2,12}\)){2,200})"
)
# Where an appositive role ends: a reporting verb, a relative clause ("a mediator from Kharkiv who has
# trained…") or a second predicate ("…Director of ODIHR and opened the meeting"); a participle before
# a noun ("terrorism and organized crime") stays, as it is part of the role.
APPOSITIVE_END_RE = re.compile(
    rf"(?:{VERB_RE.pattern})|\s(?:who|which|whose|whom|where|который|которая|которые|qui)\s"
    r"|\s(?:and|und|et|и)\s+(?:also\s+)?(?:has|have|had|is|was|will|would|can|took|met|gave|led|spoke|made|"
    r"[a-z]+ed\s+(?:the|a|an|his|her|their|its|this|these|on|in|at|to|with|for|by|over)\s)"
)
# A comma segment opening with one of these starts a new clause, so nothing before it is this role.
CLAUSE_OPENER_RE = re.compile(r"\s*(?:while|whilst|whereas|but|when|although|während|tandis\s+que|а|тогда\s+как)\s", re.IGNORECASE)
MAX_ROLE_WORDS = 20
MAX_LIST_ITEM_WORDS = 3
MAX_LOWERCASE_LIST_END_WORDS = 6
LIST_CONJUNCTIONS = frozenset("and und et и".split())
# Lowercase words a role may hold before its title word; any other lowercase word there is the end of
# the clause before the role ("Ein Papier stelle der Erste Geschäftsführer …": "stelle" is a verb).
ROLE_LINK_WORDS = ROLE_MODIFIERS | frozenset(
    "of for on to in at the a an and des der die das den dem und für im von zur zum de du la le les".split()
)
# Russian past-tense verbs agree with their subject's gender: "-ла" a woman, "-л" a man ("сказала", "заявил").
RUSSIAN_FEMININE_PAST_RE = re.compile(r"[а-яё]{2,20}ла")
RUSSIAN_MASCULINE_PAST_RE = re.compile(r"[а-яё]{2,20}л")
# A name followed by an age in brackets ("Name (62) ist …") is a person.
AGE_RE = re.compile(r"\s*\(\d{1,3}\)")
# A role given by the predicate: "Name (62) ist … zur neuen Präsidentin des Verbandes gewählt worden".
PREDICATE_ROLE_RE = re.compile(
    r"(?:\s*\([^()]{1,40}\))?\s+(?:ist|wurde|war)\s[^.;:!?„“\"]{0,80}?\b(?:zur|zum)\s+(?:neuen\s+)?"
    r"(?P<role>[^.;:!?,„“\"]{2,120}?)\s+(?:gewählt|ernannt|berufen|bestellt)\b"
)


def _clean_role(role: str | None) -> str | None:
    if not role:
        return None
    role = WHITESPACE_RE.sub(" ", ACRONYM_PARENS_RE.sub("", role)).strip(" ,;:–—-")
    words = role.split(" ")
    while words and (ARTICLE_RE.match(words[0] + " ") or words[0].casefold() in STOP_CAPS):
        words.pop(0)
    while words and (words[-1].casefold().strip(",") in HONORIFICS or words[-1] in ("and", "и", "und", "et", "the")):
        words.pop()
    role = " ".join(words).strip(" ,")
    return role if role and any(is_title(word.strip(",")) for word in words) else None


def _left_role(marks: Landmarks, name_start: int) -> str | None:
    """The role written before a name: its own clause, then earlier comma-separated role segments."""
    lo = max(0, name_start - WINDOW)
    if not _may_hold_title(_clause_before(marks, lo, name_start)):
        return None  # most names have no title before them: the segments are not read
    return _read_left_role(marks, lo, name_start)


def _clause_before(marks: Landmarks, lo: int, hi: int) -> str:
    """text[lo:hi] from its last one-character hard boundary on (at or before the last hard boundary
    of all): every segment _segments gives lies in it."""
    mark = LAST_HARD_MARK_RE.match(marks.text, lo, hi)
    return marks.text[mark.end() if mark else lo : hi]


def _read_left_role(marks: Landmarks, lo: int, name_start: int) -> str | None:
    segments = _segments(marks, lo, name_start)
    if not segments:
        return None
    last = _after_last_name(segments[-1] or "")[0]
    lowercase_list = _lowercase_enumeration_end(last) and len(segments) > 2
    parts = [last.strip() if lowercase_list else _trim_to_role(last)]
    listed: list[str] = []  # items of an enumeration inside the role ("für Familie, Senioren, Frauen und Jugend")
    for index in range(len(segments) - 2, -1, -1):
        segment = segments[index]
        if (
            segment is not None
            and not any(is_title(w) for w in WORD_RE.findall(segment))
            and (_list_item(segment) or (lowercase_list and _lowercase_list_item(segment)))
        ):
            listed.insert(0, segment.strip())
            continue
        if segment is None or not any(is_title(w) for w in WORD_RE.findall(segment)):
            break
        if listed:  # the enumeration belongs to this titled segment: keep it whole, then stop
            parts[0:0] = [segment.strip(), *listed]
            break
        if len(WORD_RE.findall(segment)) > MAX_ROLE_WORDS:
            break
        tail, had_name = _after_last_name(segment)
        previous = segments[index - 1] if index > 0 else None
        starts_item = re.match(r"\s*(?:and|und|et|и)\s", segment) is not None
        if CLAUSE_OPENER_RE.match(segment) or _clause_before_role(tail):
            parts.insert(0, _trim_to_role(tail))
            break  # "…, while the Head of the Mission, Name,": a new clause opens with this role
        if not had_name and not starts_item and previous and _ends_with_name(previous):
            break  # "Ms. Smith, Minister of Justice, Mr. Jones": the role belongs to Smith
        parts.insert(0, _trim_to_role(tail))
        if had_name:
            break
    if _ranks_only(parts[-1]):
        parts.pop()  # "Rector of the Academy, Major General Name": the rank is like an honorific
    return _clean_role(", ".join(part for part in parts if part))


# What _left_role and _clean_role may strip from the ends of a role's words (a role holds no other
# change of the text's words but for ACRONYM_PARENS_RE, which can join two pieces into one).
ROLE_STRIP = " ,;:–—-"
TOKEN_SPLIT_RE = re.compile(r"[\s,]+")
NOT_WORD_CHAR_RE = re.compile(r"[^\w-]")


def _may_hold_title(window: str) -> bool:
    """Whether a role read from `window` could hold a title word (without one, _clean_role gives None).

    A cheap, safe test: a role's words are the window's words (split at spaces and commas), or their
    ends cut where a name, a reporting verb or a clause boundary ends (next to a character that is no
    word character), with ROLE_STRIP characters stripped; every such piece is tested. A bracket may
    join pieces (ACRONYM_PARENS_RE), so a window with one is always read."""
    if "(" in window:
        return True
    tokens = TOKEN_SPLIT_RE.split(window)
    if any(map(is_title, filter(str.isalnum, tokens))):  # plain words, the most, without a Python loop
        return True
    for token in tokens:
        if not token or token.isalnum():
            continue
        cuts = {0}
        for match in NOT_WORD_CHAR_RE.finditer(token):
            cuts.update(match.span())
        for cut in cuts:
            piece = token[cut:]
            for variant in {piece.strip(","), piece.lstrip(ROLE_STRIP).strip(","), piece.rstrip(ROLE_STRIP).strip(","), piece.strip(ROLE_STRIP)}:
                if variant and is_title(variant):
                    return True
    return False


def _list_item(segment: str) -> bool:
    """A short capitalized item of an enumeration ("Senioren", "Frauen und Jugend Frau Dr."), no clause."""
    words = segment.split()
    return (
        0 < len(words) <= MAX_LIST_ITEM_WORDS
        and words[0][0].isupper()
        and all(word[0].isupper() or word.casefold() in ROLE_LINK_WORDS for word in words)
    )


def _lowercase_enumeration_end(segment: str) -> bool:
    """The last items of an enumeration in lower case, right before a name ("министр культуры, информации,
    спорта и молодёжной политики Name"): no title and no capital, a joining conjunction, a few words."""
    words = segment.split()
    return (
        0 < len(words) <= MAX_LOWERCASE_LIST_END_WORDS
        and all(word[0].islower() and not is_title(word) for word in words)
        and any(word in LIST_CONJUNCTIONS for word in words[1:-1])
    )


def _lowercase_list_item(segment: str) -> bool:
    """An item of such an enumeration: a few lowercase words, no title."""
    words = segment.split()
    return 0 < len(words) <= MAX_LIST_ITEM_WORDS and all(word[0].islower() and word.isalpha() for word in words)


def _ranks_only(part: str) -> bool:
    words = [norm(word) for word in WORD_RE.findall(part)]
    return bool(words) and all(word in RANKS or word in HONORIFICS for word in words)


Positions = tuple[list[int], list[int]]  # (starts, ends) of a pattern's matches, in text order


class Landmarks:
    """Where one paragraph's role boundaries are, each kind found by one scan when first needed, so
    that the look-back from every name is a bisection, not a regex run over a window (a 1 MB
    paragraph of names would otherwise rescan the same 300 characters for each of them)."""

    def __init__(self, text: str) -> None:
        self.text = text

    @lazy
    def hard(self) -> Positions:
        """Sentence punctuation, quotation marks and dashes: no role reaches across them."""
        return _positions(HARD_BOUNDARY_RE, self.text)

    @lazy
    def verbs(self) -> Positions:
        """Reporting verbs: the role of a name after `said` starts after the verb."""
        return _positions(VERB_RE, self.text)


def _positions(pattern: re.Pattern[str], text: str) -> Positions:
    spans = [match.span() for match in pattern.finditer(text)]
    return [start for start, _ in spans], [end for _, end in spans]


def _last_within(positions: Positions, lo: int, hi: int) -> int | None:
    """The end of the last match lying wholly inside text[lo:hi], or None."""
    starts, ends = positions
    index = bisect.bisect_right(ends, hi) - 1
    return ends[index] if index >= 0 and starts[index] >= lo else None


def _ends_with_name(segment: str) -> bool:
    names = names_in(segment)
    return bool(names) and len(names[-1][2]) >= 2 and names[-1][1] >= len(segment.rstrip())


def _segments(marks: Landmarks, lo: int, hi: int) -> list[str | None]:
    """Comma-separated segments of the clause in text[lo:hi] before a name (None marks a hard boundary:
    sentence punctuation, a quotation mark, a dash or a reporting verb)."""
    text = marks.text
    hard = _last_within(marks.hard, lo, hi)
    verb = _last_within(marks.verbs, hard if hard is not None else lo, hi)
    boundary = verb if verb is not None else hard
    segments: list[str | None] = list(text[boundary if boundary is not None else lo : hi].split(","))
    if boundary is not None and boundary > lo:
        segments.insert(0, None)
    return segments


def _after_last_name(segment: str) -> tuple[str, bool]:
    names = [name for name in names_in(segment) if len(name[2]) >= 2]
    if not names:
        return segment, False
    tail = segment[names[-1][1] :]
    return re.sub(r"^\s*(?:and|und|et|и)\s+", "", tail), True


def _clause_before_role(segment: str) -> bool:
    """The segment opens with a clause that leads into the role ("met with the Head of Office, Name"):
    the role belongs to the name after it, not to a name before the segment."""
    for word in segment.split():
        if word[0].isupper() or is_title(word):
            return False
        if word.casefold() in FUNCTION_WORDS or word.endswith("ed") or word.casefold() not in ROLE_LINK_WORDS:
            return True  # a lowercase word no role holds is the predicate ("met", "visited", "traf")
    return False


def _trim_to_role(segment: str) -> str:
    """Drop leading words until a capitalized word or a title ("she met with Head of Mission"), but
    keep the lowercase modifiers of that title ("said national programme officer Name")."""
    words = segment.split()
    title_at = next((i for i, word in enumerate(words) if is_title(word)), None)
    if title_at is not None:
        clause_end = next(
            (
                i
                for i in range(title_at - 1, -1, -1)
                if words[i][0].islower()
                and words[i].casefold() not in ROLE_LINK_WORDS
                and not (i == title_at - 1 and POSSESSIVE_WORD_RE.search(words[i]))
            ),
            None,
        )
        words = words[clause_end + 1 :] if clause_end is not None else words
    first = next((i for i, word in enumerate(words) if word[0].isupper() or is_title(word)), len(words))
    while first > 0 and words[first - 1].casefold() in ROLE_MODIFIERS:
        first -= 1
    if first > 0 and first < len(words) and POSSESSIVE_WORD_RE.search(words[first - 1]):
        first -= 1  # "the organization's Secretary General": the owner is part of the role, verbatim
    return " ".join(words[first:])


def _appositive(text: str, name_end: int) -> str | None:
    """`Name, the Head of the Mission,` / `Name, who is OSCE Special Representative ...,`."""
    match = APPOSITIVE_RE.match(text, name_end, min(len(text), name_end + WINDOW))
    if match is None:
        return None
    role = match.group("role")
    end = APPOSITIVE_END_RE.search(role)
    if end is not None:
        role = role[: end.start()]
    words = role.split()
    if not words or len(words) > MAX_ROLE_WORDS or _names_a_person(role):
        return None
    first = words[0].casefold()
    # a role may open with a qualifier before its title word: "shadow rapporteur", "former minister"
    if not (words[0][0].isupper() or any(is_title(word) for word in words[:2]) or match.group("article")):
        return None
    participle = words[0][0].islower() and first.endswith(("ing", "ed", "ant")) and not is_title(first)
    if (first in FUNCTION_WORDS and not words[0].isupper()) or participle:  # "WHO Representative" is a role
        return None  # "Valtonen, commending the effort": a participle clause, not a role
    if re.search(r"\s(?:has|had|is|was|will|took|met|gave|visited)\s", f" {role} "):
        return None  # a clause, not a role
    if match.group("article") == "a " and FRENCH_PERFECT_ROLE_RE.match(role):
        return None  # "Mme Beaulieu, a pour sa part insisté …": the French auxiliary, not an article
    return _clean_role(role) or (_clean_role_loose(role) if match.group("article") else None)


def _names_a_person(role: str) -> bool:
    """The appositive names someone else ("…, Deputy Minister Omar Haddad, …"): a name opens it or
    follows a title. Capitalized words after a preposition or "and" belong to an institution's name
    ("Informal Group of Friends on Small Arms and Light Weapons")."""
    for start, _, tokens in names_in(role):
        if len(tokens) < 2:
            continue
        before = WORD_RE.findall(role[:start])
        if not before or is_title(before[-1]) or norm(before[-1]) in HONORIFICS or norm(before[-1]) in RANKS:
            return True
    return False


def _clean_role_loose(role: str) -> str | None:
    """A lowercase role after an article ("a teacher at a primary school") has no title word to check."""
    cleaned = WHITESPACE_RE.sub(" ", ACRONYM_PARENS_RE.sub("", role)).strip(" ,;:–—-")
    return cleaned or None


def _gender(tokens: tuple[str, ...], honorific: str | None) -> str | None:
    if honorific in MALE_HONORIFICS:
        return "m"
    if honorific in FEMALE_HONORIFICS:
        return "f"
    first = tokens[0] if len(tokens) > 1 else ""
    if first in MALE_NAMES or first in MALE_NAMES_ENDING_A:
        return "m"
    if first in FEMALE_NAMES or first.endswith(FEMALE_SUFFIXES):
        return "f"
    surname = tokens[-1] if len(tokens) > 1 else ""
    if surname.endswith(FEMALE_SURNAME_SUFFIXES):
        return "f"
    return "m" if surname.endswith(MALE_SURNAME_SUFFIXES) else None


def _past_tense_gender(verbs: Sequence[re.Match[str] | None]) -> str | None:
    """The gender a Russian reporting verb in the past tense gives its subject or the name after it
    ("Тамм сообщила": a woman; "сказал Петров": a man); the plural ("заявили") and other languages, none."""
    for verb in verbs:
        words = WORD_RE.findall(verb.group()) if verb else []
        for word in words:
            if RUSSIAN_FEMININE_PAST_RE.fullmatch(word):
                return "f"
            if RUSSIAN_MASCULINE_PAST_RE.fullmatch(word):
                return "m"
    return None


def find_mentions(paragraphs: Sequence[str]) -> list[Mention]:
    """Every name ending a capitalized run, with the role around it, in text order."""
    mentions = []
    for p, text in enumerate(paragraphs):
        marks = Landmarks(text)
        mentions.extend([Mention(p, start, end, tokens, marks) for start, end, tokens in names_in(text)])
    return mentions


def _predicate_role(text: str, name_end: int) -> str | None:
    """The role a sentence's predicate gives its subject ("Name ist zur Präsidentin … gewählt worden")."""
    match = PREDICATE_ROLE_RE.match(text, name_end, min(len(text), name_end + WINDOW))
    return _clean_role(match.group("role")) if match else None


def _longest(*roles: str | None) -> str | None:
    present = [role for role in roles if role]
    return max(present, key=lambda role: len(role.split())) if present else None


def readable_name(name: str) -> str:
    """A name as a person reads it: words in capitals (the European Parliament's surnames, "Henrik
    SØRENSEN") in title case, their particles in lower case as the name is spoken ("Ursula VON DER
    LEYEN" -> "Ursula von der Leyen"); mixed-case words and initials stay as written."""
    words = name.split(" ")
    for index, word in enumerate(words):
        letters = [ch for ch in word if ch.isalpha()]
        if len(letters) < 2 or not all(ch.isupper() for ch in letters):
            continue
        if index > 0 and index < len(words) - 1 and word.casefold() in PARTICLES:
            words[index] = word.casefold()
        else:
            words[index] = CAPS_WORD_START_RE.sub(lambda m: m.group(1) + m.group(2).upper(), word.casefold())
    return " ".join(words)


def _same_first_and_last(tokens: tuple[str, ...], other: tuple[str, ...]) -> bool:
    """Two names of one person, one with a middle name or initial: same first name, same surname."""
    return len(tokens) >= 2 and len(other) >= 2 and tokens[0] == other[0] and tokens[-1] == other[-1]


def _names_match(full: tuple[str, ...], tokens: tuple[str, ...]) -> bool:
    """Whether `tokens` name the person whose name is `full`."""
    if tokens == full or (len(tokens) < len(full) and full[-len(tokens) :] == tokens):
        return True  # the full name, or the surname ("Biaudet", "Patackova Melicharova")
    if len(tokens) == 1:
        return tokens[0] in full[1:]
    return _same_first_and_last(tokens, full)  # "Anna Berg" / "Anna Maria Berg"


@dataclass(eq=False)
class Person:
    name: str
    tokens: tuple[str, ...]
    gender: str | None = None
    affiliation: str | None = None
    seen: list[tuple[int, int]] = field(default_factory=list)  # (paragraph, offset) of each mention
    honorifics: set[str] = field(default_factory=set)  # "ambassador": `the Ambassador said` names them
    mentions: list[Mention] = field(default_factory=list)  # in the order added; their roles read lazily

    @property
    def role(self) -> str | None:
        """The fullest role the mentions give (the first of the fullest)."""
        return _longest(*(mention.role for mention in self.mentions))

    def _fields(self) -> tuple:
        return (self.name, self.tokens, self.role, self.gender, self.affiliation, self.seen, self.honorifics)

    def __eq__(self, other: object) -> bool:
        """Equal fields, as a dataclass compares them (the role read only when the names are equal)."""
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (self.name, self.tokens) == (other.name, other.tokens) and self._fields() == other._fields()

    def matches(self, tokens: tuple[str, ...]) -> bool:
        return _names_match(self.tokens, tokens)

    def last_seen_before(self, where: tuple[int, int]) -> tuple[int, int] | None:
        index = bisect.bisect_left(self.seen, where)
        return self.seen[index - 1] if index else None

    def add(self, mention: Mention) -> None:
        bisect.insort(self.seen, (mention.paragraph, mention.start))
        self.mentions.append(mention)
        self.gender = self.gender or mention.gender
        self.affiliation = self.affiliation or mention.affiliation
        if len(mention.tokens) > len(self.tokens) and (
            mention.tokens[-len(self.tokens) :] == self.tokens or _same_first_and_last(mention.tokens, self.tokens)
        ):
            self.name, self.tokens = mention.name, mention.tokens  # the fullest name the text gives
        if mention.honorific:
            self.honorifics.add(mention.honorific.rstrip("."))

    def titles(self) -> set[str]:
        """The words a title phrase may use for this person: the role's and the honorifics."""
        words = {norm(word) for word in WORD_RE.findall(self.role)} if self.role else set()
        return words | self.honorifics


class People:
    """The people a release mentions, in order of introduction."""

    def __init__(self, mentions: Sequence[Mention]) -> None:
        self.people: list[Person] = []
        self.unconfirmed = {}  # name tokens -> mentions, for people only a reporting verb will confirm
        # Name token -> where in `people` (ascending) and which unconfirmed names hold it: a name that
        # matches another holds its last token (see _names_match), so a look-up reads those people only,
        # not every person for every mention. Entries a fuller name made stale are checked away.
        self._people_with: dict[str, list[int]] = {}
        self._unconfirmed_with: dict[str, set[tuple[str, ...]]] = {}
        self._unconfirmed_order: dict[tuple[str, ...], int] = {}  # a name's place in `unconfirmed`
        for mention in mentions:  # first the people the text says are people, by full name
            if len(mention.tokens) >= 2 and self.find(mention.tokens) is None and mention.evidence:
                self._introduce(Person(mention.name, mention.tokens))
        for mention in mentions:  # then every mention of them, before or after, and the rest
            position = self._find_position(mention.tokens)
            if position is not None:
                self.people[position].add(mention)
                self._index(position)  # the mention may give a fuller name
            else:
                same_name = self.unconfirmed.get(mention.tokens)
                if same_name is None:  # the name's first mention: index it once (nothing is confirmed yet)
                    self._unconfirmed_order[mention.tokens] = len(self._unconfirmed_order)
                    same_name = self.unconfirmed[mention.tokens] = []
                    for token in mention.tokens:
                        self._unconfirmed_with.setdefault(token, set()).add(mention.tokens)
                same_name.append(mention)
        for mention in mentions:
            if self._reports_speech_of_full_name(mention):
                self.confirm(mention.tokens, (mention.paragraph, mention.start))

    def _reports_speech_of_full_name(self, mention: Mention) -> bool:
        """A surname as the subject of reported speech ("Lepik told journalists that …"), whose full name
        the text gives once, untitled ("met the Minister, Kadri Lepik,"): that person spoke there, so a
        pronoun after it points to them. Two full names for the surname: nobody (no guess)."""
        return (
            len(mention.tokens) == 1
            and mention.tokens in self.unconfirmed
            and len(self._unconfirmed_with[mention.tokens[0]]) > 1  # no other name holds it: no fuller name (cheap)
            and len(self._fullest_unconfirmed_names(mention.tokens)) == 1
            and mention.reported  # the costliest test last (the order changes no answer: all are reads)
        )

    def _introduce(self, person: Person) -> None:
        self.people.append(person)
        self._index(len(self.people) - 1)

    def _index(self, position: int) -> None:
        for token in self.people[position].tokens:
            positions = self._people_with.setdefault(token, [])
            if position not in positions:
                bisect.insort(positions, position)

    def _candidates(self, tokens: tuple[str, ...]) -> list[int]:
        """Where the people whose name may match `tokens` are, in order (every one that matches)."""
        return self._people_with.get(tokens[-1], []) if tokens else list(range(len(self.people)))

    def _find_position(self, tokens: tuple[str, ...]) -> int | None:
        for i in self._candidates(tokens):
            if _names_match(self.people[i].tokens, tokens):
                return i
        return None

    def find(self, tokens: tuple[str, ...]) -> Person | None:
        position = self._find_position(tokens)
        return self.people[position] if position is not None else None

    def ambiguous(self, tokens: tuple[str, ...]) -> bool:
        """A surname two people of the text share ("Anna Berg", "Lars Berg"; `said Berg`)."""
        people = (self.people[i] for i in self._candidates(tokens))
        return sum(1 for person in people if person.matches(tokens) and person.tokens != tokens) > 1

    def confirm(self, tokens: tuple[str, ...], where: tuple[int, int]) -> Person | None:
        """The person a speaker phrase names, introducing them if nobody matched before; None when the
        name fits two people (which one spoke, the text does not tell: no guess)."""
        if self.ambiguous(tokens):
            return None
        person = self.find(tokens)
        if person is None:
            fuller = self._fullest_unconfirmed_names(tokens)
            if len(fuller) > 1:
                return None  # "Anna Berg and Lars Berg …", then `said Berg`
            fullest = self.unconfirmed[fuller.pop()][0] if fuller else self._first_unconfirmed(tokens)
            person = Person(fullest.name if fullest else " ".join(tokens), fullest.tokens if fullest else tokens)
            for key in self._unconfirmed_matching(person):
                for mention in self.unconfirmed.pop(key):
                    person.add(mention)
            self._introduce(person)
        bisect.insort(person.seen, where)
        return person

    def _unconfirmed_matching(self, person: Person) -> list[tuple[str, ...]]:
        """The unconfirmed names of this person, in the order `unconfirmed` holds them (each holds a
        token of the person's name: see _names_match)."""
        held = {key for token in person.tokens for key in self._unconfirmed_with.get(token, ())}
        matching = [key for key in held if key in self.unconfirmed and person.matches(key)]
        return sorted(matching, key=self._unconfirmed_order.__getitem__)

    def _fullest_unconfirmed_names(self, tokens: tuple[str, ...]) -> set[tuple[str, ...]]:
        """The fullest names given without a title for the surname a speaker phrase uses ("Witold
        Waszczykowski chaired …" then `said Waszczykowski`): one, or two people sharing it."""
        held = self._unconfirmed_with.get(tokens[-1], set()) if tokens else self.unconfirmed
        fuller = {key for key in held if key in self.unconfirmed and key != tokens and _names_match(key, tokens)}
        if len(fuller) < 2:
            return fuller  # nothing to drop
        return {key for key in fuller if not any(len(other) > len(key) and other[-len(key) :] == key for other in fuller)}

    def _first_unconfirmed(self, tokens: tuple[str, ...]) -> Mention | None:
        mentions = self.unconfirmed.get(tokens)
        return mentions[0] if mentions else None

    def latest_before(self, where: tuple[int, int], gender: str | None) -> Person | None:
        """The person a pronoun points back to: the latest one mentioned of the pronoun's gender; when
        nobody's gender is known to match, the only person of unknown gender; when two or more could
        fit, or only people of the other gender were named, nobody (the text does not tell: no guess)."""
        ranked = sorted(
            ((seen, person) for person in self.people if (seen := person.last_seen_before(where)) is not None),
            key=lambda item: item[0],
            reverse=True,
        )
        candidates = [person for _, person in ranked]
        if gender is None:
            chosen = candidates[0] if candidates else None
        else:
            same = [person for person in candidates if person.gender == gender]
            unknown = [person for person in candidates if person.gender is None]
            chosen = same[0] if same else unknown[0] if len(unknown) == 1 else None
        if chosen is not None and chosen.gender is None and gender is not None:
            chosen.gender = gender
        return chosen

    def by_title(self, words: list[str], where: tuple[int, int]) -> Person | None:
        """`the Head of Mission said`: the person whose role holds every word of the title."""
        wanted = {norm(word) for word in words if word[0].isupper() or is_title(word)} - STOP_CAPS
        if not wanted or not any(word in PERSON_TITLES or is_title(word) for word in wanted):
            return None
        fitting = [
            (seen, person)
            for person in self.people
            if (seen := person.last_seen_before(where)) is not None and _holds_titles(person.titles(), wanted)
        ]
        return max(fitting, key=lambda item: item[0])[1] if fitting else None


# A title word shorter than this is not read inside a compound ("Ministerin" in "Bundesministerin" is;
# "Rat" in "Beirat" is not).
MIN_COMPOUND_TITLE = 6


def _holds_titles(titles: set[str], wanted: set[str]) -> bool:
    """Every title word of the phrase is among the person's, or ends one of them as German compounds do
    (`die Ministerin` names the "Bundesministerin")."""
    return all(
        word in titles or (len(word) >= MIN_COMPOUND_TITLE and any(title.endswith(word) for title in titles))
        for word in wanted
    )
