"""The note being typed, journaled at every keystroke, so a crash loses no word.

Tester T11: ``kill -9`` within ~0.5 s of typing lost the typing, since the
note box commits a note (an undo step and a save of the whole notes file)
only after a pause (``claim_editor.NOTE_IDLE_MS``). A save at every key
would write a 10,000-note file per keystroke and wake every other window
on the article. Instead each keystroke writes a small draft file in the
user data folder (``drafts/``: nothing appears beside the article), named
for the article and the writing process; a commit removes it. A draft left
by a process that is no longer running is what that process's reader typed
last, and the next window on the article takes it back (:func:`left_behind`).

A draft is written without ``fsync``: it survives the program dying at any
instant (the kernel keeps what was written), not a power cut — as Vim's swap
file, written far less often. The notes file itself keeps its full durability at every commit.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.core import userdirs
from app.core.annotation_jsonld import annotation_from_jsonld, annotation_to_jsonld
from app.core.annotations import Annotation
from app.core.note_conflicts import merge_text
from app.core.storage import process_alive

log = logging.getLogger(__name__)

DRAFT_VERSION = 1
MAX_DRAFT_BYTES = 4 * 1024 * 1024  # a draft is one note; anything bigger is not ours
_numbers = itertools.count(1)  # two windows of one process on one article


def drafts_folder() -> Path:
    return userdirs.data_dir() / "drafts"


def _key(article_path: str | os.PathLike[str]) -> str:
    absolute = os.path.abspath(article_path)
    return hashlib.sha256(absolute.encode("utf-8", "surrogatepass")).hexdigest()[:16]


@dataclass(frozen=True)
class Draft:
    """A note as it was being typed: ``before`` is the note as last saved
    (None: the note was new), ``draft`` with the words typed since."""

    paths: tuple[Path, ...]  # its writer's files, all removed once it is taken back
    before: Annotation | None
    draft: Annotation


class NoteJournal:
    """One window's draft of the note being typed, for one article.

    Each key writes a new file (``<article key>.<pid>.<window>.<sequence>.json``)
    and then removes the one before: a killed writer leaves the last whole
    draft, and at worst a torn newer one beside it. Replacing one file by a
    rename cost ~3 ms a key on ext4 (it starts writing the data back at every
    rename over a file); a new file and an unlink, ~0.1 ms.
    """

    def __init__(self, article_path: str | os.PathLike[str]) -> None:
        self._article = os.path.abspath(article_path)
        self._stem = f"{_key(article_path)}.{os.getpid()}.{next(_numbers)}"
        self._sequence = 0
        self.path: Path | None = None  # the draft now on disk

    def write(self, before: Annotation | None, draft: Annotation) -> None:
        """The new draft (never raises: a draft that cannot be written is
        logged; the note is still committed at the next pause)."""
        data = json.dumps({"claimmarkDraft": DRAFT_VERSION, "article": self._article,
                           "before": None if before is None else annotation_to_jsonld(before, ""),
                           "draft": annotation_to_jsonld(draft, "")}, ensure_ascii=False)
        self._sequence += 1
        path = drafts_folder() / f"{self._stem}.{self._sequence}.json"
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, flags, 0o600)
            try:
                view = memoryview(data.encode("utf-8"))
                while view:
                    view = view[os.write(fd, view):]
            finally:
                os.close(fd)
        except OSError as error:
            log.warning("could not write the draft %s: %s", path, error)
            return
        self.clear()
        self.path = path

    def clear(self) -> None:
        """The note is saved: no draft."""
        if self.path is not None:
            _remove(self.path)
            self.path = None


def left_behind(article_path: str | os.PathLike[str]) -> list[Draft]:
    """The drafts of ``article_path`` whose writer is no longer running (it
    died before committing them), oldest first. Of a writer's files the
    newest whole one is used; when none can be read they are set aside with
    the ending ``.unusable``."""
    folder = drafts_folder()
    prefix = _key(article_path) + "."
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    writers: dict[tuple[int, int], list[tuple[int, Path]]] = {}
    for name in names:
        parts = name[len(prefix):].split(".")
        if not (name.startswith(prefix) and len(parts) == 4 and parts[3] == "json"
                and all(part.isdigit() for part in parts[:3])):
            continue
        pid, window, sequence = (int(part) for part in parts[:3])
        if not process_alive(pid):
            writers.setdefault((pid, window), []).append((sequence, folder / name))
    found: list[tuple[int, Draft]] = []
    absolute = os.path.abspath(article_path)
    for files in writers.values():
        files.sort(reverse=True)
        paths = tuple(path for _sequence, path in files)
        for _sequence, path in files:
            try:
                draft = _read(path, absolute, paths)
            except (OSError, ValueError, TypeError, KeyError) as error:
                log.warning("draft %s not used: %s", path, error)
                continue
            if draft is not None:
                found.append((_mtime(path), draft))
            break
        else:
            for path in paths:
                _set_aside(path)
    return [draft for _mtime_ns, draft in sorted(found, key=lambda pair: pair[0])]


def forget(draft: Draft) -> None:
    """A draft taken back (or found already in the notes) is removed."""
    for path in draft.paths:
        _remove(path)


def _read(path: Path, article: str, paths: tuple[Path, ...]) -> Draft | None:
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    fd = os.open(path, flags)
    with os.fdopen(fd, "rb") as handle:
        if not os.path.isfile(path) or os.fstat(handle.fileno()).st_size > MAX_DRAFT_BYTES:
            raise ValueError("not a regular file of a draft's size")
        data: Any = json.loads(handle.read(MAX_DRAFT_BYTES + 1))
    if not isinstance(data, dict) or data.get("claimmarkDraft") != DRAFT_VERSION:
        raise ValueError("not a claimmark draft")
    if data.get("article") != article:
        return None  # another article whose path has the same key: not ours
    before = data["before"]
    return Draft(paths, None if before is None else annotation_from_jsonld(before),
                 annotation_from_jsonld(data["draft"]))


def _mtime(path: Path) -> int:
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return 0


def _remove(path: Path) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass
    except OSError as error:
        log.warning("could not remove the draft %s: %s", path, error)


def _set_aside(path: Path) -> None:
    try:
        os.replace(path, path.with_name(path.name + ".unusable"))
    except OSError:
        pass


def taken_back(draft: Draft, current: Annotation | None) -> Annotation | None:
    """The note with the draft's words (None: the notes already hold them).

    ``current`` is the note as the notes file has it now (None: not there).
    Only the text was being typed, so the note keeps everything else as it is
    now (fields claimmark does not model included); the words typed since
    the last save are merged with what another window saved meanwhile
    (``note_conflicts.merge_text``). A note deleted since comes back with the
    words (a change wins over a deletion, as between two windows)."""
    words = draft.draft.note
    if current is None:
        return draft.draft
    if current.note == words:
        return None
    text, _clean = merge_text(draft.before.note if draft.before else "", words, current.note)
    return None if text == current.note else current.edited(note=text)
