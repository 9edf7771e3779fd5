"""Exports: a crawl's records as tables a researcher opens in pandas, DuckDB, Datasette or a spreadsheet.

    read_records(path) -> Iterator[dict]        the JSON Lines, each line checked (ExportInputError names it)
    export(records, fmt, path, ...) -> Counts   the latest version of each release (or all), three tables

Three tables, keyed by `url` (and `version`, which says which version of a release a row is from):

    releases   one row a release: every record field but `quotes` and `speakers`
    quotes     one row a quote: url, version, position, text, speaker, role (the speaker's), paragraph
    speakers   one row a speaker of a release: url, version, position, name, role, quotes (their count)

Formats (`fmt`):

    csv      a folder PATH/ with releases.csv, quotes.csv, speakers.csv (UTF-8, a header row; list
             columns such as `sources` as JSON text, `["OSCE Secretariat"]`, empty as `[]`)
    parquet  a folder PATH/ with releases.parquet, quotes.parquet, speakers.parquet; list columns
             are list<string> (VARCHAR[] in DuckDB) even when every list is empty, `date` is a date
    sqlite   one file: the three tables, full-text search on releases (title, body) and quotes
             (text), so `datasette PATH` browses and searches it at once; list columns as JSON text
    jsonl    one file: the records themselves (nested, as the crawl wrote them), one version each

Column types come from the records' JSON Schema (`schemas.json_schema()`), never from the data, so
an empty list keeps its list type and a column that is null everywhere keeps its type.

Nothing here touches the network. The source is any iterable of record dicts: a JSON Lines file
(`read_records`), or a database that yields the same dicts. An output is written beside its final
name and moved into place at the end, so a failed export leaves nothing half-written behind.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from schemas import PressRelease, json_schema
from scraper.errors import ScraperError
from scraper.progress import counted

FORMATS = ("csv", "parquet", "sqlite", "jsonl")
TABLES = ("releases", "quotes", "speakers")
FOLDER_FORMATS = frozenset({"csv", "parquet"})  # one file a table, in a folder
NESTED_FIELDS = ("quotes", "speakers")  # record fields that become tables of their own
ISO_DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"  # a string with this pattern in the schema is a date
FULL_TEXT = {"releases": ("title", "body"), "quotes": ("text",)}
STAGED_FILE = "output"  # a one-file format's name in the staging folder
NO_VERSION = 0  # a record without `version` (from `parse`, not a crawl) ranks below every version


class ExportError(ScraperError):
    """The export cannot be written: the output exists, or cannot be created."""


class ExportInputError(ScraperError):
    """The input is not records: a missing file, a line that is not JSON, or not a release record."""


# -- columns: from the JSON Schema -----------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """One column of a table, typed as the schema types the field."""

    name: str
    kind: str  # "text", "integer", "date" or "list" (of text)
    description: str = ""

    @property
    def is_list(self) -> bool:
        return self.kind == "list"


def _kind(prop: dict[str, Any]) -> str:
    """A schema property's column kind; `anyOf [X, null]` is X (every column may hold null)."""
    choices = [choice for choice in prop.get("anyOf", [prop]) if choice.get("type") != "null"]
    if len(choices) != 1:
        raise ValueError(f"cannot type a column from {prop}")
    choice = choices[0]
    if choice.get("type") == "array" and choice.get("items", {}).get("type") == "string":
        return "list"
    if choice.get("type") == "string":
        return "date" if choice.get("pattern") == ISO_DATE_PATTERN else "text"
    if choice.get("type") == "integer":
        return "integer"
    raise ValueError(f"cannot type a column from {prop}")


def _columns(properties: dict[str, Any], names: Iterable[str]) -> list[Column]:
    return [Column(name, _kind(properties[name]), properties[name].get("description", "")) for name in names]


# The columns each table adds to the schema's fields (the table's keys and counts).
URL = Column("url", "text", "The release's URL (releases.url).")
VERSION = Column("version", "integer", "The release version the row is from (null for records not from a crawl).")
POSITION = Column("position", "integer", "0-based order within the release.")
QUOTE_ROLE = Column("role", "text", "The speaker's role as the release gives it (speakers.role); null if none.")
QUOTE_COUNT = Column("quotes", "integer", "How many quotes of the release are attributed to this speaker.")


