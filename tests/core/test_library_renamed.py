"""An article renamed together with its notes file is still one another's in the
library, as in the window and the CLI (tester T10: the library refused the pair
until the window saved it): the notes were recorded on this very text (sha256).
Another text under another name is still refused, everywhere alike."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.core.annotations import annotation_for_span
from app.core.library import Library
from app.core.loaders import load_article
from app.core.notes_format import ArticleRef, NotesDocument
from app.core.storage import NotesFileError, NotesStore
from tests.core.conftest import LIBRARY_SPANS, LIBRARY_TEXT

pytestmark = pytest.mark.usefixtures("data_dir")


def reviewed(path: Path, text: str = LIBRARY_TEXT) -> Path:
    """An article and its notes as the window saves them (its name and text hash)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    marks = [(0, "supported", "zinc textbook"), (2, "advertising", "zinc pitch")]
    annotations = [annotation_for_span(text, *LIBRARY_SPANS[i], label=label, note=note)
                   for i, label, note in marks]
    NotesStore(path).save(NotesDocument(
        ArticleRef(path.name, load_article(path).sha256, "Zinc", "txt"), annotations))
    return path


def rename_pair(old: Path, new: Path) -> None:
    os.rename(old, new)
    os.rename(f"{old}.notes.json", f"{new}.notes.json")


def window_accepts(path: Path) -> bool:
    """What the window and ``claimmark notes`` do with the pair."""
    try:
        NotesStore(path).load(None, load_article(path).sha256)
    except NotesFileError:
        return False
    return True


@pytest.mark.parametrize("indexed_before", [False, True])
def test_a_renamed_pair_is_taken_by_the_library(tmp_path: Path, indexed_before: bool) -> None:
    folder = tmp_path / "reviews"
    old = reviewed(folder / "zinc.txt")
    with Library(tmp_path / "lib.sqlite3") as library:
        if indexed_before:
            library.add([folder])
        rename_pair(old, folder / "zinc-renamed.txt")
        report = library.add([folder]) if not indexed_before else library.sync()
        entries = {Path(e.path).name: e for e in library.articles()}
        hits = library.search("zinc")
    assert window_accepts(folder / "zinc-renamed.txt")
    assert report.problems == []
    assert set(entries) == {"zinc-renamed.txt"}
    entry = entries["zinc-renamed.txt"]
    assert entry.problem is None and entry.notes == 2
    assert entry.counts == {"supported": 1, "uncertain": 0, "advertising": 1}
    assert {Path(h.path).name for h in hits} == {"zinc-renamed.txt"} and len(hits) == 2


def test_another_text_under_another_name_is_still_refused_alike(tmp_path: Path) -> None:
    folder = tmp_path / "reviews"
    old = reviewed(folder / "zinc.txt")
    rename_pair(old, folder / "iron.txt")
    (folder / "iron.txt").write_text(LIBRARY_TEXT + " Iron is a metal.", encoding="utf-8")
    notes = folder / "iron.txt.notes.json"
    before = notes.read_bytes()
    with Library(tmp_path / "lib.sqlite3") as library:
        report = library.add([folder])
        entries = {Path(e.path).name: e for e in library.articles()}
    assert not window_accepts(folder / "iron.txt")
    assert [Path(p).name for p, _ in report.problems] == ["iron.txt.notes.json"]
    assert "belongs to another article (zinc.txt)" in report.problems[0][1]
    assert entries["iron.txt"].notes == 0 and entries["iron.txt"].problem
    assert notes.read_bytes() == before  # never written


def test_a_pair_whose_article_cannot_be_read_is_refused(tmp_path: Path) -> None:
    """No text to compare: the recorded name decides, as before."""
    folder = tmp_path / "reviews"
    old = reviewed(folder / "zinc.txt")
    rename_pair(old, folder / "zinc-renamed.txt")
    (folder / "zinc-renamed.txt").write_bytes(b"\x00\x01\x02binary" * 100)
    with Library(tmp_path / "lib.sqlite3") as library:
        report = library.add([folder])
    assert any("belongs to another article" in why for _, why in report.problems)


def test_the_lean_reader_takes_the_pair_and_asks_the_hash_only_then(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from app.core import library_notes

    folder = tmp_path / "reviews"
    old = reviewed(folder / "zinc.txt")
    sha = load_article(old).sha256
    asked: list[str] = []

    def text_hash() -> str:
        asked.append("asked")
        return sha

    assert len(library_notes.notes_rows(f"{old}.notes.json", "zinc.txt", text_hash)[2]) == 2
    assert asked == []  # same name: no article is loaded for it
    rename_pair(old, folder / "zinc-renamed.txt")

    def general(*_args: object) -> None:
        raise AssertionError("the general reader was not needed")

    monkeypatch.setattr(library_notes, "_general_rows", general)
    title, fmt, rows = library_notes.notes_rows(f"{folder / 'zinc-renamed.txt'}.notes.json",
                                                "zinc-renamed.txt", text_hash)
    assert (title, fmt, len(rows), asked) == ("Zinc", "txt", 2, ["asked"])


def test_a_root_that_is_gone_is_named_until_it_is_removed(tmp_path: Path) -> None:
    folder = tmp_path / "reviews"
    reviewed(folder / "zinc.txt")
    single = reviewed(tmp_path / "loose" / "copper.txt")
    with Library(tmp_path / "lib.sqlite3") as library:
        library.add([folder, single])
        assert library.missing_roots() == []
        folder.rename(tmp_path / "moved")
        library.sync()
        assert library.missing_roots() == [str(folder)]
        assert [Path(e.path).name for e in library.articles()] == ["copper.txt"]
        library.remove([folder])
        assert library.missing_roots() == []
