"""The sixth held-out quote set (bench/quotes_holdout_f.py): its expectations are free of typos, and
the consistency check it shares with the fourth and fifth sets catches the typos this set could carry
(a German or French honorific kept in a name, a quote over two paragraphs cut wrongly, an anonymous
person listed as a speaker). Scoring is bench/quotes.py's job."""

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
from bench.quotes_holdout_f import CASES, problems  # noqa: E402

TWO_PARAGRAPH_CASE = HeldOutCaseD(
    name="two-paragraphs",
    paragraphs=(
        "BERLIN, 2. Mai 2027 – „Wir bleiben“, sagte Frau Lena Roth, Leiterin des Büros.",
        "“The first part goes on.",
        "“And ends here,” she said. “Thank you,” said a visitor.",
    ),
    quotes=(
        Q("Wir bleiben", "Lena Roth", 0),
        Q("The first part goes on. And ends here,", "Lena Roth", 1),
        Q("Thank you,", None, 2),
    ),
    speakers=(S("Lena Roth", "Leiterin des Büros"),),
    language="de",
)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_every_expectation_is_consistent_with_its_excerpt(case: HeldOutCaseD) -> None:
    assert problems(case) == []


def test_the_set_has_its_announced_size_languages_and_unique_names() -> None:
    assert len(CASES) == 30
    assert sum(case.hard for case in CASES) == 11
    assert Counter(case.language for case in CASES) == {"en": 22, "ru": 4, "fr": 2, "de": 2}
    assert sum(case.name.startswith("osce-") for case in CASES) == 20
    assert len({case.name for case in CASES}) == len(CASES)


def test_a_well_formed_case_passes() -> None:
    assert problems(TWO_PARAGRAPH_CASE) == []


FIRST, SECOND, THIRD = TWO_PARAGRAPH_CASE.quotes
TYPOS = {
    "German honorific kept in the name": replace(
        TWO_PARAGRAPH_CASE,
        quotes=(Q("Wir bleiben", "Frau Lena Roth", 0), Q(SECOND.text, "Frau Lena Roth", 1), THIRD),
        speakers=(S("Frau Lena Roth", "Leiterin des Büros"),),
    ),
    "quote over two paragraphs cut at the first": replace(
        TWO_PARAGRAPH_CASE, quotes=(FIRST, Q("The first part goes on. And ends here, she said.", "Lena Roth", 1), THIRD)
    ),
    "quote given to the wrong paragraph": replace(TWO_PARAGRAPH_CASE, quotes=(FIRST, SECOND, Q("Thank you,", None, 1))),
    "anonymous visitor listed as a speaker": replace(
        TWO_PARAGRAPH_CASE, speakers=(S("Lena Roth", "Leiterin des Büros"), S("a visitor", None))
    ),
    "role not in the text": replace(TWO_PARAGRAPH_CASE, speakers=(S("Lena Roth", "Leiterin des Berliner Büros"),)),
}


@pytest.mark.parametrize("case", TYPOS.values(), ids=TYPOS.keys())
def test_each_kind_of_typo_is_reported(case: HeldOutCaseD) -> None:
    assert problems(case)
