"""Dates and datelines in the forms press releases write them: pure text in, values out.

Month names in English, German, French and Russian; day-month-year, month-day-year, numeric and ISO
forms; and the dateline that opens a release (`PRAGUE, 30 March 2009 - `, `VIENNA/WARSAW, 18 July
2022 – `, `QABALA, Azerbaijan, 24 September 2012 – `, `ДУШАНБЕ, 30 марта 2017 г. –`, `VIENNA -`).

Hand-written rather than dateparser: every form we accept is listed here as one compiled pattern,
so a page is dated in microseconds and never by a guess (dateparser reads "May" in any sentence).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import partial

MONTHS: dict[str, int] = {}
_MONTH_NAMES = {
    1: "january jan januar jänner jän janvier janv января январь",
    2: "february feb februar février fevrier févr fevr февраля февраль",
    3: "march mar märz maerz mars марта март",
    4: "april apr avril avr апреля апрель",
    5: "may mai мая май",
    6: "june jun juni juin июня июнь",
    7: "july jul juli juillet juil июля июль",
    8: "august aug août aout августа август",
    9: "september sep sept septembre сентября сентябрь",
    10: "october oct oktober okt octobre октября октябрь",
    11: "november nov novembre ноября ноябрь",
    12: "december dec dezember dez décembre decembre déc декабря декабрь",
}
for _number, _names in _MONTH_NAMES.items():
    for _name in _names.split():
        MONTHS[_name] = _number

_MONTH_ANY = "(?i:" + "|".join(sorted(map(re.escape, MONTHS), key=len, reverse=True)) + r")\.?"
_DAY_ANY = r"[0-3]?\d(?:st|nd|rd|th|er|\.)?"
_YEAR_ANY = r"(?:19|20)\d\d"
_MONTH = f"(?P<month>{_MONTH_ANY})"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|\.)?"
_YEAR = f"(?P<year>{_YEAR_ANY})"
_RU_YEAR_SUFFIX = r"(?:\s*(?:г\.|года|г\b))?"
RU_YEAR_SUFFIX = re.compile(r"\s*(?:г\.|года|г)$")

DAY_MONTH_YEAR = re.compile(rf"\b{_DAY}\s*{_MONTH}(?:\s*,?\s*{_YEAR})?(?!\w)")
MONTH_DAY_YEAR = re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b")
NUMERIC_DMY = re.compile(r"\b(?P<day>[0-3]?\d)\.\s?(?P<month>[01]?\d)\.\s?(?P<year>(?:19|20)\d\d)\b")
# 18-07-2019: day first, as European sites write it (the year last keeps it apart from ISO). Slashes
# are left out on purpose: 07/08/2019 is a different day in the US.
DASHED_DMY = re.compile(r"(?<![\d-])(?P<day>[0-3]?\d)-(?P<month>[01]?\d)-(?P<year>(?:19|20)\d\d)(?![\d-])")
ISO_DATE = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?!\d)")
# A machine value may leave out the zeros ("2022-5-5 22:17:36", as some CMS write article:published_time);
# in running text such a form is too often something else, so only machine values are read so.
MACHINE_DATE = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)-(?P<month>[01]?\d)-(?P<day>[0-3]?\d)(?!\d)")
DATE_FORMS = (ISO_DATE, DAY_MONTH_YEAR, MONTH_DAY_YEAR, NUMERIC_DMY, DASHED_DMY)

# A dateline ends at a dash: en or em dash with any spacing, or a hyphen with a space on at least
# one side (a bare hyphen is a compound word: "Co-operation").
_DASH = r"(?:\s*[–—]+\s*|\s+-+\s*|-+\s+)"
# A place: up to five names split by commas or slashes ("VIENNA/WARSAW", "QABALA, Azerbaijan"), each
# a letter and at most 40 more characters. Each name is read whole, atomically, up to the first
# character it cannot hold: a digit, a comma or slash, punctuation, a dash (a hyphen between spaces
# or before one), or a space before another space or a hyphen; a hyphen inside a word ("Nur-Sultan")
# and single spaces between words stay in. Where a name ends is thus never in doubt: the pattern it
# replaces let a name hold the "/" and spaces it also split at, and tried every split of a
# "A / A / A …" opening (2.9 s for one 200-character paragraph head).
_PLACE_CHAR = r"(?:[^\d,/–—;:!?()\"“”«»\s-]|-(?![\s-])|\s(?![\s-]))"
_PLACE_NAME = rf"(?>[^\W\d_]{_PLACE_CHAR}{{0,40}})"
_PLACE = rf"(?P<place>{_PLACE_NAME}(?:\s*[,/]\s*{_PLACE_NAME}){{0,4}})"
_NUMERIC_DATE = r"[0-3]?\d\.\s?[01]?\d\.\s?(?:19|20)\d\d"


def _dateline_date(group: str) -> str:
    """The date of a dateline, as a pattern capturing it in `group`."""
    return (
        rf"(?P<{group}>{_DAY_ANY}\s*{_MONTH_ANY}(?:\s*,?\s*{_YEAR_ANY})?{_RU_YEAR_SUFFIX}"
        rf"|{_MONTH_ANY}\s+{_DAY_ANY}(?:,?\s+{_YEAR_ANY})?|{_NUMERIC_DATE})"
    )


_DATELINE_DATE = _dateline_date("date")
_CAPS_WORD = r"[^\W\d_a-zа-яё]+"
DATELINE = re.compile(
    rf"^\s*(?:{_PLACE}\s*(?:,|{_DASH})\s*)?{_DATELINE_DATE}{_DASH}(?=\S)"
    rf"|^\s*(?P<bare_place>{_CAPS_WORD}(?:[ /,-]{{1,3}}{_CAPS_WORD}){{0,4}}){_DASH}(?=\S)"
)
# A dateline on a line of its own: "Berlin, 28.10.2021", "Berlin, 28.10.2021, 058/21" (a release number).
DATELINE_ALONE = re.compile(rf"^\s*{_PLACE}\s*,\s*{_DATELINE_DATE}(?:\s*,\s*[\w/-]{{1,12}})?\s*$")

# The datelines of news agencies and of UN and US releases: the date in brackets ("NAIROBI, Kenya
# (February 12, 2024) —", "GENEVA (3 March 2024) –"), a qualifier or the agency in brackets ("KYIV
# (Ukraine), 5 March 2024 –", "LONDON (Reuters) -", "SPRINGFIELD, Ill. (AP) —", "GENEVA, 3 March 2024
# (UNHCR) –"), a wire service between slashes ("NEW YORK, March 3, 2024 /PRNewswire/ --"). Tried after
# DATELINE; without a date the place must be in capitals and a bracket or wire must be there.
_BRACKET = r"\((?P<{name}>[^()\d]{{2,40}})\)"
_WIRE = r"/[^/\n]{2,40}/"
MAX_BRACKET_WORDS = 3  # "(Reuters)", "(AP)", "(Kenya)", "(Bosnia and Herzegovina)"
WIRE_DATELINE = re.compile(
    rf"^\s*{_PLACE}(?:\s*{_BRACKET.format(name='inner')})?(?:\s*,\s*|\s+|{_DASH})?"
    rf"(?:\(\s*{_dateline_date('bracketed_date')}\s*\)|{_dateline_date('date')})?"
    rf"(?:\s*{_BRACKET.format(name='agency')})?(?:\s*(?P<wire>{_WIRE}))?{_DASH}(?=\S)"
)
DAY_MONTH_OPTIONAL_YEAR = re.compile(rf"{_DAY}\s*{_MONTH}(?:\s*,?\s*{_YEAR})?")
MONTH_DAY_OPTIONAL_YEAR = re.compile(rf"{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?")


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A date found in text: what was written, and its parts (year may be missing)."""

    raw: str
    year: int | None
    month: int
    day: int

    def iso(self, default_year: int | None = None) -> str | None:
        """ISO YYYY-MM-DD, taking the year from `default_year` when the text had none."""
        year = self.year or default_year
        if year is None:
            return None
        try:
            return date(year, self.month, self.day).isoformat()
        except ValueError:
            return None


