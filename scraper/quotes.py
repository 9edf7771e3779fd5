"""Direct quotes and their speakers, from a release's body paragraphs. Pure: text in, records out.

Three passes, each linear in the text (regexes are anchored or bounded, so no backtracking blow-up):

1. `scan_spans`: quotation marks → quoted spans. A stack of opening marks handles nested quotes and
   mixed typing (straight, curly, a wrongly typed opening ”, German „…“, guillemets); a span left
   open at a paragraph's end continues when the next paragraph opens with a mark.
2. `find_mentions`: runs of capitalized words → people. A run is split into role words and a name
   (role words are a lexicon of titles and institutions); roles come from the words before the name,
   from role segments joined by commas or "and", and from an appositive after it.
3. Attribution: a reporting verb after the quote (`"…," said X`, `"…," X said`), before it
   (`X said: "…"`), at the end of the previous paragraph (`X added:`), or none (a quote opening a
   sentence continues the previous speaker). The speaker phrase resolves to a person by name,
   surname, pronoun (most recent person mentioned) or role title (`the Head of Mission`); an
   institution or an unknown gives None, never a guess. Quoted titles, scare quotes and terms
   are not speech: no attribution, mid-sentence, short, title-cased or cued by a noun (`the report`).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from schemas import Quote, Speaker

# ---------------------------------------------------------------------------------------------
# Lexicons (lowercase). Role words never belong to a name; person titles make a phrase a role.
PERSON_TITLES = frozenset(
    """minister ministers deputy secretary general director directors head heads chair chairman
    chairwoman chairperson president vice representative commissioner co-ordinator coordinator
    ambassador adviser advisor officer spokesperson spokesman spokeswoman chief commander governor
    mayor speaker member envoy rapporteur professor judge prosecutor counsellor counselor manager
    expert assistant executive leader founder officials official coordinator analyst researcher
    teacher specialist consultant delegate administrator inspector superintendent major colonel
    brigadier lieutenant captain admiral sergeant ombudsman ombudsperson chancellor premier senator
    mp mep sheriff lawyer attorney editor journalist principal dean rector undersecretary
    under-secretary prime co-chair leiterin leiter direktor direktorin präsident präsidentin sprecher
    sprecherin vorsitzende vorsitzender botschafter botschafterin ministerin abteilungsleiterin
    abteilungsleiter chef cheffe directeur directrice commandant conseiller représentant ministre
    руководитель заместитель председатель глава директор министр посол представитель координатор
    советник начальник президент секретарь focal monitor observer facilitator moderator trainer
    lecturer economist activist advocate beauftragte beauftragter sonderbeauftragte
    sonderbeauftragter generalsekretär generalsekretärin vertreter vertreterin berater beraterin
    koordinator koordinatorin staatssekretär staatssekretärin bürgermeister bürgermeisterin""".split()
)
INSTITUTION_WORDS = frozenset(
    """osce odihr hcnm un eu nato office offices mission missions programme program project centre
    center department unit council committee commission assembly parliament parliamentary presidency
    chairmanship chairpersonship secretariat institution institutions agency organization
    organisation rights human beings persons people minorities media freedom democratic security
    co-operation cooperation development trade justice defence defense interior finance economy
    economic education health environment environmental energy migration trafficking terrorism
    police policing gender equality democracy democratization elections electoral governance law
    youth children women issues matters relations affairs foreign internal national international
    special senior acting permanent personal first high central regional federal state states
    government ministry division section team group bank fund court tribunal forum network alliance
    combating countering anti-trafficking politico-military military transnational threats border
    management strategic operations republic federation kingdom union united nations europe european
    council's world day week conference meeting year task force board service services
    statistics public civil society authority authorities city municipality region district
    province county presence institute institut foundation academy university school college
    museum library association chamber bureau inspectorate directorate prosecution""".split()
)
# Places that sit between a role and a name ("Minister of Foreign Affairs of Malta Ian Borg").
PLACE_WORDS = frozenset(
    """albania andorra armenia austria azerbaijan belgium belarus bosnia herzegovina bulgaria canada
    croatia cyprus czechia denmark estonia finland france georgia germany greece hungary iceland
    ireland italy kazakhstan kyrgyzstan latvia liechtenstein lithuania luxembourg malta moldova
    monaco mongolia montenegro netherlands macedonia norway poland portugal romania russia serbia
    slovakia slovenia spain sweden switzerland tajikistan turkey türkiye turkmenistan ukraine
    uzbekistan america vienna warsaw prague skopje belgrade sarajevo pristina tirana chisinau kyiv
    kiev minsk tbilisi yerevan baku astana bishkek dushanbe ashgabat tashkent podgorica osh
    kosovo north south east west northern southern eastern western south-east south-eastern
    caucasus balkans asia mediterranean baltic black sea danube""".split()
)
HONORIFICS = frozenset(
    "ambassador mr mr. mrs mrs. ms ms. dr dr. prof prof. professor sir dame madam h.e. excellency "
    "colonel".split()
)
# Capitalized words that start sentences or clauses and are never part of a name.
STOP_CAPS = frozenset(
    """the a an this that these those in on at during after before following today yesterday he she
    they we it his her our their its as while with by for from according commenting marking speaking
    addressing and but also however if when where there here i you all both each every some many
    january february march april may june july august september october november december monday
    tuesday wednesday thursday friday saturday sunday mr ms die der das ein eine le la les""".split()
)
FEMALE_NAMES = frozenset(
    """miriam ingrid astrid sigrid ingibjörg helen ellen karin kristin carmen doris agnes ruth esther
    rachel claire marie anne ann catherine elizabeth margaret alice sarah iris emily nancy mary
    jennifer kathleen michelle nicole simone beatrice isabel isabelle jane jill joan kate liz lynn
    judith gertrud brigitte""".split()
)
MALE_NAMES_ENDING_A = frozenset("luca andrea nikola ilya mustafa joshua sasha nikita musa hamza isa".split())
FEMALE_SUFFIXES = ("a", "ine", "ette", "elle", "iese", "ise", "rid", "ova", "eva", "ina", "aya")
PRONOUNS = {"he": "m", "she": "f", "er": "m", "sie": "f", "il": "m", "elle": "f", "он": "m", "она": "f"}
# A small set of lowercase words a subject phrase ("the head of the mission") may contain.
SUBJECT_WORDS = frozenset(
    """the a an of for on to in at and also further then later again finally today yesterday
    he she they it its his her their our new former current acting deputy head chief
    from le la les l’ de du des der die das des und für""".split()
)
FUNCTION_WORDS = frozenset(
    """has had have is was were are will would who which that said says and but also however
    together as with in at on for from to after before during while when where whose whom""".split()
)
TITLE_CUES = frozenset(
    """conference report campaign publication guidebook handbook manual guide document declaration
    resolution strategy programme program project initiative law act bill statute event seminar
    workshop forum meeting exhibition festival competition theme slogan motto title titled entitled
    called named dubbed book study film series platform network newspaper magazine website course
    training session panel roundtable plan agreement convention recommendations guidelines
    so-called brochure leaflet toolkit video podcast app portal award prize operation exercise
    festival форум проект программа конференция кампания доклад konferenz kampagne bericht projekt
    programm guide rapport campagne projet""".split()
)
# Words that may stand between a title noun and the quoted title ("a conference entitled “…”").
TITLE_LINKS = frozenset(
    """entitled titled called named dubbed on of about the a an its their his her our new first
    annual joint regional national international 2-day two-day three-day year’s year's под
    названием""".split()
)

VERBS_EN = (
    r"said|says|added|adds|stressed|stresses|noted|notes|underlined|underlines|underscored|"
    r"emphasi[sz]ed|emphasi[sz]es|stated|states|explained|explains|highlighted|pointed\s+out|"
    r"remarked|commented|declared|announced|concluded|continued|observed|affirmed|reaffirmed|"
    r"recalled|insisted|urged|warned|told|tells|asked|argued|acknowledged|wrote|writes|replied|"
    r"reiterated|mentioned|cautioned|suggested|claimed|confirmed|maintained|summari[sz]ed|"
    r"asserted|[Aa]ccording\s+to|[Ii]n\s+the\s+words\s+of"
)
VERBS_DE = r"sagte|sagt|betonte|betont|erklärte|erklärt|ergänzte|berichtete|kündigte|fügte|unterstrich|meinte|warnte|forderte"
VERBS_FR = (
    r"a(?:-t-(?:il|elle))?\s+(?:déclaré|souligné|ajouté|précisé|expliqué|affirmé|indiqué|noté|rappelé|"
    r"estimé|insisté)|[Ss]elon|déclare|souligne|ajoute"
)
VERBS_RU = (
    r"сказал[аи]?|заявил[аи]?|отметил[аи]?|подчеркнул[аи]?|добавил[аи]?|сообщил[аи]?|пояснил[аи]?|"
    r"считает|говорит|[Пп]о\s+(?:его|её|ее|их)?\s*словам"
)
VERB = rf"(?:{VERBS_EN}|{VERBS_DE}|{VERBS_FR}|{VERBS_RU})"
# Case-sensitive: a reporting verb is written in lower case ("participating States" is no verb);
# only the phrases that open a sentence ("According to X, …") also match capitalized.
VERB_RE = re.compile(rf"(?<![\w-])(?:{VERB})(?![\w-])")
# A reporting verb right after a name ("Biaudet also said") or right before it ("said Biaudet").
VERB_AFTER_NAME_RE = re.compile(rf"\s+(?:\w+\s+)?(?:{VERB})(?![\w-])")
VERB_BEFORE_NAME_RE = re.compile(rf"(?<![\w-])(?:{VERB})\s+(?:the\s+)?\Z")
VERB_SO_DE = re.compile(r"(?<![\w-])so(?![\w-])")  # "„…“, so Müller": German only, "so" is English too

# ---------------------------------------------------------------------------------------------
# Quotation marks: which marks close a span opened by each mark.
CLOSERS = {'"': '"”', "“": "”\"", "„": "“”\"", "«": "»", "»": "«", "”": "”\""}
NESTABLE_OPENERS = '"“„«'
OPEN_CONTEXT = "([{—–-/:;'‘"
MARK_RE = re.compile(r'["“”„«»]')
WORD_RE = re.compile(r"[^\W_][\w’'\-]*")
AFTER_LEAD_RE = re.compile(r"\s*(?:\)\s*)?([,.;:!?]?)\s*(?:[—–-]+\s*)?")
ARTICLE_RE = re.compile(r"^(?:the|a|an|le|la|les|l’|l'|die|der|das|des)\s+", re.IGNORECASE)
ACRONYM_PARENS_RE = re.compile(r"\s*\([^()\s]{2,12}\)")
WHITESPACE_RE = re.compile(r"\s+")
LEADING_SPACE_RE = re.compile(r"\s*")
FIRST_PERSON_RE = re.compile(r"\b(?:I|we|We|our|Our|us|my|My|me)\b")


def _upper_class() -> str:
    """A character class of every uppercase letter in the Basic Multilingual Plane."""
    upper = [chr(c) for c in range(0x10000) if chr(c).isupper()]
    return "".join(re.escape(ch) for ch in upper)


UPPER = _upper_class()
CAP_WORD = rf"(?:[{UPPER}]\.(?=\s)|[{UPPER}][\w’'\-]*)"
RUN_CONNECTOR = r"(?:(?:of|for|on|to|in|at|against|für|im|des|der|de|du|van|von|da|di|al|bin|ter|ten|в|во|на|по|при|для)\s+(?:the\s+|la\s+|l’)?)"
# A run of capitalized words, with prepositions between them ("Head of the OSCE Mission to Serbia").
RUN_RE = re.compile(rf"{CAP_WORD}(?:\s+{RUN_CONNECTOR}?{CAP_WORD})*")
PARTICLES = frozenset("de van von da di al bin ter ten du der".split())
# Where an unclosed quotation meets its attribution: a comma (or ! ?) then `said Name`/`Name said`/`he said`.
UNCLOSED_ATTRIBUTION_RE = re.compile(
    rf"[,!?](?=\s+(?:(?:{VERB})\s+[{UPPER}]|(?:he|she|they|{CAP_WORD}(?:\s+{CAP_WORD}){{0,3}})\s+(?:{VERB})(?![\w-])))"
)
PREPOSITIONS = frozenset("of for on to in at against für im des the в во на по при для".split())

MAX_NAME_TOKENS = 4
# Word tests and name scans are pure and repeat a lot (the same titles, the same clauses): cached.
TOKEN_CACHE = 8192
SEGMENT_CACHE = 2048
WINDOW = 300  # characters of context read on either side of a quote
SCARE_MAX_WORDS = 3
PARTIAL_MIN_WORDS = 6


# ---------------------------------------------------------------------------------------------
# Pass 1: quoted spans
@dataclass
class Span:
    paragraph: int  # where the opening mark is
    start: int  # offset of the opening mark
    end_paragraph: int  # where the closing mark is
    end: int  # offset just after the closing mark (paragraph length when never closed)
    text: str
    closed: bool = True


def _open_position(text: str, i: int) -> bool:
    prev = text[i - 1] if i else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return (prev.isspace() or prev in OPEN_CONTEXT) and not nxt.isspace()


def _opens_at_depth_zero(ch: str, text: str, i: int) -> bool:
    if ch in "”»":  # only a wrongly typed opening mark, in an opening position
        return _open_position(text, i)
    if ch == '"':
        prev = text[i - 1] if i else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        return not ((prev.isalnum() or prev in ".,!?") and (nxt.isspace() or nxt in ".,;:"))
    return True


def _starts_with_mark(paragraph: str) -> int | None:
    stripped = LEADING_SPACE_RE.match(paragraph).end()
    return stripped if stripped < len(paragraph) and paragraph[stripped] in '"“”„«»' else None


@dataclass
class _OpenQuote:
    paragraph: int
    start: int
    content_start: int
    pieces: list[str] = field(default_factory=list)
    last_outer_close: int | None = None


def scan_spans(paragraphs: Sequence[str]) -> list[Span]:
    """Every quoted span, in order; nested quotes stay inside their outer span."""
    spans: list[Span] = []
    stack: list[str] = []
    current: _OpenQuote | None = None
    for p, text in enumerate(paragraphs):
        resume = 0
        if current is not None:  # a continued quotation: skip this paragraph's opening mark
            resume = (_starts_with_mark(text) or 0) + 1
            current.content_start = resume
        for match in MARK_RE.finditer(text, resume):
            ch, i = match.group(), match.start()
            if current is None:
                if _opens_at_depth_zero(ch, text, i):
                    stack, current = [ch], _OpenQuote(p, i, i + 1)
                continue
            if _closes(stack[-1], ch, text, i):
                stack.pop()
            elif ch in NESTABLE_OPENERS and (ch != '"' or _open_position(text, i)):
                stack.append(ch)
                continue
            elif any(ch in CLOSERS[opener] for opener in stack):
                while stack and ch not in CLOSERS[stack.pop()]:
                    pass
            else:
                continue
            if not stack:
                spans.append(_finish(current, p, text[current.content_start : i], i + 1, True))
                current = None
            elif ch in CLOSERS[stack[0]]:
                current.last_outer_close = i  # where the outer quote ends if a nested one never closes
        if current is None:
            continue
        following = paragraphs[p + 1] if p + 1 < len(paragraphs) else ""
        if _starts_with_mark(following) is not None:
            current.pieces.append(text[current.content_start :].strip())
            stack = stack[:1]
        elif len(stack) > 1 and current.last_outer_close is not None:
            close = current.last_outer_close
            spans.append(_finish(current, p, text[current.content_start : close], close + 1, True))
            stack, current = [], None
        else:
            spans.append(_finish_unclosed(current, p, text))
            stack, current = [], None
    return spans


def _finish_unclosed(current: _OpenQuote, paragraph: int, text: str) -> Span:
    """A quotation never closed: it ends where it runs into its own attribution (`“We go on, said
    Name.`), as the writer meant it to; otherwise it runs to the paragraph's end, marked open."""
    attribution = UNCLOSED_ATTRIBUTION_RE.search(text, current.content_start)
    if attribution is not None:
        cut = attribution.end()
        return _finish(current, paragraph, text[current.content_start : cut], cut, True)
    return _finish(current, paragraph, text[current.content_start :], len(text), False)


