"""What the article view shows where an image cannot be: a placeholder card
saying ``[image: alt text]``, or ``[image]`` when the page gave none."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QPen

MAX_IMAGE_WIDTH = 640
PLACEHOLDER_PAD = 8
MAX_PLACEHOLDER_HEIGHT = 240
BARE_SIZE = (160, 90)  # a card without alt text
PLACEHOLDER_CARD = QColor("#ECECEC")  # #333 on it: 10.6:1
PLACEHOLDER_INK = QColor("#333333")
# On the dark page a light card glared (tester T7): a card a step lighter than
# the page (#18191b) with the page's own text colour, 12.5:1.
PLACEHOLDER_CARD_DARK = QColor("#2B2C30")
PLACEHOLDER_INK_DARK = QColor("#E8EAED")


def placeholder_image(alt: str = "", dark: bool = False,
                      max_width: int = MAX_IMAGE_WIDTH) -> QImage:
    """What stands where an image was refused or could not be read: a card
    with ``[image: alt]`` in it when the page gave alt text (it may be all a
    reader gets of the image), wrapped to ``max_width``. A bordered card in the page's own
    lightness: dark text on light grey, or light text on dark grey. Without
    alt text the card says ``[image]``, as the exports do (a bare grey box
    said nothing, tester T10)."""
    font = QFont()
    metrics = QFontMetrics(font)
    text = f"[image: {alt}]" if alt else "[image]"
    flags = Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap
    if alt:
        width = min(max_width, metrics.horizontalAdvance(text) + 2 * PLACEHOLDER_PAD)
        inner = QRect(0, 0, width - 2 * PLACEHOLDER_PAD, 10_000)
        height = min(MAX_PLACEHOLDER_HEIGHT,
                     metrics.boundingRect(inner, flags, text).height() + 2 * PLACEHOLDER_PAD)
    else:  # the size the bare box had
        width, height = min(max_width, BARE_SIZE[0]), BARE_SIZE[1]
        flags = Qt.AlignmentFlag.AlignCenter
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(PLACEHOLDER_CARD_DARK if dark else PLACEHOLDER_CARD)
    painter = QPainter(image)
    painter.setPen(QPen(PLACEHOLDER_INK_DARK if dark else PLACEHOLDER_INK, 1,
                        Qt.PenStyle.DashLine))
    painter.drawRect(0, 0, width - 1, height - 1)
    painter.setFont(font)
    painter.drawText(QRect(PLACEHOLDER_PAD, PLACEHOLDER_PAD, width - 2 * PLACEHOLDER_PAD,
                           height - 2 * PLACEHOLDER_PAD), flags, text)
    painter.end()
    return image
