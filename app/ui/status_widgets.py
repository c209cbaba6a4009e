"""The status bar's permanent widgets: where the notes are, loading and export progress."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QLabel, QMainWindow, QProgressBar, QPushButton

from app.ui.button_style import outline_buttons


@dataclass(frozen=True)
class StatusWidgets:
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
    return StatusWidgets(notes_location, progress_bar, export_progress, cancel_export)
