"""Where claimmark keeps its own files. Tests redirect it with CLAIMMARK_DATA_DIR."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

NOTES_SUFFIX = ".notes.json"


def user_data_dir() -> Path:
    override = os.environ.get("CLAIMMARK_DATA_DIR")
    if override:
        return Path(override)
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "claimmark"


def user_state_dir() -> Path:
    """Where claimmark keeps its log (XDG state folder). Tests redirect it with
    CLAIMMARK_STATE_DIR."""
    override = os.environ.get("CLAIMMARK_STATE_DIR")
    if override:
        return Path(override)
    base = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(base) / "claimmark"


def notes_path_beside(article_path: str | os.PathLike[str]) -> Path:
    """``<article file name>.notes.json`` in the article's folder."""
    p = Path(article_path)
    return p.with_name(p.name + NOTES_SUFFIX)


def fallback_notes_path(article_path: str | os.PathLike[str]) -> Path:
    """The notes path in the user data folder, keyed by the article's path."""
    absolute = os.path.abspath(article_path)
    key = hashlib.sha256(absolute.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return user_data_dir() / "notes" / f"{key}-{Path(absolute).name}{NOTES_SUFFIX}"
