"""scraper/quotes/people.py: roles read only when asked for, people found through their name tokens
(short texts written for these tests)."""

from __future__ import annotations

import pytest

from scraper.quotes.people import People, Person, find_mentions


def people_of(*paragraphs: str) -> People:
    return People(find_mentions(list(paragraphs)))


def test_role_is_read_only_when_asked_for() -> None:
    mentions = find_mentions(["Head of Office Anna Kovac said the river is rising."])
    people = People(mentions)
    assert all("role" not in vars(mention) for mention in mentions)  # the reporting verb was evidence enough
    assert people.find(("anna", "kovac")).role == "Head of Office"
    assert "role" in vars(mentions[0])


def test_role_needed_as_evidence_is_read() -> None:
    # no honorific, verb or age: only the role says Anna Kovac is a person
    people = people_of("The Head of Office, Anna Kovac, opened the meeting.")
    assert [(person.name, person.role) for person in people.people] == [("Anna Kovac", "Head of Office")]


def test_fullest_role_wins_and_the_first_on_a_tie() -> None:
    people = people_of(
        "Head of Office Anna Kovac opened the meeting.",
        "Deputy Mayor Anna Kovac spoke next.",
        "Anna Kovac, Head of the Regional Office, closed it.",
    )
    assert people.find(("kovac",)).role == "Head of the Regional Office"
    tie = people_of("Head of Office Anna Kovac opened the meeting.", "Deputy Mayor Anna Kovac spoke next.")
    assert tie.find(("kovac",)).role == "Head of Office"


def test_people_found_by_surname_middle_name_and_fuller_name() -> None:
    people = people_of(
        "Ambassador Anna Berg met Minister Lars Holm.",
        "Later, Ambassador Anna Maria Berg thanked the hosts.",
    )
    assert people.find(("berg",)).name == "Anna Maria Berg"  # the fullest name the text gives
    assert people.find(("anna", "berg")) is people.find(("anna", "maria", "berg"))
    assert people.find(("holm",)).name == "Lars Holm"
    assert people.find(("maria",)) is people.find(("berg",))  # a token of the name after the first
    assert people.find(("kovac",)) is None


def test_shared_surname_is_ambiguous() -> None:
    people = people_of("Ambassador Anna Berg and Minister Lars Berg met in the capital.")
    assert people.ambiguous(("berg",))
    assert not people.ambiguous(("anna", "berg"))


def test_people_compare_by_their_fields() -> None:
    assert Person("Anna Berg", ("anna", "berg")) == Person("Anna Berg", ("anna", "berg"))
    assert Person("Anna Berg", ("anna", "berg")) != Person("Lars Berg", ("lars", "berg"))
    found = people_of("Head of Office Anna Berg met the press.").people
    assert len(found) == 1 and found[0] != Person("Anna Berg", ("anna", "berg"))  # the role and places differ


# -- the title pre-check before a role is read --------------------------------------------------------
TITLE_CHECK_TEXTS = [
    "The Head of Office, Anna Kovac, opened the meeting.",
    "Minister of Culture, Information, Sports and Youth Policy Lars Holm spoke.",
    "said national programme officer Anna Kovac",
    "Die Bundesministerin Anna Kovac sagte, der Plan stehe.",
    "A/überlebende Anna Kovac, Ex.Minister Lars Holm and -Chair- Eva Lind met.",
    "He said.Minister Anna Kovac agreed; then—Director Lars Holm left.",
    "The Mini (ABC)ster Anna Kovac and the Head (HoM) Lars Holm met.",
    "Anna Kovac met Lars Holm, Deputy Head of the Mission, and Eva Lind in Vienna.",
    "Lars Holm’s adviser, Anna Kovac, and the organization's Secretary General Eva Lind",
    "Story Tools Anna Kovac Wonder Woman Lars Holm",
]


def test_title_pre_check_never_drops_a_role() -> None:
    """Where the pre-check says no title, reading the role in full finds none either."""
    from scraper.quotes.lexicon import WINDOW
    from scraper.quotes.names import names_in
    from scraper.quotes.people import Landmarks, _clause_before, _may_hold_title, _read_left_role

    checked = roles = 0
    for text in TITLE_CHECK_TEXTS:
        marks = Landmarks(text)
        for start, _, _ in names_in(text):
            lo = max(0, start - WINDOW)
            role = _read_left_role(marks, lo, start)
            may = _may_hold_title(_clause_before(marks, lo, start))
            roles += role is not None
            checked += not may
            assert role is None or may, (text, start, role)
    assert roles and checked  # both kinds of name are among the texts


def test_title_pre_check() -> None:
    from scraper.quotes.people import _may_hold_title

    assert _may_hold_title("the Head of Office")
    assert _may_hold_title("Ex.Minister")  # a piece after a full stop
    assert _may_hold_title("A/überlebende")  # the whole word is a German compound title
    assert _may_hold_title("the (ABC) group")  # a bracket may join pieces: always read
    assert not _may_hold_title("On Monday, in Vienna, the conference opened and")


def test_what_a_mention_says_is_read_on_demand() -> None:
    mention = find_mentions(["Ms. Anna Kovac (Greens/EFA, DK) said the vote was close."])[0]
    assert vars(mention).keys() == {"paragraph", "start", "end", "tokens", "marks"}  # nothing read yet
    assert (mention.name, mention.honorific, mention.gender, mention.affiliation) == ("Anna Kovac", "ms.", "f", "Greens/EFA, DK")
    assert not mention.reported and mention.signalled and mention.evidence  # the honorific says so
    assert find_mentions(["Anna Kovac said the vote was close."])[0].reported
    other = find_mentions(["The river rose past Anna Kovac’s house."])[0]
    assert other.name == "Anna Kovac" and not other.reported and not other.evidence


CLAUSE_TEXTS = [
    "The talks ended. Then Mr. Smith, the Head of Office - and Dr. Lind – spoke; later U.S. envoy Anna Kovac left",
    "“We go on,” she said: the Deputy Head of the Mission - Anna Kovac - agreed",
    "Co-Chair Anna Kovac - of the group - and its head met the A. B. Smith panel",
]


@pytest.mark.parametrize("text", CLAUSE_TEXTS)
def test_clause_before_holds_the_text_after_the_last_hard_boundary(text: str) -> None:
    from scraper.quotes.people import Landmarks, _clause_before, _last_within

    marks = Landmarks(text)
    for hi in range(len(text) + 1):
        for lo in (0, max(0, hi - 20)):
            hard = _last_within(marks.hard, lo, hi)
            assert text[lo:hi].endswith(_clause_before(marks, lo, hi))
            assert len(_clause_before(marks, lo, hi)) >= hi - (hard if hard is not None else lo)


def test_confirm_gathers_the_unconfirmed_mentions_of_the_name() -> None:
    people = people_of(
        "Lars Holm chaired the session in Vienna.",
        "The session of Holm ended. Eva Lind opened the next one.",
        "At the end, Lars Holm closed the talks.",
    )
    assert people.find(("holm",)) is None  # nothing said they are a person
    person = people.confirm(("holm",), (2, 40))
    assert person is not None and person.name == "Lars Holm" and person is people.find(("lars", "holm"))
    assert [where[0] for where in person.seen] == [0, 1, 2, 2]  # every mention, then where the verb is
    assert people.find(("lind",)) is None
