"""The article's images as the view shows them: fitted to the text column,
or a placeholder card where an image cannot be shown.

Nothing is fetched: ``app.core.local_resources`` decides which local files
may be read (the view asks through ``load``), an EPUB's pictures come
from inside the book (``app.core.epub_images``) and a page saved as one
file's from its own parts (``app.core.mhtml_images``), never from beside it.
An image is decoded only when its header gives a size of at most
``MAX_IMAGE_PIXELS``, and one wider than the page is decoded at the page's
width (a JPEG's decoder does that for less). An image wider than the column
is scaled to it, as a browser's ``max-width: 100%`` (the Rust book's 640 px
diagrams pushed a narrow page sideways), and fitted again when the column
changes; a card takes the page's lightness and is redrawn on a theme switch.
The document keeps an image it loaded once, so a new size or colour is given
to it with ``addResource``, and only the lines holding those images are laid
out again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt, QUrl
from PySide6.QtGui import QImage, QImageReader, QTextDocument

from app.core.article import Article, image_alt
from app.core.epub_images import EPUB_SCHEME, BookImages, raster_format
from app.core.load_mhtml import MHTML_SUFFIXES
from app.core.local_resources import image_bytes
from app.ui.image_placeholder import MAX_IMAGE_WIDTH, placeholder_image
from app.ui.positions import PositionMap

if TYPE_CHECKING:
    from app.core.mhtml_images import SavedPageImages

MIN_IMAGE_WIDTH = 80  # images are fitted to the column, but never smaller than this
IMAGE_SLACK = 8  # px kept free beside a fitted image
IMAGE = QTextDocument.ResourceType.ImageResource.value
# 40 megapixels (160 MB decoded) and more is refused before decoding: a PNG of a
# few KB can claim 30,000 × 30,000 pixels (3.6 GB); a camera's photo is ~24 MP.
MAX_IMAGE_PIXELS = 40_000_000


class ArticleImages:
    def __init__(self) -> None:
        self.alts: dict[str, str] = {}  # image source → its alt text
        self.places: dict[str, list[int]] = {}  # each source's positions (UTF-16)
        self.images: dict[str, QImage] = {}  # images shown, at their own size (≤ 640 px)
        self.placeholders: set[str] = set()  # sources shown as a card
        self.column = 0  # the text column's width, px
        self.book: BookImages | None = None  # the EPUB whose pictures these are
        self.saved: SavedPageImages | None = None  # the .mhtml whose pictures these are

    def reset(self, article: Article, positions: PositionMap) -> None:
        self.images, self.placeholders, self.places = {}, set(), {}
        if self.book is not None:
            self.book.close()
        self.book = BookImages(article.source_path) if article.format == "epub" else None
        self.saved = None
        if article.source_path.lower().endswith(MHTML_SUFFIXES):
            # Imported here: the email package costs every other article's start-up.
            from app.core.mhtml_images import SavedPageImages

            self.saved = SavedPageImages(article.source_path)
        # Keyed as Qt names them to ``load`` ("a%20b.png" comes as "a b.png").
        self.alts = {_as_qt(s.href): image_alt(b) for b in article.blocks if b.kind == "image"
                     for s in b.styles if s.style == "image" and s.href}
        for block in article.blocks:
            for run in block.styles:
                if block.kind == "image" and run.style == "image" and run.href:
                    self.places.setdefault(_as_qt(run.href), []).append(
                        positions.to_utf16(block.start))

    def load(self, src: str, base_dir: str | None, dark: bool) -> QImage:
        """The image to show for ``src``: the allowed local image, fitted, else a card."""
        image = decode_image(*self._bytes(src, base_dir))
        if image.isNull():
            self.placeholders.add(src)
            return self._card(src, dark)
        self.images[src] = image
        return self._fitted(image)

    def _bytes(self, src: str, base_dir: str | None) -> tuple[bytes | None, str | None]:
        """The image's bytes and, for a picture inside the file, the format they
        must be in."""
        if self.saved is not None and not src.lstrip().lower().startswith("data:"):
            data = self.saved.read(src)  # the file's own part, or nothing
        elif not src.startswith(EPUB_SCHEME):
            return image_bytes(src, base_dir), None
        else:
            data = self.book.read(src) if self.book is not None else None
        kind = raster_format(data) if data else None
        return (data, kind) if kind else (None, None)

    def set_column(self, document: QTextDocument, width: int, dark: bool) -> None:
        """The column is now ``width`` px: fit the images and cards to it."""
        column = max(MIN_IMAGE_WIDTH, width - IMAGE_SLACK)
        if column == self.column:
            return
        self.column = column
        for src, image in self.images.items():
            document.addResource(IMAGE, QUrl(src), self._fitted(image))
        self.redraw_cards(document, dark)
        for src in (*self.images, *self.placeholders):
            for position in self.places.get(src, ()):
                document.markContentsDirty(position, 1)

    def redraw_cards(self, document: QTextDocument, dark: bool) -> None:
        """The cards in this theme's colours (or the column's new width)."""
        for src in self.placeholders:
            document.addResource(IMAGE, QUrl(src), self._card(src, dark))

    def _card(self, src: str, dark: bool) -> QImage:
        return placeholder_image(self.alts.get(src, ""), dark, self._fitted_width(MAX_IMAGE_WIDTH))

    def _fitted_width(self, width: int) -> int:
        return min(width, self.column) if self.column > 0 else width

    def _fitted(self, image: QImage) -> QImage:
        width = self._fitted_width(image.width())
        if width >= image.width():
            return image
        return image.scaledToWidth(max(1, width), Qt.TransformationMode.SmoothTransformation)


def decode_image(data: bytes | None, kind: str | None = None) -> QImage:
    """``data`` as an image at most ``MAX_IMAGE_WIDTH`` wide (in format ``kind``
    only, when given), or a null image: no data, damaged, or over
    ``MAX_IMAGE_PIXELS`` by its header."""
    if not data:
        return QImage()
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer, QByteArray(kind.encode()) if kind else QByteArray())
    reader.setAutoTransform(True)  # a photo's EXIF orientation, as browsers show it
    size = reader.size()
    if size.isValid():
        if size.width() * size.height() > MAX_IMAGE_PIXELS or size.isEmpty():
            return QImage()
        if size.width() > MAX_IMAGE_WIDTH:
            reader.setScaledSize(QSize(MAX_IMAGE_WIDTH, max(
                1, round(size.height() * MAX_IMAGE_WIDTH / size.width()))))
    image = reader.read()
    if not image.isNull() and image.width() > MAX_IMAGE_WIDTH:  # its header gave no size
        image = image.scaledToWidth(MAX_IMAGE_WIDTH, Qt.TransformationMode.SmoothTransformation)
    return image


def _as_qt(src: str) -> str:
    return QUrl(src).toString()
