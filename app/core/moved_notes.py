"""Notes left under another path: the article moved to another folder (helper N15).

A rename in one folder is followed while the article is open (:mod:`app.core.renamed`);
a move to another folder is not, and the notes stay behind: beside the old path, as
the data folder's copy keyed by the old path, or as its rescue copy. When an article
opens with no notes of its own, these are looked for where they can be without a
scan of the disk: beside the recent files whose article is gone, and in the data
folder under this article's file name (the name only narrows the search; it is no
evidence). A notes file is this article's only when it was made on this very text (the
sha256 of the canonical text it records, :func:`evidence`): the one evidence that
cannot mistake two articles for one. Quotes all found in the text were tried, and
matched other articles sharing a licence's paragraphs.

Several old paths may hold this article's notes (moved twice, a rescue copy beside
the notes file it could not reach): all are offered at once and taken in together
(helper N16), as a Zotero user merging duplicate items keeps every note of each;
a note in several files is taken in the version edited last (:func:`gather`).
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Container, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.core import userdirs
from app.core.annotation_jsonld import annotation_from_jsonld
from app.core.annotations import Annotation
from app.core.article import LoadError
from app.core.importing import ImportFormatError, ImportItems, parse_payload
from app.core.notes_format import NotesDocument
from app.core.notes_rescue import deleted_there, recorded_deletions
from app.core.paths import NOTES_SUFFIX, RECOVERED_SUFFIX, fallback_notes_path, notes_path_beside
from app.core.reading import read_bytes
from app.core.storage import MAX_NOTES_BYTES, NotesFileError, read_notes_file

MAX_READ = 20  # notes files read at one opening, newest first


@dataclass(frozen=True)
class FoundNotes:
    """The notes files of this article found under other paths: the newest (``path``,
    its ``count`` of notes), and any others, newest first."""

    path: Path
    count: int  # the notes it holds
    evidence: str  # why they are this article's, for the reader
    others: tuple[Path, ...] = ()  # more files of its notes, newest first
    ids: frozenset[str] = field(default=frozenset(), compare=False)  # every note's, all files

    @property
    def paths(self) -> tuple[Path, ...]:
        return (self.path, *self.others)

    @property
    def total(self) -> int:
        """The notes of all the files, one note in several counted once."""
        return len(self.ids) or self.count


def evidence(doc: NotesDocument, text_sha256: str) -> str | None:
    """Why ``doc``'s notes are the article whose canonical text has ``text_sha256``;
    None when that is not certain. Only the text they were made on tells: never the
    file name, nor the title, nor quotes found in the text (they matched other
    articles: decisions.md, session 15 N)."""
    if doc.annotations and doc.article is not None and doc.article.sha256 == text_sha256:
        return "made on this very text"
    return None


def candidates(article: Path, recent: Sequence[str]) -> list[Path]:
    """Notes files that may be ``article``'s under another path, newest first: beside
    (or in the data folder for) each recent file that is gone, and the data folder's
    notes and rescue copies under ``article``'s file name kept for another path."""
    found: list[Path] = []
    for old in recent:
        old_path = Path(old)
        if old_path == article or os.path.lexists(old_path):
            continue
        for suffix in (NOTES_SUFFIX, RECOVERED_SUFFIX):
            found += [notes_path_beside(old_path, suffix), fallback_notes_path(old_path, suffix)]
    own_key = fallback_notes_path(article).name.split("-", 1)[0]
    name = re.escape(article.name)
    pattern = re.compile(rf"([0-9a-f]{{16}})-{name}\.notes(\.recovered(-\d+(-\d+)?)?)?\.json")
    try:
        with os.scandir(userdirs.fallback_notes_folder()) as entries:
            for entry in entries:
                match = pattern.fullmatch(entry.name)
                if match and match.group(1) != own_key:
                    found.append(Path(entry.path))
    except OSError:
        pass
    dated = {path: when for path in found if (when := _regular_mtime(path)) is not None}
    return sorted(dated, key=lambda path: dated[path], reverse=True)


