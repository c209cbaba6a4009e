"""List bullets a PDF draws as shapes, not as characters (Qt's PDF writer).

Most writers set a list's bullet as a character ("•", LaTeX's and Word's), which
``pdf_blocks`` reads at the start of the line. Qt's PDF writer (a printed
``QTextDocument``, claimmark's own PDF export too) draws it as a small filled
disc or square, or an outlined circle, a path PDFium's text never shows: the
items ran into each other and into the paragraph before them. A bullet here is
a path object about as wide as it is tall, between a sixth and two thirds of
the text's size, just left of where a line's text starts and level with it.
Called with ``pdf_lines.PDFIUM_LOCK`` held.
"""

from __future__ import annotations

import bisect
import ctypes
from collections.abc import Sequence

import pypdfium2.raw as pdfium_c

Box = tuple[float, float, float, float]  # x0, top, x1, bottom; points from the page's top
MAX_MARKS = 500  # more small shapes than this on a page: a drawing, not a list
MAX_OBJECTS = 60_000  # a page of more objects is not walked (Qt writes ~2,000 a full page)


def find_marks(page: pdfium_c.FPDF_PAGE, height: float) -> list[Box]:
    """The page's small, nearly square path objects (candidate bullets), by x1."""
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    get, kind, bounds = (pdfium_c.FPDFPage_GetObject, pdfium_c.FPDFPageObj_GetType,
                         pdfium_c.FPDFPageObj_GetBounds)
    marks: list[Box] = []
    count = pdfium_c.FPDFPage_CountObjects(page)
    for index in range(count if count <= MAX_OBJECTS else 0):
        thing = get(page, index)
        if kind(thing) != pdfium_c.FPDF_PAGEOBJ_PATH or not bounds(thing, left, bottom, right,
                                                                  top):
            continue
        width, tall = right.value - left.value, top.value - bottom.value
        if 1.0 <= width <= 12.0 and 0.75 * tall <= width <= 1.33 * tall:
            marks.append((left.value, height - top.value, right.value, height - bottom.value))
            if len(marks) > MAX_MARKS:
                return []
    marks.sort(key=lambda box: box[2])
    return marks


def bullet_before(marks: Sequence[Box], x0: float, top: float, bottom: float,
                  size: float) -> float:
    """The x0 of a bullet drawn before a line's text at ``x0`` (0.0: none).

    Its right edge within an em and a half before the text, its width between
    a sixth and two thirds of the text's ``size``, its middle inside the line's
    box.
    """
    ends = [box[2] for box in marks]
    for k in range(bisect.bisect_left(ends, x0 - 1.5 * size), bisect.bisect_right(ends, x0)):
        mark = marks[k]
        if size / 6 <= mark[2] - mark[0] <= size * 2 / 3 and top <= (
                mark[1] + mark[3]) / 2 <= bottom:
            return mark[0]
    return 0.0
