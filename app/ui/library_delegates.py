"""How the Library window draws and activates its rows: credibility bars,
hits with their matches in bold, and Enter on a row on every platform."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFontMetrics,
    QKeyEvent,
    QPainter,
    QPalette,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from app.core.annotations import LABELS
from app.core.library import ArticleEntry, Hit
from app.ui.library_models import ENTRY_ROLE, HIT_ROLE, HTML_ROLE, hit_html
from app.ui.summary_bar import paint_label_bar

HIT_MARGIN = 2  # around a hit's two lines
HIT_GAP = 2  # between one hit and the next


class ActivatingTree(QTreeView):
    """Enter activates the current row on every platform (macOS styles differ)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated.emit(self.currentIndex())
            return
        super().keyPressEvent(event)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAlternatingRowColors(True)


class CredibilityBarDelegate(QStyledItemDelegate):
    """The labels of an article as a stacked bar: supported, uncertain, advertising, rest."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        entry = index.data(ENTRY_ROLE)
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None
        option.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter,
                              option.widget)
        if not isinstance(entry, ArticleEntry):
            return
        rect = QRectF(option.rect).adjusted(4, option.rect.height() / 2 - 5, -4,
                                            -(option.rect.height() / 2 - 5))
        marked = sum(entry.counts.get(label, 0) for label in LABELS)
        paint_label_bar(painter, rect, entry.counts, max(marked + (entry.unmarked or 0), 1),
                        option.palette)

    def sizeHint(self, option: QStyleOptionViewItem,  # noqa: N802
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        return QSize(160, max(22, super().sizeHint(option, index).height()))


class HitDelegate(QStyledItemDelegate):
    """A hit in two lines, as Zotero and Calibre list search results: its label
    mark and quote (cut with "…" to the row's width), then the snippet with
    the matches in bold (clipped). Its height never depends on the view's
    width: the hits were laid out while their page was hidden, at a width of
    a few pixels, so wrapped text made rows of five lines and more."""

    def _document(self, option: QStyleOptionViewItem,
                  index: QModelIndex | QPersistentModelIndex, width: int) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(HIT_MARGIN)
        text_option = QTextOption()
        text_option.setWrapMode(QTextOption.WrapMode.NoWrap)
        doc.setDefaultTextOption(text_option)
        hit = index.data(HIT_ROLE)
        if isinstance(hit, Hit):
            metrics = QFontMetrics(option.font)
            room = width - 2 * HIT_MARGIN - metrics.horizontalAdvance("$ “”  ")
            doc.setHtml(hit_html(hit, metrics.elidedText(hit.exact, Qt.TextElideMode.ElideRight,
                                                          max(room, 40))))
        else:
            doc.setHtml(index.data(HTML_ROLE))
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        if index.data(HTML_ROLE) is None:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        option.text = ""
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter,
                              option.widget)
        doc = self._document(option, index, option.rect.width())
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        painter.save()
        painter.setClipRect(option.rect)
        painter.translate(option.rect.topLeft())
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem,  # noqa: N802
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        if index.data(HTML_ROLE) is None:
            return super().sizeHint(option, index)
        metrics = QFontMetrics(option.font)
        return QSize(200, 2 * metrics.lineSpacing() + 2 * HIT_MARGIN + HIT_GAP)


class PathElided(QStyledItemDelegate):
    """A path too long for its column keeps its file name and as much of its
    start as fits: ``/home/reader/…/copy-3.txt`` (Qt's middle elision cut the
    name: ``/tmp/pyte…opy-0.txt``). The whole path is the row's tooltip."""

    def initStyleOption(self, option: QStyleOptionViewItem,  # noqa: N802 (Qt override)
                        index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        widget = option.widget
        style = widget.style() if widget is not None else None
        margin = (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
                  if style is not None else 3)
        width = option.rect.width() - 2 * margin
        option.text = elide_path(option.text, option.fontMetrics, width)


def elide_path(path: str, metrics: QFontMetrics, width: int) -> str:
    """``path`` in ``width`` pixels: whole, else its start, "…" and its file
    name, else the file name elided in its middle."""
    if width <= 0 or metrics.horizontalAdvance(path) <= width:
        return path
    head, sep, name = path.rpartition("/")
    if not sep or metrics.horizontalAdvance("…" + sep + name) > width:
        return metrics.elidedText(name or path, Qt.TextElideMode.ElideMiddle, width)
    start = metrics.elidedText(head, Qt.TextElideMode.ElideRight,
                               width - metrics.horizontalAdvance(sep + name))
    return (start or "…") + sep + name
