"""A copy of every note when the notes file cannot be written (tester T13).

A save that fails (the article's folder renamed under an open window, a full
disk, a folder made read-only) left the edit only in memory. The whole notes
are then written to the recovery file in the user data folder, the one an
opening of the article already offers to take in (``<key>-<name>.notes.recovered.json``,
:func:`app.core.paths.fallback_notes_path`); once the notes file is written
again the copy is removed.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from app.core.notes_format import NotesDocument
from app.core.paths import RECOVERED_SUFFIX, fallback_notes_path
from app.core.storage import encode_notes, write_atomic


def rescue_path(article_path: str | os.PathLike[str]) -> Path:
    """Where the copy of an article's notes goes when they cannot be saved."""
    return fallback_notes_path(article_path, RECOVERED_SUFFIX)


def write_copy(path: Path, doc: NotesDocument) -> None:
    """Write the whole notes to ``path`` (atomically; OSError when it fails)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, encode_notes(doc), keep_backup=False)


def set_aside(path: Path) -> Path | None:
    """Move an earlier copy nobody took in out of the way, under a name of its
    own (``….notes.recovered-<mtime>.json``); where it went, None if none."""
    try:
        stamp = path.stat().st_mtime_ns
    except OSError:
        return None
    for number in range(100):
        aside = path.with_name(path.name[:-len(".json")]
                               + f"-{stamp}{f'-{number}' if number else ''}.json")
        if not aside.exists():
            os.replace(path, aside)
            return aside
    return None


def set_aside_copies(article_path: str | os.PathLike[str]) -> list[Path]:
    """The earlier copies :func:`set_aside` kept for this article and nobody took in
    yet, oldest first (offered at its opening as the recovery file is)."""
    path = rescue_path(article_path)
    stem = re.escape(path.name[:-len(".json")])
    pattern = re.compile(rf"{stem}-(\d+)(-(\d+))?\.json")
    try:
        names = os.listdir(path.parent)
    except OSError:
        return []
    kept = [(int(m.group(1)), int(m.group(3) or 0), name) for name in names
            if (m := pattern.fullmatch(name))]
    return [path.parent / name for *_order, name in sorted(kept)
            if (path.parent / name).is_file() and not (path.parent / name).is_symlink()]


def rescue(article_path: str | os.PathLike[str], doc: NotesDocument,
           ours: bool = False) -> tuple[Path | None, str]:
    """Write the copy; returns where (None when that failed too) and what to say.
    A copy already there that is not ``ours`` (this window's) is kept aside."""
    path = rescue_path(article_path)
    try:
        aside = None if ours else set_aside(path)
        write_copy(path, doc)
    except OSError as error:
        reason = error.strerror or str(error)
        return None, (f"no copy could be written to {path.parent} either ({reason}): "
                      "your latest notes are only in this window")
    said = f"a copy of all your notes is in {path}"
    return path, (f"{said} (an earlier copy not yet taken in is kept as {aside})" if aside
                  else said)


class Rescue:
    """One session's copy: whether the last change is only in it, and where it is."""

    def __init__(self, article_path: str | os.PathLike[str]) -> None:
        self.article_path = article_path
        self.unwritten = False  # the notes file lacks the latest change
        self.path: Path | None = None  # the copy written (None: none, or it failed)

    def failed(self, doc: NotesDocument, message: str) -> str:
        """A save failed: write the copy; ``message`` with where it is."""
        self.unwritten = True
        self.path, said = rescue(self.article_path, doc, ours=self.path is not None)
        return f"{message}; {said}"

    def written(self, path: Path) -> None:
        """The notes are whole at ``path`` again: the copy goes (unless it is that file)."""
        self.unwritten = False
        copy, self.path = self.path, None
        if copy is not None and copy != path:
            try:
                os.unlink(copy)
            except OSError:
                pass
