"""Where the reader was typing, kept over a reload of the article.

When the article changes on disk the window reads it again; the note box is
emptied and disabled meanwhile, so Qt moves the keyboard elsewhere, and what
the reader went on typing after the reload went nowhere (tester T8: a note
being written while an editor saved the article lost every later keystroke).
The text box that had the keyboard gets it back, with its cursor where it
was (or at the end of a shorter text).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QWidget


@dataclass
class TypingSpot:
    widget: QWidget
    position: int

    @classmethod
    def capture(cls) -> TypingSpot | None:
        """The text box with the keyboard and its cursor, if one has it."""
        widget = QApplication.focusWidget()
        if isinstance(widget, QPlainTextEdit):
            return cls(widget, widget.textCursor().position())
        if isinstance(widget, QLineEdit):
            return cls(widget, widget.cursorPosition())
        return None

    def restore(self) -> None:
        """Give the box the keyboard back, if it can still take it."""
        widget = self.widget
        if not (widget.isVisible() and widget.isEnabled()):
            return
        widget.setFocus()
        if isinstance(widget, QPlainTextEdit):
            cursor = widget.textCursor()
            cursor.setPosition(min(self.position, len(widget.toPlainText())))
            cursor.clearSelection()
            widget.setTextCursor(cursor)
        elif isinstance(widget, QLineEdit):
            widget.setCursorPosition(min(self.position, len(widget.text())))
