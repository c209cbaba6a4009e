"""Telling for sure where an open article was renamed (tester T13, F2)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.core.renamed import identity, move_notes_along, refuse_beside_gone, renamed_to
from app.core.storage import NotesSaveError


def test_the_one_file_with_the_same_inode_in_the_folder_is_the_article(tmp_path: Path) -> None:
    old = tmp_path / "a.txt"
    old.write_text("x")
    (tmp_path / "b.txt").write_text("x")  # same text, another file: not it
    known = identity(old)
    new = tmp_path / "c.txt"
    old.rename(new)
    assert renamed_to(old, known) == new


def test_nothing_is_followed_when_it_cannot_be_told(tmp_path: Path) -> None:
    old = tmp_path / "a.txt"
    old.write_text("x")
    known = identity(old)
    assert renamed_to(old, known) is None  # still there
    os.link(old, tmp_path / "b.txt")
    old.rename(tmp_path / "c.txt")
    assert renamed_to(old, known) is None  # two names for it: which one?
    (tmp_path / "b.txt").unlink()
    (tmp_path / "c.txt").unlink()
    copy = tmp_path / "d.txt"
    copy.write_text("x")  # a copy made later: not the same file, even given its inode
    os.utime(copy, ns=(known[3] + 10**9, known[3] + 10**9) if known else None)
    assert renamed_to(old, known) is None
    assert renamed_to(old, None) is None


def test_a_notes_file_left_behind_moves_along_but_never_over_another(tmp_path: Path) -> None:
    old, new = tmp_path / "a.txt", tmp_path / "b.txt"
    (tmp_path / "a.txt.notes.json").write_text("old")
    (tmp_path / "a.txt.notes.json.bak").write_text("bak")
    assert move_notes_along(old, new) == tmp_path / "b.txt.notes.json"
    assert (tmp_path / "b.txt.notes.json").read_text() == "old"
    assert (tmp_path / "b.txt.notes.json.bak").read_text() == "bak"
    (tmp_path / "a.txt.notes.json").write_text("other")
    assert move_notes_along(old, new) is None  # renamed alongside: left as it is
    assert (tmp_path / "b.txt.notes.json").read_text() == "old"
    assert (tmp_path / "a.txt.notes.json").read_text() == "other"


def test_no_notes_file_is_made_beside_an_article_that_is_gone(tmp_path: Path) -> None:
    article, notes = tmp_path / "a.txt", tmp_path / "a.txt.notes.json"
    with pytest.raises(NotesSaveError, match="no longer"):
        refuse_beside_gone(article, notes)
    notes.write_text("{}")
    refuse_beside_gone(article, notes)  # the file is there: it is still the notes file
    notes.unlink()
    article.write_text("x")
    refuse_beside_gone(article, notes)
