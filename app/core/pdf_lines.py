"""Text lines with their positions out of a PDF, through PDFium (pypdfium2).

This module and ``pdf_chars`` (what single characters are: their font, a
superscript) are the only ones that talk to PDFium for text. PDFium gives each
page's text in content order with its own line breaks; we take every line's
boxes (``FPDFText_CountRects`` splits a line where its words leave a wide gap,
which tells table cells and side-by-side columns apart), its font size and
whether its font is bold. Reading order is worked out later, in
``pdf_layout``, from these plain numbers.

PDFium is not thread-safe: every call goes through :data:`PDFIUM_LOCK`, held
for one page at a time so the window can render a page between two pages of
a loading book. No form environment is ever created, so a PDF's JavaScript,
forms, links and attachments are never run or followed; PDFium makes no
network requests.
"""

from __future__ import annotations

import ctypes
import threading
from collections.abc import Iterator
from dataclasses import dataclass, replace

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from app.core.article import LoadError
from app.core.pdf_bullets import bullet_before, find_marks
from app.core.pdf_chars import (
    SOFT_HYPHEN_MARK,
    baseline_of,
    bold_lead,
    char_pieces,
    close_cells,
    font_of,
    next_row,
    raised_runs,
    word_right,
)
from app.core.pdf_own_export import export_markers, in_meta_grey, is_own_export
from app.core.pdf_superscripts import with_markers

PDFIUM_LOCK = threading.RLock()
MAX_PAGES = 3000
MAX_PAGE_CHARS = 200_000  # more text than this on one page is not a page a person reads


@dataclass(frozen=True, slots=True)
class Line:
    """One line of text on a page; coordinates in points, origin top-left.

    ``pieces`` are the line's parts separated by wide gaps (table cells, or
    two columns PDFium put on one line), each ``(x0, x1, text)``.
    """

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    bold: bool
    pieces: tuple[tuple[float, float, str], ...] = ()
    mono: bool = False
    glued: bool = False  # a superscript where PDFium broke the line, no space between
    bold_lead: int = 0  # characters of ``text`` set in bold at its start (a line not bold)
    cells: tuple[str, ...] = ()  # its parts apart by an em or more, when no wider gap
    after_raised: bool = False  # PDFium's line before it ended in a superscript
    baseline: float = 0.0  # from the page's top, of a letter that is no superscript (0: unknown)
    first_word: float = 0.0  # the width of its first word (0: unknown)
    bullet: float = 0.0  # x0 of a list bullet drawn as a shape before it (0: none)
    # claimmark's own export (``pdf_own_export``): its note markers in ``text``, and
    # whether the line is in the grey of what the report says of itself
    marks: tuple[tuple[int, int], ...] = ()
    meta: bool = False


@dataclass(frozen=True, slots=True)
class PageLines:
    """The lines of page ``number`` (1-based) and the page's size."""

    number: int
    width: float
    height: float
    lines: tuple[Line, ...]
    chars: int


@dataclass(frozen=True, slots=True)
class PdfInfo:
    """What the document says about itself."""

    pages: int
    title: str
    author: str


def open_pdf(data: bytes, name: str, password: str | None = None) -> pdfium.PdfDocument:
    """Open PDF bytes or raise LoadError with one line saying why not."""
    head = data[:1024]
    if b"%PDF-" not in head:
        if not data.strip():
            raise LoadError(f"{name}: empty file")
        raise LoadError(f"{name}: is not a PDF (it does not start like one)")
    with PDFIUM_LOCK:
        try:
            document = pdfium.PdfDocument(data, password=password)
        except pdfium.PdfiumError as error:
            code = getattr(error, "err_code", None)
            if code == pdfium_c.FPDF_ERR_PASSWORD:
                raise LoadError(f"{name}: is password-protected") from None
            if code == pdfium_c.FPDF_ERR_SECURITY:
                raise LoadError(f"{name}: uses an unsupported protection") from None
            raise LoadError(f"{name}: is a damaged PDF") from None
        pages = len(document)
    if pages == 0:
        document.close()
        raise LoadError(f"{name}: is a damaged PDF (it has no pages)")
    if pages > MAX_PAGES:
        document.close()
        raise LoadError(f"{name}: too many pages ({pages}; the limit is {MAX_PAGES})")
    return document


