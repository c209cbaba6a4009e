"""Run in a child process by test_large_fonts.py: the window as the program
opens it (``start_window``) on the offscreen screen the environment sets up
(``QT_QPA_PLATFORM=offscreen:configfile=…``, ``QT_SCALE_FACTOR``), measured.

Usage: ``python -m tests.ui.screen_probe ARTICLE [why]`` prints one JSON
object; ``why`` shows the current claim's "Why suggested" box.
"""

from __future__ import annotations

import json
import sys
import time

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QWidget


def settle(seconds: float = 0.3) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()


def shown_whole(widget: QWidget, window: QWidget) -> bool:
    """``widget`` drawn whole, inside the window (not clipped by a scroll area)
    and on the screen."""
    rect = QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())
    on_screen = QRect(widget.mapToGlobal(widget.rect().topLeft()), widget.size())
    return (widget.isVisible() and window.rect().contains(rect)
            and window.screen().availableGeometry().contains(on_screen)
            and widget.visibleRegion().boundingRect() == widget.rect())


def main(path: str, why: bool) -> dict[str, object]:
    from app.ui.application import start_window

    _app, window = start_window(path)
    deadline = time.monotonic() + 30
    while window.session is None or window.proxy.rowCount() == 0:
        QApplication.processEvents()
        if time.monotonic() > deadline:
            raise SystemExit("the article did not open")
    settle()
    if why:
        window.editor.show_item("Claim 1 of 12", "none", "", [],
                                "<b>Why suggested:</b> " + "a cue word, and another. " * 12)
        settle()
    room = window.screen().availableGeometry()
    frame = window.frameGeometry()
    editor = window.editor
    reached = {}
    for name, widget in (("source_input", editor.source_input), ("add", editor.add_button),
                         ("remove", editor.remove_button), ("note", editor.note)):
        widget.setFocus()
        settle(0.1)
        reached[name] = shown_whole(widget, window)
    bar = window.statusBar()
    rows = window.list.viewport().height() / window.list.sizeHintForRow(0)
    result = {
        "room": [room.width(), room.height()],
        "frame": [frame.x(), frame.y(), frame.width(), frame.height()],
        "minimum": [window.minimumSizeHint().width(), window.minimumSizeHint().height()],
        "reached": reached,
        "status_bar": shown_whole(bar, window),
        "rows": rows,
    }
    window.documents.loader.wait()
    return result


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1], "why" in sys.argv[2:])))
