"""The lock (requirements/lock.txt) still satisfies pyproject.toml.

dev.py and .ci/run install only what the lock pins, hash-checked. Whoever
changes a dependency in pyproject.toml must refresh the lock with
``python3 dev.py lock``; these tests say so when it was forgotten.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest
from packaging.requirements import Requirement

from tests.conftest import ROOT
from tests.lockfile import (
    LOCK,
    PYPROJECT,
    REFRESH,
    TOOLS_LOCK,
    declared,
    lock_problems,
    read_lock,
)


def load_dev() -> ModuleType:
    spec = importlib.util.spec_from_file_location("dev_script", ROOT / "dev.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_lock_satisfies_pyproject_on_every_supported_machine() -> None:
    problems = lock_problems(declared(PYPROJECT.read_text()), read_lock(LOCK))
    assert not problems, (
        "requirements/lock.txt no longer matches pyproject.toml; " + REFRESH + ":\n  "
        + "\n  ".join(problems))


def test_every_pin_is_exact_and_hash_checked() -> None:
    pins = read_lock(LOCK) + read_lock(TOOLS_LOCK)
    assert len(pins) > 20
    for pin in pins:
        assert str(pin.requirement.specifier).startswith("=="), pin.requirement
        assert pin.hashes and all(len(h) == 71 and h.startswith("sha256:")
                                  for h in pin.hashes), pin.requirement


def test_the_tools_lock_pins_the_uv_dev_py_installs() -> None:
    (uv,) = read_lock(TOOLS_LOCK)
    assert (uv.name, uv.version) == ("uv", load_dev().UV_VERSION), REFRESH


@pytest.mark.parametrize("change, expected", [
    ('"orjson>=3.10,<4",', "orjson<4,>=3.10 is declared but not locked"),
    ('"Markdown>=9",', "markdown>=9 is declared but markdown=="),
])
def test_a_forgotten_refresh_is_reported(change: str, expected: str) -> None:
    text = PYPROJECT.read_text().replace('"nupunkt', change + '\n    "nupunkt', 1)
    problems = lock_problems(declared(text), read_lock(LOCK))
    assert any(expected in problem.lower() for problem in problems), problems


def test_platform_markers_choose_one_pin_per_machine() -> None:
    # PySide6 6.12.0 is excluded below Python 3.12 only: the lock holds two pins.
    qt = [pin for pin in read_lock(LOCK) if pin.name == "pyside6-essentials"]
    assert not lock_problems([Requirement("PySide6-Essentials!=6.12.0; python_version<'3.12'")],
                             qt)


def test_dev_py_reinstalls_when_the_lock_changes(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    dev = load_dev()
    lock = tmp_path / "lock.txt"
    lock.write_text(LOCK.read_text())
    monkeypatch.setattr(dev, "LOCK", lock)
    before = dev.install_inputs()
    lock.write_text(LOCK.read_text() + "\n# refreshed\n")
    assert dev.install_inputs() != before
