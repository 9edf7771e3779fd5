"""Direct quotes and their speakers, from a release's body paragraphs. Pure: text in, records out.

Three passes, each linear in the text (regexes are anchored or bounded, look-backs bisect
per-paragraph landmarks, so no backtracking blow-up on a 1 MB paragraph):

1. `marks.all_spans`: quotation marks to quoted spans (double marks, guillemets, and single marks
   where they cannot be apostrophes).
2. `people.find_mentions`: runs of capitalized words to people, with their roles (`names` splits a
   run into role words and a name).
3. `attribution`: the reporting verb and the person the speaker phrase names, by name, surname,
   pronoun or title.

`speech.extract_quotes` decides what is speech (not titles, scare quotes or terms) and assembles the
records; `lexicon` holds the word lists and the patterns the passes share.
"""

from __future__ import annotations

from scraper.quotes.marks import Span, scan_spans
from scraper.quotes.speech import extract_quotes

__all__ = ["Span", "extract_quotes", "scan_spans"]
