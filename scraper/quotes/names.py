"""Names of people: runs of capitalized words split into role words and the name that ends them."""

from __future__ import annotations

import functools
import re

from scraper.quotes.lexicon import (
    CAP_WORD,
    FRENCH_MISTER,
    HONORIFICS,
    INSTITUTION_WORDS,
    PERSON_TITLES,
    PLACE_WORDS,
    STOP_CAPS,
    VERB_BEFORE_NAME_RE,
    WINDOW,
    WORD_RE,
)

# Between two capitalized words: a preposition with its article ("Head of the Mission"), or the
# particles of a surname, two at once ("Matthias van der Berg", "Rosa de los Ríos"; "de la" is the
# preposition's). German "von der" stays out: in German text it is mostly "from the" before a noun.
NAME_PARTICLE = r"(?:van|von|de|der|den|del|della|di|da|dos|du|la|le|al|bin|ibn|ter|ten|zu)"
# Particles that are articles when they open the group ("von der Leyen" opens with "von"): after a
# reporting verb they begin its object ("sagte den Journalisten", "a déclaré la Presse").
ARTICLE_PARTICLES = frozenset("den der dem die das la le".split())
LEADING_PARTICLES_RE = re.compile(rf"(?<![\w-])(?:{NAME_PARTICLE}\s+){{1,3}}\Z")
RUN_CONNECTOR = (
    r"(?:(?:of|for|on|to|in|at|against|für|im|des|der|de|del|della|dos|du|van|von|da|di|al|bin|ter|ten|в|во|на|по|при|для)"
    r"\s+(?:the\s+|la\s+|l’)?|van\s+(?:der|den|de|het)\s+|de\s+(?:los|las|le)\s+)"
)
RUN_RE = re.compile(rf"{CAP_WORD}(?:\s+{RUN_CONNECTOR}?{CAP_WORD})*")
# Prepositions that attach a place to a run ("… in Vienna", "… from Serbia") rather than to a role.
PLACE_PREPOSITIONS = frozenset("in at from to".split())
# Prepositions after a person's name that introduce where or what they belong to ("Name of Linz").
OWNER_PREPOSITIONS = frozenset("of from in at for".split())
PARTICLES = frozenset("de van von da di al bin ibn ter ten du der den del della dos la le zu".split())
PREPOSITIONS = frozenset("of for on to in at against für im des the в во на по при для".split())
MAX_NAME_TOKENS = 4
# German compounds ending in a title ("Fraktionsvorsitzender", "Landesgeschäftsführerin") are no names.
GERMAN_TITLE_ENDINGS = (
    "überlebende", "überlebender", "zeitzeuge", "zeitzeugin", "minister", "ministerin", "präsident", "präsidentin", "vorsitzender", "vorsitzende", "führer", "führerin",
    "beauftragte", "beauftragter", "beauftragten", "direktor", "direktorin", "sprecher", "sprecherin",
)
# German institution nouns by their ending ("Caritasverbandes", "Bundesamt", "Malteser Hilfsdienst"):
# the end of an institution's name, never a person's. Endings a surname could have ("-rat": Murat) stay out.
GERMAN_INSTITUTION_ENDINGS = (
    "verband", "verbandes", "verbands", "amt", "amtes", "amts", "ministerium", "ministeriums", "stiftung",
    "institut", "instituts", "institutes", "behörde", "bund", "bundes", "fraktion", "partei", "kommission",
    "verein", "vereins", "vereines", "dienst", "dienstes", "dienste", "gesellschaft", "hilfe", "zentrale",
    "agentur", "organisation", "akademie", "universität", "gericht", "gerichts", "gerichtes", "konferenz",
)
# German adjectives written with a capital inside an institution's name ("Deutschen Caritasverbandes",
# "Europäische Kommission"); "-ische(n)" also covers the rest ("Katholischen"), as no name ends so.
GERMAN_NAME_ADJECTIVES = frozenset(
    """deutsche deutschen deutscher deutsches europäische europäischen europäischer europäisches
    internationale internationalen internationaler nationale nationalen neue neuen erste ersten
    bundesdeutsche bundesdeutschen vereinte vereinten""".split()
)
GERMAN_ADJECTIVE_ENDINGS = ("ische", "ischen", "isches")
INSTITUTION_NOUN_ENDINGS = ("ities", "ation", "ations", "ution", "utions")
# A role's enumeration before a name ("Minister of Culture, Information, Sports and Youth Policy Name"): how
# far back it is read, how many items of how many words it may have, the words closing it, and the name's
# length after its last item (first name and surname: the item's own words come first).
ENUMERATION_WINDOW = 200
MAX_ENUMERATION_ITEMS = 8
MAX_ENUMERATION_ITEM_WORDS = 3
ENUMERATION_CONJUNCTIONS = frozenset("and und et и".split())
ENUMERATION_NAME_TOKENS = 2
ENUMERATION_CLAUSE_START_RE = re.compile(r"[.;:!?\"“”«»„—–]")
# Word tests and name scans are pure and repeat a lot (the same titles, the same clauses): cached.
TOKEN_CACHE = 8192
SEGMENT_CACHE = 2048
POSSESSIVE_RE = re.compile(r"[’']s?$")
# A name joined to a number by a period or a hyphen ("Omicron BA.2", "Sputnik V-2") is a code, not a person.
DIGIT_JOINED_RE = re.compile(r"[.\-]?\d")