def pdf_info(document: pdfium.PdfDocument) -> PdfInfo:
    with PDFIUM_LOCK:
        try:
            meta = document.get_metadata_dict(skip_empty=True)
        except pdfium.PdfiumError:
            meta = {}
        return PdfInfo(len(document), str(meta.get("Title", "")).strip(),
                       str(meta.get("Author", "")).strip())


def iter_pages(document: pdfium.PdfDocument, first: int = 1) -> Iterator[PageLines]:
    """Each page's lines, from page ``first`` on, taking the lock per page."""
    with PDFIUM_LOCK:
        own = is_own_export(document)
    for index in range(first - 1, len(document)):
        with PDFIUM_LOCK:
            yield read_page(document, index, own)


def read_page(document: pdfium.PdfDocument, index: int, own: bool = False) -> PageLines:
    """The lines of page ``index`` (0-based); ``own``: a report claimmark exported
    (``pdf_own_export``). Call with :data:`PDFIUM_LOCK` held."""
    page = document[index]
    try:
        width, height = page.get_size()
        textpage = page.get_textpage()
        try:
            count = textpage.count_chars()
            if count <= 0:
                return PageLines(index + 1, width, height, (), 0)
            count = min(count, MAX_PAGE_CHARS)
            text = textpage.get_text_range(0, count)
            lines = tuple(_rows_joined(_lines(textpage, text, height, page.get_bbox(), own)))
            if marks := find_marks(page.raw, height):
                lines = tuple(replace(line, bullet=bullet) if (bullet := bullet_before(
                    marks, line.x0, line.top, line.bottom, line.size)) else line
                              for line in lines)
            return PageLines(index + 1, width, height, lines, count)
        finally:
            textpage.close()
    finally:
        page.close()


