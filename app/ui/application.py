"""Starting the window: QApplication, theme, the main window."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication

from app.core.resources import resource_path
from app.ui import settings


def dark_palette() -> QPalette:
    """A calm dark palette for Fusion (used when the user picks Dark)."""
    p = QPalette()
    role = QPalette.ColorRole
    colors = {
        role.Window: "#202124", role.WindowText: "#e8eaed", role.Base: "#18191b",
        role.AlternateBase: "#232427", role.ToolTipBase: "#2b2c30", role.ToolTipText: "#e8eaed",
        role.Text: "#e8eaed", role.Button: "#2b2c30", role.ButtonText: "#e8eaed",
        role.BrightText: "#ffffff", role.Link: "#8ab4f8", role.Highlight: "#4c8bf5",
        role.HighlightedText: "#ffffff", role.PlaceholderText: "#9aa0a6", role.Mid: "#5f6368",
        role.Midlight: "#3c4043", role.Dark: "#111214", role.Light: "#5f6368",
    }
    for r, color in colors.items():
        p.setColor(r, QColor(color))
    for r in (role.Text, role.WindowText, role.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, r, QColor("#80868b"))
    return p


def apply_theme(theme: str) -> None:
    """Follow the system colours, or force light or dark."""
    app = QApplication.instance()
    if app is None:
        return
    hints = QGuiApplication.styleHints()
    scheme = {"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}.get(
        theme, Qt.ColorScheme.Unknown)
    if hasattr(hints, "setColorScheme"):
        hints.setColorScheme(scheme)
    if theme == "dark":
        app.setPalette(dark_palette())
    elif theme == "light":
        app.setPalette(app.style().standardPalette())
    else:
        app.setPalette(QPalette())


def create_application(argv: list[str] | None = None) -> QApplication:
    # Claims are split in a worker thread; a short GIL switch interval hands
    # the interpreter back to the UI thread quickly so painting never waits long.
    sys.setswitchinterval(0.001)
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setOrganizationName(settings.ORGANIZATION)
    app.setApplicationName(settings.APPLICATION)
    app.setApplicationDisplayName("claimmark")
    app.setDesktopFileName("claimmark")
    app.setWindowIcon(QIcon(str(resource_path("icons", "claimmark.svg"))))
    app.setStyle("Fusion")
    apply_theme(settings.get(settings.THEME))
    return app  # type: ignore[return-value]


def run_window(path: str | None) -> int:
    app = create_application()
    from app.ui.main_window import MainWindow
    from app.ui.suggest_bridge import default_suggester

    window = MainWindow(suggester=default_suggester())
    window.show()
    if path:
        window.open_path(path)
    else:
        window.stack.setCurrentWidget(window.start_page)
    return app.exec()
