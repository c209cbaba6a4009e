"""Paints one row of the claim list: a label chip, the quote, the note's start."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import QAbstractItemView, QStyledItemDelegate, QStyleOptionViewItem

from app.core.language import right_to_left
from app.ui.claim_model import (
    LABEL_ROLE,
    NO_TEXT_ROLE,
    NOTE_ROLE,
    SOURCES_ROLE,
    STATUS_ROLE,
    SUGGESTION_ROLE,
)
from app.ui.note_preview import plain_note
from app.ui.palette import LABEL_COLORS, LABEL_MARKS, NOTED_MARK, ON_LABEL, label_ink
from app.ui.row_words import status_remark

CHIP_WIDTH = 26
PADDING = 6


MIN_ROW_WIDTH = 120  # pixels: a chip and a few words


class ClaimDelegate(QStyledItemDelegate):
    def sizeHint(self, option: QStyleOptionViewItem,  # noqa: N802 (Qt override)
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        # One height for every row (two lines of quote, one of note): the list
        # uses uniform item sizes so a book's 20,000 rows lay out at once. The
        # width is the least a row takes; the list widens rows to its own width
        # (200 made a narrow pane scroll sideways: tester T11 at 800×600).
        metrics = QFontMetrics(option.font)
        return QSize(MIN_ROW_WIDTH, PADDING * 2 + metrics.lineSpacing() * 3)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        painter.save()
        palette = option.palette
        # The view's selection, not option.state: reading the state makes
        # PySide6 create QStyle's Python enums (~30 ms) before the first paint.
        view = self.parent()
        selected = (isinstance(view, QAbstractItemView)
                    and view.selectionModel().isSelected(index))
        if selected:
            painter.fillRect(option.rect, palette.color(QPalette.ColorRole.Highlight))
        elif index.row() % 2:
            painter.fillRect(option.rect, palette.color(QPalette.ColorRole.AlternateBase))
        text_color = palette.color(QPalette.ColorRole.HighlightedText if selected
                                   else QPalette.ColorRole.Text)
        label = index.data(LABEL_ROLE) or "none"
        suggestion = index.data(SUGGESTION_ROLE)
        rect = option.rect.adjusted(PADDING, PADDING, -PADDING, -PADDING)
        chip = QRect(rect.left(), rect.top() + 1, CHIP_WIDTH - 6, CHIP_WIDTH - 6)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if label in LABEL_COLORS:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(LABEL_COLORS[label])
            painter.drawRoundedRect(chip, 4, 4)
            painter.setPen(ON_LABEL[label])
            mark = LABEL_MARKS[label]
        elif suggestion is not None:
            color = label_ink(suggestion.label, palette)
            painter.setPen(QPen(color, 1.5, Qt.PenStyle.DotLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(chip, 4, 4)
            mark = LABEL_MARKS[suggestion.label]
        else:
            noted = bool(index.data(NOTE_ROLE) or index.data(SOURCES_ROLE))
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(chip, 4, 4)
            painter.setPen(text_color)
            mark = NOTED_MARK if noted else ""  # a note, no label: not an empty chip
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, mark)
        painter.setFont(option.font)
        painter.setPen(text_color)
        metrics = QFontMetrics(option.font)
        text_rect = rect.adjusted(CHIP_WIDTH, 0, 0, 0)
        quote, extra = row_texts(index)
        line_height = metrics.lineSpacing()
        quote_rect = QRect(text_rect.left(), text_rect.top(), text_rect.width(), line_height * 2)
        elided = _elide_lines(quote, metrics, text_rect.width(), 2)
        _draw_text(painter, quote_rect, Qt.AlignmentFlag.AlignTop, elided)
        if extra:
            dim = QColor(text_color)
            dim.setAlpha(170)
            painter.setPen(dim)
            note_rect = QRect(text_rect.left(), text_rect.top() + line_height * 2,
                              text_rect.width(), line_height)
            _draw_text(painter, note_rect, Qt.AlignmentFlag.AlignTop,
                       metrics.elidedText(extra, Qt.TextElideMode.ElideRight, text_rect.width()))
        painter.restore()


def _draw_text(painter: QPainter, rect: QRect, vertical: Qt.AlignmentFlag, text: str) -> None:
    """Draw ``text`` in its own direction: Arabic or Hebrew from the right edge,
    read right to left. Drawn left to right, "اطلب الآن! خصم 50 ٪" showed its
    number and "!" at the wrong ends (tester T15)."""
    if right_to_left(text):
        painter.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        painter.drawText(rect, vertical | Qt.AlignmentFlag.AlignRight
                         | Qt.AlignmentFlag.AlignAbsolute, text)
        painter.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    else:
        painter.drawText(rect, vertical | Qt.AlignmentFlag.AlignLeft, text)


def row_texts(index: QModelIndex | QPersistentModelIndex) -> tuple[str, str]:
    """The row's two lines of quote and its line under them: the state, the note."""
    quote = index.data() or ""
    no_text = bool(index.data(NO_TEXT_ROLE))
    extra = status_remark(no_text, index.data(STATUS_ROLE) or "")
    if extra and not no_text:  # lost or reworded (T9: not only in the editor)
        extra = f"⚠ {extra}"
    note = plain_note(index.data(NOTE_ROLE) or "")  # the words, not the Markdown
    if no_text and not quote.strip():  # a page note: its words where a quote would be (I15)
        quote, note = note, ""
    if note:
        extra = f"{extra}  ✎ {note}" if extra else f"✎ {note}"
    return quote, extra


def _elide_lines(text: str, metrics: QFontMetrics, width: int, lines: int) -> str:
    """Wrap ``text`` into at most ``lines`` lines, the last one elided."""
    words = text.split()
    out: list[str] = []
    current = ""
    for i, word in enumerate(words):
        trial = f"{current} {word}" if current else word
        if metrics.horizontalAdvance(trial) <= width:
            current = trial
            continue
        out.append(current)
        current = word
        if len(out) == lines - 1:
            rest = " ".join(words[i:])
            out.append(metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width))
            return "\n".join(out)
    out.append(current)
    return "\n".join(line for line in out if line or len(out) == 1)

