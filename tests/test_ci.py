"""CI (.ci/run) runs exactly the README's test command and fails when tests fail or none ran."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

CI = ROOT / ".ci" / "run"


def test_ci_runs_the_readme_command_and_stops_on_failure() -> None:
    lines = [line.strip() for line in CI.read_text().splitlines()
             if line.strip() and not line.lstrip().startswith("#")]
    assert "set -euo pipefail" in lines
    assert lines[-1] == "python3 dev.py test"  # its exit code is the script's
    assert os.access(CI, os.X_OK)


@pytest.mark.slow
@pytest.mark.parametrize(("body", "code"), [
    ("def test_fails() -> None:\n    assert False\n", 1),  # a test fails
    ("def helper() -> None:\n    pass\n", 5),  # no test ran
])
def test_dev_py_test_fails_when(tmp_path: Path, body: str, code: int) -> None:
    tests = tmp_path / "test_one.py"
    tests.write_text(body)
    result = subprocess.run([sys.executable, str(ROOT / "dev.py"), "test", str(tests), "-q",
                             "-p", "no:cacheprovider"], cwd=ROOT, capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == code, result.stdout[-2000:] + result.stderr[-2000:]