def find_moved_notes(article: Path, text_sha256: str, recent: Sequence[str],
                     newer_than: int | None = None,
                     declined: Container[str] = ()) -> FoundNotes | None:
    """The notes files of this article left under other paths (newest first), or None.
    A file that cannot be read is passed over (it is not this opening's to judge).
    ``newer_than``: the article has a notes file, written then (ns): only a rescue copy
    written later is looked for (the article moved with its notes file while open, the
    edits since went to the copy under the old path). ``declined``: paths the reader
    said Not now to for this article, not offered again."""
    found = [path for path in candidates(article, recent) if str(path) not in declined]
    if newer_than is not None:
        found = [path for path in found if RECOVERED_SUFFIX[:-len(".json")] in path.name
                 and (_regular_mtime(path) or 0) > newer_than]
    mine: list[tuple[Path, NotesDocument, str]] = []
    for path in found[:MAX_READ]:
        try:
            doc = read_notes_file(path)
        except NotesFileError:
            continue
        why = evidence(doc, text_sha256)
        if why is not None:
            mine.append((path, doc, why))
    if not mine:
        return None
    path, doc, why = mine[0]
    ids = frozenset(a.id for _path, other, _why in mine for a in other.annotations)
    return FoundNotes(path, len(doc.annotations), why, tuple(p for p, *_ in mine[1:]), ids)


@dataclass
class Gathered:
    """The notes of every file found, to take in as one import: each note in the
    version edited last (``items``, ``notes``), the versions the rescue copies among
    them deleted (``deleted``), and the files that could not be read now, with why."""

    items: ImportItems
    notes: list[Annotation]
    deleted: dict[str, str]
    unread: list[tuple[Path, str]]


def gather(paths: Sequence[Path]) -> Gathered:
    """The notes of the files at ``paths`` (newest first): one note in several taken in
    the version edited last (the newer file on a tie); one a rescue copy among them
    deleted after its split and another holds as it was then, left out."""
    chosen: dict[str, tuple[dict[str, Any], Annotation]] = {}
    files: list[tuple[set[str], dict[str, str]]] = []
    unread: list[tuple[Path, str]] = []
    for path in paths:
        try:
            data = read_bytes(path, MAX_NOTES_BYTES)
            items = parse_payload(data)
        except (ImportFormatError, LoadError) as error:
            unread.append((path, str(error)))
            continue
        ids: set[str] = set()
        for item in items:
            note = annotation_from_jsonld(item)
            ids.add(note.id)
            if note.id not in chosen or note.modified > chosen[note.id][1].modified:
                chosen[note.id] = (item, note)
        files.append((ids, recorded_deletions(data)))
    notes = [note for _item, note in chosen.values()]
    gone: set[str] = set()
    deleted: dict[str, str] = {}
    for ids, recorded in files:
        gone |= deleted_there(recorded, notes, ids)
        deleted = {**recorded, **deleted}  # the newer file's record first
    kept = [(item, note) for item, note in chosen.values() if note.id not in gone]
    return Gathered(ImportItems(item for item, _note in kept), [note for _item, note in kept],
                    deleted, unread)


def later_versions(ours: Sequence[Annotation],
                   theirs: Sequence[Annotation]) -> tuple[list[Annotation], int]:
    """``ours`` with each note ``theirs`` holds in another version edited no earlier
    (a rescue copy is written after the notes file) in its place; and how many."""
    later = {a.id: a for a in theirs}
    merged: list[Annotation] = []
    for annotation in ours:
        other = later.get(annotation.id)
        newer = other is not None and other != annotation and \
            other.modified >= annotation.modified
        merged.append(other if newer and other is not None else annotation)
    return merged, sum(a is not b for a, b in zip(merged, ours, strict=True))


def _regular_mtime(path: Path) -> int | None:
    """``path``'s mtime when it is a regular file (a link is not followed)."""
    try:
        info = os.lstat(path)
    except OSError:
        return None
    return info.st_mtime_ns if stat.S_ISREG(info.st_mode) else None
