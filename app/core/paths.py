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
EXPORT_ENDING = "-notes"  # File ▸ Export suggests <article stem>-notes.<format's suffix>


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


NOTES_NAME_ENDINGS = (NOTES_SUFFIX, RECOVERED_SUFFIX, NOTES_SUFFIX + ".bak",
                      RECOVERED_SUFFIX + ".bak")


def export_clash(article_path: str | os.PathLike[str],
                 output: str | os.PathLike[str]) -> str | None:
    """Why writing an export to ``output`` would destroy the reader's work, or None.

    An export never replaces the article itself (its path or another name of
    the same file) nor a notes file, its recovery file or their ``.bak`` — of
    this article or any other: those are what the notes live in.
    """
    out = Path(output)
    if out.name.casefold().endswith(NOTES_NAME_ENDINGS):
        return f"{out.name} is a notes file; choose another name for the export"
    if os.path.realpath(out) == os.path.realpath(article_path) or _same_file(out, article_path):
        return f"{out.name} is the article itself; choose another name for the export"
    notes = annotated_article_notes(out)
    if notes:  # another annotated article: its notes would all lose their place
        return (f"{output} is an annotated article (its notes: {notes}); "
                "choose another name for the export")
    return None


def annotated_article_notes(path: str | os.PathLike[str]) -> str | None:
    """Where ``path``'s notes are if it is an annotated article, else None: a
    notes file, recovery file or ``.bak`` beside it or in the user data folder,
    or the library's entry for it (only an existing library, read-only)."""
    for suffix in (NOTES_SUFFIX, RECOVERED_SUFFIX):
        for notes in (notes_path_beside(path, suffix), fallback_notes_path(path, suffix)):
            for candidate in (notes, notes.with_name(notes.name + ".bak")):
                if os.path.lexists(candidate):
                    return str(candidate)
    from app.core.library_peek import known_notes_path

    return known_notes_path(os.path.realpath(path))


def _same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False
