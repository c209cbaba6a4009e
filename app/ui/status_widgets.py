"""The status bar: its permanent widgets (where the notes are, loading and
export progress) and what it says of an export.

Signals (ExportStatus):
    exported(str): notes were exported to this path.
"""

from __future__ import annotations

import html
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QRect, Qt, Signal
from PySide6.QtGui import QAction, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QStatusBar,
    QStyle,
    QStyleOption,
    QWidget,
)

from app.ui.button_style import outline_buttons
from app.ui.dialogs import DialogService
from app.ui.export_service import ExportService

HISTORY = 50  # messages kept for Help ▸ Recent Messages


class MessageBar(QStatusBar):
    """A status bar whose message, when longer than its room, ends in "…" and
    is whole in the tooltip (tester T11: cut off mid-word in an 800-pixel
    window). ``currentMessage()`` stays what the window said.

    A tooltip needs a mouse: the bar also keeps the last messages for Help ▸
    Recent Messages, and gives the current one whole to screen readers as its
    accessible description."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.permanent: list[QWidget] = []  # the widgets on its right, left to right
        self.history: deque[tuple[float, str]] = deque(maxlen=HISTORY)  # (time, message)
        self.messageChanged.connect(self._said)

    def _said(self, text: str) -> None:
        self._update_tip()
        self.setAccessibleDescription(text)
        if text and (not self.history or self.history[-1][1] != text):
            self.history.append((time.time(), text))

    def history_html(self) -> str:
        """The kept messages, newest first, each with the time it was said."""
        if not self.history:
            return "<p>Nothing has been said yet.</p>"
        rows = "".join(
            f"<tr><td>{time.strftime('%H:%M:%S', time.localtime(when))}</td>"
            f"<td>{html.escape(text)}</td></tr>" for when, text in reversed(self.history))
        return f"<table cellpadding='3'>{rows}</table>"

    def message_rect(self) -> QRect:
        """Where the message is drawn: up to the first permanent widget shown
        (as QStatusBar draws it)."""
        right = self.width() - 12
        for widget in self.permanent:
            if widget.isVisible():
                right = min(right, widget.x() - 2)
                break
        return QRect(6, 0, max(0, right - 6), self.height())

    def shown_message(self) -> str:
        text = self.currentMessage()
        return self.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight,
                                             self.message_rect().width())

    def _update_tip(self) -> None:
        text = self.currentMessage()
        self.setToolTip(text if text and self.shown_message() != text else "")

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._update_tip()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        text = self.currentMessage()
        shown = self.shown_message()
        if shown == text:
            super().paintEvent(event)
            return
        painter = QPainter(self)
        option = QStyleOption()
        option.initFrom(self)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_PanelStatusBar, option, painter,
                                   self)
        painter.setPen(self.palette().windowText().color())
        painter.drawText(self.message_rect(), Qt.AlignmentFlag.AlignLeading
                         | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextSingleLine, shown)
        painter.end()


@dataclass(frozen=True)
class StatusWidgets:
    bar: QStatusBar
    notes_location: QLabel
    progress_bar: QProgressBar
    export_progress: QProgressBar
    cancel_export: QPushButton


def build_status_widgets(window: QMainWindow) -> StatusWidgets:
    """Give ``window`` a status bar with its widgets (loading and export ones hidden)."""
    bar = MessageBar(window)
    window.setStatusBar(bar)
    notes_location = QLabel(window)
    notes_location.setObjectName("notesLocation")
    progress_bar = QProgressBar(window)
    progress_bar.setObjectName("loadProgress")
    progress_bar.setMaximumWidth(180)
    progress_bar.setRange(0, 1000)
    progress_bar.hide()
    export_progress = QProgressBar(window)
    export_progress.setObjectName("exportProgress")
    export_progress.setMaximumWidth(180)
    export_progress.setRange(0, 100)
    export_progress.setFormat("Exporting %p%")
    export_progress.hide()
    cancel_export = QPushButton("Cancel export", window)
    cancel_export.setObjectName("cancelExport")
    outline_buttons(cancel_export, padding="2px 8px")
    cancel_export.hide()
    # Room for the export widgets from the start: a status bar that grows
    # when they appear would re-lay out a whole book in the view (~100 ms).
    status = window.statusBar()
    status.setMinimumHeight(cancel_export.sizeHint().height() + 6)
    cancel_export.setMaximumHeight(cancel_export.sizeHint().height())
    bar.permanent = [notes_location, progress_bar, export_progress, cancel_export]
    for widget in bar.permanent:
        status.addPermanentWidget(widget)
    return StatusWidgets(status, notes_location, progress_bar, export_progress, cancel_export)


class ExportStatus(QObject):
    """File ▸ Export… as the window shows it: the action off while one runs,
    its percentage and Cancel, the outcome or the reason it failed."""

    exported = Signal(str)

    def __init__(self, exports: ExportService, action: QAction, widgets: StatusWidgets,
                 dialogs: DialogService, has_article: Callable[[], bool],
                 restore_focus: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._exports, self._action, self._w, self._dialogs = exports, action, widgets, dialogs
        self._has_article, self._restore_focus = has_article, restore_focus
        exports.started.connect(self._started)
        exports.progress.connect(widgets.export_progress.setValue)
        exports.finished.connect(self._finished)
        exports.failed.connect(self._failed)
        exports.cancelled.connect(self._cancelled)
        widgets.cancel_export.clicked.connect(exports.cancel)

    def _started(self, path: str) -> None:
        self._action.setEnabled(False)
        self._w.export_progress.setValue(0)
        self._w.export_progress.show()
        self._w.cancel_export.show()
        self._w.bar.showMessage(f"Exporting {Path(path).name}…")

    def _done(self) -> None:
        self._w.export_progress.hide()
        self._w.cancel_export.hide()
        self._action.setEnabled(self._has_article())

    def _finished(self, path: str) -> None:
        self._done()
        # Until something else is said: a long export's outcome was gone 15 s
        # later, and the reader who looked then never learnt where the PDF went (T15, F12).
        self._w.bar.showMessage(self._exports.outcome(path))
        self.exported.emit(path)

    def _failed(self, message: str) -> None:
        self._done()
        self._w.bar.clearMessage()
        self._dialogs.error("Export failed", message)
        self._restore_focus()

    def _cancelled(self) -> None:
        self._done()
        self._w.bar.showMessage("Export cancelled; nothing was written", 8000)
