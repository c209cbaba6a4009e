"""The note being typed is journaled at every keystroke (core/notes_draft.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.core import notes_draft
from app.core.annotations import annotation_for_span
from app.core.note_conflicts import SEPARATOR
from app.core.notes_draft import NoteJournal, forget, left_behind, taken_back

TEXT = "Magnesium may help. Doctors agree. Buy it now."


@pytest.fixture
def dead_pid() -> int:
    """The id of a process that has ended (as after kill -9)."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def as_dead(journal: NoteJournal, pid: int) -> Path:
    """The journal's file as if another process, now gone, had written it."""
    assert journal.path is not None
    name = journal.path.name.split(".")
    moved = journal.path.with_name(".".join([name[0], str(pid), *name[2:]]))
    os.replace(journal.path, moved)
    return moved


def test_a_draft_is_left_behind_only_by_a_process_that_is_gone(tmp_path: Path,
                                                                dead_pid: int) -> None:
    article = tmp_path / "a.txt"
    note = annotation_for_span(TEXT, 0, 19, label="uncertain")
    journal = NoteJournal(article)
    journal.write(note, note.edited(note="Which tri"))
    journal.write(note, note.edited(note="Which trial?"))
    assert left_behind(article) == []  # this process is running: its own window's
    path = as_dead(journal, dead_pid)
    (draft,) = left_behind(article)
    assert draft.draft.note == "Which trial?" and draft.before == note
    assert left_behind(tmp_path / "b.txt") == []
    forget(draft)
    assert not path.exists() and left_behind(article) == []


def test_a_commit_removes_the_draft(tmp_path: Path) -> None:
    note = annotation_for_span(TEXT, 0, 19)
    journal = NoteJournal(tmp_path / "a.txt")
    journal.write(None, note.edited(note="x"))
    journal.write(None, note.edited(note="xy"))
    assert journal.path is not None and journal.path.exists()
    assert len(list(notes_draft.drafts_folder().iterdir())) == 1  # each key's replaces the last
    journal.clear()
    assert journal.path is None
    assert list(notes_draft.drafts_folder().iterdir()) == []


def test_two_windows_of_one_process_keep_two_drafts(tmp_path: Path) -> None:
    note = annotation_for_span(TEXT, 0, 19)
    one, two = NoteJournal(tmp_path / "a.txt"), NoteJournal(tmp_path / "a.txt")
    one.write(None, note.edited(note="x"))
    two.write(None, note.edited(note="y"))
    assert one.path != two.path and one.path.exists() and two.path.exists()


def test_a_torn_newest_draft_falls_back_to_the_one_before(tmp_path: Path,
                                                          dead_pid: int) -> None:
    """Killed in the middle of writing a key's draft: the previous key's is
    still there (it is removed only after the new one is written)."""
    note = annotation_for_span(TEXT, 0, 19)
    journal = NoteJournal(tmp_path / "a.txt")
    journal.write(None, note.edited(note="Which trial"))
    older = as_dead(journal, dead_pid)
    torn = older.with_name(older.name.replace(".1.json", ".2.json"))
    torn.write_text('{"claimmarkDraft": 1, "article": "')
    (draft,) = left_behind(tmp_path / "a.txt")
    assert draft.draft.note == "Which trial"
    forget(draft)
    assert not older.exists() and not torn.exists()


def test_an_unreadable_draft_is_set_aside_not_used(tmp_path: Path, dead_pid: int) -> None:
    journal = NoteJournal(tmp_path / "a.txt")
    journal.write(None, annotation_for_span(TEXT, 0, 19, note="x"))
    path = as_dead(journal, dead_pid)
    path.write_text("{not json")
    assert left_behind(tmp_path / "a.txt") == []
    assert path.with_name(path.name + ".unusable").exists()


def test_taken_back_merges_the_typed_words_with_what_was_saved_since() -> None:
    base = annotation_for_span(TEXT, 0, 19, note="Check.")
    draft = notes_draft.Draft(Path("x"), base, base.edited(note="Check. Which trial?"))
    assert taken_back(draft, base).note == "Check. Which trial?"
    assert taken_back(draft, base.edited(note="Check. Which trial?")) is None
    theirs = base.edited(note="Check.", label="advertising")  # label changed elsewhere
    assert taken_back(draft, theirs).label == "advertising"
    both = taken_back(draft, base.edited(note="Funded by the maker."))
    assert "Which trial?" in both.note and "Funded by the maker." in both.note
    assert SEPARATOR in both.note or both.note.count("Check") <= 1
    assert taken_back(draft, None) == draft.draft  # deleted since: the words win
