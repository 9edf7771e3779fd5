"""The command line: `pressroom parse | crawl | export | report | fixtures | schema`, and the
distributed crawl's `worker | enqueue | status`.

Records go to stdout (or -o FILE), messages and progress to stderr. `main(argv) -> int` so tests
run it in-process. Exit codes: 0 done, 1 a failure (some input or the run), 2 bad usage.

One module per command, each with `add_command(commands)` registering its options and handler:

    scraper/cli/parse.py        parse saved pages or URLs into records
    scraper/cli/crawl.py        crawl newsrooms into JSON Lines, incrementally
    scraper/cli/export.py       a crawl as tables: CSV, Parquet, SQLite, JSON Lines
    scraper/cli/report.py       one HTML page of charts and quotes
    scraper/cli/fixtures.py     record, check and re-record golden fixtures
    scraper/cli/distributed.py  worker, enqueue, status (registered; defined in scraper/distributed)
    scraper/cli/schema.py       the JSON Schema of a record
    scraper/cli/arguments.py    argument types and checks the commands share (dates, URLs, files)
    scraper/cli/base.py         exit codes, UsageError, the ArgumentParser, one-line messages

Celery, Redis and psycopg (the distributed crawl, a database), pyarrow and sqlite-utils (export)
are imported only when a command that needs them runs: `parse`, `crawl` and `--help` never load them.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from scraper.cli import crawl, distributed, export, fixtures, parse, report, schema
from scraper.cli.base import EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, ArgumentParser, UsageError
from scraper.cli.schema import schema_text

__all__ = [
    "EXIT_FAILED",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_USAGE",
    "ArgumentParser",
    "UsageError",
    "build_parser",
    "command_prog",
    "main",
    "run",
    "schema_text",
]

DESCRIPTION = """\
Turn the press releases of international organizations into validated JSON records.

  pressroom parse page.html              one JSON record per saved page
  pressroom crawl osce -o releases.jsonl  crawl a newsroom into JSON Lines
  pressroom export releases.jsonl --to parquet -o tables/   three tables for pandas, DuckDB, Datasette
  pressroom report releases.jsonl -o report.html             one HTML page with charts and the quotes
  pressroom schema                       the JSON Schema of a record
  pressroom worker / enqueue / status    a crawl spread over many machines (Celery, Redis, PostgreSQL)
"""


def build_parser() -> ArgumentParser:
    parser = ArgumentParser(
        prog="pressroom", description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--version", action="version", version="pressroom 0.1.0")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=ArgumentParser)
    parse.add_command(commands)
    crawl.add_command(commands)
    export.add_command(commands)
    report.add_command(commands)
    fixtures.add_command(commands)
    distributed.add_commands(commands)
    schema.add_command(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = None
    try:
        # Unknown options are found by the top parser, which would point at `pressroom --help`:
        # name the command they were given to instead.
        args, unknown = parser.parse_known_args(argv)
        if unknown:
            raise UsageError(f"unrecognized arguments: {' '.join(unknown)}")
        if not getattr(args, "handler", None):
            parser.print_help(sys.stderr)
            return EXIT_USAGE
        return args.handler(args)
    except UsageError as error:
        print(f"pressroom: error: {error} (see {error.prog or command_prog(args)} --help)", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("pressroom: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK  # `pressroom parse ... | head`: the reader has what it wanted


def command_prog(args: argparse.Namespace | None) -> str:
    """"pressroom fixtures check" for the command `args` were parsed for ("pressroom" if none)."""
    words = ["pressroom"]
    if args is not None:
        words += [word for word in (getattr(args, "command", None), getattr(args, "action", None)) if word]
    return " ".join(words)


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
