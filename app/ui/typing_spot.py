"""Where the reader was typing, kept over a reload of the article.

When the article changes on disk the window reads it again; the note box is
emptied and disabled meanwhile, so Qt moves the keyboard elsewhere, and what
the reader went on typing after the reload went nowhere (tester T8: a note
being written while an editor saved the article lost every later keystroke).
The text box that had the keyboard gets it back, with its cursor where it
was (or at the end of a shorter text). When the text itself changed under
it (another window's words taken in, session 11), the cursor stays by the
words the reader typed: after the last of them before it.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QWidget

ALIGN_MAX = 40_000  # characters of both texts; past that the cursor keeps its index


@dataclass
class TypingSpot:
    widget: QWidget
    position: int
    text: str = ""

    @classmethod
    def capture(cls) -> TypingSpot | None:
        """The text box with the keyboard and its cursor, if one has it."""
        widget = QApplication.focusWidget()
        if isinstance(widget, QPlainTextEdit):
            return cls(widget, widget.textCursor().position(), widget.toPlainText())
        if isinstance(widget, QLineEdit):
            return cls(widget, widget.cursorPosition(), widget.text())
        return None

    def _position_in(self, now: str) -> int:
        """Where the cursor goes in ``now``: right after the last character
        before it that ``now`` still has (words taken in elsewhere in the text
        shift it with its own words)."""
        if now == self.text or len(now) + len(self.text) > ALIGN_MAX:
            return min(self.position, len(now))
        place = 0
        matcher = SequenceMatcher(None, self.text, now, autojunk=False)
        for old, new, size in matcher.get_matching_blocks():
            if old >= self.position:
                break
            place = new + min(size, self.position - old)
        return place

    def restore(self) -> None:
        """Give the box the keyboard back, if it can still take it (nothing to
        do while it has it and its text is as it was: a selection stays)."""
        widget = self.widget
        if not (widget.isVisible() and widget.isEnabled()):
            return
        now = widget.toPlainText() if isinstance(widget, QPlainTextEdit) else \
            widget.text() if isinstance(widget, QLineEdit) else ""
        if widget.hasFocus() and now == self.text:
            return
        widget.setFocus()
        if isinstance(widget, QPlainTextEdit):
            cursor = widget.textCursor()
            cursor.setPosition(self._position_in(widget.toPlainText()))
            cursor.clearSelection()
            widget.setTextCursor(cursor)
        elif isinstance(widget, QLineEdit):
            widget.setCursorPosition(self._position_in(widget.text()))
