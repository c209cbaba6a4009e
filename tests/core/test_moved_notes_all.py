"""Every old path holding this article's notes is offered, not only the newest
(helper N16): moved twice, each folder's notes are found and taken in together,
a note in several files in the version edited last; Not now's paths are passed over."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest

from app.core.article import text_sha256
from app.core.moved_notes import find_moved_notes, gather
from app.core.notes_format import NotesDocument
from app.core.notes_merge import SyncState
from app.core.notes_rescue import Rescue, rescue_path
from app.core.paths import fallback_notes_path, notes_path_beside
from tests.core.test_moved_notes import SENTENCES, TEXT, notes_on, write

pytestmark = pytest.mark.usefixtures("data_dir")


def dated(path: Path, seconds: int) -> Path:
    os.utime(path, ns=(seconds * 10**9, seconds * 10**9))
    return path


def moved_twice(tmp_path: Path) -> tuple[Path, Path, Path]:
    """``a/study.html`` moved to ``b/``, then to ``c/``: (a, b, c)."""
    a, b, c = (tmp_path / name / "study.html" for name in "abc")
    c.parent.mkdir(parents=True)
    c.write_text(TEXT, encoding="utf-8")
    return a, b, c


def test_every_old_path_with_notes_of_this_text_is_offered(tmp_path: Path) -> None:
    a, b, c = moved_twice(tmp_path)
    first = dated(write(notes_path_beside(a), notes_on(TEXT, SENTENCES[:2])), 1000)
    second = dated(write(fallback_notes_path(b), notes_on(TEXT, SENTENCES[2:3])), 2000)
    found = find_moved_notes(c, text_sha256(TEXT), [str(b), str(a)])
    assert found is not None
    assert found.paths == (second, first) and found.count == 1 and found.total == 3
    gathered = gather(found.paths)
    assert len(gathered.items) == 3 and gathered.unread == []


def test_a_note_in_several_files_is_taken_in_the_version_edited_last(tmp_path: Path) -> None:
    a, b, c = moved_twice(tmp_path)
    doc = notes_on(TEXT, SENTENCES[:1])
    later = replace(doc.annotations[0], note="edited later", modified="2999-01-01T00:00:00Z")
    edited = NotesDocument(doc.article, [later])
    dated(write(notes_path_beside(a), edited), 1000)  # the older file, the later edit
    dated(write(notes_path_beside(b), doc), 2000)
    found = find_moved_notes(c, text_sha256(TEXT), [str(b), str(a)])
    assert found is not None and found.total == 1 and len(found.paths) == 2
    gathered = gather(found.paths)
    assert [n.note for n in gathered.notes] == ["edited later"]


def test_a_note_a_rescue_copy_deleted_is_not_brought_back_by_an_older_file(
        tmp_path: Path) -> None:
    """The old notes file holds it; the copy written after it deleted it: left out. A
    version changed since the copy's split stays."""
    a, _b, c = moved_twice(tmp_path)
    doc = notes_on(TEXT, SENTENCES[:3])
    dated(write(notes_path_beside(a), doc), 1000)
    sync = SyncState()
    gone = doc.annotations[1]
    sync.touch(gone.id, gone)
    Rescue(a).failed(NotesDocument(doc.article, [doc.annotations[0]], deleted=(gone.id,)),
                     "cannot save", sync)
    dated(rescue_path(a), 2000)
    found = find_moved_notes(c, text_sha256(TEXT), [str(a)])
    assert found is not None and found.paths == (rescue_path(a), notes_path_beside(a))
    assert {n.id for n in gather(found.paths).notes} == {doc.annotations[0].id,
                                                         doc.annotations[2].id}
    changed = NotesDocument(doc.article, [doc.annotations[0], gone.edited(note="since"),
                                          doc.annotations[2]])
    dated(write(notes_path_beside(a), changed), 1000)
    assert len(gather(found.paths).notes) == 3


def test_the_paths_said_not_now_to_are_passed_over(tmp_path: Path) -> None:
    a, b, c = moved_twice(tmp_path)
    first = dated(write(notes_path_beside(a), notes_on(TEXT, SENTENCES[:2])), 1000)
    second = dated(write(notes_path_beside(b), notes_on(TEXT, SENTENCES[2:3])), 2000)
    found = find_moved_notes(c, text_sha256(TEXT), [str(b), str(a)], declined={str(second)})
    assert found is not None and found.paths == (first,)
    assert find_moved_notes(c, text_sha256(TEXT), [str(b), str(a)],
                            declined={str(first), str(second)}) is None


def test_a_file_that_cannot_be_read_at_taking_in_is_named_the_others_taken(
        tmp_path: Path) -> None:
    a, b, c = moved_twice(tmp_path)
    first = dated(write(notes_path_beside(a), notes_on(TEXT, SENTENCES[:2])), 1000)
    second = dated(write(notes_path_beside(b), notes_on(TEXT, SENTENCES[2:3])), 2000)
    found = find_moved_notes(c, text_sha256(TEXT), [str(b), str(a)])
    assert found is not None
    first.write_text("{", encoding="utf-8")  # damaged since it was found
    gathered = gather(found.paths)
    assert len(gathered.notes) == 1 and [p for p, _ in gathered.unread] == [first]
    assert second in found.paths