def _lines(textpage: pdfium.PdfTextPage, text: str, height: float,
           shown: tuple[float, float, float, float], own: bool = False) -> Iterator[Line]:
    """The page's lines; a line drawn outside the page's box ``shown`` is left out.

    Text off the page is never seen by a reader. Qt's PDF writer (our own PDF
    export) draws each page as the whole layout moved and clipped, so the
    line before a page break is drawn again above the next page's top edge.
    """
    raw = textpage.raw
    start = 0
    length = len(text)
    previous = ""  # the text of the line before
    raised_end = False  # did it end in a superscript?
    new_row = False  # does the line start a row PDFium ran on into?
    last: list[tuple[float, float, float, float]] = []  # the boxes of the line before
    last_x1 = 0.0  # where the line yielded before ends
    while start < length:
        end = _next_break(text, start)
        piece_end = end - 1 if end > start and text[end - 1] == "\r" else end
        if end < length and text[end] == SOFT_HYPHEN_MARK:
            piece_end = end + 1  # PDFium's mark for a hyphen that ends a line
        next_start = end + 1
        content = text[start:piece_end].replace(SOFT_HYPHEN_MARK, "-")
        first = start + (len(content) - len(content.lstrip()))
        # The rest of a line whose rows PDFium ran together is searched for its
        # next row at once: boxes are asked for once a row, not once a row left.
        rects = [] if new_row else _rects(raw, first, piece_end, height, shown)
        if (new_row or _rows_apart(rects)) and (row := next_row(raw, text, first,
                                                                piece_end)) > first:
            head = _rects(raw, first, row, height, shown)
            if not _on_row(head, last) or first == start and not new_row and any(
                    a == 0 for a, _ in raised_runs(raw, text[first:row].rstrip(), first,
                                                   _char_before(text, start))):
                piece_end = next_start = row
                content = text[start:piece_end].replace(SOFT_HYPHEN_MARK, "-")
                rects = head
        if not rects:
            rects = _rects(raw, first, piece_end, height, shown)
        if rects:
            last = rects
        stripped = content.strip()
        if stripped:
            # (no space between it and the line before, on the same row)
            glued = first == start and not new_row
            raised = raised_runs(raw, stripped, first, _char_before(text, start)
                                  if glued else -1)
            # A superscript PDFium put at the start of a line may sit on the row
            # before (Qt's PDFs): the line's height is that of the rest of it.
            lead = raised[0][1] if glued and raised and raised[0][0] == 0 else 0
            rows = (_rects(raw, first + lead, piece_end, height, shown) if 0 < lead < len(
                stripped) else []) or rects
            if rects:
                size, bold, mono, first_bold = font_of(raw, first, stripped, raised)
                base = baseline_of(raw, first, stripped, raised)
                groups = _group_pieces(rects, size)
                # A superscript where PDFium broke the line: no space is read there.
                # After a line that ended in one, only on its row: a line that goes
                # back left starts the next row ("…1.5 x 10⁶" / "cells/ml", T11).
                glued = glued and (lead > 0 or raised_end and groups[0][0] >= last_x1 - 0.25 * size)
                after_raised = raised_end
                raised_end = bool(raised) and raised[-1][1] == len(stripped)
                y0, y1 = min(r[1] for r in rows), max(r[3] for r in rows)
                pieces: tuple[tuple[float, float, str], ...] = ()
                if len(groups) > 1:
                    found = char_pieces(raw, text, first, piece_end, size)
                    if len(found) > 1:
                        groups, pieces = [(x0, x1) for x0, x1, _ in found], tuple(found)
                bold_start = bold_lead(raw, first, stripped) if first_bold and not (
                    bold or pieces) else 0
                cells = () if pieces else close_cells(raw, stripped, first, size)
                space = stripped.find(" ")
                word = word_right(raw, first + (space if space > 0 else len(stripped)) - 1)
                drawn, meta = stripped, own and in_meta_grey(raw, first, stripped)
                if raised and not pieces:  # (a mark in a table cell is not a citation)
                    stripped = with_markers(stripped, raised, previous if glued else "")
                # (a note's head, "N3 Supported", and the legend keep theirs: bold, meta)
                marks = export_markers(raw, first, drawn, stripped) if own and not (
                    bold or meta) else ()
                previous, last_x1 = stripped, groups[-1][1]
                yield Line(
                    text=stripped, x0=groups[0][0], top=y0, x1=groups[-1][1],
                    bottom=y1, size=round(size, 1), bold=bold, pieces=pieces, mono=mono,
                    glued=glued, bold_lead=bold_start, cells=cells, after_raised=after_raised,
                    baseline=height - base if base else 0.0,
                    first_word=max(word - groups[0][0], 0.0), marks=marks, meta=meta)
        new_row = next_start != end + 1
        start = next_start


def _rects(raw: pdfium_c.FPDF_TEXTPAGE, first: int, end: int, height: float,
           shown: tuple[float, float, float, float]) -> list[tuple[float, float, float, float]]:
    """The boxes (x0, top, x1, bottom) of characters ``first``…``end`` inside the page's box."""
    box_left, box_bottom, box_right, box_top = shown
    left, top, right, bottom = (ctypes.c_double() for _ in range(4))
    rects = []
    for k in range(pdfium_c.FPDFText_CountRects(raw, first, end - first)):
        if pdfium_c.FPDFText_GetRect(raw, k, left, top, right, bottom) and (
                box_left <= (left.value + right.value) / 2 <= box_right
                and box_bottom <= (top.value + bottom.value) / 2 <= box_top):
            rects.append((left.value, height - top.value, right.value, height - bottom.value))
    return rects


def _rows_apart(rects: list[tuple[float, float, float, float]]) -> bool:
    """Do a line's boxes lie on two rows (one wholly below the one before it)?
    Cheap, and asked of every line; ``next_row`` then reads the characters."""
    return any(b[1] >= a[3] - 0.2 * (a[3] - a[1]) and b[1] - a[1] > 0.6 * (b[3] - b[1])
               for a, b in zip(rects, rects[1:], strict=False))


