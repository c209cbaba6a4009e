"""The article on the left: read-only, zoomable, claims highlighted.

Signals:
    clickedAt(int): the user clicked (without selecting) at a code-point offset.
    linkActivated(QUrl): a link was clicked; the window decides what to do.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QImage,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QWidget

from app.core.article import Article
from app.ui.document_builder import build_document, reading_font
from app.ui.palette import cue_format, label_format
from app.ui.positions import PositionMap

MAX_TEXT_WIDTH_EM = 38  # about 70–75 characters a line
MIN_SIDE_MARGIN = 28


@dataclass(frozen=True, slots=True)
class Highlight:
    start: int
    end: int
    label: str
    suggested: bool = False


class ArticleView(QTextBrowser):
    clickedAt = Signal(int)
    linkActivated = Signal(QUrl)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleView")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.setFont(reading_font())
        self.positions = PositionMap("")
        self._current: tuple[int, int] | None = None
        self._context_actions: list = []
        self._base_selections: list = []
        self._cue_selections: list = []
        self.anchorClicked.connect(self.linkActivated)

    # ---- content ------------------------------------------------------
    def show_article(self, article: Article) -> None:
        self.positions = PositionMap(article.text)
        self._current = None
        self._base_selections, self._cue_selections = [], []
        self.setExtraSelections([])
        document = self.document()
        build_document(article, document, self.palette().color(QPalette.ColorRole.Link))
        self._update_margins()
        self.verticalScrollBar().setValue(0)

    def loadResource(self, kind: int, url: QUrl | str) -> object:  # noqa: N802 (Qt override)
        """Never fetch anything: every resource is a neutral placeholder."""
        if kind == QTextDocument.ResourceType.ImageResource.value:
            image = QImage(1, 1, QImage.Format.Format_ARGB32)
            image.fill(QColor(0, 0, 0, 0))
            return image
        return ""

    # ---- positions ------------------------------------------------------
    def cursor_for(self, start: int, end: int) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.positions.to_utf16(start))
        cursor.setPosition(self.positions.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def selected_span(self) -> tuple[int, int] | None:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        start = self.positions.to_code_point(cursor.selectionStart())
        end = self.positions.to_code_point(cursor.selectionEnd())
        return (start, end) if end > start else None

    # ---- highlights ------------------------------------------------------
    def set_highlights(self, highlights: list[Highlight]) -> None:
        palette = self.palette()
        formats = {}
        selections = []
        document = self.document()
        to_utf16 = self.positions.to_utf16
        for h in highlights:
            key = (h.label, h.suggested)
            fmt = formats.get(key)
            if fmt is None:
                fmt = formats[key] = label_format(h.label, palette, h.suggested)
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(document)
            cursor.setPosition(to_utf16(h.start))
            cursor.setPosition(to_utf16(h.end), QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format = fmt
            selections.append(selection)
        self._base_selections = selections
        self.setExtraSelections(selections + self._cue_selections)

    def set_cues(self, spans: list[tuple[int, int, str]]) -> None:
        """Emphasise the cues of the current claim's suggestion: (start, end, label)."""
        selections = []
        for start, end, label in spans:
            selection = QTextEdit.ExtraSelection()
            selection.cursor = self.cursor_for(start, end)
            selection.format = cue_format(label, self.palette())
            selections.append(selection)
        self._cue_selections = selections
        self.setExtraSelections(self._base_selections + selections)

    def set_current(self, span: tuple[int, int] | None, scroll: bool = True) -> None:
        self._current = span
        if span and scroll:
            self.scroll_to(*span)
        self.viewport().update()

    def scroll_to(self, start: int, end: int) -> None:
        """Bring ``[start, end)`` into view, centred when it was out of view."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.positions.to_utf16(start))
        top = self.cursorRect(cursor)
        cursor.setPosition(self.positions.to_utf16(end))
        bottom = self.cursorRect(cursor)
        viewport = self.viewport().rect()
        if top.top() >= 0 and bottom.bottom() <= viewport.height():
            return
        bar = self.verticalScrollBar()
        middle = (top.top() + bottom.bottom()) // 2
        bar.setValue(bar.value() + middle - viewport.height() // 2)

    # ---- painting the focus frame ----------------------------------------
    def span_rects(self, start: int, end: int) -> list[QRectF]:
        """Rectangles (viewport coordinates) covering ``[start, end)``."""
        document = self.document()
        s16, e16 = self.positions.to_utf16(start), self.positions.to_utf16(end)
        block = document.findBlock(s16)
        offset = QPointF(self.horizontalScrollBar().value(), self.verticalScrollBar().value())
        rects: list[QRectF] = []
        while block.isValid() and block.position() <= e16:
            layout = block.layout()
            origin = layout.position()
            for i in range(layout.lineCount()):
                line = layout.lineAt(i)
                line_start = block.position() + line.textStart()
                line_end = line_start + line.textLength()
                lo, hi = max(s16, line_start), min(e16, line_end)
                if lo >= hi and not (lo == hi == s16 == e16):
                    continue
                x1 = line.cursorToX(lo - block.position())[0]
                x2 = line.cursorToX(hi - block.position())[0]
                rect = QRectF(origin.x() + x1, origin.y() + line.y(), x2 - x1, line.height())
                rects.append(rect.translated(-offset))
            block = block.next()
        return rects

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        super().paintEvent(event)
        if not self._current:
            return
        rects = self.span_rects(*self._current)
        if not rects:
            return
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), 2)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for rect in rects:
            painter.drawRoundedRect(rect.adjusted(-3, 0, 3, 0), 4, 4)
        painter.end()

    # ---- user input -------------------------------------------------------
    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton:
            return
        if self.textCursor().hasSelection() or self.anchorAt(event.position().toPoint()):
            return
        cursor = self.cursorForPosition(event.position().toPoint())
        self.clickedAt.emit(self.positions.to_code_point(cursor.position()))

    def set_context_actions(self, actions: list) -> None:
        self._context_actions = actions

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 (Qt override)
        menu = self.createStandardContextMenu(event.pos())
        if self._context_actions:
            first = menu.actions()[0] if menu.actions() else None
            for action in self._context_actions:
                if action is None:
                    menu.insertSeparator(first)
                else:
                    menu.insertAction(first, action)
            menu.insertSeparator(first)
        menu.exec(event.globalPos())
        menu.deleteLater()

    # ---- layout -------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._update_margins()

    def _update_margins(self) -> None:
        """Keep lines to a comfortable length by centring a text column."""
        em = self.fontMetrics().horizontalAdvance("M") * 1.15
        width = self.viewport().width()
        side = max(MIN_SIDE_MARGIN, int((width - MAX_TEXT_WIDTH_EM * em) / 2))
        root = self.document().rootFrame()
        fmt = root.frameFormat()
        if int(fmt.leftMargin()) == side and int(fmt.rightMargin()) == side:
            return
        fmt.setLeftMargin(side)
        fmt.setRightMargin(side)
        fmt.setTopMargin(24)
        fmt.setBottomMargin(48)
        root.setFrameFormat(fmt)
