"""A PDF page as an image, and where a quote sits on it (View ▸ Original Page).

Rendering and character boxes come from PDFium, under the same lock as text
extraction. The quote is found in the page's own characters with spaces,
hyphens and ligatures set aside, so a claim whose words were mended
("con-" + "sectetuer") or whose lines were joined is still found; a claim
that runs onto the next page is matched by its longest part on this page.
"""

from __future__ import annotations

import ctypes
import os
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from app.core.load_pdf import MAX_PDF_BYTES
from app.core.pdf_lines import PDFIUM_LOCK, open_pdf
from app.core.pdf_own_export import export_markers, is_own_export
from app.core.reading import read_bytes

MAX_RENDER_PIXELS = 40_000_000  # a page bigger than this is drawn smaller
_SUPERSCRIPTS = frozenset("⁰¹²³⁴⁵⁶⁷⁸⁹⁻")
_MIN_PART = 12  # characters of a claim worth highlighting on its own


@dataclass(frozen=True, slots=True)
class PageImage:
    """An RGB image of a page (``stride`` bytes a row) and its size in points."""

    width: int
    height: int
    stride: int
    pixels: bytes
    page_width: float
    page_height: float


@dataclass(frozen=True, slots=True)
class Box:
    """A rectangle on the page in points, origin top-left."""

    left: float
    top: float
    right: float
    bottom: float


class PdfPages:
    """An open PDF for drawing pages; close it when done."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        p = Path(path)
        self.document = open_pdf(read_bytes(p, MAX_PDF_BYTES), p.name)
        with PDFIUM_LOCK:
            self.pages = len(self.document)
            self.own = is_own_export(self.document)  # its markers are not in the claims

    def close(self) -> None:
        with PDFIUM_LOCK:
            self.document.close()

    def size(self, number: int) -> tuple[float, float]:
        """Width and height of page ``number`` in points."""
        with PDFIUM_LOCK:
            page = self.document[number - 1]
            try:
                width, height = page.get_size()
                return float(width), float(height)
            finally:
                page.close()

    def render(self, number: int, scale: float) -> PageImage:
        """Page ``number`` (1-based) at ``scale`` pixels per point."""
        with PDFIUM_LOCK:
            page = self.document[number - 1]
            try:
                width, height = page.get_size()
                scale = min(scale, (MAX_RENDER_PIXELS / max(width * height, 1.0)) ** 0.5)
                bitmap = page.render(scale=scale, may_draw_forms=False, rev_byteorder=True)
                try:
                    pixels = bytes(bitmap.buffer)
                    return PageImage(bitmap.width, bitmap.height, bitmap.stride, pixels,
                                     width, height)
                finally:
                    bitmap.close()
            finally:
                page.close()

    def quote_boxes(self, number: int, quote: str, near: float | None = None) -> list[Box]:
        """Rectangles covering ``quote`` on page ``number``; [] when it is not there.
        ``near`` (0–1) is how far into the page's text the quote is expected: of
        several occurrences, the nearest is shown (see :func:`_find`)."""
        wanted = _folded(quote)[0]
        if not wanted:
            return []
        with PDFIUM_LOCK:
            page = self.document[number - 1]
            try:
                height = page.get_size()[1]
                textpage = page.get_textpage()
                try:
                    count = textpage.count_chars()
                    if count <= 0:
                        return []
                    text = textpage.get_text_range(0, count)
                    for a, b in export_markers(textpage.raw, 0, text, text) if self.own else ():
                        text = text[:a] + " " * (b - a) + text[b:]  # (offsets stay)
                    span = _find(text, wanted, near)
                    return [] if span is None else _rects(textpage, span, height)
                finally:
                    textpage.close()
            finally:
                page.close()


def _folded(text: str) -> tuple[str, list[int]]:
    """Letters and digits only (ligatures unfolded, a claim's power "10⁶" as the
    page's "106", case kept), with source indices."""
    out: list[str] = []
    where: list[int] = []
    for index, ch in enumerate(text):
        for piece in unicodedata.normalize("NFKC", ch) if ord(ch) >= 0xFB00 or (
                ch in _SUPERSCRIPTS) else ch:
            if piece.isalnum():
                out.append(piece)
                where.append(index)
    return "".join(out), where


def _find(text: str, wanted: str, near: float | None = None) -> tuple[int, int] | None:
    """Source span of ``wanted`` in ``text`` (folded); else of its longest head or tail.

    A short claim can occur twice on a page (a list whose entries share words):
    the occurrence nearest ``near`` × the page's length is taken, not the first.
    """
    folded, where = _folded(text)
    found = []
    at = folded.find(wanted)
    while at >= 0:
        found.append(at)
        at = folded.find(wanted, at + 1)
    if found:
        if near is not None:
            at = min(found, key=lambda f: abs(f - near * max(1, len(folded) - len(wanted))))
        else:
            at = found[0]
        return where[at], where[at + len(wanted) - 1] + 1
    # A claim across a page break: its head ends this page or its tail starts it.
    for size in range(len(wanted) - 1, _MIN_PART - 1, -1):
        if folded.endswith(wanted[:size]):
            return where[len(folded) - size], where[-1] + 1
        if folded.startswith(wanted[-size:]):
            return where[0], where[size - 1] + 1
    return None


def _rects(textpage: pdfium.PdfTextPage, span: tuple[int, int], height: float) -> list[Box]:
    start, end = span
    left, top, right, bottom = (ctypes.c_double() for _ in range(4))
    boxes = []
    for k in range(pdfium_c.FPDFText_CountRects(textpage.raw, start, end - start)):
        if pdfium_c.FPDFText_GetRect(textpage.raw, k, left, top, right, bottom):
            boxes.append(Box(left.value, height - top.value, right.value,
                             height - bottom.value))
    return boxes