def _on_row(head: list[tuple[float, float, float, float]],
            before: list[tuple[float, float, float, float]]) -> bool:
    """Does the first box of ``head`` lie on the row of the last of ``before``?

    A line's first row on the row of the line before is that line's end only
    when it opens with a superscript PDFium broke the line at (Qt's PDFs, "…such
    as VITAL" then "⁹ and D-" / "Health…"); otherwise the PDF's character boxes
    lag its text (crc-doc: "byte or" drawn at the start of a row, boxed at the
    end of the row above), and the line is not cut.
    """
    first = next((r for r in head if r[3] > r[1]), None)
    last = next((r for r in reversed(before) if r[3] > r[1]), None)
    if first is None or last is None:
        return bool(before)  # (only empty boxes before: where, is unknown)
    overlap = min(first[3], last[3]) - max(first[1], last[1])
    return overlap > 0.5 * min(first[3] - first[1], last[3] - last[1])


def _rows_joined(lines: Iterator[Line]) -> Iterator[Line]:
    """PDFium's lines, with a line PDFium broke where a superscript raised the
    baseline joined again (tester T10: "Pupils who ate fruit⁵ scored higher…"
    came as two lines, then two claims). The next line goes on the same row:
    its box overlaps this one's by half the smaller height and it starts within
    a word space after this one ends; with no space between them where PDFium
    saw none and they touch ("12%³,⁴" then "."). Table cells (lines with pieces) stay."""
    previous: Line | None = None
    for line in lines:
        if previous is not None and _same_row(previous, line):
            # (under a quarter em from the glyph box before: less than a word space)
            space = "" if line.glued and line.x0 - previous.x1 < 0.25 * previous.size else " "
            shift = len(previous.text) + len(space)
            previous = Line(f"{previous.text}{space}{line.text}", previous.x0,
                            min(previous.top, line.top), line.x1,
                            max(previous.bottom, line.bottom), previous.size,
                            previous.bold and line.bold, (), previous.mono and line.mono,
                            previous.glued, baseline=previous.baseline if len(
                                previous.text) >= len(line.text) else line.baseline,
                            first_word=previous.first_word, marks=previous.marks + tuple(
                                (a + shift, b + shift) for a, b in line.marks),
                            meta=previous.meta and line.meta)
            continue
        if previous is not None:
            yield previous
        previous = line
    if previous is not None:
        yield previous


def _same_row(a: Line, b: Line) -> bool:
    # After a superscript the gap may be a justified line's wide space (tester
    # T11: "risk of hip fracture.³" then, 0.95 em on, "However, earlier…").
    gap = (1.5 if b.after_raised else 0.8) * max(a.size, b.size)
    if a.pieces or b.pieces or not 0 <= b.x0 - a.x1 <= gap:
        return False
    if b.glued:
        return True  # PDFium broke it at a superscript raised right after ``a``'s end
    overlap = min(a.bottom, b.bottom) - max(a.top, b.top)
    return overlap >= 0.5 * min(a.bottom - a.top, b.bottom - b.top)


def _char_before(text: str, start: int) -> int:
    """Index of the last character before ``start`` that is not a line break (-1: none)."""
    index = start - 1
    while index >= 0 and text[index] in "\r\n":
        index -= 1
    return index


def _next_break(text: str, start: int) -> int:
    """Index of the next line end: a newline, or PDFium's end-of-line hyphen mark."""
    newline = text.find("\n", start)
    hyphen = text.find(SOFT_HYPHEN_MARK, start)
    ends = [i for i in (newline, hyphen) if i >= 0]
    return min(ends) if ends else len(text)


def _group_pieces(rects: list[tuple[float, float, float, float]],
                  size: float) -> list[tuple[float, float]]:
    """The x-extents of a line's parts that are separated by gaps wider than two ems."""
    ordered = sorted(rects)
    groups = [(ordered[0][0], ordered[0][2])]
    for x0, _, x1, _ in ordered[1:]:
        if x0 - groups[-1][1] > 2 * max(size, 4.0):
            groups.append((x0, x1))
        else:
            groups[-1] = (groups[-1][0], max(groups[-1][1], x1))
    return groups
