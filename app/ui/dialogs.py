"""Dialogs behind one small service, so tests inject answers.

The window never calls QMessageBox or QFileDialog directly; it asks its
``DialogService``. Tests replace it with one that returns canned answers.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

ARTICLE_FILTER = ("Articles (*.txt *.text *.md *.markdown *.html *.htm *.pdf *.epub);;"
                  "All files (*)")
NOTES_FILTER = "Notes (*.json *.jsonld);;All files (*)"


class DialogService:
    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    def open_article_path(self, folder: str) -> str | None:
        path, _ = QFileDialog.getOpenFileName(self.parent, "Open article", folder,
                                              ARTICLE_FILTER)
        return path or None

    def open_notes_path(self, folder: str) -> str | None:
        path, _ = QFileDialog.getOpenFileName(self.parent, "Import notes", folder,
                                              NOTES_FILTER)
        return path or None

    def save_path(self, title: str, suggested: str, name_filter: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(self.parent, title, suggested, name_filter)
        return path or None

    def error(self, title: str, message: str) -> None:
        QMessageBox.warning(self.parent, title, message)

    def info(self, title: str, message: str) -> None:
        QMessageBox.information(self.parent, title, message)

    def confirm(self, title: str, message: str, accept_text: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, message,
                          QMessageBox.StandardButton.Cancel, self.parent)
        accept = box.addButton(accept_text, QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is accept

    def choose(self, title: str, label: str, items: list[str]) -> str | None:
        item, ok = QInputDialog.getItem(self.parent, title, label, items, 0, False)
        return item if ok else None

    def ask_text(self, title: str, label: str, default: str) -> str | None:
        text, ok = QInputDialog.getText(self.parent, title, label, text=default)
        return text if ok else None
