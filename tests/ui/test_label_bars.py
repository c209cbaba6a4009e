"""The stacked bars of counts per label (the notes pane's summary, the
library's rows): segments side by side must tell their labels apart for
colour-blind readers too, on the light and the dark page."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtWidgets import QApplication

from app.core.colour_vision import RGB, from_hex, pair_distances
from app.ui.palette import MIN_LABEL_DISTANCE
from app.ui.summary_bar import SummaryWidget, paint_label_bar
from app.ui.theme import dark_palette

COUNTS = {"supported": 1, "uncertain": 1, "advertising": 1}


def palette_named(name: str) -> QPalette:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return dark_palette() if name == "dark" else app.style().standardPalette()


def segment_colours(image: QImage, width: float) -> dict[str, RGB]:
    """The colour in the middle of each segment of a bar of COUNTS over 4."""
    y = image.height() // 2
    return {label: from_hex(QColor(image.pixel(int(width * (i + 0.5) / 4), y)).name())
            for i, label in enumerate(COUNTS)}


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_bar_segments_are_apart_for_every_vision(qtbot, theme: str) -> None:
    image = QImage(400, 10, QImage.Format.Format_RGB32)
    image.fill(palette_named(theme).color(QPalette.ColorRole.Base))
    painter = QPainter(image)
    paint_label_bar(painter, QRectF(0, 0, 400, 10), COUNTS, 4, palette_named(theme))
    painter.end()
    too_close = {key: round(value, 1)
                 for key, value in pair_distances(segment_colours(image, 400)).items()
                 if value < MIN_LABEL_DISTANCE}
    assert not too_close, too_close


def test_the_notes_pane_summary_paints_that_bar(qtbot) -> None:
    widget = SummaryWidget()
    qtbot.addWidget(widget)
    widget.setPalette(palette_named("light"))
    widget.resize(400, 60)
    widget.set_counts(COUNTS, 4)
    widget.show()
    qtbot.waitExposed(widget)
    image = widget.bar.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    expected = QImage(image.size(), QImage.Format.Format_RGB32)
    expected.fill(0)
    painter = QPainter(expected)
    paint_label_bar(painter, QRectF(expected.rect()).adjusted(0.5, 0.5, -0.5, -0.5), COUNTS, 4,
                    widget.bar.palette())
    painter.end()
    assert segment_colours(image, image.width()) == segment_colours(expected, image.width())
