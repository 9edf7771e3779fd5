"""Dates and datelines in every form the releases write them."""

from __future__ import annotations

import pytest

from scraper.dates import (
    day_first_in,
    find_date,
    find_page_date,
    find_short_year_date,
    page_dates,
    parse_dateline,
    parse_iso,
    unix_date,
)

DATELINES = [
    # (paragraph start, place as written, date as written, ISO date or None when the year is missing)
    ("PRAGUE, 30 March 2009 - Enhanced co-operation", "PRAGUE", "30 March 2009", "2009-03-30"),
    ("BELGRADE, 25 April 2015- The mission", "BELGRADE", "25 April 2015", "2015-04-25"),
    ("SKOPJE, 13 August 2014 – The Head", "SKOPJE", "13 August 2014", "2014-08-13"),
    ("VIENNA/HELSINKI, 18 March 2025 — OSCE", "VIENNA/HELSINKI", "18 March 2025", "2025-03-18"),
    ("PODGORICA, 12 November 2024 —OSCE Chair", "PODGORICA", "12 November 2024", "2024-11-12"),
    ("VIENNA/WARSAW, 18 July 2022 – Protecting", "VIENNA/WARSAW", "18 July 2022", "2022-07-18"),
    ("STRASBOURG, VIENNA, WARSAW, 21 March 2011 – Three", "STRASBOURG, VIENNA, WARSAW", "21 March 2011", "2011-03-21"),
    ("QABALA, Azerbaijan, 24 September 2012 – A", "QABALA, Azerbaijan", "24 September 2012", "2012-09-24"),
    ("Bishkek, Kyrgyz Republic – 27 February 2024 - Today", "Bishkek, Kyrgyz Republic", "27 February 2024", "2024-02-27"),
    ("WARSAW/VIENNA, 30 June – OSCE leaders", "WARSAW/VIENNA", "30 June", None),
    ("19 July 2022- OSCE Chairman", None, "19 July 2022", "2022-07-19"),
    ("ДУШАНБЕ, 30 марта 2017 г. – Офис", "ДУШАНБЕ", "30 марта 2017", "2017-03-30"),
    ("БИШКЕК, 12 мая 2016 года - Текст", "БИШКЕК", "12 мая 2016", "2016-05-12"),
    ("VIENNE, 5 mars 2019 – Le Bureau", "VIENNE", "5 mars 2019", "2019-03-05"),
    ("WIEN, 5. März 2019 – Die Mission", "WIEN", "5. März 2019", "2019-03-05"),
    ("WASHINGTON, D.C., June 5, 2021 – The", "WASHINGTON, D.C.", "June 5, 2021", "2021-06-05"),
    ("Bern, 17.08.2007 - Rede des Ministers", "Bern", "17.08.2007", "2007-08-17"),
    ("Berlin, 28.10.2021, 058/21", "Berlin", "28.10.2021", "2021-10-28"),
    ("Saarbrücken, 3. Mai 2022 – Der Verband", "Saarbrücken", "3. Mai 2022", "2022-05-03"),
    # the datelines of agencies, UN and US releases (issue 11): dates in brackets, wires, qualifiers
    ("NAIROBI, Kenya (February 12, 2024) — Heavy rains", "NAIROBI, Kenya", "February 12, 2024", "2024-02-12"),
    ("GENEVA (3 March 2024) – The agency", "GENEVA", "3 March 2024", "2024-03-03"),
    ("NEW YORK, March 3, 2024 /PRNewswire/ -- Acme Corp.", "NEW YORK", "March 3, 2024", "2024-03-03"),
    ("WASHINGTON, D.C. – March 3, 2024 – The Department", "WASHINGTON, D.C.", "March 3, 2024", "2024-03-03"),
    ("AUSTIN, Texas, March 3, 2024 /PRNewswire/ -- Acme", "AUSTIN, Texas", "March 3, 2024", "2024-03-03"),
    ("PORTLAND, Ore., March 3, 2024 /PRNewswire/ -- Acme", "PORTLAND, Ore.", "March 3, 2024", "2024-03-03"),
    ("ST. LOUIS, March 3, 2024 /PRNewswire/ -- Acme", "ST. LOUIS", "March 3, 2024", "2024-03-03"),
    ("KYIV (Ukraine), 5 March 2024 – The mission", "KYIV (Ukraine)", "5 March 2024", "2024-03-05"),
    ("GENEVA, 3 March 2024 (UNHCR) – The agency", "GENEVA", "3 March 2024", "2024-03-03"),
    ("LONDON, March 3 (Reuters) - Britain", "LONDON", "March 3", None),
]


