"""The suggestion mark: a dotted underline thick enough to see on any page.

Qt draws a ``DotLine`` underline one device pixel thick, a dot every other
pixel or so: on the dark page it all but vanished at normal zoom (a tester's
report; measured by ``tests/ui/mark_contrast.py``). QTextCharFormat has no
underline width, so the view keeps the suggestion's ExtraSelection (its
underline style says "suggested", with an invisible colour) and paints the
dots itself here, for the suggestions in view only: square dots as tall as
``MARK_WIDTH_EM`` of the font (at least 2 px), one dot's gap apart, in the
label's ink. Dotted stays the non-colour cue that sets a suggestion apart
from the labels' solid, wavy and dashed underlines over a tint.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import cast

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen, QTextDocument, QTextLine

MARK_WIDTH_EM = 0.11  # about 2 px at the reading size
MIN_MARK_WIDTH = 2.0
DOT_PATTERN = [1.0, 1.0]  # dot, gap, in pen widths


def mark_pen(color: QColor, metrics: QFontMetricsF) -> QPen:
    """A pen of square dots a little thicker than the text's own underline."""
    width = max(MIN_MARK_WIDTH, round(metrics.height() * MARK_WIDTH_EM))
    pen = QPen(color, width)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    pen.setDashPattern(DOT_PATTERN)
    return pen


def line_pieces(document: QTextDocument, start: int, end: int
                ) -> Iterator[tuple[QTextLine, QPointF, float, float]]:
    """Each laid-out line ``[start, end)`` (UTF-16) touches: the line, its
    block's origin (document coordinates) and the x range covered."""
    block = document.findBlock(start)
    while block.isValid() and block.position() <= end:
        layout = block.layout()
        origin = layout.position()
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            line_start = block.position() + line.textStart()
            lo, hi = max(start, line_start), min(end, line_start + line.textLength())
            if lo >= hi and not (lo == hi == start == end):
                continue
            yield line, origin, x_of(line, lo - block.position()), x_of(line, hi - block.position())
        block = block.next()


def paint_marks(painter: QPainter, document: QTextDocument, offset: QPointF,
                marks: list[tuple[int, int, QColor]], metrics: QFontMetricsF) -> None:
    """Draw the dotted mark under each ``(start, end, colour)`` (UTF-16 spans);
    ``offset`` is the scroll position (document → viewport)."""
    below = metrics.underlinePos() + 0.5
    for start, end, color in marks:
        pen = mark_pen(color, metrics)
        painter.setPen(pen)
        for line, origin, x1, x2 in line_pieces(document, start, end):
            y = origin.y() + line.y() + line.ascent() + below + pen.widthF() / 2 - offset.y()
            painter.drawLine(QPointF(origin.x() + x1 - offset.x(), y),
                             QPointF(origin.x() + x2 - offset.x(), y))


def paint_cue_frames(painter: QPainter, document: QTextDocument, offset: QPointF,
                     frames: list[tuple[int, int, QColor]], metrics: QFontMetricsF) -> None:
    """Draw a dotted frame round each ``(start, end, colour)`` (UTF-16 spans):
    a suggestion's cue words, boxed in the dots that say "suggested" and that
    no label uses."""
    for start, end, color in frames:
        pen = mark_pen(color, metrics)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        half = pen.widthF() / 2
        for line, origin, x1, x2 in line_pieces(document, start, end):
            top = origin.y() + line.y() - offset.y()
            painter.drawRect(QRectF(origin.x() + x1 - offset.x() - half - 1, top + half,
                                    x2 - x1 + 2 * half + 2, line.height() - 2 * half))


def x_of(line: QTextLine, cursor: int) -> float:
    """The x of a cursor position in a laid-out line (PySide returns (x, cursor))."""
    x, _ = cast(tuple[float, int], line.cursorToX(cursor))
    return x
