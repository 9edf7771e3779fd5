"""The command line: `pressroom parse | crawl | fixtures | schema`.

Records go to stdout (or -o FILE), messages and progress to stderr. `main(argv) -> int` so tests
run it in-process. Exit codes: 0 done, 1 a failure (some input or the run), 2 bad usage.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from schemas import json_schema
from scraper.charset import decode_html
from scraper.errors import ScraperError
from scraper.parse import parse
from scraper.sites import PROFILES

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2

DESCRIPTION = """\
Turn the press releases of international organizations into validated JSON records.

  pressroom parse page.html              one JSON record per saved page
  pressroom crawl osce -o releases.jsonl  crawl a newsroom into JSON Lines
  pressroom schema                       the JSON Schema of a record
"""

PARSE_EPILOG = """\
examples:
  pressroom parse fixtures/osce/en-prague-rapporteurs.html
  pressroom parse --url https://www.osce.org/cthb/50703 saved.html
  curl -s https://www.osce.org/cthb/50703 | pressroom parse - --url https://www.osce.org/cthb/50703
  pressroom parse pages/*.html > records.jsonl

Without --url a page is parsed as its own canonical URL (<link rel=canonical>), else as its file://
path; the URL's host picks the site profile unless --site names one. A file that is not a release
page gets a one-line error on stderr; the others are still parsed, and the exit code is 1.
"""


class UsageError(Exception):
    """Bad arguments: reported in one line with exit code 2."""


class ArgumentParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse exits itself; we want our code and no usage dump
        raise UsageError(message)


def build_parser() -> ArgumentParser:
    parser = ArgumentParser(
        prog="pressroom", description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--version", action="version", version="pressroom 0.1.0")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=ArgumentParser)
    _add_parse_command(commands)
    _add_crawl_command(commands)
    _add_fixtures_command(commands)
    schema = commands.add_parser("schema", help="print the JSON Schema of a record")
    schema.set_defaults(handler=_run_schema)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if not getattr(args, "handler", None):
            parser.print_help(sys.stderr)
            return EXIT_USAGE
        return args.handler(args)
    except UsageError as error:
        print(f"pressroom: error: {error} (see pressroom --help)", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("pressroom: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK  # `pressroom parse ... | head`: the reader has what it wanted


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())


# -- parse ------------------------------------------------------------------------------------------


def _add_parse_command(commands: argparse._SubParsersAction) -> None:
    command = commands.add_parser(
        "parse",
        help="parse saved release pages into JSON records",
        description="Parse saved release pages into JSON records, one per line, in input order.",
        epilog=PARSE_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    command.add_argument("files", nargs="+", metavar="FILE", help="HTML files to parse; - reads stdin")
    command.add_argument("--url", help="the URL the page was fetched from (only with a single FILE)")
    command.add_argument("--site", choices=sorted(PROFILES), help="the site profile to parse with")
    command.set_defaults(handler=_run_parse)


def _run_parse(args: argparse.Namespace) -> int:
    if args.url and len(args.files) > 1:
        raise UsageError("--url names the URL of one page: give a single FILE with it")
    failures = 0
    for name in args.files:
        try:
            html, default_url = _read_page(name)
            record = parse(html, args.url, args.site, default_url=default_url)
        except (OSError, ScraperError) as error:
            failures += 1
            print(f"pressroom: {name}: {_describe(error)}", file=sys.stderr)
            continue
        sys.stdout.write(record.model_dump_json() + "\n")
        sys.stdout.flush()
    return EXIT_FAILED if failures else EXIT_OK


def _read_page(name: str) -> tuple[str, str]:
    if name == "-":
        return decode_html(sys.stdin.buffer.read()), "stdin:"
    path = Path(name)
    if path.is_dir():
        raise IsADirectoryError(f"is a directory")
    return decode_html(path.read_bytes()), path.resolve().as_uri()


def _describe(error: BaseException) -> str:
    if isinstance(error, FileNotFoundError):
        return "no such file"
    if isinstance(error, PermissionError):
        return "permission denied"
    if isinstance(error, OSError) and error.strerror:
        return error.strerror.lower()
    return str(error) or type(error).__name__


# -- crawl ------------------------------------------------------------------------------------------


def _add_crawl_command(commands: argparse._SubParsersAction) -> None:
    command = commands.add_parser("crawl", help="crawl a newsroom into JSON Lines (not yet available)")
    command.add_argument("targets", nargs="+", metavar="TARGET")
    command.set_defaults(handler=_run_crawl)


def _run_crawl(args: argparse.Namespace) -> int:
    print("pressroom: crawl is not available yet", file=sys.stderr)
    return EXIT_FAILED


# -- fixtures ---------------------------------------------------------------------------------------


def _add_fixtures_command(commands: argparse._SubParsersAction) -> None:
    """Recording and checking golden fixtures (issue 7) plugs in here."""


# -- schema -----------------------------------------------------------------------------------------


def _run_schema(args: argparse.Namespace) -> int:
    sys.stdout.write(schema_text())
    return EXIT_OK


def schema_text() -> str:
    """The JSON Schema exactly as committed in schemas/press_release.schema.json."""
    return json.dumps(json_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
