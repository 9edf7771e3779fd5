"""The fifth held-out quote set (bench/quotes_holdout_e.py): its expectations are free of typos, and
the consistency check it shares with the fourth set catches the typos this set could carry (Russian
honorifics, a speaker listed who is quoted nowhere). Scoring is bench/quotes.py's job."""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.quotes_holdout_b import ExpectedQuote as Q  # noqa: E402
from bench.quotes_holdout_d import ExpectedSpeakerD as S  # noqa: E402
from bench.quotes_holdout_d import HeldOutCaseD  # noqa: E402
from bench.quotes_holdout_e import CASES, problems  # noqa: E402

RU_CASE = HeldOutCaseD(
    name="ru",
    paragraphs=(
        "ВЕНА, 1 мая 2027 г. – «Мы готовы помочь», – говорится в совместном заявлении.",
        "«Работа продолжится», – сказала г-жа Анна Орлова, глава миссии.",
        "«\u00a0Nous restons\u00a0», a dit M. Paul Roy.",
    ),
    quotes=(
        Q("Мы готовы помочь", None, 0),
        Q("Работа продолжится", "Анна Орлова", 1),
        Q("Nous restons", "Paul Roy", 2),
    ),
    speakers=(S("Анна Орлова", "глава миссии"), S("Paul Roy", None)),
    language="ru",
)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_every_expectation_is_consistent_with_its_excerpt(case: HeldOutCaseD) -> None:
    assert problems(case) == []


def test_the_set_has_its_announced_size_languages_and_unique_names() -> None:
    assert len(CASES) == 46
    assert sum(case.hard for case in CASES) == 15
    assert Counter(case.language for case in CASES) == {"en": 32, "ru": 8, "fr": 3, "de": 3}
    assert len({case.name for case in CASES}) == len(CASES)


def test_a_well_formed_case_passes() -> None:
    assert problems(RU_CASE) == []


TYPOS = {
    "quote text changed": replace(RU_CASE, quotes=(RU_CASE.quotes[0], Q("Работа продолжается", "Анна Орлова", 1), RU_CASE.quotes[2])),
    "quote in the wrong paragraph": replace(RU_CASE, quotes=(RU_CASE.quotes[0], Q("Работа продолжится", "Анна Орлова", 0), RU_CASE.quotes[2])),
    "role not in the text": replace(RU_CASE, speakers=(S("Анна Орлова", "глава миссии ОБСЕ"), RU_CASE.speakers[1])),
    "Russian honorific kept in the name": replace(
        RU_CASE,
        quotes=(RU_CASE.quotes[0], Q("Работа продолжится", "г-жа Анна Орлова", 1), RU_CASE.quotes[2]),
        speakers=(S("г-жа Анна Орлова", "глава миссии"), RU_CASE.speakers[1]),
    ),
    "unnamed joint statement's speaker listed": replace(
        RU_CASE, speakers=(S("Анна Орлова", "глава миссии"), S("Paul Roy", None), S("Мария Орлова", None))
    ),
}


@pytest.mark.parametrize("case", TYPOS.values(), ids=TYPOS.keys())
def test_each_kind_of_typo_is_reported(case: HeldOutCaseD) -> None:
    assert problems(case)