def _closes(top: str, ch: str, text: str, i: int) -> bool:
    if ch == top and ch in "“\"" and not _open_position(text, i):
        return True  # a closing mark typed like the opening one ("…,“ she said)
    return ch in CLOSERS[top] and not (ch in NESTABLE_OPENERS and ch != "“" and _open_position(text, i))


def _finish(current: _OpenQuote, end_paragraph: int, last_piece: str, end: int, closed: bool) -> Span:
    pieces = [*current.pieces, last_piece.strip()]
    text = " ".join(piece for piece in pieces if piece)
    return Span(current.paragraph, current.start, end_paragraph, end, text, closed)


# ---------------------------------------------------------------------------------------------
# Pass 2: people mentioned, with the roles the text gives them
@dataclass
class Mention:
    paragraph: int
    start: int
    end: int
    tokens: tuple[str, ...]  # casefolded name tokens, possessive dropped
    name: str  # as written
    role: str | None
    evidence: bool  # a role, an honorific or a reporting verb says this is a person
    gender: str | None = None
    honorific: str | None = None  # the title written before the name ("ambassador"), casefolded


# Where the clause before a name begins: sentence punctuation, quotation marks, a dash.
HARD_BOUNDARY = r"(?<![A-Z])(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bMrs)(?<!\bProf)\.|[;:!?\"“”«»„—–]|\s-\s|(?<=\S)-(?=\s)"
HARD_BOUNDARY_RE = re.compile(HARD_BOUNDARY)
APPOSITIVE_RE = re.compile(
    # an optional group after the name, as parliaments write party and country: "Name (EPP, PL), rapporteur"
    r"(?:\s*\([^()]{1,40}\))?(?:,\s+|(?<=\))\s+)(?:who\s+(?:is|was|serves\s+as|heads)\s+)?(?P<article>(?:the|a|an|le|la|l’|die|der)\s+)?"
    r"(?P<role>(?:[^,;.()“”\"«»„:]|\([A-Z]{2,12}\)){2,200})"
)
POSSESSIVE_RE = re.compile(r"[’']s?$")
# A comma segment opening with one of these starts a new clause, so nothing before it is this role.
CLAUSE_OPENER_RE = re.compile(r"\s*(?:while|whilst|whereas|but|when|although|während|tandis\s+que|а|тогда\s+как)\s", re.IGNORECASE)
MAX_ROLE_WORDS = 20