@functools.lru_cache(maxsize=TOKEN_CACHE)
def norm(token: str) -> str:
    if "'" not in token and "’" not in token:
        return token.casefold()  # no possessive to drop: the regex is not run
    return POSSESSIVE_RE.sub("", token).casefold()


@functools.lru_cache(maxsize=TOKEN_CACHE)
def is_title(token: str) -> bool:
    lowered = norm(token)
    if lowered in PERSON_TITLES:
        return True
    parts = lowered.split("-")
    if len(parts) > 1 and any(part in PERSON_TITLES for part in parts):
        return True
    # a capitalized German compound ending in a title ("Grünen-Fraktionsvorsitzende", "Bundesministerin")
    return token[0].isupper() and len(parts[-1]) > 8 and parts[-1].endswith(GERMAN_TITLE_ENDINGS)


@functools.lru_cache(maxsize=TOKEN_CACHE)
def _is_name_token(token: str) -> bool:
    if not token[0].isupper():
        return False
    lowered = norm(token)
    if lowered in STOP_CAPS or lowered in HONORIFICS or _institution_noun(lowered) or _german_institution_word(lowered):
        return False
    if len(token) == 1 or (len(token) == 2 and token[1] == "."):
        return True  # an initial ("Feridun H. Sinirlioğlu")
    if not (token[1].islower() or any(ch.islower() for ch in token)) or not lowered:  # the second letter decides most
        return False  # an acronym or a dateline in capitals
    return not is_title(token) and not lowered.endswith(GERMAN_TITLE_ENDINGS)


def _german_institution_word(lowered: str) -> bool:
    return (
        lowered in GERMAN_NAME_ADJECTIVES
        or lowered.endswith(GERMAN_ADJECTIVE_ENDINGS)
        or (len(lowered) > 5 and lowered.endswith(GERMAN_INSTITUTION_ENDINGS))
    )


def _institution_noun(lowered: str) -> bool:
    """An institution word, its plural ("Activities", "Programmes") or an abstract noun ending
    ("Operations"): the end of a role or an institution's name, never a person's name."""
    if lowered in INSTITUTION_WORDS or lowered.endswith(INSTITUTION_NOUN_ENDINGS):
        return True
    singular = lowered[:-3] + "y" if lowered.endswith("ies") else lowered[:-1] if lowered.endswith("s") else ""
    return singular in INSTITUTION_WORDS or singular in PERSON_TITLES


@functools.lru_cache(maxsize=TOKEN_CACHE)
def _is_caps_surname(token: str) -> bool:
    """A surname in capitals, as the European Parliament writes them ("Henrik SØRENSEN")."""
    lowered = norm(token)
    return (
        len(token) >= 2
        and token.isupper()
        and token.replace("-", "").replace("'", "").replace("’", "").isalpha()  # "O'CONNELL"
        and lowered not in INSTITUTION_WORDS
        and lowered not in PLACE_WORDS
        and lowered not in STOP_CAPS
    )


