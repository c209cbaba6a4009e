"""A look into the library without touching it: whether it knows an article.

Used before an export may replace a file (:func:`app.core.paths.export_clash`):
the library is opened read-only and only if it exists, so asking never creates,
upgrades or locks it; any trouble reading it means "not known".
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from urllib.parse import quote

from app.core.library_db import APPLICATION_ID, default_library_path

PEEK_TIMEOUT_S = 1.0


def known_notes_path(article: str, library: Path | None = None) -> str | None:
    """Where the library (default: the user's) says ``article``'s notes are, or
    a line naming the library when it knows the article without a notes path;
    None when it does not know it or cannot be read. ``article`` is its key:
    absolute, links resolved (:func:`app.core.library_scan.normalized`)."""
    path = library if library is not None else default_library_path()
    if not path.is_file():
        return None
    try:
        conn = sqlite3.connect(f"file:{quote(str(path.resolve()))}?mode=ro", uri=True,
                               timeout=PEEK_TIMEOUT_S)
    except sqlite3.Error:
        return None
    try:
        if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            return None
        row = conn.execute("SELECT notes_path FROM articles WHERE path = ?",
                           (article,)).fetchone()
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    if row is None:
        return None
    return str(row[0]) if row[0] else f"listed in the library {path}"
