"""The article on the left: read-only, zoomable, claims highlighted.

Signals:
    clickedAt(int): the user clicked (without selecting) at a code-point offset.
    linkActivated(QUrl): a link was clicked; the window decides what to do.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QWidget

from app.core.article import Article
from app.core.memory_return import give_back_freed_memory
from app.ui.article_images import ArticleImages
from app.ui.document_builder import DocumentBuilder, link_ranges, reading_font, recolor_links
from app.ui.nested_marks import flatten, spans_window
from app.ui.palette import NOTED, cue_format, is_dark, label_format, label_ink, link_format
from app.ui.positions import PositionMap
from app.ui.suggestion_marks import line_pieces, paint_cue_frames, paint_marks

FIRST_SCREEN_CHARS = 5_000  # shown at once; a bigger rest is added in slices
FILL_SLICE_SECONDS = 0.02
VISIBLE_MARGIN = 6000  # UTF-16 units highlighted beyond the viewport
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
    documentComplete = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleView")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.setFrameShape(QTextBrowser.Shape.NoFrame)
        # Nothing is wider than the column: text and code wrap, images and
        # their cards are fitted to it. What Qt still lets hang past the edge
        # is a run of spaces (a <pre> line of 85 spaces in TeX Live's manual
        # made a scrollbar onto nothing), so the page never scrolls sideways.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFont(reading_font())
        self.positions = PositionMap("")
        self._current: tuple[int, int] | None = None
        self._context_actions: list[QAction | None] = []
        # (start, end, highlight, format of links inside it or None), UTF-16
        self._spans: list[tuple[int, int, QTextCharFormat, QTextCharFormat | None]] = []
        self._highlights: list[Highlight] = []  # drawn again in a new palette's colours
        self.images = ArticleImages()  # fitted to the column, or cards (article_images.py)
        self._span_starts: list[int] = []
        self._cue_spans: list[tuple[int, int, QTextCharFormat, QTextCharFormat | None]] = []
        self._cue_frames: list[tuple[int, int, QColor]] = []  # dotted frames of cue words, UTF-16
        self._marks: list[tuple[int, int, QColor]] = []  # suggestions' dots, UTF-16
        self._mark_starts: list[int] = []
        self._visible_timer = QTimer(self)
        self._visible_timer.setSingleShot(True)
        self._visible_timer.setInterval(0)
        self._visible_timer.timeout.connect(self._apply_visible)
        self._scroll_seen = 0
        self.verticalScrollBar().valueChanged.connect(self._scrolled)
        self._builder: DocumentBuilder | None = None
        self.base_dir: str | None = None
        self.complete = True
        self._fill_timer = QTimer(self)
        self._fill_timer.setInterval(0)
        self._fill_timer.timeout.connect(self._fill_more)
        # documentComplete in a turn of its own: what it sets off (the claims and
        # notes waiting for the book) is not added to the last slice's pause.
        # 1 ms, not 0: Qt runs a 0 ms timer before the input already waiting.
        self._complete_timer = QTimer(self)
        self._complete_timer.setSingleShot(True)
        self._complete_timer.setInterval(1)
        self._complete_timer.timeout.connect(self._announce_complete)
        self.anchorClicked.connect(self.linkActivated)
        # The last article's layout is freed by now: its memory back to the system.
        self.documentComplete.connect(lambda: QTimer.singleShot(1000, give_back_freed_memory))

    # ---- content ------------------------------------------------------
    def show_article(self, article: Article) -> None:
        """Show ``article``: the first screenful at once, a big rest in slices.

        ``complete`` turns True (and documentComplete is emitted) when all of
        it is in the document.
        """
        self._fill_timer.stop()
        self._complete_timer.stop()
        self.base_dir = str(Path(article.source_path).parent) if article.source_path else None
        self._highlights = []
        self.positions = PositionMap(article.text)
        self.images.reset(article, self.positions)
        self._current = None
        self._spans, self._span_starts, self._cue_spans = [], [], []
        self._cue_frames = []
        self._marks, self._mark_starts = [], []
        self.setExtraSelections([])
        self._builder = DocumentBuilder(article, self.document(),
                                        self.palette().color(QPalette.ColorRole.Link))
        self.update_margins()
        self.complete = self._builder.step(max_chars=FIRST_SCREEN_CHARS)
        self.verticalScrollBar().setValue(0)
        if self.complete:
            self.documentComplete.emit()
        else:
            self._fill_timer.start()

    def _fill_more(self) -> None:
        if self._builder is None:
            self._fill_timer.stop()
            return
        scroll = self.verticalScrollBar().value()
        if self._builder.step(budget=FILL_SLICE_SECONDS):
            self._fill_timer.stop()
            self._builder = None
            self.document().setModified(False)
            self._complete_timer.start()
        self.verticalScrollBar().setValue(scroll)

    def _announce_complete(self) -> None:
        self.complete = True
        self.documentComplete.emit()

    @contextmanager
    def _quick_cursors(self) -> Iterator[None]:
        """Inside an edit block QTextCursor skips laying out blocks (setX)."""
        guard = QTextCursor(self.document())
        guard.beginEditBlock()
        try:
            yield
        finally:
            guard.endEditBlock()

    def loadResource(self, kind: int, url: QUrl | str) -> object:  # noqa: N802 (Qt override)
        """Never fetch anything: only allowed local images, else a placeholder.

        ``app.core.local_resources`` decides what is allowed; nothing is ever
        passed on to QTextBrowser's own loading.
        """
        kind_value = kind.value if hasattr(kind, "value") else kind
        if kind_value != QTextDocument.ResourceType.ImageResource.value:
            return ""
        src = url.toString() if isinstance(url, QUrl) else str(url)
        return self.images.load(src, self.base_dir, is_dark(self.palette()))

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
        """Highlight these spans. Only the part near the viewport becomes
        ExtraSelections (QTextEdit costs ~50 µs for each), refreshed on scroll."""
        self._highlights = highlights
        palette = self.palette()
        formats: dict[tuple[str, bool], tuple[QTextCharFormat, QTextCharFormat | None]] = {}
        to_utf16 = self.positions.to_utf16
        spans = []
        for h in highlights:
            fmts = formats.get((h.label, h.suggested))
            if fmts is None:
                fmts = formats[(h.label, h.suggested)] = (
                    label_format(h.label, palette, h.suggested),
                    None if h.suggested or h.label == NOTED else link_format(h.label, palette))
            spans.append((to_utf16(h.start), to_utf16(h.end), *fmts))
        spans.sort(key=lambda span: span[0])
        spans = flatten(spans)  # a note inside a labelled claim keeps its own mark
        suggested = [h for h in highlights if h.suggested]
        inks = {label: label_ink(label, palette) for label in {h.label for h in suggested}}
        self._marks = sorted(((to_utf16(h.start), to_utf16(h.end), inks[h.label])
                              for h in suggested), key=lambda mark: mark[0])
        self._mark_starts = [mark[0] for mark in self._marks]
        self._spans = spans
        self._span_starts = [span[0] for span in spans]
        self._apply_visible()

    def set_cues(self, spans: list[tuple[int, int, str]]) -> None:
        """Emphasise the cues of the current claim's suggestion: (start, end, label)."""
        palette = self.palette()
        to_utf16 = self.positions.to_utf16
        self._cue_spans = [(to_utf16(s), to_utf16(e), cue_format(label, palette),
                            link_format(label, palette)) for s, e, label in spans]
        self._cue_frames = [(to_utf16(s), to_utf16(e), label_ink(label, palette))
                            for s, e, label in spans]
        self._apply_visible()
        self.viewport().update()

    def visible_range(self) -> tuple[int, int]:
        """UTF-16 positions of the text in view, with a margin either side."""
        top = self.cursorForPosition(QPoint(0, 0)).position()
        viewport = self.viewport().rect()
        bottom = self.cursorForPosition(QPoint(viewport.width(), viewport.height())).position()
        return max(0, top - VISIBLE_MARGIN), bottom + VISIBLE_MARGIN

    def _scrolled(self, value: int) -> None:
        """Highlights in view at once after a jump (End, a reload's place: the first
        paint has them), after this turn for a small scroll. (Not valueChanged →
        QTimer.start: the position became the interval; 779,307 px, 13 minutes, F6.)"""
        jump = abs(value - self._scroll_seen) > self.viewport().height()
        self._scroll_seen = value
        if jump:
            self._visible_timer.stop()
            self._apply_visible()
        else:
            self._visible_timer.start()

    def _apply_visible(self) -> None:
        lo, hi = self.visible_range()
        first, last = spans_window(self._span_starts, lo, hi)
        document = self.document()
        selections = []
        links: list[tuple[int, int, QTextCharFormat]] = []
        with self._quick_cursors():
            for start, end, fmt, link in (*self._spans[first:last], *self._cue_spans):
                if end < lo or start > hi:
                    continue
                selections.append(self._selection(start, end, fmt))
                if link is not None:
                    links.extend((a, b, link) for a, b in link_ranges(document, start, end))
            # Links over a tint get a colour that reads on it; drawn last, on top.
            selections.extend(self._selection(a, b, link) for a, b, link in links)
        self.setExtraSelections(selections)

    def _selection(self, start: int, end: int, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        selection.format = fmt
        return selection

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
        s16, e16 = self.positions.to_utf16(start), self.positions.to_utf16(end)
        offset = self._scroll_offset()
        return [QRectF(origin.x() + x1, origin.y() + line.y(), x2 - x1,
                       line.height()).translated(-offset)
                for line, origin, x1, x2 in line_pieces(self.document(), s16, e16)]

    def _scroll_offset(self) -> QPointF:
        return QPointF(self.horizontalScrollBar().value(), self.verticalScrollBar().value())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        super().paintEvent(event)
        marks = self._marks_in_view()
        rects = self.span_rects(*self._current) if self._current else []
        if not rects and not marks and not self._cue_frames:
            return
        painter = QPainter(self.viewport())
        metrics = QFontMetricsF(self.font())
        offset = self._scroll_offset()
        paint_marks(painter, self.document(), offset, marks, metrics)
        paint_cue_frames(painter, self.document(), offset, self._cue_frames, metrics)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), 2)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for rect in rects:
            painter.drawRoundedRect(rect.adjusted(-3, 0, 3, 0), 4, 4)
        painter.end()

    def _marks_in_view(self) -> list[tuple[int, int, QColor]]:
        """The suggestion marks of the spans on screen (see suggestion_marks.py)."""
        if not self._marks:
            return []
        lo, hi = self.visible_range()
        first, last = spans_window(self._mark_starts, lo, hi)
        return [mark for mark in self._marks[first:last] if mark[1] >= lo]

    # ---- user input -------------------------------------------------------
    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton:
            return
        if self.textCursor().hasSelection() or self.anchorAt(event.position().toPoint()):
            return
        cursor = self.cursorForPosition(event.position().toPoint())
        self.clickedAt.emit(self.positions.to_code_point(cursor.position()))

    def set_context_actions(self, actions: list[QAction | None]) -> None:
        """What the context menu (``article_caret.py``) lists above Copy."""
        self._context_actions = actions

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        """The caret moved by a key (article_caret.py) acts as a click there:
        the claim (or note) it is in becomes current. Not while the current
        note has no place: the caret goes to the words to re-attach it to."""
        before = self.textCursor().position()
        super().keyPressEvent(event)
        cursor = self.textCursor()
        if self._current and cursor.position() != before and not cursor.hasSelection():
            self.clickedAt.emit(self.positions.to_code_point(cursor.position()))

    # ---- layout -------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self.update_margins()
        self._visible_timer.start()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            color = self.palette().color(QPalette.ColorRole.Link)
            if self._builder is not None:
                self._builder.link_color = color  # what is still to be added
            recolor_links(self.document(), color)
            if self.images.placeholders:  # the cards in the new theme's colours
                self.images.redraw_cards(self.document(), is_dark(self.palette()))
                self.viewport().update()
            # Underlines in the text's colour: a theme switch (which may reach
            # the view after the window refreshed its highlights) redraws them.
            if self._highlights:
                self.set_highlights(self._highlights)

    def update_margins(self) -> None:
        """Keep lines to a comfortable length by centring a text column."""
        em = self.fontMetrics().horizontalAdvance("M") * 1.15
        width = self.viewport().width()
        side = max(MIN_SIDE_MARGIN, int((width - MAX_TEXT_WIDTH_EM * em) / 2))
        self.images.set_column(self.document(), width - 2 * side, is_dark(self.palette()))
        root = self.document().rootFrame()
        fmt = root.frameFormat()
        if int(fmt.leftMargin()) == side and int(fmt.rightMargin()) == side:
            return
        fmt.setLeftMargin(side)
        fmt.setRightMargin(side)
        fmt.setTopMargin(24)
        fmt.setBottomMargin(48)
        root.setFrameFormat(fmt)

