"""export_clash: an export never replaces another annotated article (tester T15, F1)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.library import Library
from app.core.library_peek import known_notes_path
from app.core.paths import annotated_article_notes, export_clash, fallback_notes_path

TEXT = "Magnesium may help nerves. Buy it now."


@pytest.mark.parametrize("notes_name", [
    "victim.txt.notes.json", "victim.txt.notes.json.bak", "victim.txt.notes.recovered.json",
    "victim.txt.notes.recovered.json.bak"])
def test_an_article_with_notes_beside_it_is_refused(tmp_path: Path, notes_name: str) -> None:
    article, victim = tmp_path / "de.txt", tmp_path / "victim.txt"
    article.write_text(TEXT)
    victim.write_text(TEXT)
    (tmp_path / notes_name).write_text("{}")
    clash = export_clash(article, victim)
    assert clash is not None
    assert clash.startswith(f"{victim} is an annotated article") and notes_name in clash


def test_an_article_whose_notes_are_in_the_data_folder_is_refused(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text(TEXT)
    notes = fallback_notes_path(victim)
    notes.parent.mkdir(parents=True, exist_ok=True)
    notes.write_text("{}")
    assert annotated_article_notes(victim) == str(notes)
    assert export_clash(tmp_path / "de.txt", victim) is not None


def test_an_article_the_library_knows_is_refused(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text(TEXT)
    assert export_clash(tmp_path / "de.txt", victim) is None  # no notes, no library yet
    with Library() as library:  # the user's library (CLAIMMARK_HOME is a test folder)
        library.add([victim])
    assert known_notes_path(str(victim.resolve())) is not None
    clash = export_clash(tmp_path / "de.txt", victim)
    assert clash is not None and "in the library" in clash


def test_an_ordinary_file_or_a_new_name_is_no_clash(tmp_path: Path) -> None:
    article = tmp_path / "de.txt"
    article.write_text(TEXT)
    (tmp_path / "de-notes.html").write_text("<p>an earlier export</p>")
    (tmp_path / "other.txt").write_text(TEXT)  # an article nobody annotated
    for out in ("de-notes.html", "other.txt", "new.md"):
        assert export_clash(article, tmp_path / out) is None


def test_a_damaged_or_foreign_library_means_not_known(tmp_path: Path) -> None:
    (tmp_path / "lib.sqlite3").write_bytes(b"not a database at all" * 10)
    assert known_notes_path("/x/victim.txt", tmp_path / "lib.sqlite3") is None
    before = (tmp_path / "lib.sqlite3").read_bytes()
    assert known_notes_path("/x/victim.txt", tmp_path / "missing.sqlite3") is None
    assert not (tmp_path / "missing.sqlite3").exists()
    assert (tmp_path / "lib.sqlite3").read_bytes() == before
