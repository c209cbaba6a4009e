"""The status bar: its permanent widgets (where the notes are, loading and
export progress) and what it says of an export.

Signals (ExportStatus):
    exported(str): notes were exported to this path.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMainWindow, QProgressBar, QPushButton, QStatusBar

from app.ui.button_style import outline_buttons
from app.ui.dialogs import DialogService
from app.ui.export_service import ExportService


@dataclass(frozen=True)
class StatusWidgets:
    bar: QStatusBar
    notes_location: QLabel
    progress_bar: QProgressBar
    export_progress: QProgressBar
    cancel_export: QPushButton


def build_status_widgets(window: QMainWindow) -> StatusWidgets:
    """Add the widgets to ``window``'s status bar (loading and export ones hidden)."""
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
    for widget in (notes_location, progress_bar, export_progress, cancel_export):
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
        self._w.bar.showMessage(self._exports.outcome(path), 15000)
        self.exported.emit(path)

    def _failed(self, message: str) -> None:
        self._done()
        self._w.bar.clearMessage()
        self._dialogs.error("Export failed", message)
        self._restore_focus()

    def _cancelled(self) -> None:
        self._done()
        self._w.bar.showMessage("Export cancelled; nothing was written", 8000)
