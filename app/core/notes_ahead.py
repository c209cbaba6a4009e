"""An article's notes read and placed in the loader's worker, ahead of the window.

Opening a book with 10,000 notes costs ~0.3 s of parsing and anchoring; done in
the window's turn that builds the claim list, it froze the window that long.
The loader's worker does it instead, right after splitting the claims, and the
window takes the result only if the notes file is still the one the worker
read (same path, size, modification time and inode); otherwise it reads the
file itself, as it always did. So the reader never sees anything the window
would not have read.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from app.core.anchoring import Anchored
from app.core.article import text_sha256
from app.core.count_backfill import placed_with_counts
from app.core.gc_pause import collector_paused, settle_long_lived
from app.core.notes_format import NotesDocument
from app.core.storage import NotesFileError, NotesStore

FileSignature = tuple[int, int, int]


def file_signature(path: Path) -> FileSignature | None:
    """``(size, mtime in ns, inode)`` of ``path``; None when it is not there."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns, info.st_ino


@dataclass(frozen=True)
class NotesAhead:
    """What the worker found at ``path``: a document, or why it cannot be used."""

    path: Path
    signature: FileSignature | None
    document: NotesDocument | None = None
    error: NotesFileError | None = None
    text: str = ""  # the text ``placed`` was anchored in
    placed: list[Anchored] | None = None

    def still_there(self, path: Path) -> bool:
        """The notes file at ``path`` is the one read (a changed file is read again)."""
        return path == self.path and file_signature(path) == self.signature

    def placed_in(self, text: str) -> list[Anchored] | None:
        """The document's annotations anchored in ``text``, if that is what they were
        anchored in (the same string object: the article the window shows)."""
        return self.placed if text is self.text else None


def read_ahead(article_path: Path, text: str) -> NotesAhead:
    """Read the notes of the article at ``article_path`` and anchor them in ``text``.

    For the window only: what is read lives as long as the article is open, so
    it is settled out of the collector's runs (``gc_pause.settle_long_lived``,
    which the window undoes before the next article) before the collector is
    back on. Otherwise its first run would walk the ~600,000 objects just made,
    holding the interpreter, and the window, for ~50 ms.
    """
    with collector_paused():
        ahead = _read_ahead(article_path, text)
        settle_long_lived()
    return ahead


def _read_ahead(article_path: Path, text: str) -> NotesAhead:
    store = NotesStore(article_path)
    signature = file_signature(store.path)
    try:
        text_hash = text_sha256(text)
        document = store.load(article_path.name, text_hash)
    except NotesFileError as error:
        return NotesAhead(store.path, signature, error=error)
    if document is None:
        return NotesAhead(store.path, signature)
    # Read again if the file changed while being read: the signature must be the
    # document's, not an earlier or later file's.
    if file_signature(store.path) != signature:
        return NotesAhead(store.path, None)
    return NotesAhead(store.path, signature, document, None, text,
                      placed_with_counts(document, text, text_hash))
