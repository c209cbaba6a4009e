"""claimmark's own PDF export read back: its note markers and what it says of itself.

A report claimmark exported (``ui/pdf_export``: the document's Creator is
``export_mark.PDF_CREATOR``) marks the text each note is on with "N3", white on
the label's colour, and sets what the report says of itself (the article's path,
the date, the legend of the markers) in grey: ``MARK_STYLE`` and ``.meta`` of
``export/html_export``. Opened again, a marker in the text is the report's
furniture, as a page number is: ``pdf_lines`` finds it (``Line.marks``),
``pdf_furniture`` leaves it out of the article's text (it was a claim of its own,
"N2", or sat inside one). A note's head ("N3 Supported", a bold line) and the
legend keep theirs: there a marker names a note. A line in the grey is meta.
"""

from __future__ import annotations

import ctypes
import re

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from app.core.export_mark import PDF_CREATOR

MARKER = re.compile(r"(?<!\w)N\d{1,6}(?!\w)")
MARKER_RGB = (255, 255, 255)  # html_export.MARK_STYLE: color:#ffffff
META_RGB = (85, 85, 85)  # html_export.STYLE: .meta { color: #555 }
_RGBA = tuple(ctypes.c_uint() for _ in range(4))


def is_own_export(document: pdfium.PdfDocument) -> bool:
    """Did claimmark write this PDF (its Creator)? Call with ``PDFIUM_LOCK`` held."""
    try:
        return bool(document.get_metadata_value("Creator") == PDF_CREATOR)
    except pdfium.PdfiumError:
        return False


def _rgb(raw: pdfium_c.FPDF_TEXTPAGE, index: int) -> tuple[int, int, int] | None:
    r, g, b, a = _RGBA
    if not pdfium_c.FPDFText_GetFillColor(raw, index, r, g, b, a):
        return None
    return r.value, g.value, b.value


def export_markers(raw: pdfium_c.FPDF_TEXTPAGE, first: int, drawn: str,
                   text: str) -> tuple[tuple[int, int], ...]:
    """The spans of ``text`` (a line as read: ``drawn``, PDFium's characters from
    ``first`` on, with its citations marked) that are markers drawn in white."""
    white = [k for k, match in enumerate(MARKER.finditer(drawn))
             if _rgb(raw, first + match.start()) == MARKER_RGB]
    found = [match.span() for match in MARKER.finditer(text)] if white else []
    if len(found) != len(MARKER.findall(drawn)):
        return ()  # (a citation read where a marker was: left as it is)
    return tuple(found[k] for k in white)


def in_meta_grey(raw: pdfium_c.FPDF_TEXTPAGE, first: int, text: str) -> bool:
    """Are the first, middle and last letters of ``text`` (not of a marker in it)
    drawn in the meta grey?"""
    bare = MARKER.sub(lambda match: " " * len(match.group()), text)
    letters = [k for k, ch in enumerate(bare) if ch.isalpha()]
    if not letters:
        return False
    asked = {letters[0], letters[len(letters) // 2], letters[-1]}
    return all(_rgb(raw, first + k) == META_RGB for k in asked)
