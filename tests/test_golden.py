"""Golden tests: every fixtures/<site>/<slug>.json against the parser, one test per field."""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest

from scraper.fixtures import NOT_EXPECTED, REVIEW_MARK, Fixture, discover
from conftest import FIXTURES

ALL_FIXTURES = discover([FIXTURES])


@cache
def actual_record(fixture: Fixture) -> dict[str, Any]:
    return fixture.actual()


def field_cases() -> list[Any]:
    return [
        pytest.param(fixture, field, id=f"{fixture.name}::{field}")
        for fixture in ALL_FIXTURES
        for field in sorted(fixture.expected)
        if field != REVIEW_MARK
    ]


def test_there_are_fixtures() -> None:
    assert len(ALL_FIXTURES) >= 10


@pytest.mark.parametrize("fixture", ALL_FIXTURES, ids=[f.name for f in ALL_FIXTURES])
def test_fixture_is_reviewed(fixture: Fixture) -> None:
    assert not fixture.is_draft, f"{fixture.name} is a draft: check every field, then remove {REVIEW_MARK!r}"


@pytest.mark.parametrize("fixture", ALL_FIXTURES, ids=[f.name for f in ALL_FIXTURES])
def test_fixture_lists_every_field(fixture: Fixture) -> None:
    missing = set(actual_record(fixture)) - set(fixture.expected)
    assert not missing, f"{fixture.name} does not say what it expects of {sorted(missing)}"
    assert not NOT_EXPECTED & set(fixture.expected), "derived and crawl fields are not expected values"


@pytest.mark.parametrize(("fixture", "field"), field_cases())
def test_field(fixture: Fixture, field: str) -> None:
    assert actual_record(fixture)[field] == fixture.expected[field]
