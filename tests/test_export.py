"""`pressroom export`: every format read back as a user reads it (csv, DuckDB, sqlite3 with a
full-text query, json) and compared with the JSON Lines; the latest version; types from the schema;
bad input and outputs as one line and a non-zero exit, with nothing half-written left behind."""

from __future__ import annotations

import csv
import json
import sqlite3
import sys
import types
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pytest

from schemas import PressRelease
from scraper.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE, main
from scraper.export import FORMATS, TABLES, ExportError, export, select, table_columns, table_rows

CRANES = "https://port.example/news/cranes"
FERRY = "https://port.example/news/ferry"
DREDGING = "https://port.example/news/dredging"


def release(url: str, version: int | None = 1, day: str | None = "2024-05-14", **fields: Any) -> dict[str, Any]:
    """A valid record dict, as a crawl writes it."""
    values: dict[str, Any] = {
        "url": url, "site": "generic", "title": f"Title of {url.rsplit('/', 1)[-1]}", "body": "Some text.",
        "date": day, "version": version,
    }
    values.update(fields)
    return PressRelease(**values).with_content_hash().model_dump(mode="json")


CRANES_V1 = release(CRANES, 1, title="Harbour cranes to go electric", sources=["Port Authority"],
                    fields_of_work=["Energy"], quotes=[{"text": "We start in May.", "speaker": "Ana Ruiz", "paragraph": 0}],
                    speakers=[{"name": "Ana Ruiz", "role": "harbour master"}])
CRANES_V2 = release(CRANES, 2, title="Harbour cranes go electric", sources=["Port Authority"],
                    fields_of_work=["Energy", "Climate"],
                    body="The twelve cranes on the north quay will run on electricity.",
                    quotes=[{"text": "We start in September.", "speaker": "Ana Ruiz", "paragraph": 0},
                            {"text": "Ships will not be delayed.", "speaker": "Ana Ruiz", "paragraph": 1},
                            {"text": "A good day for the quay.", "speaker": "Li Wei", "paragraph": 2}],
                    speakers=[{"name": "Ana Ruiz", "role": "harbour master"}, {"name": "Li Wei", "role": None}])
FERRY_V1 = release(FERRY, 1, "2023-11-02", title="Night ferry returns", place="Harbourtown")
DREDGING_UNDATED = release(DREDGING, 1, None, title="Dredging of the channel", quotes=[{"text": "Deeper, safer."}])
CRAWL = [CRANES_V1, FERRY_V1, CRANES_V2, DREDGING_UNDATED]


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records), encoding="utf-8")
    return path


# -- choosing the records ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("records", "all_versions", "since", "kept"),
    [
        pytest.param(CRAWL, False, None, [(CRANES, 2), (FERRY, 1), (DREDGING, 1)], id="latest-version-in-first-seen-order"),
        pytest.param([CRANES_V2, CRANES_V1], False, None, [(CRANES, 2)], id="a-higher-version-wins-even-if-earlier"),
        pytest.param(CRAWL, True, None, [(CRANES, 1), (FERRY, 1), (CRANES, 2), (DREDGING, 1)], id="all-versions"),
        pytest.param([release(FERRY, None, title="a"), release(FERRY, None, title="b")], False, None, [(FERRY, None)],
                     id="no-version-the-later-line-wins"),
        pytest.param(CRAWL, False, date(2024, 1, 1), [(CRANES, 2)], id="since-leaves-out-older-and-undated"),
    ],
)
def test_select(records: list[dict[str, Any]], all_versions: bool, since: date | None, kept: list[tuple[str, int | None]]) -> None:
    selection = select(records, all_versions=all_versions, since=since)
    assert [(record["url"], record["version"]) for record in selection.records] == kept


