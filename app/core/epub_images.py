"""An EPUB's own pictures: named when the book is loaded, read from the book when shown.

The loader gives each ``<img>`` of a chapter the source ``epub:<member>``: the
zip member its ``src`` names, resolved against the chapter's own path and
percent-encoded (:func:`book_source`). The canonical text does not change
(an image block is one U+FFFC whatever its source). The view then asks
:class:`BookImages` for the member's bytes: only a member of that book,
never a file beside it, never the network; a regular file only, the book and
the member size-capped (the cap is read from the stream, not trusted from
the zip's headers, so a bomb stops at it), and only the raster formats
:func:`raster_format` recognises by their first bytes (no SVG: it may name
other files). Anything else gives ``None``, and the view shows the
``[image: alt]`` card instead.
"""

from __future__ import annotations

import os
import posixpath
import stat
import weakref
import zipfile
import zlib
from typing import BinaryIO
from urllib.parse import quote, unquote, urlsplit

from app.core.local_resources import MAX_FILE_IMAGE_BYTES

EPUB_SCHEME = "epub:"
MAX_BOOK_BYTES = 100 * 1024 * 1024  # as load_epub's cap on the whole book
MAX_BOOK_IMAGE_BYTES = MAX_FILE_IMAGE_BYTES  # as an image file beside a saved page
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
_MAGIC = ((b"\x89PNG\r\n\x1a\n", "png"), (b"\xff\xd8\xff", "jpeg"), (b"GIF87a", "gif"),
          (b"GIF89a", "gif"), (b"BM", "bmp"))


def book_source(chapter: str, src: str) -> str:
    """The source an ``<img src>`` of the chapter at member path ``chapter``
    gets: ``epub:`` and the member it names, percent-encoded. A source that
    leaves the book (``../`` past its root) or names another place (a scheme,
    a host) keeps its own text after ``epub:``: it names no member, so it is
    never read."""
    parts = urlsplit(src)
    if parts.scheme or parts.netloc or not parts.path:
        return EPUB_SCHEME + quote(src, safe="")
    member = posixpath.normpath(posixpath.join(posixpath.dirname(chapter), unquote(parts.path)))
    return EPUB_SCHEME + quote(member.lstrip("/"), safe="/")


class BookImages:
    """The pictures of the book at ``path``, read as the view asks for them.

    The book is opened on the first picture and its zip directory read once
    (a book of 3,000 members took ~9 ms to open, for each picture); it stays
    open until :meth:`close` (or until this object is collected), so every
    picture comes from the book as it was when first opened.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = path
        self._book: zipfile.ZipFile | None = None
        self._closer: weakref.finalize | None = None  # type: ignore[type-arg]
        self._unreadable = False

    def read(self, src: str) -> bytes | None:
        """The bytes of the picture ``src`` (``epub:<member>``), or None: not such
        a source, not a member of the book, a member over the cap or damaged, a
        book that is no regular file or no zip."""
        if not src.startswith(EPUB_SCHEME):
            return None
        member = unquote(src[len(EPUB_SCHEME):])
        if not member or member.startswith("/") or ".." in member.split("/"):
            return None
        book = self._open()
        if book is None:
            return None
        try:
            entry = book.getinfo(member)
            if entry.flag_bits & 0x1 or entry.file_size > MAX_BOOK_IMAGE_BYTES:
                return None  # encrypted, or too large by its own account
            with book.open(entry) as stream:
                data = stream.read(MAX_BOOK_IMAGE_BYTES + 1)  # a lying header stops here
        except (KeyError, zipfile.BadZipFile, OSError, ValueError, EOFError,
                NotImplementedError, RuntimeError, zlib.error):
            return None
        return data if len(data) <= MAX_BOOK_IMAGE_BYTES else None

    def close(self) -> None:
        if self._closer is not None:
            self._closer()
        self._book, self._closer = None, None

    def __enter__(self) -> BookImages:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _open(self) -> zipfile.ZipFile | None:
        if self._book is not None or self._unreadable:
            return self._book
        self._unreadable = True
        try:
            fd = os.open(self.path, _OPEN_FLAGS)
        except OSError:
            return None
        try:
            info = os.fstat(fd)
        except OSError:
            info = None
        if info is None or not stat.S_ISREG(info.st_mode) or info.st_size > MAX_BOOK_BYTES:
            os.close(fd)  # a folder, a pipe, a device: never read
            return None
        file = os.fdopen(fd, "rb")
        try:
            book = zipfile.ZipFile(file)
        except (OSError, zipfile.BadZipFile, ValueError, EOFError):
            file.close()
            return None
        self._book, self._unreadable = book, False
        self._closer = weakref.finalize(self, _close, book, file)
        return book


def _close(book: zipfile.ZipFile, file: BinaryIO) -> None:
    book.close()
    file.close()


def read_book_image(book_path: str | os.PathLike[str], src: str) -> bytes | None:
    """The bytes of the picture ``src`` inside the book at ``book_path``, or None
    (:meth:`BookImages.read`)."""
    with BookImages(book_path) as book:
        return book.read(src)


def raster_format(data: bytes) -> str | None:
    """The raster format the bytes begin as (png, jpeg, gif, webp, bmp), else None."""
    for magic, name in _MAGIC:
        if data.startswith(magic):
            return name
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    return None
