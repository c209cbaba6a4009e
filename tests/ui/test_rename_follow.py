"""The open article renamed on disk (tester T13, F2): followed when told for sure,
never a notes file re-created beside a path whose article is gone."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt

from app.core.notes_rescue import rescue_path
from tests.ui.conftest import open_article
from tests.ui.test_unsaved_notes import labels


def notes(article: Path) -> Path:
    return article.with_name(article.name + ".notes.json")


def status(window) -> str:
    return window.statusBar().currentMessage()


def test_article_and_notes_renamed_together_are_followed(qtbot, make_window, dialogs,
                                                          sample_copy: Path) -> None:
    window = make_window()
    open_article(qtbot, window, sample_copy)
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    new = sample_copy.with_name("renamed.md")
    sample_copy.rename(new)
    notes(sample_copy).rename(notes(new))
    qtbot.waitUntil(lambda: "renamed to renamed.md" in status(window), timeout=5000)
    qtbot.keyClick(window.view, Qt.Key.Key_J)
    qtbot.keyClick(window.view, Qt.Key.Key_3)
    assert labels(notes(new)) == ["advertising", "supported"]
    assert not notes(sample_copy).exists()  # T13: re-created beside no article
    assert "error" not in dialogs.kinds()
    assert window.session.article.source_path == str(new)


def test_an_article_renamed_alone_takes_its_notes_file_along(qtbot, make_window, dialogs,
                                                             sample_copy: Path) -> None:
    window = make_window()
    open_article(qtbot, window, sample_copy)
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    new = sample_copy.with_name("renamed.md")
    sample_copy.rename(new)
    qtbot.waitUntil(lambda: "renamed to renamed.md" in status(window), timeout=5000)
    assert labels(notes(new)) == ["supported"] and not notes(sample_copy).exists()
    qtbot.keyClick(window.view, Qt.Key.Key_J)
    qtbot.keyClick(window.view, Qt.Key.Key_2)
    assert labels(notes(new)) == ["supported", "uncertain"]
    window.close()
    assert "unsaved" not in dialogs.kinds()


def test_an_article_moved_to_another_folder_gets_no_notes_file_at_its_old_path(
        qtbot, make_window, dialogs, sample_copy: Path, tmp_path: Path) -> None:
    """Not told for sure: the notes are kept as for a failed save, and it is said."""
    window = make_window()
    open_article(qtbot, window, sample_copy)
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    other = tmp_path / "other"
    other.mkdir()
    shutil.move(sample_copy, other / sample_copy.name)
    shutil.move(notes(sample_copy), notes(other / sample_copy.name))
    qtbot.waitUntil(lambda: "gone" in status(window), timeout=5000)
    assert "no notes file is made" in status(window)
    qtbot.keyClick(window.view, Qt.Key.Key_J)
    qtbot.keyClick(window.view, Qt.Key.Key_2)
    assert not notes(sample_copy).exists()
    assert labels(rescue_path(sample_copy)) == ["supported", "uncertain"]
    assert "error" not in dialogs.kinds()  # the status bar said so: no dialog (T8)
    assert "no longer" in window.notes_location.text()
    window.close()
    assert [c for c in dialogs.calls if c[0] == "unsaved"]


def test_an_edit_before_the_rename_is_seen_is_written_beside_the_new_name(
        qtbot, make_window, dialogs, sample_copy: Path) -> None:
    window = make_window()
    open_article(qtbot, window, sample_copy)
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    new = sample_copy.with_name("renamed.md")
    sample_copy.rename(new)
    notes(sample_copy).rename(notes(new))
    qtbot.keyClick(window.view, Qt.Key.Key_J)
    qtbot.keyClick(window.view, Qt.Key.Key_2)  # at once: still the old name here
    assert not notes(sample_copy).exists()
    qtbot.waitUntil(lambda: "renamed to renamed.md" in status(window), timeout=5000)
    assert labels(notes(new)) == ["supported", "uncertain"]
    assert not rescue_path(sample_copy).exists()


def test_a_followed_rename_renames_the_recent_file_too(qtbot, make_window,
                                                       sample_copy: Path) -> None:
    """Helper N13's leftover: after a followed rename File ▸ Open Recent still
    offered the old name, which opens nothing."""
    window = make_window()
    open_article(qtbot, window, sample_copy)
    assert window.recent.paths()[0] == str(sample_copy)
    new = sample_copy.with_name("renamed.md")
    sample_copy.rename(new)
    qtbot.waitUntil(lambda: "renamed to renamed.md" in status(window), timeout=5000)
    assert window.recent.paths()[0] == str(new)
    assert str(sample_copy) not in window.recent.paths()