@pytest.mark.parametrize(
    ("records", "all_versions", "said", "not_said"),
    [
        pytest.param(CRAWL + CRAWL, True, "left out 4 duplicate lines (the same url and version again)", "older version",
                     id="all-versions-the-same-lines-twice"),
        pytest.param([FERRY_V1, FERRY_V1], False, "left out 1 duplicate line (", "older version", id="latest-a-line-twice"),
        pytest.param(CRAWL, False, "left out 1 older version (--all-versions keeps them)", "duplicate", id="latest-an-older-version"),
        pytest.param(CRAWL + [CRANES_V1], False, "1 duplicate line (the same url and version again) and 1 older version",
                     None, id="latest-both"),
        pytest.param(CRAWL, True, None, "left out", id="all-versions-nothing-left-out"),
    ],
)
def test_the_summary_says_why_lines_were_left_out(records: list[dict[str, Any]], all_versions: bool, said: str | None,
                                                   not_said: str | None, tmp_path: Path) -> None:
    summary = export(records, "jsonl", tmp_path / "out.jsonl", all_versions=all_versions).summary()
    assert said is None or said in summary, summary
    assert not_said is None or not_said not in summary, summary


def test_the_later_line_wins_when_versions_tie() -> None:
    assert select([release(FERRY, None, title="a"), release(FERRY, None, title="b")]).records[0]["title"] == "b"


# -- columns from the schema --------------------------------------------------------------------------


def test_every_record_field_is_a_column_or_a_table() -> None:
    columns = table_columns()
    release_columns = {column.name for column in columns["releases"]}
    assert release_columns | {"quotes", "speakers"} == set(PressRelease.model_fields)
    assert not release_columns & {"quotes", "speakers"}


@pytest.mark.parametrize(
    ("table", "column", "kind"),
    [
        ("releases", "sources", "list"),
        ("releases", "fields_of_work", "list"),
        ("releases", "highlights", "list"),
        ("releases", "date", "date"),
        ("releases", "version", "integer"),
        ("releases", "title", "text"),
        ("quotes", "paragraph", "integer"),
        ("quotes", "role", "text"),
        ("speakers", "quotes", "integer"),
    ],
)
def test_column_kinds_come_from_the_schema(table: str, column: str, kind: str) -> None:
    assert {c.name: c.kind for c in table_columns()[table]}[column] == kind


def test_quote_rows_carry_the_speakers_role_and_speaker_rows_their_quote_count() -> None:
    rows = table_rows([CRANES_V2])
    assert [(q["speaker"], q["role"], q["position"]) for q in rows["quotes"]] == [
        ("Ana Ruiz", "harbour master", 0), ("Ana Ruiz", "harbour master", 1), ("Li Wei", None, 2)]
    assert [(s["name"], s["quotes"]) for s in rows["speakers"]] == [("Ana Ruiz", 2), ("Li Wei", 1)]


# -- every format, read back ----------------------------------------------------------------------------


def read_csv(path: Path) -> dict[str, list[dict[str, Any]]]:
    tables = {}
    for table, columns in table_columns().items():
        with (path / f"{table}.csv").open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        assert list(rows[0]) == [c.name for c in columns] if rows else True
        tables[table] = [{c.name: _from_text(row[c.name], c.kind) for c in columns} for row in rows]
    return tables


def _from_text(value: str, kind: str) -> Any:
    if kind == "list":
        return json.loads(value)
    if value == "":
        return None
    return int(value) if kind == "integer" else value


def read_parquet(path: Path) -> dict[str, list[dict[str, Any]]]:
    tables = {}
    for table in TABLES:
        relation = duckdb.sql(f"SELECT * FROM read_parquet('{path / (table + '.parquet')}')")
        rows = [dict(zip(relation.columns, row, strict=True)) for row in relation.fetchall()]
        tables[table] = [{k: v.isoformat() if isinstance(v, date) else v for k, v in row.items()} for row in rows]
    return tables


def read_sqlite(path: Path) -> dict[str, list[dict[str, Any]]]:
    connection = sqlite3.connect(path)
    connection.row_factory = sqlite3.Row
    tables = {}
    for table, columns in table_columns().items():
        rows = [dict(row) for row in connection.execute(f"SELECT * FROM {table} ORDER BY rowid")]
        tables[table] = [{c.name: json.loads(row[c.name]) if c.kind == "list" else row[c.name] for c in columns} for row in rows]
    connection.close()
    return tables


