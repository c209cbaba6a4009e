"""A notes file whose article is not beside it (the article renamed or moved
alone) is named by the library, not silently left out: its notes are no longer
found by a search, and a librarian with many files would not know why."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.core.annotations import annotation_for_span
from app.core.library import Library
from app.core.loaders import load_article
from app.core.notes_format import ArticleRef, NotesDocument
from app.core.storage import NotesStore
from tests.core.conftest import LIBRARY_SPANS, LIBRARY_TEXT

pytestmark = pytest.mark.usefixtures("data_dir")


def reviewed(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(LIBRARY_TEXT, encoding="utf-8")
    NotesStore(path).save(NotesDocument(ArticleRef(path.name, load_article(path).sha256), [
        annotation_for_span(LIBRARY_TEXT, *LIBRARY_SPANS[0], label="supported", note="zinc")]))
    return path


def test_notes_files_without_their_article_are_named(tmp_path: Path) -> None:
    root = tmp_path / "reviews"
    reviewed(root / "kept.txt")
    moved = reviewed(root / "deep" / "zinc.txt")
    other = reviewed(root / "paper.docx")  # not an article format, but it is there
    (root / ".hidden.txt.notes.json").write_text("{}")
    (root / "deep" / "zinc.txt.notes.json.bak").write_text("{}")
    with Library(tmp_path / "lib.sqlite3") as library:
        report = library.add([root])
        assert report.lost_notes == []
        os.rename(moved, root / "deep" / "zinc-2026.txt")  # the article alone
        report = library.sync()
        assert report.lost_notes == [f"{moved}.notes.json"]
        assert report.problems == [] and other.exists()
        assert [Path(h.path).name for h in library.search("zinc")] == ["kept.txt"]
        os.rename(f"{moved}.notes.json", root / "deep" / "zinc-2026.txt.notes.json")
        report = library.sync()
        assert report.lost_notes == []
        assert sorted(Path(h.path).name for h in library.search("zinc")) == [
            "kept.txt", "zinc-2026.txt"]