@functools.lru_cache(maxsize=TOKEN_CACHE)
def _norm(token: str) -> str:
    return POSSESSIVE_RE.sub("", token).casefold()


@functools.lru_cache(maxsize=TOKEN_CACHE)
def _is_title(token: str) -> bool:
    lowered = _norm(token)
    if lowered in PERSON_TITLES:
        return True
    parts = lowered.split("-")
    return len(parts) > 1 and any(part in PERSON_TITLES for part in parts)


@functools.lru_cache(maxsize=TOKEN_CACHE)
def _is_name_token(token: str) -> bool:
    if not token[0].isupper():
        return False
    lowered = _norm(token)
    if lowered in STOP_CAPS or lowered in INSTITUTION_WORDS or lowered in HONORIFICS:
        return False
    if len(token) == 1 or (len(token) == 2 and token[1] == "."):
        return True  # an initial ("Feridun H. Sinirlioğlu")
    if not any(ch.islower() for ch in token) or not lowered:
        return False  # an acronym or a dateline in capitals
    return not _is_title(token) and not lowered.endswith(("minister", "ministerin", "präsident", "präsidentin"))


@functools.lru_cache(maxsize=TOKEN_CACHE)
def _is_caps_surname(token: str) -> bool:
    """A surname in capitals, as the European Parliament writes them ("Henrik SØRENSEN")."""
    lowered = _norm(token)
    return (
        len(token) >= 2
        and token.isupper()
        and token.replace("-", "").isalpha()
        and lowered not in INSTITUTION_WORDS
        and lowered not in PLACE_WORDS
        and lowered not in STOP_CAPS
    )


