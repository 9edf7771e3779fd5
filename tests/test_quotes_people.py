"""scraper/quotes/people.py: roles read only when asked for, people found through their name tokens
(short texts written for these tests)."""

from __future__ import annotations

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
