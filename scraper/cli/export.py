"""`pressroom export SOURCE --to FORMAT -o PATH`: a crawl's records (a JSON Lines file, or the
PostgreSQL database of a distributed crawl) as three tables, releases, quotes and speakers, in CSV,
Parquet, SQLite or JSON Lines. The writers are scraper/export.py; the database reader is
scraper/distributed/records.py, imported only for a postgresql:// SOURCE.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from scraper.cli.arguments import POSTGRESQL_SCHEMES, check_scheme, file_argument, iso_date
from scraper.cli.base import EXIT_FAILED, EXIT_OK, UsageError, describe
from scraper.urls import redact_password

EXPORT_EPILOG = """\
examples:
  pressroom export osce.jsonl --to parquet -o osce-tables/     releases.parquet, quotes.parquet, speakers.parquet
  pressroom export osce.jsonl --to csv -o osce-csv/            the same three tables as CSV files
  pressroom export osce.jsonl --to sqlite -o osce.db && datasette osce.db
  pressroom export osce.jsonl --to jsonl -o latest.jsonl --since 2024-01-01
  pressroom export postgresql://host/db --to parquet -o tables/   (records from a distributed crawl)

Three tables keyed by url: releases (every record field but quotes and speakers), quotes (one row a
quote: url, version, position, text, speaker, role, paragraph) and speakers (url, version,
position, name, role, quotes). By default a release edited since its first crawl appears once, in
its latest version; --all-versions keeps every version (the key is then url and version).

formats: csv and parquet write a folder of three files (list columns such as sources are JSON
text in CSV, lists in Parquet); sqlite writes one database with full-text search on title, body
and quote text (`datasette FILE` browses and searches it); jsonl writes the records themselves,
nested, one version each. Column types come from the JSON Schema (`pressroom schema`).

An existing output is replaced only with --force. exit codes: 0 written, 1 the input is bad (the
line is named) or the output cannot be written (nothing is left half-written), 2 bad usage.
"""


def add_command(commands: argparse._SubParsersAction) -> None:
    from scraper.export import FORMATS  # pure and light: the writers import pyarrow/sqlite-utils when run

    command = commands.add_parser(
        "export",
        help="export a crawl as tables: CSV, Parquet, SQLite (Datasette) or JSON Lines",
        description="Export a crawl's records as three tables (releases, quotes, speakers), "
        "the latest version of each release by default.",
        epilog=EXPORT_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    command.add_argument("source", metavar="SOURCE", help="a JSON Lines file of records (from crawl or parse), or a postgresql:// URL")
    command.add_argument("--to", dest="fmt", choices=FORMATS,
                         help="the format to write (default: from -o's suffix: .jsonl is jsonl, .db or .sqlite is sqlite)")
    command.add_argument("-o", "--output", type=file_argument("-o", "a folder or a file"), required=True, metavar="PATH",
                         help="the folder (csv, parquet) or file (sqlite, jsonl) to write")
    command.add_argument("--all-versions", action="store_true", help="every version of an edited release, not only the latest")
    command.add_argument("--since", type=iso_date, metavar="DATE", help="only releases dated DATE or later (YYYY-MM-DD); undated ones are left out")
    command.add_argument("--force", action="store_true", help="replace an existing output")
    command.set_defaults(handler=_run_export)


# `-o releases.jsonl` says the format by itself; a folder (csv, parquet) needs --to.
FORMAT_OF_SUFFIX = {".jsonl": "jsonl", ".ndjson": "jsonl", ".db": "sqlite", ".sqlite": "sqlite", ".sqlite3": "sqlite"}


def _run_export(args: argparse.Namespace) -> int:
    from scraper.export import ExportError, ExportInputError, export, read_records

    if args.fmt is None:
        args.fmt = FORMAT_OF_SUFFIX.get(args.output.suffix.lower())
        if args.fmt is None:
            raise UsageError(f"-o {args.output}: say which format with --to (csv, parquet, sqlite or jsonl)")

    check_scheme(args.source, "SOURCE", "a JSON Lines file or a postgresql:// URL", POSTGRESQL_SCHEMES)
    from scraper.state import is_database_url

    from_database = is_database_url(args.source)
    try:
        records = _database_records(args) if from_database else read_records(Path(args.source))
        counts = export(records, args.fmt, args.output, all_versions=args.all_versions, since=args.since,
                        force=args.force, validate=from_database)  # read_records validates each line itself
    except (ExportError, ExportInputError) as error:
        print(f"pressroom: {error}", file=sys.stderr)
        return EXIT_FAILED
    except Exception as error:  # noqa: BLE001 -- the database driver's own errors (refused, no such table)
        if not from_database:
            raise
        print(f"pressroom: cannot read {redact_password(args.source)}: {describe(error)}", file=sys.stderr)
        return EXIT_FAILED
    print(f"pressroom: wrote {args.output} ({args.fmt}): {counts.summary()}", file=sys.stderr)
    return EXIT_OK


def _database_records(args: argparse.Namespace):  # -> Iterable[dict]
    """Records from the database of a distributed crawl (scraper.distributed, another install)."""
    from scraper.export import ExportInputError

    try:
        from scraper.distributed.records import iter_records
    except ImportError as error:
        raise ExportInputError(
            f"cannot read {redact_password(args.source)}: the database reader is not available ({error})"
        ) from None
    return iter_records(args.source, since=args.since, all_versions=args.all_versions)
