"""Dates and datelines in the forms press releases write them: pure text in, values out.

Month names in English, German, French and Russian; day-month-year, month-day-year, numeric and ISO
forms; and the dateline that opens a release (`PRAGUE, 30 March 2009 - `, `VIENNA/WARSAW, 18 July
2022 – `, `QABALA, Azerbaijan, 24 September 2012 – `, `ДУШАНБЕ, 30 марта 2017 г. –`, `VIENNA -`).

Hand-written rather than dateparser: every form we accept is listed here as one compiled pattern,
so a page is dated in microseconds and never by a guess (dateparser reads "May" in any sentence).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

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
_DATELINE_DATE = (
    rf"(?P<date>{_DAY_ANY}\s*{_MONTH_ANY}(?:\s*,?\s*{_YEAR_ANY})?{_RU_YEAR_SUFFIX}"
    rf"|{_MONTH_ANY}\s+{_DAY_ANY}(?:,?\s+{_YEAR_ANY})?|{_NUMERIC_DATE})"
)
_CAPS_WORD = r"[^\W\d_a-zа-яё]+"
DATELINE = re.compile(
    rf"^\s*(?:{_PLACE}\s*(?:,|{_DASH})\s*)?{_DATELINE_DATE}{_DASH}(?=\S)"
    rf"|^\s*(?P<bare_place>{_CAPS_WORD}(?:[ /,-]{{1,3}}{_CAPS_WORD}){{0,4}}){_DASH}(?=\S)"
)
# A dateline on a line of its own: "Berlin, 28.10.2021", "Berlin, 28.10.2021, 058/21" (a release number).
DATELINE_ALONE = re.compile(rf"^\s*{_PLACE}\s*,\s*{_DATELINE_DATE}(?:\s*,\s*[\w/-]{{1,12}})?\s*$")
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


def _month_number(token: str) -> int | None:
    if token.isdigit():
        return int(token)
    return MONTHS.get(token.lower().rstrip("."))


def _to_match(match: re.Match[str]) -> DateMatch | None:
    month = _month_number(match.group("month"))
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
    """A date from a machine-readable value (`2022-06-30T00:00:00+02:00`, `2022-06-30`)."""
    match = ISO_DATE.search(value)
    return _to_match(match) if match else None


def parse_dateline(paragraph: str) -> Dateline | None:
    """The dateline at the start of a paragraph, if it has one."""
    head = paragraph[:200]
    match = DATELINE.match(head) or DATELINE_ALONE.match(head)
    if match is None:
        return None
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


def _looks_like_caps_place(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)
