"""Counts per label and a stacked bar of them."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.core.annotations import LABELS
from app.ui.flow_layout import FlowLayout
from app.ui.palette import LABEL_COLORS, LABEL_MARKS, LABEL_TITLES, label_ink


class StackedBar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counts: dict[str, int] = {}
        self.total = 0
        self.setMinimumHeight(8)
        self.setAccessibleName("Label proportions")

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(200, 8)

    def set_counts(self, counts: dict[str, int], total: int) -> None:
        self.counts, self.total = counts, total
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        paint_label_bar(painter, QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5),
                        self.counts, self.total, self.palette())
        painter.end()


def paint_label_bar(painter: QPainter, rect: QRectF, counts: Mapping[str, int], total: int,
                    palette: QPalette) -> None:
    """A rounded bar, one segment per label in proportion to ``total``.

    Segments are filled with the labels' inks, not their Okabe–Ito colours:
    orange and vermillion side by side are ΔE00 12.5 apart for deuteranopes,
    the inks at least 16.8 (tests/ui/test_label_bars.py)."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(palette.color(QPalette.ColorRole.Midlight))
    painter.drawRoundedRect(rect, 3, 3)
    x = rect.left()
    for label in LABELS if total > 0 else ():
        width = rect.width() * counts.get(label, 0) / total
        if width > 0:
            painter.setBrush(label_ink(label, palette))
            painter.drawRect(QRectF(x, rect.top(), width, rect.height()))
            x += width
    painter.restore()


class SummaryWidget(QWidget):
    """``✓ 3 supported · ? 5 uncertain · $ 4 advertising · 40 unmarked`` + bar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._shown: tuple[dict[str, int], int, int | None] = ({}, 0, None)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        row = FlowLayout(spacing=12)  # wraps in a narrow pane instead of widening it
        self.labels: dict[str, QLabel] = {}
        for label in (*LABELS, "none"):
            widget = QLabel(self)
            widget.setObjectName(f"count_{label}")
            color = LABEL_COLORS[label].name() if label in LABEL_COLORS else None
            widget.setProperty("labelColor", color)
            self.labels[label] = widget
            row.addWidget(widget)
        layout.addLayout(row)
        self.bar = StackedBar(self)
        layout.addWidget(self.bar)
        self.set_counts({}, 0)

    def set_counts(self, counts: dict[str, int], claims: int,
                   unmarked: int | None = None) -> None:
        """``unmarked``: the claims without a label, when the caller knows them
        (else the claims less the labelled notes)."""
        self._shown = (counts, claims, unmarked)
        marked = sum(counts.get(label, 0) for label in LABELS)
        for label, widget in self.labels.items():
            if label == "none":
                value = max(0, claims - marked) if unmarked is None else unmarked
                widget.setText(f"{value} unmarked")
            else:
                color = label_ink(label, self.palette()).name()
                widget.setText(f"<span style='color:{color}; font-weight:bold'>"
                               f"{LABEL_MARKS[label]}</span> {counts.get(label, 0)} "
                               f"{LABEL_TITLES[label].lower()}")
        self.bar.set_counts(counts, max(claims, marked))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        """The marks' ink depends on the palette: redo them when the theme changes."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.set_counts(*self._shown)
