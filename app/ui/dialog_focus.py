"""Where the keyboard goes when a dialog closes: back where the claim keys work.

Qt gives the focus back to the widget that had it before the dialog, so a
reader who had clicked into the note box, then imported or exported, typed
"j0k0" into the note instead of moving between claims. A dialog ends the
typing: after it, J/K/1/2/3/0 act on claims until the reader clicks into a box.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QListView, QStackedWidget, QWidget

from app.ui.claim_editor import ClaimEditor

# Window actions that show a dialog (the Library window: its ``closed`` signal).
DIALOG_ACTIONS = ("open", "import_notes", "export", "author", "start_fresh", "shortcuts",
                  "about")


class ClaimFocus(QObject):
    def __init__(self, stack: QStackedWidget, reader: QWidget, view: QWidget, claims: QListView,
                 editor: ClaimEditor, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._stack, self._reader = stack, reader
        self._view, self._claims, self._editor = view, claims, editor

    def restore(self) -> None:
        """The claim list if it had the keyboard, else the article (the start
        page, when shown, keeps its own focus). Works while the window is still
        inactive: Qt gives the window's focus widget the keys on activation."""
        if self._stack.currentWidget() is not self._reader:
            return
        self._editor.commit_note()
        had = self._reader.window().focusWidget()
        target = self._claims if had is self._claims else self._view
        target.setFocus(Qt.FocusReason.OtherFocusReason)
