"""A window's first size: what it asks for, within the screen it opens on.

A size in pixels is logical pixels: with large fonts (``QT_SCALE_FACTOR=1.5``)
the Library's 980×640 was 1470×960 on a 1024×700 screen (tester T15, F8).
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

SCREEN_SHARE = 0.9  # of the screen's free area at most: room for the title bar and frame


def first_size(widget: QWidget, width: int, height: int) -> QSize:
    """``width`` × ``height``, or less: never more than ``SCREEN_SHARE`` of
    the free area of the screen ``widget`` opens on."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    room = screen.availableGeometry().size()
    return QSize(min(width, round(room.width() * SCREEN_SHARE)),
                 min(height, round(room.height() * SCREEN_SHARE)))
