"""Places as a person writes them."""

from __future__ import annotations

import pytest

from scraper.places import human_case, normalize_place

PLACES = [
    ("PRAGUE", "Prague"),
    ("WARSAW, VIENNA", "Warsaw/Vienna"),
    ("VALLETTA/VIENNA/WARSAW", "Valletta/Vienna/Warsaw"),
    ("STRASBOURG, VIENNA, WARSAW", "Strasbourg/Vienna/Warsaw"),
    ("QABALA, Azerbaijan", "Qabala"),
    ("FAROB, Tajikistan", "Farob"),
    ("Bishkek, Kyrgyz Republic", "Bishkek"),
    ("ДУШАНБЕ", "Душанбе"),
    ("NUR-SULTAN", "Nur-Sultan"),
    ("BANJA LUKA", "Banja Luka"),
    ("Vienna", "Vienna"),
    ("VIENNA.", "Vienna"),
    ("WASHINGTON, D.C.", "Washington"),
    ("NAIROBI, Kenya", "Nairobi"),
    ("AUSTIN, Texas", "Austin"),
    ("SPRINGFIELD, Ill.", "Springfield"),
    ("PORTLAND, Ore.", "Portland"),
    ("KYIV (Ukraine)", "Kyiv"),
    ("ST. LOUIS", "St. Louis"),
    ("NEW YORK", "New York"),
    ("", None),
    (None, None),
]


@pytest.mark.parametrize(("raw", "place"), PLACES, ids=[str(p[0]) for p in PLACES])
def test_normalize_place(raw: str | None, place: str | None) -> None:
    assert normalize_place(raw) == place


def test_mixed_case_is_kept() -> None:
    assert human_case("The Hague") == "The Hague"
