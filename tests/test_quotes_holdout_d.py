"""The fourth held-out quote set (bench/quotes_holdout_d.py): its expectations are free of typos, and
the consistency check that guards them does catch each kind of typo. Scoring is bench/quotes.py's job."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.quotes_holdout_d import CASES, HeldOutCaseD, problems  # noqa: E402
from bench.quotes_holdout_d import ExpectedSpeakerD as S  # noqa: E402
from bench.quotes_holdout_b import ExpectedQuote as Q  # noqa: E402

EP_CASE = HeldOutCaseD(
    name="ep",
    paragraphs=(
        "Parliament adopted the text on Tuesday.",
        "Rapporteur Jonas BRANDT (Greens/EFA, DK) said: “We did it.”",
        "«\u00a0Nous l'avons fait\u00a0», a dit Mme Anne Roy.",
    ),
    quotes=(Q("We did it.", "Jonas Brandt", 1), Q("Nous l'avons fait", "Anne Roy", 2)),
    speakers=(S("Jonas Brandt", "Rapporteur", "Greens/EFA, DK", "Jonas BRANDT"), S("Anne Roy", None)),
)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_every_expectation_is_consistent_with_its_excerpt(case: HeldOutCaseD) -> None:
    assert problems(case) == []


def test_the_set_has_its_announced_size_and_unique_names() -> None:
    assert len(CASES) == 56
    assert sum(case.hard for case in CASES) == 16
    assert len({case.name for case in CASES}) == len(CASES)


def test_a_well_formed_case_passes() -> None:
    assert problems(EP_CASE) == []


TYPOS = {
    "quote text changed": replace(EP_CASE, quotes=(Q("We did this.", "Jonas Brandt", 1), EP_CASE.quotes[1])),
    "quote in the wrong paragraph": replace(EP_CASE, quotes=(Q("We did it.", "Jonas Brandt", 0), EP_CASE.quotes[1])),
    "paragraph out of range": replace(EP_CASE, quotes=(Q("We did it.", "Jonas Brandt", 7), EP_CASE.quotes[1])),
    "quote not between marks": replace(EP_CASE, quotes=(Q("We did", "Jonas Brandt", 1), EP_CASE.quotes[1])),
    "speakers out of order": replace(EP_CASE, speakers=EP_CASE.speakers[::-1]),
    "role not in the text": replace(EP_CASE, speakers=(S("Jonas Brandt", "Rapporter", "Greens/EFA, DK", "Jonas BRANDT"), EP_CASE.speakers[1])),
    "raw name not in the text": replace(EP_CASE, speakers=(S("Jonas Brandt", "Rapporteur", "Greens/EFA, DK", "Jonas BRUNDT"), EP_CASE.speakers[1])),
    "readable name kept in capitals": replace(EP_CASE, speakers=(S("Jonas BRANDT", "Rapporteur", "Greens/EFA, DK", "Jonas BRANDT"), EP_CASE.speakers[1])),
    "affiliation not in brackets in the text": replace(EP_CASE, speakers=(S("Jonas Brandt", "Rapporteur", "Greens, DK", "Jonas BRANDT"), EP_CASE.speakers[1])),
    "honorific kept in the name": replace(
        EP_CASE,
        quotes=(EP_CASE.quotes[0], Q("Nous l'avons fait", "Mme Anne Roy", 2)),
        speakers=(EP_CASE.speakers[0], S("Mme Anne Roy", None)),
    ),
}


@pytest.mark.parametrize("case", TYPOS.values(), ids=TYPOS.keys())
def test_each_kind_of_typo_is_reported(case: HeldOutCaseD) -> None:
    assert problems(case)


def test_speaker_dicts_carry_the_unscored_fields_under_named_keys() -> None:
    assert EP_CASE.speaker_dicts()[0] == {
        "name": "Jonas Brandt",
        "role": "Rapporteur",
        "affiliation": "Greens/EFA, DK",
        "name_raw": "Jonas BRANDT",
    }
