"""View ▸ Original Page: the PDF page of the current claim, the claim highlighted.

A table or a figure can be checked at a glance against what claimmark read.
The page is rendered by PDFium (``core/pdf_pages.py``) at the panel's width;
the claim's boxes come from the page's own character boxes.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtGui import (
    QColor,
    QHideEvent,
    QImage,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import QLabel, QScrollArea, QSplitter, QVBoxLayout, QWidget

from app.core.article import Article, LoadError, page_at, page_end, place_on_page
from app.ui import pane_shares

if TYPE_CHECKING:  # PDFium loads only when a PDF's page is shown, not at start-up
    from app.core.pdf_pages import Box, PdfPages

log = logging.getLogger(__name__)
HIGHLIGHT = QColor(230, 159, 0, 90)  # Okabe–Ito orange, translucent
OUTLINE = QColor(213, 94, 0)


class _PageCanvas(QWidget):
    """Paints one rendered page and the boxes of the claim on it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image: QImage | None = None
        self.boxes: list[Box] = []
        self.points_to_pixels = 1.0

    def set_page(self, image: QImage | None, boxes: list[Box], scale: float) -> None:
        self.image, self.boxes, self.points_to_pixels = image, boxes, scale
        self.setFixedSize(image.size() if image is not None else self.minimumSize())
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        if self.image is None:
            return
        painter = QPainter(self)
        painter.drawImage(0, 0, self.image)
        painter.setPen(QPen(OUTLINE, 1.5))
        painter.setBrush(HIGHLIGHT)
        s = self.points_to_pixels
        for box in self.boxes:
            painter.drawRect(QRectF(box.left * s - 1, box.top * s - 1,
                                    (box.right - box.left) * s + 2,
                                    (box.bottom - box.top) * s + 2))
        painter.end()


class PageView(QWidget):
    """The panel: a caption ("Page 4 of 12") over the scrollable page."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pageView")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.caption = QLabel("No page", self)
        self.caption.setObjectName("pageCaption")
        layout.addWidget(self.caption)
        self.scroller = QScrollArea(self)
        self.scroller.setWidgetResizable(False)
        self.scroller.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.canvas = _PageCanvas(self.scroller)
        self.scroller.setWidget(self.canvas)
        layout.addWidget(self.scroller, 1)
        self._pages: PdfPages | None = None
        self._path = ""
        self._shown: tuple[str, int, int, int] | None = None
        self._article: Article | None = None
        self._span: tuple[int, int] | None = None
        self.share = pane_shares.DEFAULT_PAGE  # of the window, when shown
        self._given = -1  # its pixels when last shown (pane_shares.apply)
        self._fitted = -1  # the splitter's width then
        self._dragged = False  # the reader moved a handle since
        self._following = False  # the splitter's handle moves

    @property
    def page(self) -> int | None:
        """The page shown, or None."""
        return self._shown[1] if self._shown else None

    def set_article(self, article: Article | None) -> None:
        if self._pages is not None and (article is None or article.source_path != self._path):
            self._pages.close()
            self._pages = None
        self._article, self._span, self._shown = article, None, None
        self.canvas.set_page(None, [], 1.0)
        self.caption.setText("No page" if article is None or article.format == "pdf"
                             else "Only PDFs have original pages.")

    def show_span(self, start: int, end: int) -> None:
        """Show the page where ``start`` is, with ``text[start:end]`` highlighted."""
        self._span = (start, end) if start >= 0 else None
        if self.isVisible():
            self._refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        splitter = self.parentWidget()
        if isinstance(splitter, QSplitter) and not event.spontaneous():
            # Coming out of hiding: its share of the window as it last had it,
            # article and notes keeping their proportion (pane_shares.py).
            self._dragged = False
            if not self._following:
                splitter.splitterMoved.connect(self._splitter_dragged)
                self._following = True
            self._fit(splitter)
        self._refresh()

    def _fit(self, splitter: QSplitter) -> None:
        sizes = pane_shares.apply(splitter, pane_shares.article_share(splitter), self.share)
        self._given, self._fitted = sizes[splitter.indexOf(self)], splitter.width()

    def _splitter_dragged(self) -> None:
        self._dragged = True

    def _refit(self) -> None:
        """The window was resized: the page gives way again, as when shown,
        unless the reader has dragged a handle since (a narrower window had
        the article squeezed back to 368 pixels)."""
        splitter = self.parentWidget()
        if (isinstance(splitter, QSplitter) and self.isVisible() and not self._dragged
                and splitter.width() != self._fitted):
            self._fit(splitter)

    def current_share(self, shown: bool | None = None) -> float:
        """The share to remember: the page's now if the reader changed it, else
        the one it was given (a narrow window's smaller page is no choice of theirs)."""
        splitter = self.parentWidget()
        if not (self.isVisible() if shown is None else shown) \
                or not isinstance(splitter, QSplitter):
            return self.share
        if abs(splitter.sizes()[splitter.indexOf(self)] - self._given) <= 2:
            return self.share
        return pane_shares.page_share(splitter, self) or self.share

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 (Qt override)
        if not event.spontaneous():
            self.share = self.current_share(shown=True)
        super().hideEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        QTimer.singleShot(0, self, self._refit)  # once the splitter has placed every pane
        if self._shown is not None and abs(self._shown[3] - self._width()) > 40:
            self._refresh(force=True)

    def _width(self) -> int:
        return max(120, self.scroller.viewport().width() - 4)  # no sideways scrolling

    def _refresh(self, force: bool = False) -> None:
        article, span = self._article, self._span
        if article is None or article.format != "pdf" or span is None:
            return
        page = page_at(article, span[0])
        if page is None:
            return
        key = (article.source_path, page, hash(span), self._width())
        if key == self._shown and not force:
            return
        try:
            if self._pages is None or self._path != article.source_path:
                from app.core.pdf_pages import PdfPages

                self._pages = PdfPages(article.source_path)
                self._path = article.source_path
            image = self._pages.render(page, self._width() / self._pages.size(page)[0])
            # A claim running onto the next page: its part on this page (T10: "not found").
            end = min(span[1], page_end(article, span[0]))
            boxes = self._pages.quote_boxes(page, article.text[span[0]:end].rstrip(),
                                            place_on_page(article, span[0]))
        except LoadError as error:
            self.caption.setText(f"Cannot show the page: {error}")
            return
        qimage = QImage(image.pixels, image.width, image.height, image.stride,
                        QImage.Format.Format_RGB888).copy()
        self.canvas.set_page(qimage, boxes, image.width / image.page_width)
        self._shown = key
        self.caption.setText(f"Page {page} of {self._pages.pages}"
                             + ("" if boxes else " (the claim was not found on it)")
                             + (f"; the claim goes on on page {page + 1}"
                                if boxes and end < span[1] else ""))
        if boxes:
            top = int(min(b.top for b in boxes) * image.width / image.page_width)
            self.scroller.verticalScrollBar().setValue(max(0, top - 80))
