"""Reading a notes file for the library index: only the fields it keeps.

The index needs eight values of each note (id, label, note, quote, position,
sources, modified). The general reader (:func:`app.core.storage.read_notes_file`)
builds full annotations with their provenance for round-tripping, which the
index never uses: ~45 µs a note, the largest part of a sync after many notes
files changed. Files in claimmark's own shape (what it writes, nearly every
file in a library) are read here straight into index rows; anything else,
even slightly (another tool's shape, a duplicated id, a newer version, a file
that does not parse), is read again by the general reader, so its result and
its error messages are the general reader's (a property test compares the two).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from app.core.article import LoadError
from app.core.gc_pause import collector_paused
from app.core.header_marks import strip_header_mark
from app.core.json_pieces import loads_in_pieces
from app.core.library_rows import NoteRow, sources_text
from app.core.notes_format import FORMAT_VERSION
from app.core.own_jsonld import normalized_source, own_bodies
from app.core.reading import read_bytes
from app.core.same_article import TextHash, recorded_for_another
from app.core.storage import MAX_NOTES_BYTES, NotesFileError, read_notes_file

_OWN_KEYS = frozenset({"id", "type", "motivation", "created", "modified", "body", "target"})
_TARGET_KEYS = frozenset({"source", "selector"})
_QUOTE_KEYS = frozenset({"type", "exact", "prefix", "suffix", "claimmark:occurrences"})
_POSITION_KEYS = frozenset({"type", "start", "end"})


class _Foreign(Exception):
    """Not in claimmark's own shape: leave the file to the general reader."""


def notes_rows(notes_path: str, article_name: str,
               text_sha256: TextHash = None) -> tuple[str, str, list[NoteRow]]:
    """``(title, format, rows)`` of the notes file of the article named ``article_name``
    (whose text has ``text_sha256``: notes recorded under another name on this
    very text are its own, as in the window, ``same_article``).

    Title and format are "" when the file does not record them. Raises
    :class:`NotesFileError` as the general reader does.
    """
    try:
        # The parsed file is dropped before the collector runs again: re-enabled
        # with it alive, the collector's next run would walk all of it.
        with collector_paused():
            return _own_rows(loads_in_pieces(read_bytes(notes_path, MAX_NOTES_BYTES)
                                             .decode("utf-8-sig")), article_name, text_sha256)
    except (LoadError, ValueError, RecursionError, _Foreign, KeyError, TypeError):
        pass  # the general reader says what is wrong, or reads another shape
    return _general_rows(Path(notes_path), article_name, text_sha256)


def _own_rows(payload: Any, article_name: str,
              text_sha256: TextHash = None) -> tuple[str, str, list[NoteRow]]:
    if not isinstance(payload, dict) or payload.get("type") != "AnnotationCollection":
        raise _Foreign
    block = payload.get("claimmark")
    if not isinstance(block, dict):
        raise _Foreign
    version = block.get("version", FORMAT_VERSION)
    if type(version) is not int or version > FORMAT_VERSION:  # noqa: E721 - bool is not a version
        raise _Foreign
    ref = block.get("article")
    title: Any = ""
    fmt: Any = ""
    if isinstance(ref, dict) and isinstance(ref.get("path"), str):
        recorded_hash = ref.get("sha256")
        if recorded_for_another(ref["path"], recorded_hash if isinstance(
                recorded_hash, str) else "", article_name, text_sha256):
            raise _Foreign  # another article's notes: the general reader names it
        title, fmt = ref.get("title"), ref.get("format")
    title = strip_header_mark(title) if isinstance(title, str) else ""
    fmt = fmt if isinstance(fmt, str) else ""
    first = payload.get("first")
    if first is None and "items" not in payload:
        return title, fmt, []
    if not isinstance(first, dict) or not isinstance(first.get("items"), list):
        raise _Foreign
    rows = [_row(item) for item in first["items"]]
    if len({row[0] for row in rows}) != len(rows):
        raise _Foreign  # duplicated ids get new ones from the general reader
    return title, fmt, rows


def _row(item: Any) -> NoteRow:
    """One note in claimmark's own shape (the checks of :func:`read_own`) as a row."""
    if (not isinstance(item, dict) or item.keys() != _OWN_KEYS or item["type"] != "Annotation"
            or item["motivation"] != "assessing"):
        raise _Foreign
    ident, created, modified = item["id"], item["created"], item["modified"]
    if not (isinstance(ident, str) and ident and isinstance(created, str)
            and isinstance(modified, str) and created):
        raise _Foreign
    exact, start, end = _placement(item["target"])
    label, note, sources = _bodies(item["body"])
    return (ident, label, note, exact, start, end, sources, modified or created)


def _placement(target: Any) -> tuple[str, int, int]:
    if not isinstance(target, dict) or target.keys() != _TARGET_KEYS:
        raise _Foreign
    selectors = target["selector"]
    if not isinstance(selectors, list) or not 1 <= len(selectors) <= 2:
        raise _Foreign
    quote = selectors[0]
    if (not isinstance(quote, dict) or quote.get("type") != "TextQuoteSelector"
            or not quote.keys() <= _QUOTE_KEYS):
        raise _Foreign
    exact = quote.get("exact")
    if not (isinstance(exact, str) and isinstance(quote.get("prefix"), str | None)
            and isinstance(quote.get("suffix"), str | None)):
        raise _Foreign
    if len(selectors) == 1:
        return exact, -1, -1
    position = selectors[1]
    if (not isinstance(position, dict) or position.keys() != _POSITION_KEYS
            or position["type"] != "TextPositionSelector"):
        raise _Foreign
    start, end = position["start"], position["end"]
    if type(start) is not int or type(end) is not int or not 0 <= start <= end:  # noqa: E721
        raise _Foreign
    return exact, start, end


def _bodies(bodies: Any) -> tuple[str, str, str]:
    """``(label, note, sources text)`` of the bodies claimmark writes."""
    read = own_bodies(bodies)
    if read is None:
        raise _Foreign
    label, notes, sources = read
    # Deduplicated as the general reader does (after normalising): a line is a
    # function of the normalised source.
    lines = dict.fromkeys(sources_text((normalized_source(source),)) for source in sources)
    return label, "\n\n".join(notes), "\n".join(lines)


def _general_rows(path: Path, article_name: str,
                  text_sha256: TextHash = None) -> tuple[str, str, list[NoteRow]]:
    try:
        os.lstat(path)
    except OSError:
        return "", "", []  # gone since the scan: no notes (as ``NotesStore.load``)
    doc = read_notes_file(path)
    other = doc.article and recorded_for_another(doc.article.path, doc.article.sha256,
                                                 article_name, text_sha256)
    if other:
        raise NotesFileError("other-article", path,
                             f"the notes file belongs to another article ({other})")
    title = strip_header_mark(doc.article.title) if doc.article else ""
    fmt = doc.article.format if doc.article else ""
    rows: list[NoteRow] = [(a.id, a.label, a.note, a.exact, a.start, a.end,
                            sources_text(a.sources), a.modified) for a in doc.annotations]
    return title, fmt, rows
