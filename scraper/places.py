"""Places as a person writes them: "PRAGUE" -> "Prague", "WARSAW, VIENNA" -> "Warsaw/Vienna".

A dateline or Place value lists cities, sometimes followed by the country, state or province they are
in ("FAROB, Tajikistan", "Bishkek, Kyrgyz Republic", "AUSTIN, Texas", "WASHINGTON, D.C.", "SPRINGFIELD,
Ill.", "KYIV (Ukraine)"); the qualifier is dropped.
"""

from __future__ import annotations

import re

# Countries that follow a city in datelines: the OSCE's participating States and Partners, and the
# other states releases of international organizations commonly name. Lower case, English and Russian.
COUNTRIES = frozenset(
    name.strip()
    for name in """
    Albania, Andorra, Armenia, Austria, Azerbaijan, Belarus, Belgium, Bosnia and Herzegovina, Bulgaria,
    Canada, Croatia, Cyprus, Czech Republic, Czechia, Denmark, Estonia, Finland, France, Georgia,
    Germany, Greece, Holy See, Hungary, Iceland, Ireland, Italy, Kazakhstan, Kyrgyzstan, Kyrgyz Republic,
    Latvia, Liechtenstein, Lithuania, Luxembourg, Malta, Moldova, Republic of Moldova, Monaco, Mongolia,
    Montenegro, Netherlands, The Netherlands, North Macedonia, Norway, Poland, Portugal, Romania, Russia,
    Russian Federation, San Marino, Serbia, Slovakia, Slovenia, Spain, Sweden, Switzerland, Tajikistan,
    Turkey, Türkiye, Turkmenistan, Ukraine, United Kingdom, UK, United States, USA, United States of America,
    Uzbekistan, Kosovo, Afghanistan, Algeria, Australia, Egypt, Israel, Japan, Jordan, Korea,
    Republic of Korea, Morocco, Thailand, Tunisia, China, India, Brazil, Mexico, South Africa, Belize,
    Jamaica, Österreich, Deutschland, Schweiz, Suisse, Frankreich, Autriche, Allemagne,
    Албания, Армения, Австрия, Азербайджан, Беларусь, Белоруссия, Бельгия, Болгария, Грузия, Германия,
    Казахстан, Кыргызстан, Киргизия, Кыргызская Республика, Молдова, Молдавия, Монголия, Россия,
    Российская Федерация, Сербия, Таджикистан, Туркменистан, Туркмения, Турция, Узбекистан, Украина
    """.casefold().split(",")
)

# States and provinces that follow a city in North American datelines ("AUSTIN, Texas", "SPRINGFIELD,
# Ill."): names and the news agencies' abbreviations (abbreviations with a period are recognized by form).
STATES = frozenset(
    name.strip()
    for name in """
    Alabama, Alaska, Arizona, Arkansas, California, Colorado, Connecticut, Delaware, Florida, Hawaii,
    Idaho, Illinois, Indiana, Iowa, Kansas, Kentucky, Louisiana, Maine, Maryland, Massachusetts, Michigan,
    Minnesota, Mississippi, Missouri, Montana, Nebraska, Nevada, New Hampshire, New Jersey, New Mexico,
    New York State, North Carolina, North Dakota, Ohio, Oklahoma, Oregon, Pennsylvania, Rhode Island,
    South Carolina, South Dakota, Tennessee, Texas, Utah, Vermont, Virginia, Washington State,
    West Virginia, Wisconsin, Wyoming, Ontario, Quebec, Québec, British Columbia, Alberta, Manitoba,
    Nova Scotia, Kenya, Nigeria, Ethiopia, Somalia, Sudan, South Sudan, Uganda, Tanzania, Rwanda, Ghana,
    Senegal, Mali, Niger, Chad, Cameroon, Congo, DRC, Democratic Republic of the Congo, Haiti, Colombia,
    Venezuela, Peru, Chile, Argentina, Lebanon, Syria, Iraq, Iran, Yemen, Pakistan, Bangladesh,
    Indonesia, Philippines, Myanmar, Sri Lanka, Nepal, New Zealand, Vietnam, Viet Nam, Saudi Arabia,
    Qatar, United Arab Emirates, UAE, Libya, Gaza, Palestine
    """.casefold().split(",")
)
# "D.C.", "U.K.": letters each followed by a period; "Ill.", "Calif.", "Ore.": an abbreviated state.
ABBREVIATED_QUALIFIER = re.compile(r"^(?:[A-Z]\.){1,3}$|^[A-Z][a-z]{1,4}\.$")
_ENDS_IN_ABBREVIATION = re.compile(r"(?:^|[\s,])(?:(?:[A-Z]\.){1,3}|[A-Z][a-z]{1,4}\.)$")
_BRACKETED = re.compile(r"\s*\([^()]*\)")
_SEPARATORS = re.compile(r"\s*[,/]\s*")
_WORD_START = re.compile(r"(^|[\s\-'’(.])(\w)")


def is_qualifier(part: str) -> bool:
    """A country, state or province written after a city ("Kenya", "Texas", "D.C.", "Ill.")."""
    return _is_country(part)


def _is_country(part: str) -> bool:
    """A country, state or province qualifying the city before it (dropped from the place)."""
    return part.casefold() in COUNTRIES or part.casefold() in STATES or ABBREVIATED_QUALIFIER.match(part) is not None


def _is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def human_case(name: str) -> str:
    """PRAGUE -> Prague, NUR-SULTAN -> Nur-Sultan, BANJA LUKA -> Banja Luka; mixed case stays."""
    if not _is_caps(name):
        return name
    return _WORD_START.sub(lambda m: m.group(1) + m.group(2).upper(), name.lower())


def normalize_place(raw: str | None) -> str | None:
    """Cities as a person writes them, joined by "/" in the order written, countries dropped."""
    if not raw:
        return None
    # "KYIV (Ukraine)": a bracket after the city qualifies it; the trailing period of "D.C." is the
    # abbreviation's, so only commas, spaces and dashes are trimmed.
    text = _BRACKETED.sub("", raw).strip(" ,–—-")
    if text.endswith(".") and not _ENDS_IN_ABBREVIATION.search(text):
        text = text.rstrip(" .")
    parts = [part for part in _SEPARATORS.split(text) if part]
    cities = [part for part in parts if not _is_country(part)] or parts[:1]
    if any(_is_caps(part) for part in cities) and not all(_is_caps(part) for part in cities):
        # "QABALA, Azerbaijan": the capitalized words are the cities, the rest qualifies them.
        cities = [part for part in cities if _is_caps(part)]
    return "/".join(human_case(city) for city in cities) or None
