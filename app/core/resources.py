"""Where the bundled resources (sample, lexicons, schema) live.

In an installed wheel they sit in ``app/resources``; in a source checkout they
are the top-level ``resources/`` folder. This is the one place that knows.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def resource_root() -> Path:
    # The package's folder from this file (``app/core/``'s parent), as
    # importlib.resources.files("app") gives it for a package on disk, without
    # importing importlib.resources and zipfile at start-up (~10 ms).
    package_dir = Path(__file__).resolve().parent.parent
    bundled = package_dir / "resources"
    if bundled.is_dir():
        return bundled
    return package_dir.parent / "resources"


def resource_path(*parts: str) -> Path:
    """The path of a bundled resource, e.g. ``resource_path("samples", "x.md")``."""
    return resource_root().joinpath(*parts)


def sample_article_path() -> Path:
    return resource_path("samples", "magnesium-and-nerves.md")
