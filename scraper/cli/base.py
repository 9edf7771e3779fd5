"""What every command shares: the exit codes, the usage error (one line, exit code 2), the
argument parser that raises it, and how a failure or a library log line is said on stderr
("pressroom: ...")."""

from __future__ import annotations

import argparse
import sys

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 3  # crawl: stopped by SIGINT/SIGTERM, resumable


MISSING_ARGUMENTS = "the following arguments are required"  # argparse's words


class UsageError(Exception):
    """Bad arguments: reported in one line with exit code 2, pointing at the command's own --help."""

    def __init__(self, message: str, prog: str | None = None) -> None:
        super().__init__(message)
        self.prog = prog  # "pressroom fixtures check"; None: the command being run (or pressroom)


class ArgumentParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse exits itself; we want our code and no usage dump
        raise UsageError(message, self.prog)

    def parse_known_args(self, args=None, namespace=None):  # type: ignore[no-untyped-def]  # argparse's signature
        # argparse says "the following arguments are required: FILE" for `parse --bogus`: the
        # misspelt option is the mistake to name, so an unknown option is reported first. Any other
        # error (a misspelt command: "invalid choice: 'pars'") is said as argparse says it.
        try:
            return super().parse_known_args(args, namespace)
        except UsageError as error:
            if error.prog != self.prog or not str(error).startswith(MISSING_ARGUMENTS):
                raise
            unknown = self.unknown_options(sys.argv[1:] if args is None else list(args))
            if unknown:
                raise UsageError(f"unrecognized arguments: {' '.join(unknown)}", self.prog) from None
            raise

    def unknown_options(self, words: list[str]) -> list[str]:
        """The words that look like options (`--name`, `--name=value`, `-x`) none of this parser's
        options matches, as a whole or as the unique-prefix abbreviation argparse accepts."""
        unknown = []
        for word in words:
            if word == "--":
                break
            if not word.startswith("-") or word == "-" or self._negative_number_matcher.match(word):
                continue
            name = word.split("=", 1)[0]
            if not word.startswith("--") and len(word) > 2 and word[:2] in self._option_string_actions:
                continue  # a short option with its value attached: "-oout.csv"
            if not any(option.startswith(name) for option in self._option_string_actions):
                unknown.append(word)
        return unknown


def log_to_stderr() -> None:
    """The library's log lines (a retry, a crawl's page failure) on stderr as the CLI's own lines,
    "pressroom: retry 1 of URL after ...": without a handler Python prints them bare."""
    import logging

    if not logging.getLogger().handlers:  # a test's or an embedding program's handler is kept
        logging.basicConfig(level=logging.WARNING, format="pressroom: %(message)s", stream=sys.stderr)


def first_line(error: BaseException) -> str:
    """The error's first line (at most 200 characters), for a message of one line."""
    lines = str(error).strip().splitlines()
    return lines[0][:200] if lines else "no message"


def describe(error: BaseException) -> str:
    """An error as a message says it: "no such file", not "[Errno 2] No such file or directory: ..."."""
    if isinstance(error, FileNotFoundError):
        return "no such file"
    if isinstance(error, PermissionError):
        return "permission denied"
    if isinstance(error, OSError) and error.strerror:
        return error.strerror.lower()
    return str(error) or type(error).__name__
