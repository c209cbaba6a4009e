"""Reading order on a PDF page: furniture dropped, columns one after the other.

Pure geometry on :class:`~app.core.pdf_lines.Line` values (no PDFium here), so
every rule is testable with lines made up in a test.

- **Furniture** (running heads, footers, page numbers: ``pdf_furniture``)
  is dropped by the caller's ``drop`` set.
- **Columns**: gutters are vertical strips that no narrow line crosses. Lines
  that cross a gutter (a title, a page-wide figure caption) cut the page into
  bands; inside a band the columns are read left to right, each top to bottom.
  A line PDFium glued across a gutter is cut at its wide gap first.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from app.core.pdf_lines import Line, PageLines

_MIN_GUTTER = 7.0


@dataclass(frozen=True, slots=True)
class PlacedLine:
    """A line in reading order with where it sits: page, column and column edges."""

    line: Line
    page: int
    column: int
    col_left: float
    col_right: float
    banded: bool  # inside a multi-column band (False: full width or a one-column page)
    peers: int = 1  # lines in the same column of the same band (edges are guesses below 3)


def order_page(page: PageLines, drop: set[tuple[int, int]]) -> list[PlacedLine]:
    """The page's lines (furniture dropped) in the order a person reads them."""
    lines = [line for index, line in enumerate(page.lines) if (page.number, index) not in drop]
    if not lines:
        return []
    gutters = find_gutters(lines)
    if gutters:
        lines = [part for line in lines for part in _cut_at_gutters(line, gutters)]
    lines.sort(key=lambda line: (round(line.top), line.x0))
    placed: list[PlacedLine] = []
    band: list[Line] = []
    for line in lines:
        if gutters and _crosses(line, gutters):
            placed += _place_band(band, gutters, page.number)
            band = []
            placed += _place_band([line], [], page.number, banded=False)
        else:
            band.append(line)
    placed += _place_band(band, gutters, page.number)
    return placed


def find_gutters(lines: Sequence[Line]) -> list[tuple[float, float]]:
    """Vertical strips between columns, crossed by (almost) no narrow line.

    A few lines may cross (a centred title block, a short caption); a strip
    counts only with at least three lines wholly on each side, so the gap in a
    table row or after a short last line is not a gutter; and only if the
    lines wholly on either side (table rows too) share some height of the
    page: side by side, not one above the other.
    """
    left = int(min(line.x0 for line in lines))
    right = int(max(line.x1 for line in lines)) + 1
    width = right - left
    if width <= 0:
        return []
    narrow = [line for line in lines if line.x1 - line.x0 < 0.6 * width and not line.pieces]
    if len(narrow) < 6:
        return []
    cover = [0] * (width + 1)
    for line in narrow:
        cover[int(line.x0) - left] += 1
        cover[int(line.x1) + 1 - left] -= 1
    allowed = max(1, len(narrow) // 12)
    depth: list[int] = []  # how many narrow lines cover each x
    running = 0
    for x in range(width):
        running += cover[x]
        depth.append(running)
    gutters: list[tuple[float, float]] = []
    for start, end in _runs(depth, lambda d: d <= allowed, int(0.15 * width), int(0.85 * width)):
        # A short column is itself covered by few lines: the gutter is the
        # emptiest strip of the run, not all of it.
        least = min(depth[start:end])
        for g_start, g_end in _runs(depth, least.__eq__, start, end):
            if g_end - g_start < _MIN_GUTTER:
                continue
            g0, g1 = left + g_start, left + g_end
            before = sum(1 for line in narrow if line.x1 <= g0 + 1)
            after = sum(1 for line in narrow if line.x0 >= g1 - 1)
            if before >= 3 and after >= 3 and _side_by_side(
                    [line for line in lines if line.x1 <= g0 + 1],
                    [line for line in lines if line.x0 >= g1 - 1]):
                gutters.append((float(g0), float(g1)))
    return gutters


def _runs(values: Sequence[int], keep: Callable[[int], bool], lo: int,
          hi: int) -> list[tuple[int, int]]:
    """The maximal [start, end) stretches of ``lo..hi`` whose values ``keep``."""
    runs: list[tuple[int, int]] = []
    start: int | None = None
    for x in range(max(lo, 0), min(hi, len(values))):
        if keep(values[x]):
            start = x if start is None else start
        elif start is not None:
            runs.append((start, x))
            start = None
    if start is not None:
        runs.append((start, min(hi, len(values))))
    return runs


def _crosses(line: Line, gutters: Sequence[tuple[float, float]]) -> bool:
    return any(line.x0 < g0 - 1 and line.x1 > g1 + 1 for g0, g1 in gutters)


def _cut_at_gutters(line: Line, gutters: Sequence[tuple[float, float]]) -> list[Line]:
    """Split a line PDFium joined across a gutter, using its wide-gap pieces."""
    if not line.pieces or not _crosses(line, gutters):
        return [line]
    groups: list[list[tuple[float, float, str]]] = [[]]
    for piece in line.pieces:
        if groups[-1] and any(groups[-1][-1][1] <= g0 + 1 and piece[0] >= g1 - 1
                              for g0, g1 in gutters):
            groups.append([])
        groups[-1].append(piece)
    if len(groups) == 1:
        return [line]
    return [replace(line, text=" ".join(p[2] for p in group), x0=group[0][0], x1=group[-1][1],
                    pieces=tuple(group) if len(group) > 1 else (),
                    first_word=line.first_word if k == 0 else 0.0)
            for k, group in enumerate(groups)]


def _place_band(band: list[Line], gutters: Sequence[tuple[float, float]], page: int,
                banded: bool = True) -> list[PlacedLine]:
    if not band:
        return []
    columns: dict[int, list[Line]] = {}
    for line in band:
        columns.setdefault(sum(1 for _, g1 in gutters if line.x0 >= g1 - 1), []).append(line)
    placed = []
    for column in sorted(columns):
        members = columns[column]
        left, right = column_edges(members)
        placed += [PlacedLine(line, page, column, left, right, banded and len(gutters) > 0,
                              len(members)) for line in members]
    return placed


def _side_by_side(left: Sequence[Line], right: Sequence[Line]) -> bool:
    """Do the lines left and right of a strip share some height of the page?

    A centred title block above a heading, and the short last lines of
    paragraphs at the left margin under it, leave a strip that no narrow
    line crosses (btxdoc.pdf's first page); but the lines either side of it
    lie one above the other: one column, read top to bottom.
    """
    top = max(min(line.top for line in left), min(line.top for line in right))
    bottom = min(max(line.bottom for line in left), max(line.bottom for line in right))
    return bottom > top + 1


def column_edges(lines: Sequence[Line]) -> tuple[float, float]:
    """The column's left edge and right edge.

    The left edge is the leftmost line start shared by a fair share of the
    lines, so neither one outdented line nor many indented ones (a list of
    references with hanging indents) move it.
    """
    starts = Counter(round(line.x0) for line in lines)
    enough = max(2, len(lines) * 15 // 100)
    shared = [x for x, n in starts.items() if n >= enough]
    left = float(min(shared) if shared else starts.most_common(1)[0][0])
    ends = sorted(line.x1 for line in lines)
    right = ends[int(0.9 * (len(ends) - 1))]
    return left, max(right, left + 1)
