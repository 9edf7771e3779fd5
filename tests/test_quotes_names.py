"""scraper/quotes/names.py: a one-word run takes a short path that gives the general path's answer
(words written for these tests)."""

from __future__ import annotations

import pytest

from scraper.quotes.lexicon import WORD_RE
from scraper.quotes.names import _single_word_name, _trailing_name, names_in

WORDS = "The OSCE Vienna Smith Smith’s van VAN der De A M Ministry Bundesministerin O'CONNELL SØRENSEN Monday Kovac Ambassador UN"


@pytest.mark.parametrize("word", WORDS.split())
def test_one_word_run_as_the_general_path(word: str) -> None:
    tokens = list(WORD_RE.finditer(word))
    # for one word, the general path is: the name that ends the run, if any (no place to step back over)
    assert _single_word_name(tokens[0].group()) == ((1, 0) if _trailing_name(tokens) == 0 else (0, 0))


def test_one_word_names_in_text() -> None:
    assert [tokens for _, _, tokens in names_in("The talks in Vienna went on, Kovac said.")] == [("kovac",)]
