"""`pressroom fixtures check | rerun | record`: golden fixtures, saved pages beside the records a
person expects from them. Check compares the parser's record now with the expected JSON, field by
field; rerun takes the parser's fields into it (--write); record fetches a page once and saves it
with a draft. The work is scraper/fixtures.py, imported only when a command runs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from scraper.cli.arguments import file_argument, web_url
from scraper.cli.base import EXIT_FAILED, EXIT_OK, ArgumentParser, UsageError, describe, log_to_stderr
from scraper.errors import ScraperError
from scraper.sites import PROFILES

FIXTURES_EPILOG = """\
the workflow for a site (see README, "Adding a site"):
  pressroom fixtures record https://www.europarl.europa.eu/news/en/press-room/<id>/<slug>
      saves fixtures/europarl/<slug>.html byte-exact and a draft <slug>.json ("_review": true)
  (read the page, correct the draft, remove "_review")
  pressroom fixtures check                  every fixture: each differing field as a diff
  pressroom fixtures rerun fixtures/europarl/<slug>.json --fields body,highlights --write

exit codes: 0 every fixture passes, 1 a field differs, a draft is not reviewed or a page fails to
parse, 2 bad usage.
"""
FIXTURES_CHECK_EPILOG = """\
examples:
  pressroom fixtures check                               every fixture under fixtures/
  pressroom fixtures check fixtures/europarl             one site
  pressroom fixtures check fixtures/osce/en-qabala-country-qualifier-figure.json

exit codes: 0 every fixture passes, 1 a field differs, a draft is not reviewed or a page fails to
parse, 2 bad usage (no such fixture or folder).
"""
FIXTURES_RERUN_EPILOG = """\
examples:
  pressroom fixtures rerun fixtures/europarl/<slug>.json                  the diff, nothing written
  pressroom fixtures rerun fixtures/europarl/<slug>.json --fields body,highlights --write
  pressroom fixtures rerun fixtures/osce --write && git diff fixtures/     every fixture of a site

A draft stays a draft ("_review" is kept). exit codes: 0 nothing differs (or --write wrote it),
1 something differs and nothing was written, or a page fails to parse, 2 bad usage.
"""
FIXTURES_RECORD_EPILOG = """\
examples:
  pressroom fixtures record https://www.osce.org/secretariat/590000
      saves fixtures/osce/secretariat-590000.html and the draft fixtures/osce/secretariat-590000.json
  pressroom fixtures record https://www.unwater.org/news/geneva-talks.html --site generic
      saves fixtures/generic/geneva-talks.html (a page extension is not part of the name)
  pressroom fixtures record https://example.org/ --name example-front-page --force