def table_columns() -> dict[str, list[Column]]:
    """Every table's columns, in order, typed from the JSON Schema of a record."""
    schema = json_schema()
    release_fields = [name for name in PressRelease.model_fields if name not in NESTED_FIELDS]
    for key in ("url", "version"):  # the key first, as in the other tables
        release_fields.remove(key)
    quote = schema["$defs"]["Quote"]["properties"]
    speaker = schema["$defs"]["Speaker"]["properties"]
    return {
        "releases": [URL, *_columns(schema["properties"], ("version", *release_fields))],
        "quotes": [
            URL, VERSION, POSITION, *_columns(quote, ("text", "speaker")), QUOTE_ROLE, *_columns(quote, ("paragraph",))
        ],
        "speakers": [URL, VERSION, POSITION, *_columns(speaker, ("name", "role")), QUOTE_COUNT],
    }


def table_keys(all_versions: bool) -> dict[str, tuple[str, ...]]:
    """The primary key of each table: with every version, `version` is part of it."""
    release = ("url", "version") if all_versions else ("url",)
    return {"releases": release, "quotes": (*release, "position"), "speakers": (*release, "position")}


# -- input: JSON Lines, each line checked -------------------------------------------------------------


def read_records(path: Path) -> Iterator[dict[str, Any]]:
    """The records of a JSON Lines file, each validated against the record model (defaults filled).

    Raises ExportInputError naming the file and the line: not found, not JSON, cut short (a last
    line without its newline, as a killed crawl leaves it), or not a release record.
    """
    try:
        handle = path.open("rb")
    except OSError as error:
        raise ExportInputError(f"{path}: {describe_os_error(error)}") from None
    with handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            yield _record_from_line(raw, f"{path}: line {number}")


def _record_from_line(raw: bytes, where: str) -> dict[str, Any]:
    try:
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as error:
        if not raw.endswith(b"\n"):
            raise ExportInputError(
                f"{where} is cut short (no newline at its end): a crawl still writing or killed? "
                "run the crawl again to repair the file"
            ) from None
        raise ExportInputError(f"{where} is not JSON ({error})") from None
    return validated(data, where)


def validated(data: Any, where: str) -> dict[str, Any]:
    """`data` as a record dict with every field, or ExportInputError saying what is wrong."""
    if not isinstance(data, dict):
        raise ExportInputError(f"{where} is not a JSON object")
    try:
        return PressRelease.model_validate(data).model_dump(mode="json")
    except ValidationError as error:
        first = error.errors()[0]
        field = ".".join(str(part) for part in first["loc"]) or "record"
        raise ExportInputError(f"{where} is not a release record: {field}: {first['msg']}") from None


