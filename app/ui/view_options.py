"""View settings of the window: zoom, theme, whether suggestions and a PDF's
original page show.

Each change is applied and remembered in the settings at once.

Signals:
    showSuggestionsChanged(bool): suggestions were switched on or off.
    themeChanged(str): system | light | dark, already applied.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QObject, Signal

from app.ui import settings
from app.ui.article_view import ArticleView
from app.ui.theme import apply_theme

MAX_ZOOM = 20  # steps of one point over the reading font's size
# The least size of the article's body text: zoom took it to 4.5 points (5-pixel
# letters, tester T15, F12) while its headings, twice as big, still read.
MIN_POINT_SIZE = 8.0


class ViewOptions(QObject):
    showSuggestionsChanged = Signal(bool)
    themeChanged = Signal(str)

    def __init__(self, view: ArticleView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._view = view
        self.zoom_level = 0
        self.min_zoom = -max(0, math.floor(view.font().pointSizeF() - MIN_POINT_SIZE))

    def restore(self) -> None:
        """Apply the remembered zoom (the theme is applied with the application)."""
        self.zoom(settings.get(settings.ZOOM), remember=False)

    def zoom(self, steps: int, remember: bool = True) -> None:
        steps = max(self.min_zoom - self.zoom_level, min(MAX_ZOOM - self.zoom_level, steps))
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