@pytest.mark.parametrize(("text", "place", "raw", "iso"), DATELINES, ids=[d[0][:24] for d in DATELINES])
def test_dateline(text: str, place: str | None, raw: str, iso: str | None) -> None:
    dateline = parse_dateline(text)
    assert dateline is not None
    assert dateline.place_raw == place
    assert dateline.date is not None
    assert dateline.date.raw == raw
    assert dateline.date.iso() == iso


def test_dateline_without_year_takes_the_given_year() -> None:
    dateline = parse_dateline("VIENNA, 7 November — The Chair")
    assert dateline is not None and dateline.date is not None
    assert dateline.date.iso(default_year=2024) == "2024-11-07"


def test_dateline_with_place_only() -> None:
    dateline = parse_dateline("VIENNA - The OSCE Chair said")
    assert dateline is not None
    assert (dateline.place_raw, dateline.date) == ("VIENNA", None)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("LONDON (Reuters) - Britain said on Monday", "LONDON"),
        ("SPRINGFIELD, Ill. (AP) — A man was", "SPRINGFIELD, Ill."),
        ("BERLIN (dpa) – Die Regierung", "BERLIN"),
        ("WASHINGTON (AP) — The Senate", "WASHINGTON"),
    ],
    ids=["reuters", "ap-after-state", "dpa", "ap"],
)
def test_wire_dateline_without_date(text: str, place: str) -> None:
    dateline = parse_dateline(text)
    assert dateline is not None
    assert (dateline.place_raw, dateline.date) == (place, None)


@pytest.mark.parametrize(
    "text",
    [
        "The OSCE High Commissioner (HCNM) - said to be",
        "UNICEF (the agency for children in the region) - said",
        "Heute (Montag) - sagte die Ministerin",
        "Good practices related to the secondment of observers",
        "The OSCE High Commissioner - said to be",
        "Co-operation is needed - said the Chair",
        "",
    ],
)
def test_no_dateline(text: str) -> None:
    assert parse_dateline(text) is None


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Stand: 28.01.2022", "2022-01-28"),
        ("am 28. Januar 2022 in Berlin", "2022-01-28"),
        ("le 3 février 2020", "2020-02-03"),
        ("30 марта 2009", "2009-03-30"),
        ("January 5, 2021", "2021-01-05"),
        ("published 2019-12-26T10:00:00Z", "2019-12-26"),
        ("18-07-2019 - 11:37", "2019-07-18"),
        ("Copyright 2020", None),
        ("31 February 2020", None),
    ],
)
def test_find_date(text: str, iso: str | None) -> None:
    found = find_date(text)
    assert (found.iso() if found else None) == iso


def test_parse_iso_reads_machine_values() -> None:
    found = parse_iso("2022-06-30T00:00:00+02:00")
    assert found is not None and found.iso() == "2022-06-30"


@pytest.mark.parametrize(("value", "iso"), [("2022-5-5 22:17:36", "2022-05-05"), ("2022-5-05", "2022-05-05"),
                                           ("2022-12-1", "2022-12-01"), ("2022-13-1", None), ("2022-5", None)])
def test_parse_iso_reads_machine_values_without_zeros(value: str, iso: str | None) -> None:
    found = parse_iso(value)
    assert (found.iso() if found else None) == iso