def describe_os_error(error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return "no such file"
    if isinstance(error, PermissionError):
        return "permission denied"
    if isinstance(error, IsADirectoryError):
        return "is a directory"
    return (error.strerror or type(error).__name__).lower()


# -- choosing the records: the latest version, a date range ---------------------------------------------


@dataclass
class Selection:
    """The records an export keeps, and what it left out."""

    records: list[dict[str, Any]]
    older_versions: int = 0  # lines left out because a higher version of their url follows or precedes
    before_since: int = 0  # releases dated before --since (or undated)
    duplicates: int = 0  # lines left out because the same (url, version) came before: not an older version


def select(records: Iterable[dict[str, Any]], *, all_versions: bool = False, since: date | None = None) -> Selection:
    """The latest version of each release (by `version`; on a tie, the later one), in the order
    each url first appears; with `all_versions`, every (url, version) once. `since` keeps releases
    dated on or after it (an undated release is left out)."""
    chosen: dict[tuple[str, int] | str, dict[str, Any]] = {}
    versions: set[tuple[str, int]] = set()
    seen = duplicates = 0
    for record in records:
        seen += 1
        version = (record["url"], record.get("version") or NO_VERSION)
        if version in versions:  # `cat a.jsonl a.jsonl`: the same line again, not another version
            duplicates += 1
        versions.add(version)
        key = version if all_versions else record["url"]
        kept = chosen.get(key)
        if kept is None or _rank(record) >= _rank(kept):
            chosen[key] = record
    kept_records = list(chosen.values())
    older = seen - len(kept_records) - duplicates
    if since is None:
        return Selection(kept_records, older_versions=older, duplicates=duplicates)
    bound = since.isoformat()
    dated = [record for record in kept_records if record.get("date") and record["date"] >= bound]
    return Selection(dated, older_versions=older, before_since=len(kept_records) - len(dated), duplicates=duplicates)


def _rank(record: dict[str, Any]) -> int:
    return record.get("version") or NO_VERSION


# -- rows -------------------------------------------------------------------------------------------------


def table_rows(records: Iterable[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """The three tables' rows (plain values; lists stay lists) from record dicts."""
    columns = table_columns()
    release_names = [column.name for column in columns["releases"]]
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    for record in records:
        url, version = record["url"], record.get("version")
        rows["releases"].append({name: record.get(name) for name in release_names})
        speakers = record.get("speakers") or []
        roles = {speaker["name"]: speaker.get("role") for speaker in speakers}
        quotes = record.get("quotes") or []
        for position, quote in enumerate(quotes):
            rows["quotes"].append({
                "url": url, "version": version, "position": position, "text": quote["text"],
                "speaker": quote.get("speaker"), "role": roles.get(quote.get("speaker")), "paragraph": quote.get("paragraph"),
            })
        for position, speaker in enumerate(speakers):
            said = sum(1 for quote in quotes if quote.get("speaker") == speaker["name"])
            rows["speakers"].append({
                "url": url, "version": version, "position": position, "name": speaker["name"],
                "role": speaker.get("role"), "quotes": said,
            })
    return rows


# -- the export -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Counts:
    """What an export wrote and what it left out."""

    releases: int
    quotes: int
    speakers: int
    older_versions: int
    before_since: int
    duplicates: int = 0

    def summary(self) -> str:
        text = f"{counted(self.releases, 'release')}, {counted(self.quotes, 'quote')}, {counted(self.speakers, 'speaker')}"
        left_out = []
        if self.duplicates:
            left_out.append(f"{counted(self.duplicates, 'duplicate line')} (the same url and version again)")
        if self.older_versions:
            left_out.append(f"{counted(self.older_versions, 'older version')} (--all-versions keeps them)")
        if self.before_since:
            left_out.append(f"{counted(self.before_since, 'release')} dated before --since or undated")
        return text + (f"; left out {' and '.join(left_out)}" if left_out else "")


def export(
    records: Iterable[dict[str, Any]],
    fmt: str,
    path: Path,
    *,
    all_versions: bool = False,
    since: date | None = None,
    force: bool = False,
    validate: bool = True,
) -> Counts:
    """Write `records` to `path` as `fmt` (see the module docstring); the latest version of each
    release unless `all_versions`. Records are validated unless `validate` is False (read_records
    already did). Raises ExportInputError for a bad record, ExportError when `path` exists (and not
    `force`) or cannot be written; in both cases nothing is left at `path`."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}: one of {', '.join(FORMATS)}")
    targets = output_files(fmt, path)
    _check_output(path, targets, fmt, force)
    if validate:
        records = (validated(record, f"record {number}") for number, record in enumerate(records, start=1))
    selection = select(records, all_versions=all_versions, since=since)
    rows = table_rows(selection.records)
    writer = WRITERS[fmt]
    with _staged(path) as staging:
        try:
            writer(staging, rows, selection.records, all_versions)
            _sync_all(staging)
        except OSError as error:  # a full disk, a quota
            raise ExportError(f"cannot write {path}: {describe_os_error(error)}") from None
        _move_into_place(staging, path, targets, fmt in FOLDER_FORMATS)
    return Counts(
        len(rows["releases"]), len(rows["quotes"]), len(rows["speakers"]), selection.older_versions, selection.before_since,
        selection.duplicates,
    )


def output_files(fmt: str, path: Path) -> list[Path]:
    """The files an export to `path` writes."""
    if fmt in FOLDER_FORMATS:
        return [path / f"{table}.{fmt}" for table in TABLES]
    return [path]


def _check_output(path: Path, targets: list[Path], fmt: str, force: bool) -> None:
    if fmt in FOLDER_FORMATS and path.exists() and not path.is_dir():
        raise ExportError(f"{path}: exists and is not a folder (--to {fmt} writes a folder of {len(TABLES)} files)")
    if fmt not in FOLDER_FORMATS and path.is_dir():
        raise ExportError(f"{path}: is a folder (--to {fmt} writes one file)")
    existing = [target for target in targets if target.exists()]
    if existing and not force:
        raise ExportError(f"{existing[0]} exists: pass --force to replace it")
    parent = path.parent
    if not parent.is_dir():
        raise ExportError(f"cannot write {path}: no such folder {parent}")


@contextmanager
def _staged(path: Path) -> Iterator[Path]:
    """A temporary folder beside the output (so the final move is a rename), removed at the end."""
    try:
        folder = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent))
    except OSError as error:
        raise ExportError(f"cannot write in {path.parent}: {describe_os_error(error)}") from None
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _sync_all(folder: Path) -> None:
    """Every staged file on disk before the rename: a power loss then leaves the old output or
    the whole new one, never an empty file under the output's name."""
    for staged in folder.iterdir():
        with staged.open("rb") as handle:
            os.fsync(handle.fileno())


def _move_into_place(staging: Path, path: Path, targets: list[Path], folder: bool) -> None:
    try:
        if folder:
            path.mkdir(exist_ok=True)
            for target in targets:
                os.replace(staging / target.name, target)
        else:
            os.replace(staging / STAGED_FILE, path)
    except OSError as error:
        raise ExportError(f"cannot write {path}: {describe_os_error(error)}") from None


# -- writers: (staging folder, rows, records, all_versions) ------------------------------------------------

Rows = dict[str, list[dict[str, Any]]]


def _write_csv(folder: Path, rows: Rows, records: list[dict[str, Any]], all_versions: bool) -> None:
    for table, columns in table_columns().items():
        with (folder / f"{table}.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(column.name for column in columns)
            for row in rows[table]:
                writer.writerow(_csv_value(row[column.name], column) for column in columns)


def _csv_value(value: Any, column: Column) -> Any:
    if column.is_list:
        return json.dumps(value or [], ensure_ascii=False)
    return "" if value is None else value


def _write_parquet(folder: Path, rows: Rows, records: list[dict[str, Any]], all_versions: bool) -> None:
    import pyarrow as pa  # imported here: only this format needs it, and it takes a moment
    import pyarrow.parquet as pq

    kinds = {"text": pa.string(), "integer": pa.int64(), "date": pa.date32(), "list": pa.list_(pa.string())}
    for table, columns in table_columns().items():
        schema = pa.schema(
            [pa.field(column.name, kinds[column.kind], metadata={"description": column.description}) for column in columns]
        )
        values = [{column.name: _arrow_value(row[column.name], column) for column in columns} for row in rows[table]]
        pq.write_table(pa.Table.from_pylist(values, schema=schema), folder / f"{table}.parquet")


def _arrow_value(value: Any, column: Column) -> Any:
    if column.kind == "date" and value is not None:
        return date.fromisoformat(value)
    if column.is_list:
        return value or []
    return value


def _write_sqlite(folder: Path, rows: Rows, records: list[dict[str, Any]], all_versions: bool) -> None:
    import sqlite_utils

    kinds = {"text": str, "integer": int, "date": str, "list": str}
    keys = table_keys(all_versions)
    path = folder / STAGED_FILE
    database = sqlite_utils.Database(path)
    # A file being built in the staging folder: no journal and no sync per batch (sqlite-utils commits
    # each one; with a sync each, 20,000 releases took 20 s). A failure discards the file; it is
    # synced once, whole, before it is moved into place (_sync_all).
    database.execute("PRAGMA journal_mode = OFF")
    database.execute("PRAGMA synchronous = OFF")
    try:
        for table, columns in table_columns().items():
            created = database[table].create(
                {column.name: kinds[column.kind] for column in columns},
                pk=keys[table] if len(keys[table]) > 1 else keys[table][0],
                not_null={column.name for column in columns if column.name in keys[table] and column.name != "version"},
                # declared at creation: added afterwards, sqlite-utils rewrites the table
                foreign_keys=[("url", "releases", "url")] if not all_versions and table != "releases" else None,
            )
            values = [{column.name: _sqlite_value(row[column.name], column) for column in columns} for row in rows[table]]
            created.insert_all(values, batch_size=500)
            if table in FULL_TEXT:
                created.enable_fts(list(FULL_TEXT[table]), create_triggers=True)
        for table in ("quotes", "speakers"):
            database[table].create_index(["speaker" if table == "quotes" else "name"])
        database.conn.commit()
    finally:
        database.close()


def _sqlite_value(value: Any, column: Column) -> Any:
    if column.is_list:
        return json.dumps(value or [], ensure_ascii=False)
    return value


def _write_jsonl(folder: Path, rows: Rows, records: list[dict[str, Any]], all_versions: bool) -> None:
    with (folder / STAGED_FILE).open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


WRITERS: dict[str, Callable[[Path, Rows, list[dict[str, Any]], bool], None]] = {
    "csv": _write_csv,
    "parquet": _write_parquet,
    "sqlite": _write_sqlite,
    "jsonl": _write_jsonl,
}
