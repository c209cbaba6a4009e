"""Where an article's notes file lives: beside it, or in the user data folder.

The user folders themselves are :mod:`app.core.userdirs` (tests redirect them
with ``CLAIMMARK_HOME``, ``CLAIMMARK_DATA_DIR`` or ``CLAIMMARK_STATE_DIR``).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from app.core import userdirs

NOTES_SUFFIX = ".notes.json"
RECOVERED_SUFFIX = ".notes.recovered.json"


def user_data_dir() -> Path:
    """The user data folder (kept for callers of the older name)."""
    return userdirs.data_dir()


def user_state_dir() -> Path:
    """Where claimmark keeps its log (the user state folder)."""
    return userdirs.state_dir()


def notes_path_beside(article_path: str | os.PathLike[str],
                      suffix: str = NOTES_SUFFIX) -> Path:
    """``<article file name>.notes.json`` in the article's folder (``suffix``:
    ``.notes.recovered.json`` for the recovery file)."""
    p = Path(article_path)
    return p.with_name(p.name + suffix)


def fallback_notes_path(article_path: str | os.PathLike[str],
                        suffix: str = NOTES_SUFFIX) -> Path:
    """The notes path in the user data folder, keyed by a hash of the article's path.

    The key is the first 16 hex digits of the SHA-256 of the absolute path,
    then the article's file name (for a person looking in the folder): the same
    article always finds its notes again, two articles of one name never share.
    """
    absolute = os.path.abspath(article_path)
    key = hashlib.sha256(absolute.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return userdirs.fallback_notes_folder() / f"{key}-{Path(absolute).name}{suffix}"
