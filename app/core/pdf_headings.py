"""Which of a PDF's lines are headings, by their size, weight and what is around them
(``pdf_blocks`` asks, line by line)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.core.pdf_layout import PlacedLine

_ENDS_CLAUSE = re.compile(r"[.:;,!?]$")


def heading_level(placed: PlacedLine, size: float, heading_sizes: list[int],
                  lines: Sequence[PlacedLine], index: int) -> int:
    """The heading level of line ``index`` (2–6; 0: no heading): larger than the body
    text (``heading_sizes``: the sizes of such lines, largest first), or bold, short
    and not followed by another bold line of its size on the next row."""
    line = placed.line
    text = line.text.strip()
    if len(text) > 150 or not any(ch.isalpha() for ch in text):
        return 0
    if line.size >= size * 1.15:
        return min(6, 2 + heading_sizes.index(round(line.size))) if round(
            line.size) in heading_sizes else 2
    prev = lines[index - 1].line if index and lines[index - 1].page == placed.page else None
    # Smaller than the body, a bold line heads what follows only when set apart above
    # and ending no clause (an old claimmark export's <h3>: 10.8 pt over 12-point text);
    # at the top of a page nothing above it on the page says it is not.
    smaller = line.size >= 0.75 * size and not _ENDS_CLAUSE.search(text) and (
        prev is None or line.top - prev.bottom > 0.8 * line.size)
    if line.bold and (line.size >= size - 0.6 or smaller) and len(text) < 90 and not line.pieces:
        nxt = lines[index + 1].line if index + 1 < len(lines) else None
        if nxt is None or not nxt.bold or nxt.size != line.size or (
                nxt.top - line.bottom > 0.8 * line.size):  # (a paragraph's space between)
            return min(6, 2 + len(heading_sizes))
    return 0