@dataclass(frozen=True, slots=True)
class Dateline:
    """The place and date that open a release's first paragraph."""

    place_raw: str | None
    date: DateMatch | None
    text: str


def month_number(token: str) -> int | None:
    if token.isdigit():
        return int(token)
    return MONTHS.get(token.lower().rstrip("."))


def _to_match(match: re.Match[str]) -> DateMatch | None:
    month = month_number(match.group("month"))
    day = int(match.group("day"))
    year = match.group("year")
    if month is None or not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return DateMatch(raw=match.group(0).strip(), year=int(year) if year else None, month=month, day=day)


def find_date(text: str, require_year: bool = True) -> DateMatch | None:
    """The first date written in `text` in any known form; None if there is none."""
    best: tuple[int, DateMatch] | None = None
    for form in DATE_FORMS:
        for match in form.finditer(text):
            found = _to_match(match)
            if found is None or (require_year and found.year is None):
                continue
            if best is None or match.start() < best[0]:
                best = (match.start(), found)
            break
    return best[1] if best else None


def parse_iso(value: str) -> DateMatch | None:
    """A date from a machine-readable value (`2022-06-30T00:00:00+02:00`, `2022-06-30`, `2022-6-30`)."""
    match = MACHINE_DATE.search(value)
    return _to_match(match) if match else None