The name (the slug) is the URL's last path segment without .html/.php, with the segment before
it when it is a number; --name picks another. Then read the page, correct the draft, remove
"_review" and run pressroom fixtures check. exit codes: 0 recorded, 1 the page could not be
fetched, the fixture exists (without --force) or the parser made no record, 2 bad usage.
"""
DEFAULT_FIXTURES = Path("fixtures")


def add_command(commands: argparse._SubParsersAction) -> None:
    command = commands.add_parser(
        "fixtures",
        help="record, check and re-record golden fixtures",
        description="Golden fixtures: saved pages beside the records a person expects from them.",
        epilog=FIXTURES_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    actions = command.add_subparsers(dest="action", metavar="ACTION", parser_class=ArgumentParser, required=True)

    check = actions.add_parser(
        "check", help="compare every fixture's page, parsed now, with its expected JSON",
        description="Parse every fixture's saved page now and compare the record, field by field, with its\n"
        "expected JSON. Each differing field is printed as a diff naming the fixture and the field;\n"
        "a tally ends the output.",
        epilog=FIXTURES_CHECK_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    check.add_argument("paths", nargs="*", type=file_argument("PATH", "a fixture file or folder"), metavar="PATH", help="fixture files or folders (default: fixtures/)")
    check.set_defaults(handler=_run_fixtures_check)

    rerun = actions.add_parser(
        "rerun", help="show what the parser now gives; rewrite the expected JSON with --write",
        description="Show how the parser's record now differs from a fixture's expected JSON; with --write,\n"
        "take the named fields (or all) from the parser into the expected JSON. The git diff is the review.",
        epilog=FIXTURES_RERUN_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    rerun.add_argument("paths", nargs="+", type=file_argument("PATH", "a fixture file or folder"), metavar="PATH", help="fixture files (.json or .html) or folders")
    rerun.add_argument("--fields", help="only these fields, comma-separated (e.g. body,highlights)")
    rerun.add_argument("--write", action="store_true", help="rewrite the expected JSON (else only show the diff)")
    rerun.set_defaults(handler=_run_fixtures_rerun)

    record = actions.add_parser(
        "record", help="fetch a page once and save it with a draft expected JSON",
        description="Fetch a release page once, politely (robots.txt, the crawler's User-Agent and limits),\n"
        "save it byte for byte as fixtures/<site>/<slug>.html and the parser's record as a draft\n"
        "<slug>.json to review.",
        epilog=FIXTURES_RECORD_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    record.add_argument("url", metavar="URL", type=web_url, help="the release page to fetch (once, politely: robots.txt, the crawler's limits)")
    record.add_argument("--site", choices=sorted(PROFILES), help="the profile (default: the one for the URL's host)")
    record.add_argument("--name", metavar="SLUG", help="the fixture's name (default: from the URL's path)")
    record.add_argument("--dir", type=file_argument("--dir", "a folder"), default=DEFAULT_FIXTURES, help="the fixtures folder (default: fixtures/)")
    record.add_argument("--force", action="store_true", help="record over an existing fixture")
    record.set_defaults(handler=_run_fixtures_record)


# The fixtures commands import scraper.fixtures (and, through it, the fetcher) only when run.


def _run_fixtures_check(args: argparse.Namespace) -> int:
    from scraper.fixtures import check

    fixtures = _fixtures_at(args.paths or [DEFAULT_FIXTURES])
    verdicts = [check(fixture) for fixture in fixtures]
    for verdict in verdicts:
        if not verdict.passed:
            print(verdict.report())
    _print_tally(verdicts)
    return EXIT_OK if all(verdict.passed for verdict in verdicts) else EXIT_FAILED


def _run_fixtures_rerun(args: argparse.Namespace) -> int:
    from scraper.fixtures import check, rewrite, write_expected

    fields = _fields_option(args.fields)
    failed = False
    for fixture in _fixtures_at(args.paths):
        verdict = check(fixture, fields)
        if verdict.error or verdict.actual is None:
            print(verdict.report())
            failed = True
        elif not verdict.diffs:
            print(f"{fixture.name}: the parser gives what is expected" + (f" ({', '.join(fields)})" if fields else ""))
        else:
            print(verdict.report())
            if args.write:
                write_expected(fixture.json_path, rewrite(fixture, verdict.actual, fields))
                changed = ", ".join(diff.field for diff in verdict.diffs)
                print(f"pressroom: wrote {fixture.json_path} ({changed}): review the change with git diff", file=sys.stderr)
            else:
                failed = True
    if failed and not args.write:
        print("pressroom: nothing written; --write rewrites the expected JSON", file=sys.stderr)
    return EXIT_FAILED if failed else EXIT_OK


def _run_fixtures_record(args: argparse.Namespace) -> int:
    from scraper.fixtures import REVIEW_MARK, FixtureExists, record
    from scraper.progress import counted

    log_to_stderr()  # the fetcher's retries, as `parse URL` shows them
    try:
        recorded = record(args.url, args.dir, site=args.site, name=args.name, force=args.force)
    except ValueError as error:
        raise UsageError(str(error)) from None
    except (FixtureExists, ScraperError, OSError) as error:
        print(f"pressroom: {args.url}: {describe(error)}", file=sys.stderr)
        return EXIT_FAILED
    fixture = recorded.fixture
    print(f"pressroom: fetched {recorded.final_url} ({counted(recorded.size, 'byte')})", file=sys.stderr)
    print(f"pressroom: wrote {fixture.html_path}", file=sys.stderr)
    print(f"pressroom: wrote {fixture.json_path}: a draft; check every field against the page, "
          f"then remove {REVIEW_MARK!r}", file=sys.stderr)
    if recorded.parse_error:
        print(f"pressroom: the parser made no record ({recorded.parse_error}); the draft holds url and site "
              f"only: fix the profile, then pressroom fixtures rerun {fixture.json_path} --write", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def _fixtures_at(paths: list[Path]) -> list:
    from scraper.fixtures import discover

    missing = [str(path) for path in paths if not path.exists()]
    if missing:
        raise UsageError(f"no such fixture or folder: {', '.join(missing)}")
    fixtures = discover(paths)
    if not fixtures:
        raise UsageError(f"no fixtures (<slug>.html beside <slug>.json) under {', '.join(map(str, paths))}")
    return fixtures


def _fields_option(value: str | None) -> list[str] | None:
    from scraper.fixtures import expected_fields

    if value is None:
        return None
    fields = [name.strip() for name in value.split(",") if name.strip()]
    unknown = sorted(set(fields) - set(expected_fields()))
    if unknown or not fields:
        raise UsageError(f"--fields: unknown {', '.join(unknown) or '(none given)'}; fields: {', '.join(expected_fields())}")
    return fields


def _print_tally(verdicts: list) -> None:
    from scraper.progress import counted

    tally = ", ".join([
        f"{sum(v.passed for v in verdicts)} passed",
        f"{sum(bool(v.diffs) for v in verdicts)} differ",
        counted(sum(v.draft for v in verdicts), "draft"),
        counted(sum(bool(v.error) for v in verdicts), "error"),
    ])
    print(f"pressroom: {counted(len(verdicts), 'fixture')}: {tally}", file=sys.stderr)