def _trailing_name(tokens: list[re.Match[str]]) -> int:
    """Index of the first token of the name that ends a run of capitalized words (len when none)."""
    words = [token.group() for token in tokens]
    first = len(words)
    while first > 0:
        word = words[first - 1]
        inner_particle = word.casefold() in PARTICLES and first < len(words) and first > 1
        if not (_is_name_token(word) or _is_caps_surname(word) or inner_particle):
            break
        first -= 1
    while first < len(words) and words[first].casefold() in PARTICLES and not words[first].isupper():
        first += 1
    while len(words) - first > 2 and _norm(words[first]) in PLACE_WORDS:
        first += 1  # "Trade of Malta Ian Borg": the place belongs to the role
    if not any(_is_name_token(word) and _norm(word) not in PLACE_WORDS for word in words[first:]):
        return len(words)  # capitals or places only: an acronym, a dateline, a country
    if len(words) - first >= 3 and first > 0 and words[first - 1].casefold() in PREPOSITIONS:
        first += 1  # "Mission to Skopje Ralf Breth": the first word is the preposition's object
    return max(first, len(words) - MAX_NAME_TOKENS)


def _names_in(text: str) -> tuple[tuple[int, int, tuple[str, ...]], ...]:
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
        tokens = list(WORD_RE.finditer(run.group()))
        first = _trailing_name(tokens) if tokens else 0
        if first < len(tokens):
            start, end = run.start() + tokens[first].start(), run.end()
            names.append((start, end, tuple(_norm(t.group()) for t in tokens[first:])))
    return tuple(names)


