"""Shared test helpers: where the repository's fixtures and the read-only ../shared pages live."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "fixtures"
# Third-party pages are read from ../shared beside the checkout (CI lays it there), never copied in.
SHARED = REPO.parent / "shared"

SHARED_MISSING = f"{SHARED} is absent: the third-party pages are read from there, never copied into the repo"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, skipping the calling test when ../shared is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(SHARED_MISSING)
    return path


def shared_files(pattern: str) -> list[Path]:
    """Files under ../shared matching a glob; empty when absent (a test parametrized over them is
    then skipped with SHARED_MISSING as its reason: see pytest_collection_modifyitems)."""
    return sorted(SHARED.glob(pattern)) if SHARED.exists() else []


EMPTY_PARAMETER_SET = "got empty parameter set"  # pytest's own skip reason for a parametrize([])


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Without ../shared, a test parametrized over its pages has no parameters, and pytest's reason
    ("got empty parameter set for (page)") says nothing of why: give the reason instead."""
    if SHARED.exists():
        return  # an empty parameter set is then a mistake in the test, and pytest's words are right
    for item in items:
        item.own_markers[:] = [_with_shared_reason(mark) for mark in item.own_markers]


def _with_shared_reason(mark: pytest.Mark) -> pytest.Mark:
    reason = str(mark.kwargs.get("reason", ""))
    if mark.name != "skip" or not reason.startswith(EMPTY_PARAMETER_SET):
        return mark
    return pytest.mark.skip(reason=f"{SHARED_MISSING} (no pages to run over: {reason})").mark


def pytest_report_header() -> str:
    if SHARED.exists():
        return f"third-party pages: read from {SHARED}"
    return f"third-party pages: {SHARED_MISSING}; the tests over them are skipped"
