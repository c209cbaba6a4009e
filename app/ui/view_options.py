"""View settings of the window: zoom, theme, whether suggestions and a PDF's
original page show.

Each change is applied and remembered in the settings at once.

Signals:
    showSuggestionsChanged(bool): suggestions were switched on or off.
    themeChanged(str): system | light | dark, already applied.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from app.ui import settings
from app.ui.article_view import ArticleView
from app.ui.theme import apply_theme

MIN_ZOOM = -8
MAX_ZOOM = 20


class ViewOptions(QObject):
    showSuggestionsChanged = Signal(bool)
    themeChanged = Signal(str)

    def __init__(self, view: ArticleView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._view = view
        self.zoom_level = 0

    def restore(self) -> None:
        """Apply the remembered zoom (the theme is applied with the application)."""
        self.zoom(settings.get(settings.ZOOM), remember=False)

    def zoom(self, steps: int, remember: bool = True) -> None:
        steps = max(MIN_ZOOM - self.zoom_level, min(MAX_ZOOM - self.zoom_level, steps))
        if steps > 0:
            self._view.zoomIn(steps)
        elif steps < 0:
            self._view.zoomOut(-steps)
        self.zoom_level += steps
        self._view.update_margins()
        if remember:
            settings.put(settings.ZOOM, self.zoom_level)

    def reset_zoom(self) -> None:
        self.zoom(-self.zoom_level)

    @staticmethod
    def show_suggestions() -> bool:
        return bool(settings.get(settings.SHOW_SUGGESTIONS))

    def set_show_suggestions(self, show: bool) -> None:
        settings.put(settings.SHOW_SUGGESTIONS, show)
        self.showSuggestionsChanged.emit(show)

    @staticmethod
    def original_page() -> bool:
        return bool(settings.get(settings.ORIGINAL_PAGE))

    @staticmethod
    def set_original_page(show: bool) -> None:
        settings.put(settings.ORIGINAL_PAGE, show)

    @staticmethod
    def theme() -> str:
        return str(settings.get(settings.THEME))

    def set_theme(self, theme: str) -> None:
        settings.put(settings.THEME, theme)
        apply_theme(theme)
        self.themeChanged.emit(theme)