def parse_dateline(paragraph: str) -> Dateline | None:
    """The dateline at the start of a paragraph, if it has one."""
    head = paragraph[:200]
    match = DATELINE.match(head) or DATELINE_ALONE.match(head)
    if match is None:
        return _wire_dateline(head)
    if match.re is DATELINE and match.group("bare_place"):
        place = match.group("bare_place").strip()
        return Dateline(place_raw=place, date=None, text=match.group(0)) if _looks_like_caps_place(place) else None
    date_text = RU_YEAR_SUFFIX.sub("", match.group("date").strip())
    date_match = (DAY_MONTH_OPTIONAL_YEAR.fullmatch(date_text) or MONTH_DAY_OPTIONAL_YEAR.fullmatch(date_text)
                  or NUMERIC_DMY.fullmatch(date_text))
    found = _to_match(date_match) if date_match else None
    if found is None:
        return None
    place = match.group("place")
    place = place.strip(" ,–—-") if place else None
    if place and not place[0].isupper():
        return None
    return Dateline(place_raw=place or None, date=found, text=match.group(0))


def _wire_dateline(head: str) -> Dateline | None:
    """A dateline in the agencies' forms (WIRE_DATELINE); the agency and the wire are no part of the place."""
    match = WIRE_DATELINE.match(head)
    if match is None:
        return None
    place = match.group("place").strip(" ,–—-")
    inner = match.group("inner")
    if inner and _is_place_qualifier(inner):
        place = f"{place} ({inner.strip()})"  # "KYIV (Ukraine)": the qualifier belongs to the place as written
    date_text = match.group("bracketed_date") or match.group("date")
    if any(len(bracket.split()) > MAX_BRACKET_WORDS for bracket in (inner, match.group("agency")) if bracket):
        return None  # a sentence's aside in brackets, not an agency or a country
    if date_text is None:
        city = re.split(r"[,(]", place, maxsplit=1)[0]
        if not (inner or match.group("agency") or match.group("wire")) or not _looks_like_caps_place(city):
            return None
        return Dateline(place_raw=place, date=None, text=match.group(0))
    date_text = RU_YEAR_SUFFIX.sub("", date_text.strip())
    date_match = (DAY_MONTH_OPTIONAL_YEAR.fullmatch(date_text) or MONTH_DAY_OPTIONAL_YEAR.fullmatch(date_text)
                  or NUMERIC_DMY.fullmatch(date_text))
    found = _to_match(date_match) if date_match else None
    if found is None or not place[:1].isupper():
        return None
    return Dateline(place_raw=place, date=found, text=match.group(0))


def _is_place_qualifier(text: str) -> bool:
    """A country or state in brackets after a city (not an agency: "Reuters", "AP", "UNHCR")."""
    from scraper.places import is_qualifier  # places imports nothing of dates; kept local to stay so

    return is_qualifier(text.strip())


