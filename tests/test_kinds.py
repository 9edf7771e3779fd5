"""The kind vocabulary: the page's words in any language to one lower-case term."""

from __future__ import annotations

import pytest

from scraper.kinds import KIND_VOCABULARY, normalize_kind


@pytest.mark.parametrize(
    ("raw", "kind"),
    [
        ("Press Releases", "press release"),
        ("Press release", "press release"),
        ("Press Release", "press release"),
        ("PRESS RELEASE", "press release"),
        ("News release", "press release"),
        ("Pressemitteilung", "press release"),
        ("Communiqué de presse", "press release"),
        ("Пресс-релиз", "press release"),
        ("  Press  release: ", "press release"),
        ("News", "news"),
        ("Actualités", "news"),
        ("Новости", "news"),
        ("Statement", "statement"),
        ("Déclaration", "statement"),
        ("Erklärung", "statement"),
        ("Заявление", "statement"),
        ("Speech", "speech"),
        ("Rede", "speech"),
        ("Discours", "speech"),
        ("Media advisory", "media advisory"),
        ("Avis aux médias", "media advisory"),
        ("Interview", "interview"),
        ("Интервью", "interview"),
        ("Op-ed", "opinion"),
        ("Gastbeitrag", "opinion"),
        ("Annual report", None),
        ("", None),
        (None, None),
    ],
    ids=lambda value: repr(value),
)
def test_normalize_kind(raw: str | None, kind: str | None) -> None:
    assert normalize_kind(raw) == kind


def test_vocabulary_is_lower_case() -> None:
    assert all(term == term.casefold() for term in KIND_VOCABULARY)
