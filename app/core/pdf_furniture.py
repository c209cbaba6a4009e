"""Page furniture: running heads, footers and page numbers, which are not the text.

Pure geometry on :class:`~app.core.pdf_lines.PageLines` (no PDFium). Two
ways a line is furniture:

- **In the thin band** at the top or bottom of a page (8 % of its height): a
  bare page number ("7", "Page 7", "7 of 12", "- 7 -"), a line that starts or
  ends with the page's number ("Smith et al. 2"), or one that repeats, digits
  aside, on several pages.
- **On one of the two outermost rows** of a page, within the outer 30 % of it
  (LaTeX's default margins put the folio at 85–90 % of an A4 page, well out of
  the band): a bare page number whose value is the page's number plus the
  document's usual offset (front matter makes printed and PDF numbers differ;
  the offset is the one most such lines agree on), a roman page number, or a
  line no larger than the body text, in the outer 20 %, that repeats, digits
  aside, at the same height on several pages and is set apart from the body by
  a blank line's worth of space (so a body line that happens to open three
  pages, or a chapter's "Chapter 2" label, is kept).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace

from app.core.pdf_lines import Line, PageLines

_BAND = 0.08  # top and bottom share of the page where running heads and footers live
_OUTER = 0.30  # an outermost row farther into the page than this is body text
_OUTER_REPEAT = 0.20  # the same for a repeated line (a chapter's opening label sits lower)
_PAGE_NUMBER = re.compile(
    r"^(?:page\s+)?[-–—(\[]?\s*(?:\d{1,5}|[ivxlcdm]{1,7})\s*[-–—)\]]?"
    r"(?:\s*(?:of|/)\s*\d{1,5})?$", re.IGNORECASE)
_BARE_ARABIC = re.compile(r"^(?:page\s+)?[-–—(\[]?\s*(\d{1,5})\s*[-–—)\]]?$", re.IGNORECASE)
_BARE_ROMAN = re.compile(r"^[ivxlc]{1,7}$")  # lower case only: "I" or "C" alone may be text
# A running head carries its page number at one end ("Chapter 2: Syntax 3").
_NUMBERED = re.compile(r"^#\s|\s#$")
_MIN_ROWS = 6  # a page of a line or two repeats its place on every page without being furniture
_SAME_PLACE = 2.0  # points: the same running head sits at the same height on every page


def signature(text: str) -> str:
    """A line's text with its numbers blanked, to see it repeat page after page."""
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def find_furniture(pages: Sequence[PageLines]) -> set[tuple[int, int]]:
    """(page number, line index) of every running head, footer and page number."""
    outer = {page.number: _outer_rows(page) for page in pages}
    offset = _page_offset(pages, outer)
    counts: Counter[str] = Counter()
    banded: list[tuple[int, int, str]] = []
    for page in pages:
        seen: set[str] = set()
        for index, line in enumerate(page.lines):
            if _in_band(line, page) and (len(line.text) <= 120 or line.pieces):
                sig = signature(line.text)
                # A head that ends in this page's number ("Chapter 2" on page 2)
                # still repeats as itself: page 1's copy is furniture too (T10).
                sigs = {sig, "#page"} if _ends_with_number(line.text, page.number,
                                                           offset) else {sig}
                banded.append((page.number, index, min(sigs)))
                counts.update(sigs - seen)
                seen |= sigs
    repeat = 3 if len(pages) >= 4 else 2
    found = {(number, index) for number, index, sig in banded
             if sig == "#page" or counts[sig] >= repeat
             or _PAGE_NUMBER.match(sig.replace("#", "1"))
             or counts[sig] >= 2 and _NUMBERED.search(sig)}
    return found | _outer_furniture(pages, outer, offset, repeat)


