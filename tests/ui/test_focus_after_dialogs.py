"""After a dialog closes, the claim keys work again (J/K/1/2/3/0 act on claims,
never typed into the note box), and an import keeps the reader's place.

The dialogs here are real modal windows that take the keyboard focus, as a
file dialog does; the test then types as the reader would, into whatever
has the focus."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QVBoxLayout

from app.core.selectors import as_list
from app.ui.claim_model import LABEL_ROLE
from tests.conftest import FIXTURES
from tests.ui.conftest import FakeDialogs, open_article

PAGE = FIXTURES / "import" / "magnesium-deficiency.html"
EXPORT = FIXTURES / "import" / "hypothesis-export.json"


class ModalDialogs(FakeDialogs):
    """Answers like FakeDialogs, but each question is a real modal dialog with
    a text box that takes the focus while it is open."""

    def _modal(self) -> None:
        dialog = QDialog(self.parent)
        box = QLineEdit(dialog)
        QVBoxLayout(dialog).addWidget(box)
        seen: list[object] = []

        def close() -> None:
            seen.append(QApplication.focusWidget())
            dialog.accept()

        QTimer.singleShot(50, close)
        dialog.exec()
        assert seen and seen[0] is not None  # the dialog did take the keyboard

    def open_article_path(self, folder: str) -> str | None:
        self._modal()
        return super().open_article_path(folder)

    def open_notes_path(self, folder: str) -> str | None:
        self._modal()
        return super().open_notes_path(folder)

    def save_path(self, title: str, suggested: str, name_filter: str) -> str | None:
        self._modal()
        return super().save_path(title, suggested, name_filter)

    def choose(self, title: str, label: str, items: list[str], current: str = "") -> str | None:
        self._modal()
        return super().choose(title, label, items, current)


def _focused() -> object:
    return QApplication.focusWidget()


def _type(qtbot, text: str) -> None:
    """Keys as the reader presses them: to whatever has the focus."""
    for char in text:
        widget = _focused()
        assert widget is not None
        qtbot.keyClick(widget, char)


def _span(window) -> tuple[int, int]:
    target = window.navigator.current_target()
    assert target is not None
    return (target.start, target.end)


def _labels(window) -> list[str]:
    return [window.model.data(window.model.index(r), LABEL_ROLE)
            for r in range(window.model.rowCount())]


@pytest.mark.parametrize("dialog", ["import", "export", "open", "library"])
@pytest.mark.parametrize("note_focused", [False, True])
def test_claim_keys_work_after_any_dialog(qtbot, make_window, tmp_path: Path, dialog: str,
                                          note_focused: bool) -> None:
    page = tmp_path / PAGE.name
    shutil.copy(PAGE, page)
    dialogs = ModalDialogs()
    window = make_window()
    window.dialogs = dialogs
    window.documents._dialogs = dialogs
    window.exports._dialogs = dialogs
    dialogs.parent = window
    dialogs.notes_answer = str(EXPORT)
    dialogs.open_answer = None  # Cancel
    dialogs.choice = "Markdown (.md)"
    dialogs.save_answer = str(tmp_path / "out.md")
    open_article(qtbot, window, page)
    window.activateWindow()
    qtbot.waitUntil(lambda: _focused() is window.view)
    _type(qtbot, "jj3")  # the third claim is advertising
    assert window.navigator.current_source_row() == 2
    claim = _span(window)
    if note_focused:
        qtbot.mouseClick(window.editor.note.viewport(), Qt.MouseButton.LeftButton)
        assert _focused() is window.editor.note
        qtbot.keyClicks(window.editor.note, "Pitch.")
    shortcut = {"export": "Ctrl+E", "open": "Ctrl+O", "library": "Ctrl+L"}.get(dialog)
    if shortcut is None:
        window.actions["import_notes"].trigger()  # File ▸ Import Notes… (no key)
    else:
        qtbot.keyClick(_focused(), shortcut[-1], Qt.KeyboardModifier.ControlModifier)
    if dialog == "export":
        with qtbot.waitSignal(window.exported, timeout=15000):
            pass
    if dialog == "library":
        shelf = window.library.window
        qtbot.waitUntil(lambda: QApplication.activeWindow() is shelf)
        shelf.wait_for_sync()
        shelf.close()
    window.activateWindow()  # the window manager gives the window back its keyboard
    qtbot.waitUntil(lambda: _focused() is not None and _focused().window() is window)
    assert _span(window) == claim  # an import keeps the reader's place
    note_before = window.editor.note.toPlainText()
    _type(qtbot, "j0k0")
    assert "j0k0" not in window.editor.note.toPlainText()
    assert window.editor.note.toPlainText() == note_before
    assert _span(window) == claim
    assert _labels(window)[window.navigator.current_source_row()] == "none"
    assert _focused() in (window.view, window.list)
    notes = json.loads(page.with_name(page.name + ".notes.json").read_text())
    on_claim = [item for item in notes["first"]["items"]
                if {"type": "TextPositionSelector", "start": claim[0], "end": claim[1]}
                in as_list(as_list(item["target"])[0].get("selector"))]
    texts = [b["value"] for item in on_claim for b in item["body"]]
    assert "advertising" not in texts  # 3 then 0: the label was cleared
    assert texts == (["Pitch."] if note_focused else [])  # what was typed is kept
    assert not any("j0k0" in str(b) for item in notes["first"]["items"] for b in item["body"])


def test_a_note_typed_right_after_an_import_is_kept(qtbot, make_window, dialogs,
                                                   tmp_path: Path) -> None:
    """The import rebuilt the list; the editor must still stand for a row
    (before, it showed the old claim with no row behind it: the note went nowhere)."""
    page = tmp_path / PAGE.name
    shutil.copy(PAGE, page)
    window = make_window()
    open_article(qtbot, window, page)
    qtbot.keyClick(window.view, Qt.Key.Key_J)
    claim = _span(window)
    dialogs.notes_answer = str(EXPORT)
    window.actions["import_notes"].trigger()
    qtbot.mouseClick(window.editor.note.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(window.editor.note, "Typed after the import.")
    qtbot.keyClick(window.editor.note, Qt.Key.Key_Escape)
    assert _span(window) == claim
    notes = json.loads(page.with_name(page.name + ".notes.json").read_text())
    kept = [item for item in notes["first"]["items"]
            if {"type": "TextPositionSelector", "start": claim[0], "end": claim[1]}
            in as_list(as_list(item["target"])[0].get("selector"))]
    assert [b["value"] for item in kept for b in item["body"]] == ["Typed after the import."]


def test_claim_keys_work_after_the_question_asked_on_opening(qtbot, tmp_path: Path) -> None:
    """Tester T9 (under Xvfb, no window manager): after "Notes file not used"
    was answered, the claim keys did nothing — no window had the keyboard.
    Real dialogs here (DialogService); nothing activates the window but us."""
    from app.ui.application import create_application
    from app.ui.dialogs import DialogService
    from app.ui.main_window import MainWindow

    page = tmp_path / PAGE.name
    shutil.copy(PAGE, page)
    page.with_name(page.name + ".notes.json").write_text("{ damaged")
    create_application()
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    asked: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(50, answer)
            return
        asked.append(box.windowTitle())
        box.reject()  # Cancel: keep the damaged file, edits go to the recovery file

    QTimer.singleShot(50, answer)
    assert isinstance(window.dialogs, DialogService)
    open_article(qtbot, window, page)
    qtbot.waitUntil(lambda: asked == ["Notes file not used"], timeout=10000)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    _type(qtbot, "j3")
    recovered = page.with_name(page.name + ".notes.recovered.json")
    qtbot.waitUntil(recovered.exists, timeout=3000)
    assert "advertising" in recovered.read_text()
    window.documents.loader.wait()
