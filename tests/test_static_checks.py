"""ruff over the whole tree and mypy --strict over all of app/ (pyproject's [tool.mypy] files)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import ROOT


@pytest.mark.slow
def test_ruff() -> None:
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "app", "tests", "bench",
                             "scripts", "dev.py"], cwd=ROOT, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stdout[-3000:]


@pytest.mark.slow
def test_mypy_strict_on_all_of_app() -> None:
    result = subprocess.run([sys.executable, "-m", "mypy", "--cache-dir",
                             str(ROOT / ".mypy_cache")], cwd=ROOT, capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-3000:]
