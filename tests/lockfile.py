"""Reading requirements/lock.txt and checking it against pyproject.toml.

The lock is a hash-checked requirements file made by ``python3 dev.py lock``
(uv's universal resolution: one file for every platform and Python ≥ 3.11,
with environment markers). These helpers need only ``packaging``.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.conftest import ROOT

LOCK = ROOT / "requirements" / "lock.txt"
TOOLS_LOCK = ROOT / "requirements" / "tools.txt"
PYPROJECT = ROOT / "pyproject.toml"
REFRESH = "run `python3 dev.py lock` and commit requirements/"

# The machines the lock must serve: CPython 3.11 and 3.12 on Linux, macOS, Windows.
ENVIRONMENTS = [
    {"python_version": version, "python_full_version": f"{version}.0", "sys_platform": platform,
     "platform_system": system, "os_name": "nt" if platform == "win32" else "posix",
     "platform_machine": "x86_64", "implementation_name": "cpython",
     "platform_python_implementation": "CPython", "extra": ""}
    for version in ("3.11", "3.12")
    for platform, system in (("linux", "Linux"), ("darwin", "Darwin"), ("win32", "Windows"))
]


@dataclass(frozen=True)
class Pin:
    requirement: Requirement
    hashes: tuple[str, ...]

    @property
    def name(self) -> str:
        return canonicalize_name(self.requirement.name)

    @property
    def version(self) -> str:
        return next(iter(self.requirement.specifier)).version


def read_lock(path: Path) -> list[Pin]:
    """The pins of a requirements file: ``name==version [; marker]`` plus hashes."""
    logical = " ".join(line.rstrip("\\").strip() if line.rstrip().endswith("\\")
                       else line.strip() + "\n"
                       for line in path.read_text().splitlines()
                       if not line.lstrip().startswith("#"))
    pins = []
    for line in logical.splitlines():
        words = line.split()
        if not words:
            continue
        hashes = tuple(word.split("=", 1)[1] for word in words if word.startswith("--hash="))
        spec = " ".join(word for word in words if not word.startswith("--hash="))
        pins.append(Pin(Requirement(spec), hashes))
    return pins


def declared(pyproject_text: str, extras: tuple[str, ...] = ("test",)) -> list[Requirement]:
    """The run-time dependencies and those of ``extras`` declared in pyproject.toml."""
    project = tomllib.loads(pyproject_text)["project"]
    names = list(project["dependencies"])
    for extra in extras:
        names += project.get("optional-dependencies", {}).get(extra, [])
    return [Requirement(name) for name in names]


def lock_problems(requirements: list[Requirement], pins: list[Pin]) -> list[str]:
    """Why the pins do not satisfy the requirements, on every supported machine."""
    problems = []
    for environment in ENVIRONMENTS:
        where = f"Python {environment['python_version']} on {environment['sys_platform']}"
        for requirement in requirements:
            if requirement.marker and not requirement.marker.evaluate(environment):
                continue
            name = canonicalize_name(requirement.name)
            chosen = [pin for pin in pins if pin.name == name and applies(pin, environment)]
            if not chosen:
                problems.append(f"{requirement} is declared but not locked ({where})")
            elif len(chosen) > 1:
                problems.append(f"{name} is locked twice for {where}")
            elif not requirement.specifier.contains(chosen[0].version, prereleases=True):
                problems.append(f"{requirement} is declared but {name}=={chosen[0].version} "
                                f"is locked ({where})")
    return sorted(set(problems))


def applies(pin: Pin, environment: dict[str, str]) -> bool:
    marker: Marker | None = pin.requirement.marker
    return marker is None or marker.evaluate(environment)
