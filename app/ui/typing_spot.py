"""Where the reader was typing, kept over a reload of the article.

When the article changes on disk the window reads it again; the note box is
emptied and disabled meanwhile, so Qt moves the keyboard elsewhere, and what
the reader went on typing after the reload went nowhere (tester T8: a note
being written while an editor saved the article lost every later keystroke).
The text box that had the keyboard gets it back, with its cursor where it
was (or at the end of a shorter text). When the text itself changed under
it (another window's words taken in, session 11), the cursor stays by the
words the reader typed: after the same text before it, or before the same
text after it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QWidget


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
        before, after = self.text[:self.position], self.text[self.position:]
        if now.startswith(before):
            return len(before)
        if after and now.endswith(after):
            return len(now) - len(after)
        found = now.find(before) if before else -1
        return found + len(before) if found >= 0 else min(self.position, len(now))

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
