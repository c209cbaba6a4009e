"""A copy of every note when the notes file cannot be written (tester T13).

A save that fails (the article's folder renamed under an open window, a full
disk, a folder made read-only) left the edit only in memory. The whole notes
are then written to the recovery file in the user data folder, the one an
opening of the article already offers to take in (``<key>-<name>.notes.recovered.json``,
:func:`app.core.paths.fallback_notes_path`); once the notes file is written
again the copy is removed.

A note the reader deletes while saves fail is gone from the copy, but still in the
notes file; a copy taken in later only added, and the note came back (helper N16).
The copy records, for each note deleted since its session last read or wrote the
notes file (the split), the version it deleted (``deletedSinceSaved``: id -> version).
Taking the copy in drops a note only when it is that very version here: a note
changed here since (another window, a later session) is kept, and so is one deleted
before the split (the notes file had it written away; someone put it back since).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Container, Iterable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any, Protocol

from app.core.annotations import Annotation
from app.core.notes_format import NotesDocument
from app.core.paths import RECOVERED_SUFFIX, fallback_notes_path
from app.core.storage import encode_notes, write_atomic

# In a copy's claimmark block: the notes deleted since the split, each with its version then.
DELETED_VERSIONS = "deletedSinceSaved"


class Changes(Protocol):
    """What a session changed since it last read or wrote the notes file
    (:class:`app.core.notes_merge.SyncState`): each note's version then (None: made since)."""

    @property
    def touched(self) -> Mapping[str, Annotation | None]: ...


def version(annotation: Annotation) -> str:
    """A note's version: what the reader wrote and when (positions and the quote's
    context aside, which a re-anchoring may change); two versions are one when this is."""
    a = annotation
    said = json.dumps([a.id, a.exact, a.label, a.note, list(a.sources), a.created, a.modified],
                      ensure_ascii=False)
    return hashlib.sha256(said.encode("utf-8")).hexdigest()[:24]


def with_deletions(doc: NotesDocument, changes: Changes | None) -> NotesDocument:
    """``doc`` recording the version of each note it deleted since the split."""
    base = changes.touched if changes is not None else {}
    gone = {ident: version(before) for ident in doc.deleted
            if (before := base.get(ident)) is not None}
    block = doc.collection.get("claimmark")
    ours: dict[str, Any] = dict(block) if isinstance(block, dict) else {}
    ours.pop(DELETED_VERSIONS, None)
    if gone:
        ours[DELETED_VERSIONS] = gone
    return replace(doc, collection={**doc.collection, "claimmark": ours})


def recorded_deletions(payload: Any) -> dict[str, str]:
    """What a copy (its JSON object, or the bytes of its file) records of the notes its
    session deleted since the split; {} when nothing (or not a copy of ours)."""
    if isinstance(payload, bytes):
        try:
            payload = json.loads(payload.decode("utf-8-sig"))
        except (ValueError, RecursionError):
            return {}
    block = payload.get("claimmark") if isinstance(payload, dict) else None
    recorded = block.get(DELETED_VERSIONS) if isinstance(block, dict) else None
    if not isinstance(recorded, dict):
        return {}
    return {k: v for k, v in recorded.items() if isinstance(k, str) and isinstance(v, str)}


def deleted_there(recorded: Mapping[str, str], here: Iterable[Annotation],
                  in_copy: Container[str]) -> set[str]:
    """The notes ``here`` that the copy's session deleted after the split, and that are
    still the version it deleted: gone when the copy is taken in. A note the copy holds
    (deleted, then put back) or changed here since is kept."""
    return {a.id for a in here if a.id not in in_copy and recorded.get(a.id) == version(a)}


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
           ours: bool = False, changes: Changes | None = None) -> tuple[Path | None, str]:
    """Write the copy; returns where (None when that failed too) and what to say.
    A copy already there that is not ``ours`` (this window's) is kept aside.
    ``changes``: the session's since the split (the deletions' versions are recorded)."""
    path = rescue_path(article_path)
    try:
        aside = None if ours else set_aside(path)
        write_copy(path, with_deletions(doc, changes))
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

    def failed(self, doc: NotesDocument, message: str, changes: Changes | None = None) -> str:
        """A save failed: write the copy; ``message`` with where it is. ``changes``:
        what the session changed since it last read or wrote the notes file."""
        self.unwritten = True
        self.path, said = rescue(self.article_path, doc, self.path is not None, changes)
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


def without_deleted(merged: Iterable[Annotation], here: Iterable[Annotation],
                    copy_ids: Container[str],
                    recorded: Mapping[str, str]) -> tuple[list[Annotation], int]:
    """``merged`` (a copy's notes, ``copy_ids``, taken in to the notes ``here``) less
    the notes the copy's session deleted after the split (``recorded``); and how many."""
    gone = deleted_there(recorded, here, copy_ids) if recorded else set()
    return [a for a in merged if a.id not in gone], len(gone)


def recovered_merge(here: Mapping[str, Annotation], copy: NotesDocument) -> list[Annotation]:
    """The recovery file taken in: its version wins for a note in both (a copy is
    written after the notes file it could not reach); the notes it deleted since
    the split are gone."""
    merged = dict(here)
    merged.update((a.id, a) for a in copy.annotations)
    kept, _ = without_deleted(merged.values(), here.values(), {a.id for a in copy.annotations},
                              recorded_deletions(copy.collection))
    return kept
