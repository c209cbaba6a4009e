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

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QMessageBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

ARTICLE_FILTER = ("Articles (*.txt *.text *.md *.markdown *.html *.htm *.mhtml *.mht *.pdf "
                  "*.epub);;"
                  "All files (*)")
NOTES_FILTER = "Notes (*.json *.jsonld);;All files (*)"
SCREEN_USE = 0.85  # of the screen's height, at most, for a dialog
CHOICE_WIDTH = 360  # a choice dialog's least width: its title and choices whole


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


def message_dialog(parent: QWidget | None, title: str, text: str) -> QDialog:
    """A message box, or, when it would not fit the screen (Help ▸ Keyboard
    Shortcuts was 862 pixels tall: tester T11), the text in a box that scrolls."""
    box = QMessageBox(QMessageBox.Icon.Information, title, text,
                      QMessageBox.StandardButton.Ok, parent)
    screen = (parent.screen() if parent is not None else QGuiApplication.primaryScreen())
    room = screen.availableGeometry()
    if box.sizeHint().height() <= room.height() * SCREEN_USE:
        return box
    box.deleteLater()
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    layout = QVBoxLayout(dialog)
    browser = QTextBrowser(dialog)
    browser.setOpenLinks(False)
    browser.setHtml(text)
    layout.addWidget(browser, 1)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    width = min(int(room.width() * 0.9), 720)
    browser.document().setTextWidth(width - 40)
    height = int(browser.document().size().height()) + buttons.sizeHint().height() + 60
    dialog.resize(width, min(height, int(room.height() * SCREEN_USE)))
    browser.setFocus(Qt.FocusReason.OtherFocusReason)  # arrows and PageDown scroll it
    return dialog


def choice_dialog(parent: QWidget | None, title: str, label: str,
                  items: list[str], current: str = "") -> QInputDialog:
    """One of ``items``, chosen in a dialog wide enough for its title and each
    choice (File ▸ Export… was 200 pixels wide, its title cut: tester T11),
    ``current`` chosen at first if it is one of them."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setComboBoxItems(items)
    dialog.setComboBoxEditable(False)
    if current in items:
        dialog.setTextValue(current)
    metrics = dialog.fontMetrics()
    widest = max((metrics.horizontalAdvance(item) for item in items), default=0)
    # Its layout sizes the dialog from its widgets: the list of choices sets the width.
    combo = dialog.findChild(QComboBox)
    if combo is not None:
        combo.setMinimumWidth(max(CHOICE_WIDTH, widest + 60,
                                  metrics.horizontalAdvance(title) + 140) - 18)
    return dialog


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
        dialog = message_dialog(self.parent, title, message)
        dialog.exec()
        dialog.deleteLater()

    @_then_back
    def confirm(self, title: str, message: str, accept_text: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, message,
                          QMessageBox.StandardButton.Cancel, self.parent)
        accept = box.addButton(accept_text, QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is accept

    @_then_back
    def unsaved_notes(self, title: str, message: str) -> str:
        """"save" (Save elsewhere…), "quit" (Quit anyway) or "cancel"."""
        box = QMessageBox(QMessageBox.Icon.Warning, title, message,
                          QMessageBox.StandardButton.Cancel, self.parent)
        save = box.addButton("Save elsewhere…", QMessageBox.ButtonRole.AcceptRole)
        quit_ = box.addButton("Quit anyway", QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(save)
        box.exec()
        clicked = box.clickedButton()
        return "save" if clicked is save else "quit" if clicked is quit_ else "cancel"

    @_then_back
    def choose(self, title: str, label: str, items: list[str], current: str = "") -> str | None:
        dialog = choice_dialog(self.parent, title, label, items, current)
        chosen = dialog.exec() == QDialog.DialogCode.Accepted
        item = dialog.textValue()
        dialog.deleteLater()
        return item if chosen else None

    @_then_back
    def ask_text(self, title: str, label: str, default: str) -> str | None:
        text, ok = QInputDialog.getText(self.parent, title, label, text=default)
        return text if ok else None
