"""PDF: the HTML export laid out and printed by Qt (no browser engine, no network)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument


def ensure_gui_application() -> QGuiApplication:
    """PDF needs fonts, so a (possibly offscreen) QGuiApplication must exist."""
    app = QGuiApplication.instance()
    if app is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication(["claimmark"])
    return app  # type: ignore[return-value]


class _OfflineDocument(QTextDocument):
    """A QTextDocument that never loads any resource."""

    def loadResource(self, kind: int, name: object) -> object:  # noqa: N802 (Qt override)
        return None


def write_pdf(html_text: str, path: str | Path, title: str = "") -> None:
    ensure_gui_application()
    document = _OfflineDocument()
    document.setHtml(html_text)
    writer = QPdfWriter(str(path))
    writer.setTitle(title)
    writer.setCreator("claimmark")
    writer.setResolution(300)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait,
                                     # print_() adds its own 2 cm margins
                                     QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter))
    document.print_(writer)