def _clean_role(role: str | None) -> str | None:
    if not role:
        return None
    role = WHITESPACE_RE.sub(" ", ACRONYM_PARENS_RE.sub("", role)).strip(" ,;:–—-")
    words = role.split(" ")
    while words and (ARTICLE_RE.match(words[0] + " ") or words[0].casefold() in STOP_CAPS):
        words.pop(0)
    while words and (words[-1].casefold().strip(",") in HONORIFICS or words[-1] in ("and", "и", "und", "et")):
        words.pop()
    role = " ".join(words).strip(" ,")
    return role if role and any(_is_title(word.strip(",")) for word in words) else None


def _left_role(marks: Landmarks, name_start: int) -> str | None:
    """The role written before a name: its own clause, then earlier comma-separated role segments."""
    segments = _segments(marks, max(0, name_start - WINDOW), name_start)
    if not segments:
        return None
    parts = [_trim_to_role(_after_last_name(segments[-1] or "")[0])]
    for index in range(len(segments) - 2, -1, -1):
        segment = segments[index]
        if segment is None or not any(_is_title(w) for w in WORD_RE.findall(segment)):
            break
        if len(WORD_RE.findall(segment)) > MAX_ROLE_WORDS:
            break
        tail, had_name = _after_last_name(segment)
        previous = segments[index - 1] if index > 0 else None
        starts_item = re.match(r"\s*(?:and|und|et|и)\s", segment) is not None
        if CLAUSE_OPENER_RE.match(segment):
            parts.insert(0, _trim_to_role(tail))
            break  # "…, while the Head of the Mission, Name,": a new clause opens with this role
        if not had_name and not starts_item and previous and _ends_with_name(previous):
            break  # "Ms. Smith, Minister of Justice, Mr. Jones": the role belongs to Smith
        parts.insert(0, _trim_to_role(tail))
        if had_name:
            break
    return _clean_role(", ".join(part for part in parts if part))


Positions = tuple[list[int], list[int]]  # (starts, ends) of a pattern's matches, in text order


class Landmarks:
    """Where one paragraph's role boundaries are, each kind found by one scan when first needed, so
    that the look-back from every name is a bisection, not a regex run over a window (a 1 MB
    paragraph of names would otherwise rescan the same 300 characters for each of them)."""

    def __init__(self, text: str) -> None:
        self.text = text

    @functools.cached_property
    def hard(self) -> Positions:
        """Sentence punctuation, quotation marks and dashes: no role reaches across them."""
        return _positions(HARD_BOUNDARY_RE, self.text)

    @functools.cached_property
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


def _last_clause_end(text: str, lo: int, hi: int) -> int:
    """Where the clause that runs up to `hi` begins: after the last clause end in text[lo:hi], else lo.

    One greedy match backtracking from `hi`: it costs the distance to the nearest clause end, which
    is short in prose, and at most the window."""
    match = LAST_CLAUSE_END_RE.match(text, lo, hi)
    return match.end() if match else lo


def _ends_with_name(segment: str) -> bool:
    names = _names_in(segment)
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
    names = [name for name in _names_in(segment) if len(name[2]) >= 2]
    if not names:
        return segment, False
    tail = segment[names[-1][1] :]
    return re.sub(r"^\s*(?:and|und|et|и)\s+", "", tail), True


def _trim_to_role(segment: str) -> str:
    """Drop leading words until a capitalized word or a title ("she met with Head of Mission")."""
    words = segment.split()
    while words and not (words[0][0].isupper() or _is_title(words[0])):
        words.pop(0)
    return " ".join(words)