def test_long_text_is_fast() -> None:
    # The dateline pattern only ever reads the first 200 characters, however long the paragraph.
    assert parse_dateline("A" * 1_000_000 + " - x") is None


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Publicado el 3 de mayo de 2022 a las 10:00", "2022-05-03"),
        ("mayo 3, 2022", "2022-05-03"),
        ("pubblicato il 12 maggio 2021", "2021-05-12"),
        ("5 de março de 2022", "2022-03-05"),
        ("geplaatst op 4 maart 2020", "2020-03-04"),
        ("opublikowano 7 lutego 2021", "2021-02-07"),
        ("on 2022/05/03 at noon", "2022-05-03"),
        ("13/05/2022", "2022-05-13"),
        ("05/13/2022", "2022-05-13"),
        ("05/03/2022", None),  # the 5th of March or May 3rd: the page does not say
        ("am 28. Januar 2022", "2022-01-28"),  # what find_date reads, read the same
        ("it was set 15 years ago", None),
        ("Updated 2 May 2022, first 1 May 2022", "2022-05-02"),  # the first date; context is the caller's
        ("Fri Feb 18 10:27:24 2022", "2022-02-18"),
        ("Fri Feb 18 2022 10:27:24 GMT+0100", "2022-02-18"),
    ],
    ids=["es", "es-month-first", "it", "pt", "nl", "pl", "year-first", "slashed-day-first", "slashed-month-first",
         "slashed-ambiguous", "de", "words-not-a-date", "first-of-two", "ctime", "javascript-date"],
)
def test_find_page_date(text: str, iso: str | None) -> None:
    found = find_page_date(text)
    assert (found.iso() if found else None) == iso


@pytest.mark.parametrize(("value", "iso"), [(1676551869, "2023-02-16"), (1676551869000, "2023-02-16"), (12345, None)],
                         ids=["seconds", "milliseconds", "not-a-date"])
def test_unix_date(value: int, iso: str | None) -> None:
    found = unix_date(value)
    assert (found.iso() if found else None) == iso


@pytest.mark.parametrize(
    ("text", "iso"),
    [("Kultur, 2.11.22", "2022-11-02"), ("Do 25.04.24 | 14:07 Uhr", "2024-04-25"), ("version 1.2.24.5", None),
     ("1.2.2024", None), ("31.2.22", None), ("12.22.14", None)],
)
def test_short_year_dates(text: str, iso: str | None) -> None:
    found = find_short_year_date(text)
    assert (found.iso() if found else None) == iso


@pytest.mark.parametrize(("tag", "day_first"), [("pt-BR", True), ("de", True), ("en-GB", True), ("en-US", False),
                                                ("en", None), (None, None)])
def test_day_first_by_language(tag: str | None, day_first: bool | None) -> None:
    assert day_first_in(tag) is day_first


def test_an_ambiguous_slashed_date_needs_the_language() -> None:
    assert find_page_date("03/05/2022") is None
    assert find_page_date("03/05/2022", day_first=True).iso() == "2022-05-03"
    assert find_page_date("03/05/2022", day_first=False).iso() == "2022-03-05"


@pytest.mark.parametrize(("text", "iso"), [("2024年04月24日23:52", "2024-04-24"), ("入力 2025년 6월 4일", "2025-06-04"),
                                           ("2025年1月13日 20時01分", "2025-01-13")])
def test_cjk_dates(text: str, iso: str) -> None:
    assert find_page_date(text).iso() == iso


def test_page_dates_reads_each_date_in_order() -> None:
    text = ("Stand: 28.04.2023 16:11 Uhr. Am 3. März 2021, im Jahr 2019 nichts, dann 2024年04月24日 "
            "und 12 de mayo de 2022, May 3rd, 2020")
    assert [found.iso() for _, found in page_dates(text)] == [
        "2023-04-28", "2021-03-03", "2024-04-24", "2022-05-12", "2020-05-03"]
