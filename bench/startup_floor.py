"""The floor of claimmark's start-up: the same Qt parts, none of claimmark's code.

Run by ``bench_startup.py`` (``python bench/startup_floor.py ARTICLE``). It
builds, in plain PySide6, a window of the parts claimmark's window shows at
its first paint: a QMainWindow with a menu bar (5 menus, 33 actions with
shortcuts, undo/redo from a QUndoStack), a splitter holding a QTextBrowser
and a notes pane (label, combo box, search field, a QListView over a list
model through a QSortFilterProxyModel with a painting delegate, an editor of
buttons, a plain-text note and a line edit), a status bar with a progress
bar, QSettings read. The article's paragraphs go in with character formats
(every fourth sentence dotted-underlined, as suggestions are) and one
ExtraSelection, as the article view does. It prints ``PAINTED <epoch>
<cpu>`` at the text view's first paint and quits.

What this window costs over the bare QTextBrowser of ``bench_startup.py``
is what PySide6 and Qt charge for these parts (their Python enums and types
above all); what claimmark costs over this window is our own code.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QSettings,
    QSortFilterProxyModel,
    Qt,
    QTimer,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPalette,
    QTextCharFormat,
    QTextCursor,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTextBrowser,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

MENUS = ("&File", "&Edit", "&Claim", "&View", "&Help")
ACTIONS = (
    ("Open…", "Ctrl+O"), ("Open Sample", ""), ("Save", "Ctrl+S"), ("Export…", "Ctrl+E"),
    ("Import Notes…", ""), ("Start Fresh", ""), ("Library", "Ctrl+L"), ("Quit", "Ctrl+Q"),
    ("Find", "Ctrl+F"), ("Next", "J"), ("Previous", "K"), ("Supported", "1"),
    ("Uncertain", "2"), ("Advertising", "3"), ("Clear", "0"), ("Accept All", "Ctrl+Shift+A"),
    ("Reattach", "R"), ("Delete", "Del"), ("Zoom In", "Ctrl++"), ("Zoom Out", "Ctrl+-"),
    ("Reset Zoom", "Ctrl+0"), ("Show Suggestions", ""), ("Original Page", ""), ("System", ""),
    ("Light", ""), ("Dark", ""), ("Shortcuts", "F1"), ("About", ""), ("Author…", ""),
    ("Back", "Esc"), ("Enter", "Return"),
)
SUGGESTION_INKS = ("#009E73", "#F0E442", "#D55E00")


class ClaimRows(QAbstractListModel):
    def __init__(self, rows: list[str]) -> None:
        super().__init__()
        self.rows = rows

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> object:
        return self.rows[index.row()] if role == Qt.ItemDataRole.DisplayRole else None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class RowDelegate(QStyledItemDelegate):
    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        painter.fillRect(option.rect, option.palette.color(QPalette.ColorRole.Base))  # type: ignore[attr-defined]
        painter.drawText(option.rect.adjusted(4, 2, -4, -2),  # type: ignore[attr-defined]
                         Qt.TextFlag.TextWordWrap, str(index.data()))


class TextView(QTextBrowser):
    painted = False

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        if not self.painted:
            self.painted = True
            print(f"PAINTED {time.time():.6f} {time.process_time():.4f}", file=sys.stderr)
            QTimer.singleShot(0, QApplication.quit)


def notes_pane(parent: QWidget, sentences: list[str]) -> QWidget:
    pane = QWidget(parent)
    layout = QVBoxLayout(pane)
    layout.addWidget(QLabel("0 supported · 0 uncertain · 0 advertising", pane))
    filters = QComboBox(pane)
    for title in ("All claims", "Supported", "Uncertain", "Advertising", "Unmarked"):
        filters.addItem(title, title)
    layout.addWidget(filters)
    search = QLineEdit(pane)
    search.setPlaceholderText("Search claims and notes (Ctrl+F)")
    search.setClearButtonEnabled(True)
    layout.addWidget(search)
    proxy = QSortFilterProxyModel(pane)
    proxy.setSourceModel(ClaimRows(sentences))
    rows = QListView(pane)
    rows.setModel(proxy)
    rows.setItemDelegate(RowDelegate(rows))
    rows.setUniformItemSizes(True)
    rows.setAlternatingRowColors(True)
    rows.setWordWrap(True)
    layout.addWidget(rows, 1)
    editor = QWidget(pane)
    editor_layout = QVBoxLayout(editor)
    editor_layout.addWidget(QLabel("Current claim", editor))
    buttons = QHBoxLayout()
    for title in ("Supported", "Uncertain", "Advertising", "Clear"):
        buttons.addWidget(QPushButton(title, editor))
    editor_layout.addLayout(buttons)
    editor_layout.addWidget(QPlainTextEdit(editor))
    editor_layout.addWidget(QLineEdit(editor))
    layout.addWidget(editor)
    return pane


def add_menus(window: QMainWindow) -> None:
    undo = QUndoStack(window)
    menus = [window.menuBar().addMenu(title) for title in MENUS]
    menus[1].addAction(undo.createUndoAction(window, "&Undo"))
    menus[1].addAction(undo.createRedoAction(window, "&Redo"))
    for number, (title, keys) in enumerate(ACTIONS):
        action = QAction(title, window)
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(lambda _=False: None)
        menus[number % len(menus)].addAction(action)


def fill(view: QTextBrowser, paragraphs: list[str]) -> None:
    cursor = QTextCursor(view.document())
    cursor.beginEditBlock()
    for number, paragraph in enumerate(paragraphs):
        if number:
            cursor.insertBlock()
        parts = paragraph.split(". ")
        for index, part in enumerate(parts):
            char_format = QTextCharFormat()
            if (number + index) % 4 == 0:
                char_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
                char_format.setUnderlineColor(QColor(SUGGESTION_INKS[(number + index) % 3]))
            cursor.insertText(part + (". " if index < len(parts) - 1 else ""), char_format)
    cursor.endEditBlock()
    current = QTextEdit.ExtraSelection()
    span = QTextCursor(view.document())
    span.setPosition(40, QTextCursor.MoveMode.KeepAnchor)
    current.cursor = span  # type: ignore[attr-defined]
    highlight = QTextCharFormat()
    highlight.setBackground(QColor(240, 228, 66, 90))
    current.format = highlight  # type: ignore[attr-defined]
    view.setExtraSelections([current])


def main() -> None:
    app = QApplication([sys.argv[0], "-style", "fusion"])
    settings = QSettings(str(Path(os.environ["BENCH_SETTINGS_DIR"]) / "floor.ini"),
                         QSettings.Format.IniFormat)
    settings.value("geometry")
    text = Path(sys.argv[1]).read_text(encoding="utf-8")
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    sentences = [s for p in paragraphs for s in p.split(". ") if s.strip()]
    window = QMainWindow()
    stack = QStackedWidget(window)
    splitter = QSplitter(Qt.Orientation.Horizontal, window)
    view = TextView(splitter)
    view.setReadOnly(True)
    notes_pane(splitter, sentences)
    stack.addWidget(splitter)
    window.setCentralWidget(stack)
    progress = QProgressBar()
    progress.hide()
    window.statusBar().addPermanentWidget(progress)
    add_menus(window)
    fill(view, paragraphs)
    window.resize(1280, 820)
    window.show()
    app.exec()


if __name__ == "__main__":
    main()