def _appositive(text: str, name_end: int) -> str | None:
    """`Name, the Head of the Mission,` / `Name, who is OSCE Special Representative ...,`."""
    match = APPOSITIVE_RE.match(text, name_end, min(len(text), name_end + WINDOW))
    if match is None:
        return None
    role = match.group("role")
    verb = VERB_RE.search(role)
    if verb is not None:
        role = role[: verb.start()]
    words = role.split()
    if not words or len(words) > MAX_ROLE_WORDS or any(len(name[2]) >= 2 for name in _names_in(role)):
        return None
    first = words[0].casefold()
    # a role may open with a qualifier before its title word: "shadow rapporteur", "former minister"
    if not (words[0][0].isupper() or any(_is_title(word) for word in words[:2]) or match.group("article")):
        return None
    participle = words[0][0].islower() and first.endswith(("ing", "ed", "ant")) and not _is_title(first)
    if first in FUNCTION_WORDS or participle:
        return None  # "Valtonen, commending the effort": a participle clause, not a role
    if re.search(r"\s(?:has|had|is|was|will|took|met|gave|visited)\s", f" {role} "):
        return None  # a clause, not a role
    return _clean_role(role) or (_clean_role_loose(role) if match.group("article") else None)


def _clean_role_loose(role: str) -> str | None:
    """A lowercase role after an article ("a teacher at a primary school") has no title word to check."""
    cleaned = WHITESPACE_RE.sub(" ", ACRONYM_PARENS_RE.sub("", role)).strip(" ,;:–—-")
    return cleaned or None


def _gender(tokens: tuple[str, ...], honorific: str | None) -> str | None:
    if honorific in ("mr", "mr.", "sir"):
        return "m"
    if honorific in ("ms", "ms.", "mrs", "mrs.", "madam", "dame"):
        return "f"
    first = tokens[0] if len(tokens) > 1 else ""
    if first in FEMALE_NAMES or (first.endswith(FEMALE_SUFFIXES) and first not in MALE_NAMES_ENDING_A):
        return "f"
    return "f" if tokens and tokens[-1].endswith(("ova", "eva", "ská", "aya")) else None


def find_mentions(paragraphs: Sequence[str]) -> list[Mention]:
    """Every name ending a capitalized run, with the role around it, in text order."""
    mentions = []
    for p, text in enumerate(paragraphs):
        marks = Landmarks(text)
        for start, end, tokens in _names_in(text):
            before_words = text[max(0, start - 40) : start].split()
            honorific = before_words[-1].casefold() if before_words else None
            honorific = honorific if honorific in HONORIFICS else None
            role = _longest(_left_role(marks, start), _appositive(text, end))
            verb_near = bool(VERB_AFTER_NAME_RE.match(text, end, end + 60)) or bool(
                VERB_BEFORE_NAME_RE.search(text, max(0, start - 40), start)
            )
            evidence = bool(role or honorific or verb_near)
            name = _strip_possessive(text[start:end])
            gender = _gender(tokens, honorific)
            mentions.append(Mention(p, start, end, tokens, name, role, evidence, gender, honorific))
    return mentions


def _strip_possessive(name: str) -> str:
    return re.sub(r"[’']s$", "", name)


def _longest(*roles: str | None) -> str | None:
    present = [role for role in roles if role]
    return max(present, key=lambda role: len(role.split())) if present else None


# ---------------------------------------------------------------------------------------------
# Pass 3: who said it
@dataclass
class Person:
    name: str
    tokens: tuple[str, ...]
    role: str | None = None
    gender: str | None = None
    seen: list[tuple[int, int]] = field(default_factory=list)  # (paragraph, offset) of each mention
    honorifics: set[str] = field(default_factory=set)  # "ambassador": `the Ambassador said` names them

    def matches(self, tokens: tuple[str, ...]) -> bool:
        if tokens == self.tokens or (len(tokens) < len(self.tokens) and self.tokens[-len(tokens) :] == tokens):
            return True  # the full name, or the surname ("Biaudet", "Patackova Melicharova")
        return len(tokens) == 1 and tokens[0] in self.tokens[1:]

    def last_seen_before(self, where: tuple[int, int]) -> tuple[int, int] | None:
        index = bisect.bisect_left(self.seen, where)
        return self.seen[index - 1] if index else None

    def add(self, mention: Mention) -> None:
        bisect.insort(self.seen, (mention.paragraph, mention.start))
        self.role = _longest(self.role, mention.role)
        self.gender = self.gender or mention.gender
        if mention.honorific:
            self.honorifics.add(mention.honorific.rstrip("."))

    def titles(self) -> set[str]:
        """The words a title phrase may use for this person: the role's and the honorifics."""
        words = {_norm(word) for word in WORD_RE.findall(self.role)} if self.role else set()
        return words | self.honorifics


