"""Light, dark or the system's colours for the whole application."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication


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
    if not isinstance(app, QApplication):
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
