"""An EPUB's pictures are shown (tester T10: only "[image: alt]" cards): read
from inside the book, fitted to the column, in light and dark; a member that
is missing, damaged, SVG or over the pixel cap stays a card; the document's
text is still the canonical text."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QImage

from app.ui.article_images import MAX_IMAGE_PIXELS, decode_image
from app.ui.image_placeholder import PLACEHOLDER_CARD, PLACEHOLDER_CARD_DARK
from tests.epub_factory import chapter, make_epub
from tests.ui.conftest import open_article, switch_theme

BLUE = QColor("#1f5fbf")
ORANGE = QColor("#e07b10")


def encoded(colour: QColor, width: int, height: int, fmt: str) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(colour)
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, fmt)
    return bytes(array.data())


def png_header_only(width: int, height: int) -> bytes:
    """A PNG that claims ``width`` × ``height`` pixels in a few bytes."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data)))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
            + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(b"IEND", b""))


BODY = ('<p>Teenagers sleep less than they need.</p>'
        '<p><img src="../images/chart.png" alt="Hours of sleep by age"/></p>'
        '<p><img src="../images/photo.jpg"/></p>'
        "<p>The chart shows a drop at fifteen.</p>"
        '<p><img src="../images/gone.png" alt="A missing figure"/></p>'
        '<p><img src="../images/plan.svg" alt="A floor plan"/></p>'
        '<p><img src="../images/huge.png" alt="A huge scan"/></p>'
        '<p><img src="../images/broken.png" alt="A broken figure"/></p>')


@pytest.fixture
def book(tmp_path: Path) -> Path:
    (tmp_path / "images").mkdir()  # a same-named file beside the book must not stand in
    (tmp_path / "images" / "gone.png").write_bytes(encoded(ORANGE, 300, 200, "PNG"))
    svg = (b'<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100">'
           b'<rect width="200" height="100" fill="#1f5fbf"/></svg>')
    return make_epub(tmp_path / "sleep.epub", [("c.xhtml", "Sleep", chapter(BODY))],
                     title="Sleep", extra={
                         "OEBPS/images/chart.png": encoded(BLUE, 900, 160, "PNG"),
                         "OEBPS/images/photo.jpg": encoded(ORANGE, 240, 120, "JPEG"),
                         "OEBPS/images/plan.svg": svg,
                         "OEBPS/images/huge.png": png_header_only(30_000, 30_000),
                         "OEBPS/images/broken.png": b"\x89PNG\r\n\x1a\n" + b"\x00" * 50})


def near(image: QImage, colour: QColor, tolerance: int = 12) -> int:
    count = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            c = image.pixelColor(x, y)
            if (abs(c.red() - colour.red()) <= tolerance and abs(c.green() - colour.green())
                    <= tolerance and abs(c.blue() - colour.blue()) <= tolerance):
                count += 1
    return count


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_a_book_s_pictures_are_shown(qtbot, make_window, book: Path, theme: str) -> None:
    window = make_window()
    switch_theme(qtbot, window, theme)
    open_article(qtbot, window, book)
    view = window.view
    # The document's text is the canonical text, images being one U+FFFC each.
    assert view.document().toRawText() == window.session.article.text.replace("\n", "\u2029")
    qtbot.waitUntil(lambda: len(view.images.images) + len(view.images.placeholders) == 6)
    assert sorted(view.images.images) == ["epub:OEBPS/images/chart.png",
                                          "epub:OEBPS/images/photo.jpg"]
    assert all(image.width() <= 640 for image in view.images.images.values())
    view.viewport().repaint()
    shot = view.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    assert near(shot, BLUE) > 2000  # the chart, fitted to the column (1/4 of the pixels)
    assert near(shot, ORANGE, 24) > 500  # the photo (JPEG), not the file beside the book
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    view.viewport().repaint()
    shot = view.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    assert near(shot, PLACEHOLDER_CARD_DARK if theme == "dark" else PLACEHOLDER_CARD, 0) > 2000
    # gone.png stays a card: the orange file of that name beside the book is not read
    assert "epub:OEBPS/images/gone.png" in view.images.placeholders


def test_the_pixel_cap_is_read_from_the_header() -> None:
    assert decode_image(png_header_only(30_000, 30_000), "png").isNull()
    side = int(MAX_IMAGE_PIXELS ** 0.5) + 1
    assert decode_image(png_header_only(side, side)).isNull()
    big = decode_image(encoded(BLUE, 2000, 1000, "JPEG"), "jpeg")
    assert (big.width(), big.height()) == (640, 320)  # decoded at the page's width
    assert decode_image(b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, "png").isNull()
    assert decode_image(None).isNull() and decode_image(b"").isNull()