class People:
    """The people a release mentions, in order of introduction."""

    def __init__(self, mentions: Sequence[Mention]) -> None:
        self.people: list[Person] = []
        self.unconfirmed = {}  # name tokens -> mention, for people only a reporting verb will confirm
        for mention in mentions:
            person = self.find(mention.tokens)
            if person is None and mention.evidence and len(mention.tokens) >= 2:
                person = Person(mention.name, mention.tokens)
                self.people.append(person)
            if person is not None:
                person.add(mention)
            else:
                self.unconfirmed.setdefault(mention.tokens, mention)

    def find(self, tokens: tuple[str, ...]) -> Person | None:
        return next((person for person in self.people if person.matches(tokens)), None)

    def confirm(self, tokens: tuple[str, ...], where: tuple[int, int]) -> Person:
        """The person a speaker phrase names, introducing them if nobody matched before."""
        person = self.find(tokens)
        if person is None:
            mention = self.unconfirmed.get(tokens)
            person = Person(mention.name if mention else " ".join(tokens), tokens)
            if mention is not None:
                person.add(mention)
            self.people.append(person)
        bisect.insort(person.seen, where)
        return person

    def latest_before(self, where: tuple[int, int], gender: str | None) -> Person | None:
        """The person mentioned last before `where`, of the pronoun's gender when that is known."""
        ranked = sorted(
            ((seen, person) for person in self.people if (seen := person.last_seen_before(where)) is not None),
            key=lambda item: item[0],
            reverse=True,
        )
        candidates = [person for _, person in ranked]
        if gender == "f":
            preferred = [person for person in candidates if person.gender == "f"]
        else:
            preferred = [person for person in candidates if person.gender != "f"]
        chosen = (preferred or candidates or [None])[0]
        if chosen is not None and chosen.gender is None and gender is not None:
            chosen.gender = gender
        return chosen

    def by_title(self, words: list[str], where: tuple[int, int]) -> Person | None:
        """`the Head of Mission said`: the person whose role holds every word of the title."""
        wanted = {_norm(word) for word in words if word[0].isupper() or _is_title(word)} - STOP_CAPS
        if not wanted or not any(word in PERSON_TITLES or _is_title(word) for word in wanted):
            return None
        fitting = [
            (seen, person)
            for person in self.people
            if (seen := person.last_seen_before(where)) is not None and wanted <= person.titles()
        ]
        return max(fitting, key=lambda item: item[0])[1] if fitting else None


@dataclass
class Attribution:
    phrase: str
    subject: bool  # the phrase comes before the verb (its subject) rather than after it
    where: tuple[int, int]
    strict: bool = True  # the verb governs the quote directly (not a partial quote mid-sentence)
    pronoun: str | None = None  # a pronoun carried by the verb ("a-t-elle précisé")


CLAUSE_END = r"(?<![A-Z])(?<!\b(?:Mr|Ms|Dr|St))[.!?;](?=\s|$)|[\"“”«»„]"
CLAUSE_END_RE = re.compile(CLAUSE_END)
LAST_CLAUSE_END_RE = re.compile(rf"(?s:.*)(?:{CLAUSE_END})")
COMMA_THEN_LOWER_RE = re.compile(r",\s+(?!(?:the|a|an|die|der|le|la)\b)(?=[a-zß-ÿа-яё])")
STRICT_BETWEEN_RE = re.compile(r"^(?:\s+(?:that|dass|que|что))?\s*[:,]?\s*$")
COLON_BETWEEN_RE = re.compile(r"^[^.!?:\"“”«»„]{0,100}:\s*$")
ADVERBS = frozenset("also then further later again today auch ebenfalls также".split())
# Words that continue the sentence's own subject ("… “a tool”, and urged States …"): a verb after them
# has no subject of its own, so it attributes nothing to the quote.
CONJUNCTIONS = frozenset("and but or yet so also then und aber oder sowie et mais ou и а но или".split())
FRENCH_PRONOUN_RE = re.compile(r"-t-(il|elle)\b")
OBJECT_VERBS_RE = re.compile(r"^(?:according\s+to|in\s+the\s+words\s+of|selon|по\s+)", re.IGNORECASE)


def _find_verb(clause: str, language: str | None, last: bool = False) -> re.Match[str] | None:
    matches = list(VERB_RE.finditer(clause)) if last else [m for m in [VERB_RE.search(clause)] if m]
    if language and language.startswith("de"):
        so = list(VERB_SO_DE.finditer(clause))
        matches = sorted([*matches, *(so if last else so[:1])], key=lambda m: m.start())
    if not matches:
        return None
    return matches[-1] if last else matches[0]


def _attribution_after(span: Span, paragraphs: Sequence[str], language: str | None, sentence_initial: bool) -> Attribution | None:
    """`"…," said X` / `"…," X said` / `«…», — сказал X`."""
    if not span.closed:
        return None
    text = paragraphs[span.end_paragraph]
    tail = text[span.end : span.end + WINDOW]
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
    others = [w for w in words if w[0].islower() and w.casefold() not in SUBJECT_WORDS and not _is_title(w)]
    return len(others) <= 3


