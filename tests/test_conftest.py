"""The test suite's own helpers: without ../shared, tests over its pages are skipped with a reason."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from conftest import REPO

PARAMETRIZED_OVER_SHARED_PAGES = '''
import pytest
from conftest import shared_files

@pytest.mark.parametrize("page", shared_files("osce/pages/*.html"))
def test_over_shared_pages(page):
    assert page.exists()
'''


def test_a_test_over_absent_shared_pages_is_skipped_with_the_reason(tmp_path: Path) -> None:
    checkout = tmp_path / "checkout"  # a checkout with no ../shared beside it
    (checkout / "tests").mkdir(parents=True)
    shutil.copy(REPO / "tests" / "conftest.py", checkout / "tests" / "conftest.py")
    (checkout / "tests" / "test_pages.py").write_text(PARAMETRIZED_OVER_SHARED_PAGES, encoding="utf-8")
    assert not (tmp_path / "shared").exists()
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-rs", "-q", "-p", "no:cacheprovider", "tests"],
        cwd=checkout, capture_output=True, text=True, timeout=120, check=False,
    )
    skipped = [line for line in result.stdout.splitlines() if line.startswith("SKIPPED")]
    assert len(skipped) == 1, result.stdout
    assert "shared is absent: the third-party pages are read from there" in skipped[0]
    assert "got empty parameter set" in skipped[0]  # pytest's words kept, after the reason