def _trailing_name(tokens: list[re.Match[str]]) -> int:
    """Index of the first token of the name that ends a run of capitalized words (len when none)."""
    words = [token.group() for token in tokens]
    first = len(words)
    mixed_case_seen = False  # a surname in capitals ends a name: "СМИ Программного" is no name
    while first > 0:
        word = words[first - 1]
        name_like = _is_name_token(word) or (not mixed_case_seen and _is_caps_surname(word))
        inner_particle = not name_like and 1 < first < len(words) and word.casefold() in PARTICLES  # read only if needed
        if not (name_like or inner_particle):
            break
        mixed_case_seen = mixed_case_seen or not word.isupper()
        first -= 1
    while first < len(words) and words[first].casefold() in PARTICLES and not words[first].isupper():
        first += 1
    if len(words) - first >= 2 and _french_mister(tokens[first]):
        first += 1  # "M. Ousmane Diop": Monsieur, not an initial
    while len(words) - first > 2 and norm(words[first]) in PLACE_WORDS:
        first += 1  # "Trade of Malta Ian Borg": the place belongs to the role
    if not any(_is_name_token(word) and norm(word) not in PLACE_WORDS for word in words[first:]):
        return len(words)  # capitals or places only: an acronym, a dateline, a country
    if _names_an_institution(words, first):
        return len(words)  # "Ministry of Water Resources", "Department for Public Works": the body's name
    if len(words) - first >= 3 and first > 0 and words[first - 1].casefold() in PREPOSITIONS:
        first += 1  # "Mission to Skopje Ralf Breth": the first word is the preposition's object
    return first if len(words) - first <= MAX_NAME_TOKENS else max(first, _name_limit(words))


def _names_an_institution(words: list[str], first: int) -> bool:
    """The name follows "of"/"for" (and an article) after an institution word: it completes the
    institution's name, as no person is "of" a ministry in a run of capitals."""
    index = first - 1
    while index >= 0 and words[index].casefold() in ("the", "la", "le", "l’"):
        index -= 1
    return index >= 1 and words[index].casefold() in ("of", "for") and norm(words[index - 1]) in INSTITUTION_WORDS


def _french_mister(token: re.Match[str]) -> bool:
    """`M.` opening a name is the French honorific (an initial opening a name is rare in releases,
    which write a middle initial: "John M. Smith")."""
    return token.group() == FRENCH_MISTER and token.string[token.end() : token.end() + 1] == "."


def _name_limit(words: list[str]) -> int:
    """The earliest start that keeps MAX_NAME_TOKENS words of a name, particles not counted."""
    kept, index = 0, len(words)
    while index > 0 and kept < MAX_NAME_TOKENS:
        index -= 1
        kept += words[index].casefold() not in PARTICLES or words[index][0].isupper()
    return index


def names_in(text: str) -> tuple[tuple[int, int, tuple[str, ...]], ...]:
    """(start, end, tokens) of every name that ends a run of capitalized words in `text`."""
    return _names_in_clause(text) if len(text) <= WINDOW else _scan_names(text)


@functools.lru_cache(maxsize=SEGMENT_CACHE)
def _names_in_clause(text: str) -> tuple[tuple[int, int, tuple[str, ...]], ...]:
    """Cached for clause-sized texts: the same clause is read again for every name and quote near it
    (whole paragraphs are not kept alive by the cache)."""
    return _scan_names(text)


def _scan_names(text: str) -> tuple[tuple[int, int, tuple[str, ...]], ...]:
    names = []
    for run in RUN_RE.finditer(text):
        last, first, starts, ends, normed = _run_name(run.group())
        if first < last:
            run_start = run.start()
            start, end = run_start + starts[first], run_start + ends[last - 1]
            if DIGIT_JOINED_RE.match(text, end):
                continue
            if last - first > ENUMERATION_NAME_TOKENS and _ends_role_enumeration(text, run_start):
                first = last - ENUMERATION_NAME_TOKENS  # "…, Sports and Youth Policy Aibek Sadyrbekov"
                start = run_start + starts[first]
            words = normed[first:last]
            particles = _leading_particles(text, start) if first == 0 else None
            if particles is not None and last - first == 1:  # "said van der Berg": the surname keeps them
                start, words = particles.start(), (*particles.group().split(), *words)
            names.append((start, end, words))
    return tuple(names)


@functools.lru_cache(maxsize=TOKEN_CACHE)
def _run_name(run: str) -> tuple[int, int, tuple[int, ...], tuple[int, ...], tuple[str, ...]]:
    """(end, start) token indices of the name in a run of capitalized words (see _name_in_run), with
    where each token starts and ends in the run and its normalized form. Cached by the run's text: a
    page repeats the same runs ("The", "OSCE", a name) and the answer depends on the run alone.
    A run without a name gets no offsets (nothing reads them)."""
    if run.isalpha():  # most runs: one plain word, its own only token (no tokenizing)
        last, first = _single_word_name(run)
        return (last, first, (0,), (len(run),), (norm(run),)) if first < last else (last, first, (), (), ())
    tokens = list(WORD_RE.finditer(run))
    last, first = _name_in_run(tokens)
    if first >= last:
        return last, first, (), (), ()
    if len(tokens) == 1:  # one word with an apostrophe, a hyphen or a digit: offsets without generators
        token = tokens[0]
        return last, first, (token.start(),), (token.end(),), (norm(token.group()),)
    return (last, first, tuple(t.start() for t in tokens), tuple(t.end() for t in tokens),
            tuple(norm(t.group()) for t in tokens))