def read_nested_jsonl(path: Path) -> dict[str, list[dict[str, Any]]]:
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return table_rows(records)


READERS = {"csv": read_csv, "parquet": read_parquet, "sqlite": read_sqlite, "jsonl": read_nested_jsonl}


def output_path(tmp_path: Path, fmt: str) -> Path:
    return tmp_path / {"csv": "tables", "parquet": "tables", "sqlite": "releases.db", "jsonl": "latest.jsonl"}[fmt]


@pytest.mark.parametrize("all_versions", [False, True], ids=["latest", "all-versions"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_each_format_reads_back_as_the_json_lines(fmt: str, all_versions: bool, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    source = write_jsonl(tmp_path / "crawl.jsonl", CRAWL)
    out = output_path(tmp_path, fmt)
    argv = ["export", str(source), "--to", fmt, "-o", str(out)] + (["--all-versions"] if all_versions else [])
    code = main(argv)
    err = capsys.readouterr().err
    assert code == EXIT_OK, err
    expected = table_rows(select(CRAWL, all_versions=all_versions).records)
    assert READERS[fmt](out) == expected
    releases = 4 if all_versions else 3
    quotes = 5 if all_versions else 4
    assert f"{releases} releases, {quotes} quotes" in err
    assert ("1 older version (--all-versions keeps them)" in err) is (not all_versions)
    assert not list(tmp_path.glob(".*.part")), "the staging folder is removed"


def test_sqlite_searches_title_body_and_quotes_at_once(tmp_path: Path) -> None:
    out = tmp_path / "releases.db"
    export(CRAWL, "sqlite", out)
    connection = sqlite3.connect(out)
    found = connection.execute(
        "SELECT url FROM releases WHERE rowid IN (SELECT rowid FROM releases_fts WHERE releases_fts MATCH ?)", ["quay"]
    ).fetchall()
    quoted = connection.execute(
        "SELECT speaker FROM quotes WHERE rowid IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)", ["delayed"]
    ).fetchall()
    keys = connection.execute("SELECT name FROM pragma_table_info('releases') WHERE pk > 0").fetchall()
    foreign = connection.execute("SELECT \"table\", \"from\", \"to\" FROM pragma_foreign_key_list('quotes')").fetchall()
    connection.close()
    assert found == [(CRANES,)]  # "quay" is in the latest body only
    assert quoted == [("Ana Ruiz",)]
    assert keys == [("url",)]
    assert foreign == [("releases", "url", "url")]  # Datasette links a quote to its release


def test_empty_lists_and_empty_tables_keep_their_types_in_parquet(tmp_path: Path) -> None:
    bare = [release(FERRY, 1), release(DREDGING, 1)]  # no sources, fields, highlights, quotes or speakers anywhere
    export(bare, "parquet", tmp_path / "tables")
    described = {
        (table, name): kind
        for table in TABLES
        for name, kind, *_ in duckdb.sql(f"DESCRIBE SELECT * FROM '{tmp_path / 'tables' / (table + '.parquet')}'").fetchall()
    }
    assert described[("releases", "sources")] == "VARCHAR[]"
    assert described[("releases", "highlights")] == "VARCHAR[]"
    assert described[("releases", "date")] == "DATE"
    assert described[("quotes", "paragraph")] == "BIGINT"
    assert described[("speakers", "role")] == "VARCHAR"
    count = duckdb.sql(f"SELECT count(*) FROM '{tmp_path / 'tables' / 'quotes.parquet'}'").fetchall()
    assert count == [(0,)]


def test_since_is_applied_and_counted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = write_jsonl(tmp_path / "crawl.jsonl", CRAWL)
    code = main(["export", str(source), "--to", "jsonl", "-o", str(tmp_path / "recent.jsonl"), "--since", "2024-01-01"])
    err = capsys.readouterr().err
    assert code == EXIT_OK
    assert [json.loads(line)["url"] for line in (tmp_path / "recent.jsonl").read_text().splitlines()] == [CRANES]
    assert "2 releases dated before --since or undated" in err


# -- bad input, bad output --------------------------------------------------------------------------------


GOOD = json.dumps(FERRY_V1)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        pytest.param(f"{GOOD}\n{{not json\n", "crawl.jsonl: line 2 is not JSON", id="invalid-json"),
        pytest.param(f"{GOOD}\n{GOOD[:40]}", "crawl.jsonl: line 2 is cut short", id="torn-last-line"),
        pytest.param(f'{GOOD}\n\n{{"url": "https://x.example/"}}\n', "crawl.jsonl: line 3 is not a release record: site: Field required",
                     id="not-a-record"),
        pytest.param("[1, 2]\n", "crawl.jsonl: line 1 is not a JSON object", id="not-an-object"),
        pytest.param('{"url": 5}\n', "line 1 is not a release record: url: Input should be a valid string", id="wrong-type"),
        pytest.param(b"\xff\xfe garbage\n", "line 1 is not JSON", id="not-utf8"),
    ],
)
def test_a_bad_line_is_named_and_nothing_is_written(content: str | bytes, message: str, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "crawl.jsonl"
    source.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    code = main(["export", str(source), "--to", "sqlite", "-o", str(tmp_path / "out.db")])
    err = capsys.readouterr().err
    assert code == EXIT_FAILED
    assert message in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert sorted(path.name for path in tmp_path.iterdir()) == ["crawl.jsonl"]


@pytest.mark.parametrize(
    ("argv", "code", "message"),
    [
        pytest.param(["export", "{missing}", "--to", "csv", "-o", "{out}"], EXIT_FAILED, "missing.jsonl: no such file", id="missing-input"),
        pytest.param(["export", "{tmp}", "--to", "csv", "-o", "{out}"], EXIT_FAILED, "is a directory", id="folder-input"),
        pytest.param(["export", "{source}", "--to", "xlsx", "-o", "{out}"], EXIT_USAGE, "invalid choice: 'xlsx'", id="unknown-format"),
        pytest.param(["export", "{source}", "-o", "{out}"], EXIT_USAGE, "--to", id="no-format-and-no-suffix"),
        pytest.param(["export", "{source}", "-o", "{tmp}/tables.parquet"], EXIT_USAGE, "--to", id="a-folder-format-needs-to"),
        pytest.param(["export", "{source}", "--to", "sqlite", "-o", "{source}/x.db"], EXIT_FAILED, "no such folder", id="parent-is-a-file"),
        pytest.param(["export", "{source}", "--to", "sqlite", "-o", "{tmp}/nowhere/x.db"], EXIT_FAILED, "no such folder", id="no-parent"),
        pytest.param(["export", "{source}", "--to", "jsonl", "-o", "{source}"], EXIT_FAILED, "exists: pass --force", id="existing-output"),
        pytest.param(["export", "{source}", "--to", "parquet", "-o", "{source}"], EXIT_FAILED, "is not a folder", id="folder-format-on-a-file"),
        pytest.param(["export", "{source}", "--to", "sqlite", "-o", "{tmp}"], EXIT_FAILED, "is a folder", id="file-format-on-a-folder"),
        pytest.param(["export", "{source}", "--to", "csv", "-o", "{out}", "--since", "May"], EXIT_USAGE, "not a date", id="bad-since"),
    ],
)
def test_bad_usage_and_outputs_are_one_line(argv: list[str], code: int, message: str, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    source = write_jsonl(tmp_path / "crawl.jsonl", CRAWL)
    names = {"missing": tmp_path / "missing.jsonl", "tmp": tmp_path, "source": source, "out": tmp_path / "out"}
    assert main([part.format(**names) for part in argv]) == code
    err = capsys.readouterr().err
    assert message in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert source.read_text(encoding="utf-8").count("\n") == len(CRAWL), "the input is never touched"


def test_force_replaces_an_existing_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = write_jsonl(tmp_path / "crawl.jsonl", CRAWL)
    out = tmp_path / "tables"
    assert main(["export", str(source), "--to", "csv", "-o", str(out)]) == EXIT_OK
    write_jsonl(source, [FERRY_V1])
    assert main(["export", str(source), "--to", "csv", "-o", str(out)]) == EXIT_FAILED
    assert main(["export", str(source), "--to", "csv", "-o", str(out), "--force"]) == EXIT_OK
    assert [row["url"] for row in read_csv(out)["releases"]] == [FERRY]


def test_an_export_that_fails_half_way_leaves_the_old_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "releases.db"
    export(CRAWL, "sqlite", out)
    before = out.read_bytes()

    def full_disk(*args: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setitem(__import__("scraper.export", fromlist=["WRITERS"]).WRITERS, "sqlite", full_disk)
    with pytest.raises(ExportError, match="cannot write .*releases.db: no space left on device"):
        export(CRAWL, "sqlite", out, force=True)
    assert out.read_bytes() == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["releases.db"]


# -- a database as the source (scraper.distributed, provided by another install) -------------------------


def test_a_database_source_without_its_reader_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setitem(sys.modules, "scraper.distributed.records", None)  # import fails, as where it is not installed
    code = main(["export", "postgresql://crawler:s3cret@127.0.0.1/press", "--to", "csv", "-o", str(tmp_path / "t")])
    err = capsys.readouterr().err
    assert code == EXIT_FAILED
    assert "cannot read postgresql://crawler:***@127.0.0.1/press: the database reader is not available" in err
    assert "s3cret" not in err and len(err.strip().splitlines()) == 1


def fake_reader(monkeypatch: pytest.MonkeyPatch, iter_records: Any) -> None:
    package = types.ModuleType("scraper.distributed")
    module = types.ModuleType("scraper.distributed.records")
    module.iter_records = iter_records  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "scraper.distributed", package)
    monkeypatch.setitem(sys.modules, "scraper.distributed.records", module)


def test_a_database_source_is_read_through_iter_records(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    calls = []

    def iter_records(url: str, *, since: date | None = None, all_versions: bool = False):
        calls.append((url, since, all_versions))
        return iter(CRAWL)

    fake_reader(monkeypatch, iter_records)
    out = tmp_path / "latest.jsonl"
    assert main(["export", "postgresql://127.0.0.1/press", "--to", "jsonl", "-o", str(out), "--since", "2020-01-01"]) == EXIT_OK
    assert calls == [("postgresql://127.0.0.1/press", date(2020, 1, 1), False)]
    assert [json.loads(line)["version"] for line in out.read_text().splitlines()] == [2, 1]


def test_a_database_error_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def iter_records(url: str, **options: Any):
        raise ConnectionRefusedError(111, "Connection refused")

    fake_reader(monkeypatch, iter_records)
    assert main(["export", "postgresql://127.0.0.2/press", "--to", "csv", "-o", str(tmp_path / "t")]) == EXIT_FAILED
    err = capsys.readouterr().err
    assert "cannot read postgresql://127.0.0.2/press: connection refused" in err
    assert "Traceback" not in err


def test_a_bad_record_from_a_database_is_named_by_position(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    fake_reader(monkeypatch, lambda url, **options: iter([FERRY_V1, {"url": FERRY}]))
    assert main(["export", "postgresql://127.0.0.1/press", "--to", "csv", "-o", str(tmp_path / "t")]) == EXIT_FAILED
    assert "record 2 is not a release record" in capsys.readouterr().err


@pytest.mark.parametrize(("name", "read"), [
    pytest.param("latest.jsonl", read_nested_jsonl, id="jsonl"),
    pytest.param("releases.db", read_sqlite, id="db-is-sqlite"),
    pytest.param("releases.sqlite", read_sqlite, id="sqlite"),
])
def test_the_format_follows_the_output_suffix_without_to(name: str, read: Any, tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "crawl.jsonl", CRAWL)
    out = tmp_path / name
    assert main(["export", str(source), "-o", str(out)]) == EXIT_OK
    assert [row["url"] for row in read(out)["releases"]] == [CRANES, FERRY, DREDGING]