def _looks_like_caps_place(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


# -- dates anywhere on a page (the page cascade's reader; datelines above keep their own forms) -----

# Month names of more languages, for dates a page shows its readers ("3 de mayo de 2022", "12 maggio
# 2021", "4 maart 2020", "5 de março de 2022"). Kept apart from MONTHS, which datelines use: these
# names are read only in full day-month-year forms, so "set" or "ago" in a sentence never match.
_EXTRA_MONTH_NAMES = {
    1: "enero ene janeiro jan gennaio gen januari januar stycznia styczeń leden ledna",
    2: "febrero feb fevereiro fev febbraio februari lutego luty únor února",
    3: "marzo mar março marco maart marca marzec březen března",
    4: "abril abr aprile april kwietnia kwiecień duben dubna",
    5: "mayo maio maggio mei mag maja maj květen května",
    6: "junio jun junho giugno giu juni czerwca czerwiec červen června",
    7: "julio jul julho luglio lug juli lipca lipiec červenec července",
    8: "agosto ago augustus sierpnia sierpień srpen srpna",
    9: "septiembre setiembre sep set setembro settembre september września wrzesień září",
    10: "octubre oct outubro out ottobre ott oktober października październik říjen října",
    11: "noviembre nov novembro novembre november listopada listopad",
    12: "diciembre dic dezembro dez dicembre december grudnia grudzień prosinec prosince",
}
EXTRA_MONTHS: dict[str, int] = {}
for _number, _names in _EXTRA_MONTH_NAMES.items():
    for _name in _names.split():
        EXTRA_MONTHS.setdefault(_name, _number)
_EXTRA_MONTH = "(?P<month>(?i:" + "|".join(sorted(map(re.escape, EXTRA_MONTHS), key=len, reverse=True)) + r"))\.?"
# "3 de mayo de 2022", "12 maggio 2021", "4. März 2020" (already above), "5 de março, 2022"
EXTRA_DAY_MONTH_YEAR = re.compile(
    rf"\b{_DAY}\s*(?:de\s+|del\s+|di\s+)?{_EXTRA_MONTH}(?:\s*,?\s*(?:de\s+|del\s+)?){_YEAR}\b")
# "mayo 3, 2022", "May 3rd 2022"
EXTRA_MONTH_DAY_YEAR = re.compile(rf"\b{_EXTRA_MONTH}\s+{_DAY},?\s+{_YEAR}\b")
# 2022/05/03, 2022.05.03: year first is never ambiguous
YEAR_FIRST = re.compile(r"(?<![\d/.])(?P<year>(?:19|20)\d\d)[/.](?P<month>[01]?\d)[/.](?P<day>[0-3]?\d)(?![\d/.])")
# 05/03/2022 only where the day cannot be a month (13/05/2022: day first; 05/13/2022: month first)
SLASHED = re.compile(r"(?<![\d/])(?P<first>[0-3]?\d)/(?P<second>[0-3]?\d)/(?P<year>(?:19|20)\d\d)(?![\d/])")
# Chinese and Japanese "2024年04月24日", Korean "2025년 6월 4일": year, month, day, each marked
CJK_DATE = re.compile(r"(?P<year>(?:19|20)\d\d)\s*[年년]\s*(?P<month>[01]?\d)\s*[月월]\s*(?P<day>[0-3]?\d)\s*[日일]")
CJK_MARKS = re.compile("[年년]")
# C's ctime and JavaScript's Date.toString: "Fri Feb 18 10:27:24 2022", "Fri Feb 18 2022 10:27:24 GMT+0100"
CTIME = re.compile(rf"\b{_MONTH}\s+{_DAY}\s+(?:\d\d:\d\d(?::\d\d)?\s+)?{_YEAR}\b")
ANY_YEAR = re.compile(r"(?:19|20)\d\d")
# "2.11.22", "Do 25.04.24 | 14:07 Uhr": a two-digit year, read only where a short line is a date's place.
SHORT_YEAR_DMY = re.compile(r"(?<![\d.])(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>\d\d)(?![\d.]\d|\d)")
SHORT_YEAR_CENTURY = 2000
# A unix timestamp in seconds or milliseconds, as some JSON-LD writes datePublished.
UNIX_SECONDS = (946684800, 4102444800)  # 2000-01-01 .. 2100-01-01


def _extra_match(match: re.Match[str]) -> DateMatch | None:
    month = EXTRA_MONTHS.get(match.group("month").lower().rstrip("."))
    day, year = int(match.group("day")), int(match.group("year"))
    if month is None or not 1 <= day <= 31:
        return None
    return DateMatch(raw=match.group(0).strip(), year=year, month=month, day=day)


def _slashed_match(match: re.Match[str], day_first: bool | None = None) -> DateMatch | None:
    first, second, year = int(match.group("first")), int(match.group("second")), int(match.group("year"))
    if first > 12 and 1 <= second <= 12:
        day, month = first, second
    elif second > 12 and 1 <= first <= 12:
        day, month = second, first
    elif day_first is not None and 1 <= first <= 12 and 1 <= second <= 12:
        day, month = (first, second) if day_first else (second, first)  # the page's language says
    else:
        return None  # 05/03/2022: the 5th of March or May 3rd, the page does not say
    return DateMatch(raw=match.group(0), year=year, month=month, day=day)


def find_page_date(text: str, day_first: bool | None = None) -> DateMatch | None:
    """The first full date written in `text`, in the forms of `find_date` and in more languages and
    forms (Spanish, Portuguese, Italian, Dutch, Polish, Czech month names; 2022/05/03; 2024年4月24日; an
    unambiguous 13/05/2022, or 05/03/2022 where `day_first` says how the page's language writes
    it): the reader of dates a page shows, never of datelines."""
    if not ANY_YEAR.search(text):
        return None  # every form read here has a year: most texts are done in one scan
    best: tuple[int, DateMatch] | None = None
    found = find_date(text)
    if found is not None:
        best = (text.find(found.raw), found)
    slashed = partial(_slashed_match, day_first=day_first)
    for form, convert in ((EXTRA_DAY_MONTH_YEAR, _extra_match), (EXTRA_MONTH_DAY_YEAR, _extra_match),
                          (YEAR_FIRST, _to_match), (CJK_DATE, _to_match), (SLASHED, slashed), (CTIME, _to_match)):
        if form is CJK_DATE and not CJK_MARKS.search(text):
            continue  # most texts have no year mark: one scan for it is cheaper than the pattern's
        for match in form.finditer(text):
            if best is not None and match.start() >= best[0]:
                break
            candidate = convert(match)
            if candidate is not None and candidate.iso():
                best = (match.start(), candidate)
                break
    return best[1] if best else None


def unix_date(value: float) -> DateMatch | None:
    """A date from a unix timestamp in seconds or milliseconds (UTC), within 2000-2100."""
    seconds = value / 1000 if value > UNIX_SECONDS[1] else value
    if not UNIX_SECONDS[0] <= seconds < UNIX_SECONDS[1]:
        return None
    from datetime import datetime, timezone
    day = datetime.fromtimestamp(seconds, tz=timezone.utc).date()
    return DateMatch(raw=str(int(value)), year=day.year, month=day.month, day=day.day)


def find_short_year_date(text: str) -> DateMatch | None:
    """The first day-month-year date with a two-digit year ("2.11.22": the 2nd of November 2022)."""
    for match in SHORT_YEAR_DMY.finditer(text):
        day, month = int(match.group("day")), int(match.group("month"))
        found = DateMatch(raw=match.group(0), year=SHORT_YEAR_CENTURY + int(match.group("year")), month=month, day=day)
        if found.iso():
            return found
    return None


# How languages write a day and a month in figures: the United States month first, most others
# day first (year-first languages, Chinese, Japanese, Korean, write the year first: YEAR_FIRST).
MONTH_FIRST_LOCALES = frozenset({"en-us", "fil", "tl"})
DAY_FIRST_ENGLISH = frozenset({"en-gb", "en-au", "en-nz", "en-ie", "en-in", "en-za", "en-ng", "en-ke"})


def day_first_in(language_tag: str | None) -> bool | None:
    """Whether a page in this declared language ("pt-BR", "en-GB", "de") writes 05/03/2022 for
    the 5th of March; None where it does not say (no language, plain "en")."""
    if not language_tag:
        return None
    tag = language_tag.strip().lower().replace("_", "-")
    if tag in MONTH_FIRST_LOCALES:
        return False
    if tag in DAY_FIRST_ENGLISH:
        return True
    if tag.startswith("en") or not tag[:2].isalpha():
        return None
    return True


# Year-anchored reading of a long text: every form read here holds a four-digit year, within this
# many characters after the date's start ("3 de septiembre de 2022") and before its end ("2022年…日").
YEAR_REACH_BEFORE = 40
YEAR_REACH_AFTER = 14


def page_dates(text: str, day_first: bool | None = None) -> Iterator[tuple[int, DateMatch]]:
    """Each full date written in `text` (the forms of `find_page_date`), in order, with where it
    starts: only the neighbourhood of each year is read, so a long text costs little."""
    done = 0
    for year in ANY_YEAR.finditer(text):
        if year.start() < done:
            continue
        start = max(done, year.start() - YEAR_REACH_BEFORE)
        piece = text[start:year.end() + YEAR_REACH_AFTER]
        found = find_page_date(piece, day_first)
        if found is None:
            continue
        at = start + max(piece.find(found.raw), 0)
        if at + len(found.raw) <= year.start():
            continue  # a date before this year's (read with its own year, or not a date)
        done = at + len(found.raw)
        yield at, found