def _ends_role_enumeration(text: str, run_start: int) -> bool:
    """The run is the last item of an enumeration inside a role written before a name ("Deputy Minister of
    Culture, Information, Sports and Youth Policy Aibek Sadyrbekov"): the text before it reads
    "<title…>, <Item>, <Item> and ", each item a few capitalized words and no person's name (a list of
    people, "Minister Anna Berg, Lars Holm and …", is no role). The run then holds the item's words and
    the name, which is read as first name and surname."""
    before = text[max(0, run_start - ENUMERATION_WINDOW) : run_start]
    head, _, conjunction = before.rstrip().rpartition(" ")
    if conjunction not in ENUMERATION_CONJUNCTIONS or not before[-1:].isspace():
        return False
    clause = ENUMERATION_CLAUSE_START_RE.split(head)[-1]
    title_segment, *items = clause.split(",")
    if not items or len(items) > MAX_ENUMERATION_ITEMS or not any(is_title(w) for w in WORD_RE.findall(title_segment)):
        return False
    names = _scan_names(title_segment)
    if names and len(names[-1][2]) >= 2:
        return False  # the title's own name ends the segment: a list of people
    return all(_enumeration_item(item) for item in items)


def _enumeration_item(item: str) -> bool:
    words = item.split()
    return (
        0 < len(words) <= MAX_ENUMERATION_ITEM_WORDS
        and all(word[0].isupper() for word in words)
        and not any(len(name[2]) >= 2 for name in _scan_names(item))
    )


def _leading_particles(text: str, start: int) -> re.Match[str] | None:
    """Lowercase particles right before a surname named by a reporting verb ("said van der Berg").
    Only after the verb: elsewhere "von", "de", "der" are prepositions and articles ("von Japan",
    "der Bundesrat"). The word before is checked first, as the pattern would be tried at every one
    of 20 positions before every name."""
    lo = max(0, start - 8)
    space = text.rfind(" ", lo, start - 1)
    if start < 2 or text[start - 1] != " " or text[(space + 1 if space >= 0 else lo) : start - 1] not in PARTICLES:
        return None
    particles = LEADING_PARTICLES_RE.search(text, max(0, start - 20), start)
    if particles is None or not VERB_BEFORE_NAME_RE.search(text, max(0, particles.start() - 40), particles.start()):
        return None
    if particles.group().split()[0] in ARTICLE_PARTICLES:
        return None  # "sagte den Journalisten", "erklärte der Presse": the German article, no surname's particle
    return particles


def _name_in_run(tokens: list[re.Match[str]]) -> tuple[int, int]:
    """(end, start) token indices of the name in a run: the name that ends it, or, when the run ends
    in a place after a preposition ("Adviser Sam Taylor in Vienna"), the name before that place."""
    if len(tokens) == 1:
        return _single_word_name(tokens[0].group())
    last = len(tokens)
    while last > 0:
        first = _trailing_name(tokens[:last])
        if first == last - 1 and first >= 2 and tokens[first - 1].group() in OWNER_PREPOSITIONS:
            # "Mayor Peter Holm of Linz": one word after "of" is a place or a body, and the name
            # before it is the person's
            earlier = _trailing_name(tokens[: first - 1])
            if earlier <= first - 3:
                return first - 1, earlier
        if first < last:
            return last, first
        preposition = next(
            (i for i in range(last - 2, 0, -1) if tokens[i].group() in PLACE_PREPOSITIONS), None
        )
        if preposition is None or not all(norm(t.group()) in PLACE_WORDS for t in tokens[preposition + 1 : last]):
            break
        last = preposition
    return 0, 0


def _single_word_name(word: str) -> tuple[int, int]:
    """_name_in_run for a run of one word (most runs: a sentence's first word, an acronym, a
    surname), without the steps that need two: (1, 0) when the word is a name, else (0, 0)."""
    if _is_name_token(word) and norm(word) not in PLACE_WORDS and not (word.casefold() in PARTICLES and not word.isupper()):
        return 1, 0
    return 0, 0


def strip_possessive(name: str) -> str:
    return re.sub(r"[’']s$", "", name)
