"""The notes pane's claim list and the editor of its current claim, sharing
the pane's height.

On a small screen with large fonts (tester T15, F8: 1024×700 at scale 1.5)
the editor asked its whole form, so the window's least height was 779 pixels
of a 700-pixel screen: the source box, Add/Remove and the status bar were off
the screen and the list showed one row. Now the editor sits in a scroll area
that shrinks when the pane is short, the list keeps a share of the pane
(``LIST_SHARE``, at least ``LIST_ROWS`` rows), and whatever has the keyboard
in the editor is scrolled into sight.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QApplication, QFrame, QListView, QScrollArea, QSizePolicy, QWidget

LIST_ROWS = 3  # rows the list keeps while the editor scrolls, when the pane has them
LIST_MIN_ROWS = 2  # rows at the least height (part of the window's minimum)
LIST_SHARE = 1 / 3  # of the list and editor's height: the list's, while the editor scrolls
EDITOR_MIN_LINES = 6  # text lines the editor keeps at the least: its note box, whole
SPACING = 8


def share_height(height: int, editor_wanted: int, list_rows: int, editor_min: int
                 ) -> tuple[int, int]:
    """``height`` split into (list, editor): the editor gets what it wants
    unless the list would then have less than ``list_rows`` pixels or
    ``LIST_SHARE`` of ``height``; it never gets less than ``editor_min``
    (nor more than there is)."""
    list_floor = min(max(list_rows, round(height * LIST_SHARE)), height - editor_min)
    editor = max(0, min(editor_wanted, height - max(0, list_floor)))
    return height - editor, editor


class EditorScroll(QScrollArea):
    """The editor's form; it scrolls up and down, never sideways."""

    def __init__(self, editor: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("editorScroll")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidgetResizable(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes straight into the form
        self.setWidget(editor)
        self.editor = editor
        self.viewport().setAutoFillBackground(False)
        editor.setAutoFillBackground(False)

    def wanted_height(self, width: int) -> int:
        """The editor's whole form at ``width`` pixels (its labels wrap)."""
        editor = self.editor
        wanted = editor.heightForWidth(width) if editor.hasHeightForWidth() else -1
        return max(wanted, editor.minimumSizeHint().height(), 0)


class ListAndEditor(QWidget):
    """The claim list above, the editor below, laid out by :func:`share_height`."""

    def __init__(self, claim_list: QListView, editor: QWidget,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list, self.editor = claim_list, editor
        claim_list.setParent(self)
        self.editor_scroll = EditorScroll(editor, self)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        editor.installEventFilter(self)  # its form grew or shrank: share again
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def row_height(self) -> int:
        """One row of the list (its rows are all one height)."""
        if self.list.model() is not None and self.list.model().rowCount() > 0:
            return max(1, self.list.sizeHintForRow(0))
        return 12 + 3 * QFontMetrics(self.list.font()).lineSpacing()  # as ClaimDelegate

    def _list_height(self, rows: int) -> int:
        return rows * self.row_height() + 2 * self.list.frameWidth()

    def _editor_min(self) -> int:
        return EDITOR_MIN_LINES * QFontMetrics(self.font()).lineSpacing()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        width = max(self.list.minimumSizeHint().width(),
                    self.editor.minimumSizeHint().width()
                    + self.editor_scroll.verticalScrollBar().sizeHint().width())
        return QSize(width, self._list_height(LIST_MIN_ROWS) + SPACING + self._editor_min())

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        width = max(self.list.sizeHint().width(), self.editor.sizeHint().width())
        return QSize(width, self._list_height(LIST_ROWS * 2) + SPACING
                     + self.editor_scroll.wanted_height(width))

    def shares(self) -> tuple[int, int]:
        """The list's and the editor's heights at the present size."""
        height = max(0, self.height() - SPACING)
        return share_height(height, self.editor_scroll.wanted_height(self.width()),
                            self._list_height(LIST_ROWS), self._editor_min())

    def _lay_out(self) -> None:
        list_height, editor_height = self.shares()
        self.list.setGeometry(QRect(0, 0, self.width(), list_height))
        self.editor_scroll.setGeometry(QRect(0, list_height + SPACING, self.width(), editor_height))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._lay_out()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched is self.editor and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()
            self._lay_out()
        return super().eventFilter(watched, event)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        """A click, Tab or Alt+S into the editor: what has the keyboard is in sight."""
        editor = self.editor
        if new is not None and editor.isAncestorOf(new):
            # The whole box, not only its cursor (ensureWidgetVisible's choice
            # for a text box, which left the source box's bottom cut off).
            rect = QRect(new.mapTo(editor, new.rect().topLeft()), new.size())
            self.editor_scroll.ensureVisible(rect.center().x(), rect.center().y(),
                                      rect.width() // 2 + 2, rect.height() // 2 + 2)
