"""`pressroom schema`: print the JSON Schema of a record, as committed in
schemas/press_release.schema.json (built from the model by schemas.json_schema)."""

from __future__ import annotations

import argparse
import json
import sys

from schemas import json_schema
from scraper.cli.base import EXIT_OK


def add_command(commands: argparse._SubParsersAction) -> None:
    command = commands.add_parser(
        "schema",
        help="print the JSON Schema of a record",
        description="Print the JSON Schema of a record (a line of `parse` or `crawl` output), as committed "
        "in schemas/press_release.schema.json. Every field is described there.",
    )
    command.set_defaults(handler=_run_schema)


def _run_schema(args: argparse.Namespace) -> int:
    sys.stdout.write(schema_text())
    return EXIT_OK


def schema_text() -> str:
    """The JSON Schema exactly as committed in schemas/press_release.schema.json."""
    return json.dumps(json_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
