"""Edit ▸ Undo/Redo name the step; an "&" in it is shown, not taken for a
menu letter (tester T11: "Import 3 notes from Q&A.json" read "Import 3 notes
from QA.json" with the A underlined, and Alt+A ran Undo)."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt

from tests.conftest import FIXTURES
from tests.ui.conftest import open_article

PAGE = FIXTURES / "import" / "magnesium-deficiency.html"
EXPORT = FIXTURES / "import" / "hypothesis-export.json"


def test_an_ampersand_in_the_undo_step_is_shown_as_one(qtbot, make_window, dialogs,
                                                       tmp_path: Path) -> None:
    page = tmp_path / PAGE.name
    shutil.copy(PAGE, page)
    notes = tmp_path / "Q&A notes.json"
    shutil.copy(EXPORT, notes)
    window = make_window()
    open_article(qtbot, window, page)
    dialogs.notes_answer = str(notes)
    window.actions["import_notes"].trigger()
    assert window.actions["undo"].text() == "&Undo Import 10 notes from Q&&A notes.json"
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.actions["redo"].text() == "&Redo Import 10 notes from Q&&A notes.json"
    assert window.actions["undo"].text() == "&Undo"
    window.annotator.undo_stack.redo()
    assert window.actions["redo"].text() == "&Redo"
