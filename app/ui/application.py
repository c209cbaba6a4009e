"""Starting the window: QApplication, theme, the main window."""

from __future__ import annotations

import logging
import sys
from typing import TYPE_CHECKING

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from app import __version__
from app.core.logs import log_uncaught_exceptions
from app.core.resources import resource_path
from app.ui import settings
from app.ui.dialogs import give_keyboard
from app.ui.theme import apply_theme

if TYPE_CHECKING:
    from app.core.prefetch import Prefetch
    from app.ui.main_window import MainWindow

__all__ = ["apply_theme", "create_application", "run_window", "start_window"]

log = logging.getLogger(__name__)


def create_application(argv: list[str] | None = None) -> QApplication:
    # Claims are split in a worker thread; a short GIL switch interval hands
    # the interpreter back to the UI thread quickly so painting never waits long.
    sys.setswitchinterval(0.001)
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
        app.setStyle("Fusion")
    else:
        # Fusion by "-style", not setStyle(): setStyle returns the QStyle, and
        # wrapping it makes PySide6 create QStyle's eleven Python enums (~30 ms).
        app = QApplication([*(argv or sys.argv[:1]), "-style", "fusion"])
    app.setOrganizationName(settings.ORGANIZATION)
    app.setApplicationName(settings.APPLICATION)
    app.setApplicationDisplayName("claimmark")
    app.setDesktopFileName("claimmark")
    app.setWindowIcon(QIcon(str(resource_path("icons", "claimmark.svg"))))
    apply_theme(settings.get(settings.THEME))
    return app


def start_window(path: str | None, prefetch: Prefetch | None = None
                 ) -> tuple[QApplication, MainWindow]:
    """The application and its window, opening ``path`` (or showing the start
    page); ``prefetch`` is what a child already read of ``path``."""
    app = create_application()
    from app.ui.main_window import MainWindow
    from app.ui.suggest_bridge import default_suggester

    window = MainWindow(suggester=default_suggester())
    if path:  # before show(): the start page (built on first show) is not needed
        window.documents.loader.prefetched = prefetch
        window.open_path(path)
    window.show()
    # What a window manager does for a new window; with none (a bare X server,
    # Xvfb) the window had no keyboard and the claim keys did nothing (T9, T10).
    give_keyboard(window)
    return app, window


def run_window(path: str | None, prefetch: Prefetch | None = None) -> int:
    log_uncaught_exceptions()
    log.info("starting claimmark %s", __version__)
    app, _window = start_window(path, prefetch)
    return app.exec()
