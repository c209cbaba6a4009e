"""Dialogs behind one small service, so tests inject answers.

The window never calls QMessageBox or QFileDialog directly; it asks its
``DialogService``. Tests replace it with one that returns canned answers.

After each dialog the window is made active again: with no window manager
to do it (a bare X server, as under Xvfb, some kiosks) the keyboard went
nowhere once a dialog closed, and the claim keys did nothing (tester T9,
after the "Notes file not used" question shown on opening).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import ParamSpec, TypeVar

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

ARTICLE_FILTER = ("Articles (*.txt *.text *.md *.markdown *.html *.htm *.pdf *.epub);;"
                  "All files (*)")
NOTES_FILTER = "Notes (*.json *.jsonld);;All files (*)"


P = ParamSpec("P")
R = TypeVar("R")


def _then_back(method: Callable[P, R]) -> Callable[P, R]:
    """Show the dialog, then give the keyboard back to the parent's window."""
    @wraps(method)
    def shown(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return method(*args, **kwargs)
        finally:
            parent = args[0].parent if isinstance(args[0], DialogService) else None
            if parent is not None:
                give_keyboard(parent.window())
    return shown


def give_keyboard(window: QWidget) -> None:
    """Make ``window`` the active one, as a window manager would. Not on
    Wayland, which lets no client do that (Qt only warns there)."""
    if window.isVisible() and not QGuiApplication.platformName().startswith("wayland"):
        window.activateWindow()


class DialogService:
    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    @_then_back
    def open_article_path(self, folder: str) -> str | None:
        path, _ = QFileDialog.getOpenFileName(self.parent, "Open article", folder,
                                              ARTICLE_FILTER)
        return path or None

    @_then_back
    def open_notes_path(self, folder: str) -> str | None:
        path, _ = QFileDialog.getOpenFileName(self.parent, "Import notes", folder,
                                              NOTES_FILTER)
        return path or None

    @_then_back
    def save_path(self, title: str, suggested: str, name_filter: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(self.parent, title, suggested, name_filter)
        return path or None

    @_then_back
    def error(self, title: str, message: str) -> None:
        QMessageBox.warning(self.parent, title, message)

    @_then_back
    def info(self, title: str, message: str) -> None:
        QMessageBox.information(self.parent, title, message)

    @_then_back
    def confirm(self, title: str, message: str, accept_text: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, message,
                          QMessageBox.StandardButton.Cancel, self.parent)
        accept = box.addButton(accept_text, QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is accept

    @_then_back
    def choose(self, title: str, label: str, items: list[str]) -> str | None:
        item, ok = QInputDialog.getItem(self.parent, title, label, items, 0, False)
        return item if ok else None

    @_then_back
    def ask_text(self, title: str, label: str, default: str) -> str | None:
        text, ok = QInputDialog.getText(self.parent, title, label, text=default)
        return text if ok else None