def _outer_furniture(pages: Sequence[PageLines], outer: dict[int, tuple[list[int], int]],
                     offset: int,
                     repeat: int) -> set[tuple[int, int]]:
    """Furniture on the outermost rows, outside the thin band."""
    found: set[tuple[int, int]] = set()
    sizes: Counter[float] = Counter()
    for page in pages:
        for line in page.lines:
            sizes[round(line.size)] += len(line.text)
    body = sizes.most_common(1)[0][0] if sizes else 10.0
    placed: defaultdict[str, list[tuple[float, int]]] = defaultdict(list)
    candidates: list[tuple[int, int, str, float]] = []
    for page in pages:
        indices, rows = outer[page.number]
        for index in indices:
            line = page.lines[index]
            text = line.text.strip()
            bare = _BARE_ARABIC.match(text)
            if bare and int(bare.group(1)) == page.number + offset or _BARE_ROMAN.match(text):
                found.add((page.number, index))
                continue
            if (len(text) > 120 or rows < _MIN_ROWS or line.size > body + 1
                    or not _set_apart(page, line)
                    or page.height * _OUTER_REPEAT < line.top < page.height * (1 - _OUTER_REPEAT)):
                continue  # a heading, a body line, or too far into the page
            sig = "#page" if _ends_with_number(text, page.number, offset) else signature(text)
            placed[sig].append((line.top, page.number))
            candidates.append((page.number, index, sig, line.top))
    for number, index, sig, top in candidates:
        pages_here = {n for t, n in placed[sig] if abs(t - top) <= _SAME_PLACE}
        if len(pages_here) >= repeat:
            found.add((number, index))
    return found


def _outer_rows(page: PageLines) -> tuple[list[int], int]:
    """Indices of the lines on the two topmost rows in the top 30 % and on the two
    bottommost rows in the bottom 30 %, and how many rows the page has."""
    if not page.lines:
        return [], 0
    order = sorted(range(len(page.lines)), key=lambda i: page.lines[i].top)
    rows: list[list[int]] = []
    for index in order:
        if rows and abs(page.lines[index].top - page.lines[rows[-1][0]].top) <= _SAME_PLACE:
            rows[-1].append(index)
        else:
            rows.append([index])
    top = [i for row in rows[:2] for i in row if page.lines[i].bottom <= page.height * _OUTER]
    bottom = [i for row in rows[max(2, len(rows) - 2):] for i in row
              if page.lines[i].top >= page.height * (1 - _OUTER)]
    return top + bottom, len(rows)


def _set_apart(page: PageLines, line: Line) -> bool:
    """Is there body text beyond ``line``, with at least a line's height of space between?"""
    height = max(line.bottom - line.top, line.size, 1.0)
    if line.top < page.height / 2:
        below = [other.top for other in page.lines if other.top > line.bottom - 0.5]
        return bool(below) and min(below) - line.bottom >= height
    above = [other.bottom for other in page.lines if other.bottom < line.top + 0.5]
    return bool(above) and line.top - max(above) >= height


def _page_offset(pages: Sequence[PageLines], outer: dict[int, tuple[list[int], int]]) -> int:
    """How far printed page numbers run from the PDF's own (front matter shifts them).

    The difference most bare numbers on the outermost rows agree on; 0 unless
    two pages agree (or the document has one page).
    """
    offsets: Counter[int] = Counter()
    for page in pages:
        for index in outer[page.number][0]:
            bare = _BARE_ARABIC.match(page.lines[index].text.strip())
            if bare:
                offsets[int(bare.group(1)) - page.number] += 1
    if not offsets:
        return 0
    offset, count = offsets.most_common(1)[0]
    return offset if count >= min(2, len(pages)) else 0


def _ends_with_number(text: str, number: int, offset: int = 0) -> bool:
    """Does the line start or end with the page's own number ("Smith et al. 2")?"""
    words = text.split()
    return len(words) > 1 and any(str(n) in (words[0], words[-1]) for n in {number,
                                                                         number + offset})


def _in_band(line: Line, page: PageLines) -> bool:
    return line.bottom <= page.height * _BAND or line.top >= page.height * (1 - _BAND)


def without_markers(page: PageLines) -> PageLines:
    """``page`` without the note markers of claimmark's own export in its lines
    (``Line.marks``, ``pdf_own_export``); a line that was only a marker goes. Where
    the lines stand on the page is left as it is: the marker was drawn there."""
    if not any(line.marks for line in page.lines):
        return page
    lines = []
    for line in page.lines:
        if line.marks:
            cuts = [0, *(at for span in line.marks for at in span), len(line.text)]
            text = " ".join("".join(line.text[a:b] for a, b in zip(
                cuts[::2], cuts[1::2], strict=True)).split())
            if not text:
                continue
            line = replace(line, text=text, marks=())
        lines.append(line)
    return replace(page, lines=tuple(lines))