def _attribution_before(text: str, offset: int, paragraph: int, language: str | None) -> Attribution | None:
    """`X said: "…"` / `X stated, "…"` / `According to X, "…"` (the clause before `offset`)."""
    clause_start = _last_clause_end(text, max(0, offset - WINDOW), offset)
    clause = text[clause_start:offset]
    verb = _find_verb(clause, language, last=True)
    if verb is None:
        return None
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
    if not subject.strip() or not _has_speaker_words(subject):
        return Attribution(between, False, where, strict)
    return Attribution(subject, True, where, strict)


def _has_speaker_words(phrase: str) -> bool:
    return bool(_names_in(phrase)) or any(word.casefold() in PRONOUNS for word in WORD_RE.findall(phrase)[-3:])


def _resolve(attribution: Attribution, people: People) -> Person | None:
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
    names = [name for name in _names_in(phrase) if len(name[2]) >= 2 or people.find(name[2])]
    if not names and len(_names_in(phrase)) == 1 and len(words) <= 3:
        names = _names_in(phrase)  # "“…,” Smith said": a surname the text never gave in full
    if names:
        tokens = (names[-1] if attribution.subject else names[0])[2]
        return people.confirm(tokens, attribution.where)
    return people.by_title(words, attribution.where)


def _pronoun_of(words: list[str], subject: bool) -> str | None:
    content = [w.casefold() for w in words if w.casefold() not in ADVERBS]
    if not content:
        return None
    if not subject:
        return content[0] if content[0] in PRONOUNS else None
    return content[-1] if content[-1] in PRONOUNS and len(content) <= 3 else None


# ---------------------------------------------------------------------------------------------
# Speech or not
def _sentence_initial(text: str, offset: int) -> bool:
    """Nothing but punctuation between the last sentence end (or quote) and the opening mark."""
    clause_start = _last_clause_end(text, max(0, offset - WINDOW), offset)
    return not WORD_RE.search(text, clause_start, offset)


def _ends_sentence(span: Span, paragraphs: Sequence[str]) -> bool:
    """The quote is not the subject or object of a sentence that goes on after it."""
    tail = paragraphs[span.end_paragraph][span.end : span.end + WINDOW].lstrip()
    if not tail or tail[0] in ".!?;\"“”«»„":
        return True
    return span.text[-1:] in ".!?…" and tail[0].isupper()


def _title_like(text: str, paragraph: str, offset: int) -> bool:
    """A quoted title or term: cued by a noun or article before it, or written in title case."""
    clause_start = _last_clause_end(paragraph, max(0, offset - 80), offset)
    before = WORD_RE.findall(paragraph[clause_start:offset])[-4:]
    lowered = [word.casefold() for word in before]
    if lowered and lowered[-1] in ("the", "a", "an", "so-called", "as", "of", "der", "die", "das", "le", "la", "les", "du", "des"):
        return True
    if _cued_as_title(lowered):
        return True
    words = [word for word in WORD_RE.findall(text)[1:] if len(word) >= 4]
    capitalized = sum(1 for word in words if word[0].isupper())
    return len(words) >= 2 and capitalized / len(words) >= 0.5


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
    """
    paragraphs = [paragraph or "" for paragraph in paragraphs]
    spans = scan_spans(paragraphs)
    if not spans:
        return [], []
    people = People(_outside(find_mentions(paragraphs), _quoted_regions(spans)))
    quotes: list[Quote] = []
    quoted: list[Person] = []
    last_speaker: Person | None = None
    for span in spans:
        if not WORD_RE.search(span.text):
            continue
        decision = _decide(span, paragraphs, language, people, last_speaker)
        if decision is None:
            continue
        speaker = decision if isinstance(decision, Person) else None
        quotes.append(Quote(text=span.text, speaker=speaker.name if speaker else None, paragraph=span.paragraph))
        last_speaker = speaker
        if speaker is not None and speaker not in quoted:
            quoted.append(speaker)
    speakers = [Speaker(name=person.name, role=person.role) for person in quoted]
    return quotes, speakers


def _decide(span: Span, paragraphs: Sequence[str], language: str | None, people: People, last_speaker: Person | None) -> Person | None | bool:
    """The speaker (a Person, or False for speech nobody is named for); None when not speech."""
    text = paragraphs[span.paragraph]
    words = _word_count(span.text)
    initial = _sentence_initial(text, span.start)
    attribution = _attribution_after(span, paragraphs, language, initial) or _attribution_before(
        text, span.start, span.paragraph, language
    )
    opens_paragraph = LEADING_SPACE_RE.match(text).end() == span.start
    if attribution is None and opens_paragraph and span.paragraph > 0:
        previous = paragraphs[span.paragraph - 1][-WINDOW:].rstrip()
        if previous.endswith(":"):
            attribution = _attribution_before(previous, len(previous), span.paragraph - 1, language)
    if attribution is not None and (attribution.strict or (words >= PARTIAL_MIN_WORDS and not _title_like(span.text, text, span.start))):
        return _resolve(attribution, people) or False
    if not span.closed and not opens_paragraph:
        return None
    if initial and words >= 3 and _ends_sentence(span, paragraphs) and not _title_like(span.text, text, span.start):
        return last_speaker or False  # a stand-alone quote continues the previous speaker
    if words >= 8 and FIRST_PERSON_RE.search(span.text) and not _title_like(span.text, text, span.start):
        return False
    return None
