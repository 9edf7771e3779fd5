"""A cheap language guess from common words: for pages whose markup does not say, or says wrongly.

Function words (articles, pronouns, prepositions) are the most frequent words of every text and
differ between languages, so counting a few dozen of them tells the language of a release in
microseconds. Not a general identifier: it knows the languages newsrooms of international
organizations publish in, and answers None when the text is too short to tell.
"""

from __future__ import annotations

import re

# ISO 639-1: the two-letter codes a record's `language` may hold.
ISO_639_1 = frozenset(
    """aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de
    dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig
    ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi
    mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa
    sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz
    ve vi vo wa wo xh yi yo za zh zu""".split()
)

COMMON_WORDS: dict[str, frozenset[str]] = {
    code: frozenset(words.split())
    for code, words in {
        "en": "the and of to in is that for on with was are by as it this from be have has at which not their will an",
        "de": "der die und das ist nicht mit den von zu sich des auf für im dem ein eine auch es an werden aus bei wird sind",
        "fr": "le la les et des est une dans du que pour pas sur au qui par avec ce sont aux ont cette elle il",
        "ru": "и в не на что с по как из это к за от для его о но у также был была были же",
        "es": "el la los las y de que en del por con una para es se al lo como más su sus fue",
        "it": "il di che è la le per un una del della non con sono gli nel alla dei anche",
        "nl": "de het een en van is dat op te in voor niet met zijn aan door ook bij er wordt",
        "pt": "o os as de que em do da um uma para com não por mais dos das foi são ao",
    }.items()
}
# word -> the languages it is common in: one dict lookup a word.
LANGUAGES_OF: dict[str, tuple[str, ...]] = {}
for _code, _words in COMMON_WORDS.items():
    for _word in _words:
        LANGUAGES_OF[_word] = (*LANGUAGES_OF.get(_word, ()), _code)
WORD = re.compile(r"[^\W\d_]+")
SAMPLE_CHARS = 3000
# Fewer hits than this and the text is too short (or too foreign) to tell.
MIN_HITS = 8
# A page that declares one language is believed unless the text says another this many times more.
OVERRULE_FACTOR = 3


def word_hits(text: str) -> dict[str, int]:
    hits = dict.fromkeys(COMMON_WORDS, 0)
    for word in WORD.findall(text[:SAMPLE_CHARS].lower()):
        for code in LANGUAGES_OF.get(word, ()):
            hits[code] += 1
    return hits


def guess_language(text: str, declared: str | None = None) -> str | None:
    """The ISO 639-1 code of `text`'s language; `declared` (the page's own claim) wins unless clearly wrong."""
    hits = word_hits(text)
    best = max(hits, key=hits.__getitem__)
    if hits[best] < MIN_HITS:
        return declared
    if declared is None or declared == best:
        return best
    if declared in hits and hits[best] < OVERRULE_FACTOR * max(hits[declared], 1):
        return declared
    return best if declared in hits else declared
