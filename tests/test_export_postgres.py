"""`pressroom export postgresql://…`: the records of a distributed crawl, read from the real
PostgreSQL on this machine (each test in its own schema, dropped after), come out as the same JSON
Lines and tables as from a file. The tables themselves are tested in tests/test_export.py."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from schemas import PressRelease
from scraper.cli import main
from tests.services import database_url, fresh_schema, need_postgres


def record(url: str, version: int, day: date, title: str) -> PressRelease:
    return PressRelease(
        url=url, site="osce", kind="press release", title=title, date=day.isoformat(), date_raw=day.isoformat(),
        body=f"{title}. The text of the release.", version=version,
    ).with_content_hash()


RECORDS = [
    record("https://www.osce.org/a/1", 1, date(2023, 5, 1), "First release"),
    record("https://www.osce.org/a/2", 1, date(2024, 2, 1), "Second release"),
    record("https://www.osce.org/a/2", 2, date(2024, 2, 1), "Second release, edited"),
]


@pytest.fixture
def database() -> str:
    """A schema holding RECORDS as the workers write them (scraper.distributed.records)."""
    need_postgres()
    from scraper.distributed.records import RECORDS_TABLE, insert_record
    from scraper.state.postgres import connect, ensure_tables, split_schema

    with fresh_schema("export") as schema:
        url = database_url(schema)
        conn = connect(split_schema(url)[0], schema=schema)
        try:
            ensure_tables(conn, schema, RECORDS_TABLE)
            with conn.transaction():
                for item in RECORDS:
                    insert_record(conn, job="test", record_json=item.model_dump_json(), written_at="2024-06-01T00:00:00Z")
        finally:
            conn.close()
        yield url


def lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        pytest.param([], [RECORDS[0], RECORDS[2]], id="latest-version-of-each"),
        pytest.param(["--all-versions"], RECORDS, id="all-versions"),
        pytest.param(["--since", "2024-01-01"], [RECORDS[2]], id="since"),
    ],
)
def test_export_from_postgres_gives_the_json_lines(database: str, tmp_path: Path, options: list[str],
                                                   expected: list[PressRelease]) -> None:
    out = tmp_path / "releases.jsonl"
    assert main(["export", database, "--to", "jsonl", "-o", str(out), *options]) == 0
    assert lines(out) == [json.loads(item.model_dump_json()) for item in expected]


def test_export_from_postgres_to_sqlite_tables(database: str, tmp_path: Path) -> None:
    import sqlite3

    out = tmp_path / "releases.db"
    assert main(["export", database, "--to", "sqlite", "-o", str(out)]) == 0
    with sqlite3.connect(out) as conn:
        titles = sorted(row[0] for row in conn.execute("SELECT title FROM releases"))
    assert titles == ["First release", "Second release, edited"]


def test_export_from_an_unreachable_database_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # port 9 on loopback: nothing listens there, the refusal is immediate and never leaves the machine
    code = main(["export", "postgresql://pressroom:secret@127.0.0.1:9/test", "--to", "jsonl", "-o", str(tmp_path / "x.jsonl")])
    err = capsys.readouterr().err
    assert code == 1
    assert len(err.strip().splitlines()) == 1, err
    assert "secret" not in err and "Traceback" not in err
    assert not (tmp_path / "x.jsonl").exists()
