"""The records pressroom writes: one `PressRelease` per release page.

The JSON field names are a contract that data pipelines rely on. Add fields; never rename one.
`schemas/press_release.schema.json` is generated from these models (`pressroom schema`), and a
test fails when the committed file and the models drift apart.
"""

from __future__ import annotations

import hashlib
import json

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = 1

# The fields that make up a release's content: the content hash covers these and nothing that
# depends on how or when the page was reached (url, crawl bookkeeping).
CONTENT_FIELDS = (
    "kind",
    "title",
    "date",
    "place",
    "sources",
    "fields_of_work",
    "highlights",
    "body",
    "quotes",
    "speakers",
    "language",
)


class Record(BaseModel):
    """Base of every record: strict, so a misspelt or unknown field is an error, not a silent drop."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Speaker(Record):
    """A person quoted in the release."""

    name: str = Field(
        description=(
            "Full name, the fullest the release gives for this person, without honorifics (Ms., Mme, Herr, "
            "г-н, Ambassador), written as a person reads it (\"Henrik Sørensen\" for \"Henrik SØRENSEN\")."
        )
    )
    name_raw: str | None = Field(
        default=None,
        description='The name as printed where it differs from `name` ("Henrik SØRENSEN"); null where equal.',
    )
    role: str | None = Field(
        default=None,
        description="The fullest role phrase the release gives for this person, verbatim; null if none.",
    )
    affiliation: str | None = Field(
        default=None,
        description=(
            'Party group and country ("Greens/EFA, DK") or organization the page gives beside the name, '
            "as written; null otherwise."
        ),
    )


class Quote(Record):
    """One contiguous span of direct speech."""

    text: str = Field(description="The words between the quotation marks, without the marks.")
    speaker: str | None = Field(
        default=None,
        description="Full name of the speaker (a `speakers[].name`); null when the release does not tell.",
    )
    paragraph: int | None = Field(
        default=None,
        description="Index (0-based) of the body paragraph where the quote opens.",
    )


class PressRelease(Record):
    """A press release, news item or statement, as published on an organization's newsroom."""

    schema_version: int = Field(default=SCHEMA_VERSION, description="Version of this record format.")
    url: str = Field(description="The URL the page was fetched from (or given for a saved file).")
    canonical_url: str | None = Field(
        default=None, description="The page's own canonical link (<link rel=canonical> or og:url), recorded, never fetched."
    )
    site: str = Field(description='Id of the site profile that parsed the page, e.g. "osce"; "generic" for any other site.')
    kind: str | None = Field(
        default=None,
        description=(
            "The kind of item in one vocabulary across sites and languages, always lower case: "
            '"press release", "news", "statement", "speech", "media advisory", "interview", "feature" or '
            '"opinion" ("Pressemitteilung" and "Communiqué de presse" are "press release"); null when the page '
            "gives no kind label or one outside the vocabulary (kind_raw keeps its words)."
        ),
    )
    kind_raw: str | None = Field(
        default=None, description='The kind label as the page writes it: "Press Releases", "Pressemitteilung"...'
    )
    title: str = Field(description="The release's headline.")
    date: str | None = Field(
        default=None,
        pattern=r"^\d{4}-\d{2}-\d{2}$",
        description="Publication date, ISO YYYY-MM-DD; null when the page gives none.",
    )
    date_raw: str | None = Field(default=None, description="The date as the page wrote it (metadata value or dateline).")
    place: str | None = Field(
        default=None,
        description='Where the release was issued, as a person writes it ("Prague"; several cities as "Vienna/Warsaw").',
    )
    place_raw: str | None = Field(default=None, description='The place as the page wrote it ("PRAGUE", "WARSAW, VIENNA").')
    sources: list[str] = Field(
        default_factory=list, description='Issuing offices or organizations, in page order, e.g. ["OSCE Secretariat"].'
    )
    fields_of_work: list[str] = Field(default_factory=list, description="Topics the site files the release under, in page order.")
    highlights: list[str] = Field(
        default_factory=list, description='Summary points the page lists before the body ("key facts"), if any.'
    )
    body: str = Field(description="The release text only, paragraphs joined by a blank line.")
    quotes: list[Quote] = Field(default_factory=list, description="Direct quotes, in order of appearance.")
    speakers: list[Speaker] = Field(
        default_factory=list, description="Every quoted person, once, in order of first quote."
    )
    language: str | None = Field(default=None, description="ISO 639-1 code of the release's language.")
    publisher: str | None = Field(default=None, description="The organization that published the page, where it says so.")
    content_hash: str = Field(
        default="",
        description="sha256 of the content fields (see CONTENT_FIELDS); equal hashes mean an unchanged release.",
    )
    version: int | None = Field(
        default=None, description="Crawls only: 1 for the first record of this URL, +1 each time its content changed."
    )
    first_seen: str | None = Field(
        default=None, description="Crawls only: when this URL was first written (ISO 8601 UTC timestamp)."
    )
    updated: str | None = Field(
        default=None, description="Crawls only: when this version was written (ISO 8601 UTC timestamp)."
    )

    def compute_content_hash(self) -> str:
        content = self.model_dump(include=set(CONTENT_FIELDS), mode="json")
        canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()

    def with_content_hash(self) -> PressRelease:
        self.content_hash = self.compute_content_hash()
        return self


def json_schema() -> dict:
    """The JSON Schema of a `PressRelease` line, as committed in press_release.schema.json."""
    schema = PressRelease.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://github.com/pressroom/pressroom/schemas/press_release.schema.json"
    return schema
