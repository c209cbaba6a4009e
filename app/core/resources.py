"""Where the bundled resources (sample, lexicons, schema) live.

In an installed wheel they sit in ``app/resources``; in a source checkout they
are the top-level ``resources/`` folder. This is the one place that knows.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path


@lru_cache(maxsize=1)
def resource_root() -> Path:
    package_dir = Path(str(resources.files("app")))
    bundled = package_dir / "resources"
    if bundled.is_dir():
        return bundled
    return package_dir.parent / "resources"


def resource_path(*parts: str) -> Path:
    """The path of a bundled resource, e.g. ``resource_path("samples", "x.md")``."""
    return resource_root().joinpath(*parts)


def sample_article_path() -> Path:
    return resource_path("samples", "magnesium-and-nerves.md")
