"""A save that fails leaves no note only in memory (tester T13, F1)."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.core.notes_rescue import rescue_path
from tests.ui.conftest import open_article


def labels(path: Path) -> list[str]:
    items = json.loads(path.read_text())["first"]["items"]
    return sorted(b["value"] for item in items for b in item["body"]
                  if b["purpose"] == "classifying")


def test_a_label_made_after_the_folder_was_renamed_is_kept_and_quitting_asks(
        qtbot, make_window, dialogs, sample_copy: Path, tmp_path: Path) -> None:
    """T13 F1: folder renamed under the open window, a label, Ctrl+Q: the label
    was only in memory and the window quit without a word."""
    window = make_window()
    open_article(qtbot, window, sample_copy)
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    folder = sample_copy.parent
    moved = folder.with_name("articles-moved")
    folder.rename(moved)
    qtbot.keyClick(window.view, Qt.Key.Key_J)
    qtbot.keyClick(window.view, Qt.Key.Key_2)
    copy = rescue_path(sample_copy)
    assert labels(copy) == ["supported", "uncertain"]  # on disk, not only in memory
    errors = [c for c in dialogs.calls if c[0] == "error"]
    assert errors and str(copy) in errors[-1][2]
    assert labels(moved / (sample_copy.name + ".notes.json")) == ["supported"]
    dialogs.close_answers = ["cancel"]
    window.close()
    assert window.isVisible()  # Cancel: still open
    asked = [c for c in dialogs.calls if c[0] == "unsaved"]
    assert len(asked) == 1 and str(copy) in asked[0][2]
    elsewhere = tmp_path / "elsewhere.json"
    dialogs.close_answers = ["save"]
    dialogs.save_answer = str(elsewhere)
    window.close()
    assert not window.isVisible()
    assert labels(elsewhere) == ["supported", "uncertain"]


def test_the_copy_goes_once_the_notes_file_is_written_again(
        qtbot, make_window, dialogs, sample_copy: Path) -> None:
    window = make_window()
    open_article(qtbot, window, sample_copy)
    folder = sample_copy.parent
    moved = folder.with_name("articles-moved")
    folder.rename(moved)
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    assert rescue_path(sample_copy).exists()
    moved.rename(folder)
    qtbot.keyClick(window.view, Qt.Key.Key_J)
    qtbot.keyClick(window.view, Qt.Key.Key_3)
    assert labels(sample_copy.with_name(sample_copy.name + ".notes.json")) == [
        "advertising", "supported"]
    assert not rescue_path(sample_copy).exists()
    window.close()
    assert "unsaved" not in dialogs.kinds()  # written: nothing to ask


def test_the_copy_is_offered_at_the_next_opening(qtbot, make_window, dialogs,
                                                 sample_copy: Path) -> None:
    window = make_window()
    open_article(qtbot, window, sample_copy)
    folder = sample_copy.parent
    moved = folder.with_name("articles-moved")
    folder.rename(moved)
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    window.close()
    moved.rename(folder)
    dialogs.confirm_answer = True
    again = make_window()
    open_article(qtbot, again, sample_copy)
    qtbot.waitUntil(lambda: "confirm" in dialogs.kinds(), timeout=5000)
    assert labels(sample_copy.with_name(sample_copy.name + ".notes.json")) == ["supported"]


def test_a_read_only_notes_folder_with_no_data_folder_either_asks_before_quitting(
        qtbot, make_window, dialogs, sample_copy: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Neither beside the article nor in the data folder: Save elsewhere… is
    the only place left, and the question says no copy was written."""
    window = make_window()
    open_article(qtbot, window, sample_copy)
    real_open = os.open
    denied = (str(sample_copy.parent), str(tmp_path / "user-data"))

    def deny(path, flags, *args):
        if str(path).startswith(denied) and flags & os.O_CREAT:
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", deny)
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    assert not sample_copy.with_name(sample_copy.name + ".notes.json").exists()
    elsewhere = tmp_path / "elsewhere.json"
    dialogs.close_answers = ["save"]
    dialogs.save_answer = str(elsewhere)
    window.close()
    asked = [c for c in dialogs.calls if c[0] == "unsaved"]
    assert len(asked) == 1 and "No copy could be written" in asked[0][2]
    assert labels(elsewhere) == ["supported"]


def test_a_read_only_notes_folder_saves_to_the_data_folder_and_quits_unasked(
        qtbot, make_window, dialogs, sample_copy: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window()
    open_article(qtbot, window, sample_copy)
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    real_open = os.open
    folder = str(sample_copy.parent)

    def deny(path, flags, *args):
        if str(path).startswith(folder) and flags & os.O_CREAT:
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", deny)
    qtbot.keyClick(window.view, Qt.Key.Key_J)
    qtbot.keyClick(window.view, Qt.Key.Key_2)
    saved = list((tmp_path / "user-data").rglob("*.notes.json"))
    assert len(saved) == 1 and labels(saved[0]) == ["supported", "uncertain"]
    window.close()
    assert "unsaved" not in dialogs.kinds() and not window.isVisible()


def test_closing_tries_once_more_before_asking(qtbot, make_window, dialogs,
                                               sample_copy: Path) -> None:
    window = make_window()
    open_article(qtbot, window, sample_copy)
    folder = sample_copy.parent
    moved = folder.with_name("articles-moved")
    folder.rename(moved)
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    moved.rename(folder)  # back before quitting: written then, nothing to ask
    window.close()
    assert "unsaved" not in dialogs.kinds() and not window.isVisible()
    assert labels(sample_copy.with_name(sample_copy.name + ".notes.json")) == ["supported"]
    assert not rescue_path(sample_copy).exists()
