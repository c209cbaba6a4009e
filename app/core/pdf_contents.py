"""Tables of contents in PDFs: navigation lines, not the article's assertions.

A contents entry is a line that ends with a page number after dot leaders
("1.2 Installation . . . . . . 7", "Index…………12"), or, next to such an entry,
a line whose page number, after a gap, ends where the entry's does
("2 Supplementation        4": LaTeX's section entries have no leaders). An
entry title too long for one line wraps: the line before a leader line, with
no page number of its own, is the start of that entry. Index entries
("BIBINPUTS . . . . 25, 26") are the same kind of line.
"Contents", "Table of Contents", "List of Figures" and the like are headings.

Works on :class:`~app.core.pdf_layout.PlacedLine` values only, before blocks
are built: ``pdf_blocks.assemble`` makes each entry one meta block.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from app.core.contents_lines import ENDS_WITH_PAGE as _ENDS_WITH_PAGE
from app.core.contents_lines import LEADERS as _LEADERS
from app.core.contents_lines import TITLE as _TITLE
from app.core.pdf_layout import PlacedLine

_NUMBERED = re.compile(r"(?:[A-Z]|\d{1,3})(?:\.\d{1,3})+\s")
_SENTENCE_END = re.compile(r"[.!?:][\"'”’)\]]*$")


@dataclass
class Contents:
    """Indices (into the lines) of contents headings and entries.

    ``joined`` are entry lines that carry on the entry of the line before
    (the second line of a wrapped title).
    """

    headings: set[int] = field(default_factory=set)
    entries: set[int] = field(default_factory=set)
    joined: set[int] = field(default_factory=set)


def find_contents(lines: Sequence[PlacedLine], texts: Sequence[str]) -> Contents:
    """The contents headings and entries among ``lines`` (``texts``: their cleaned text)."""
    found = Contents()
    for index, text in enumerate(texts):
        if _TITLE.match(text):
            found.headings.add(index)
        elif _LEADERS.search(text):
            found.entries.add(index)
    if not found.entries:
        return found
    waiting = sorted(found.entries)  # entries without leaders, next to entries
    while waiting:
        entry = waiting.pop()
        for index in (entry - 1, entry + 1):
            if 0 <= index < len(lines) and index not in found.entries and \
                    index not in found.headings and _beside_an_entry(lines, texts, entry, index):
                found.entries.add(index)
                waiting.append(index)
    marked = found.headings | found.entries
    for index in sorted(found.entries):
        before = index - 1
        if (before >= 0 and before not in marked and _LEADERS.search(texts[index])
                and _wraps_into(lines[before], lines[index], texts[before])):
            found.entries.add(before)
            found.joined.add(index)
    return found


def _beside_an_entry(lines: Sequence[PlacedLine], texts: Sequence[str], entry: int,
                     index: int) -> bool:
    """A title, a gap and a page number, right-aligned with the entry next to it."""
    placed, other = lines[index], lines[entry]
    line, text = placed.line, texts[index]
    if not _ENDS_WITH_PAGE.search(text) or len(text) > 150 or other.page != placed.page:
        return False
    # A gap: the words would fill far less than the line's width (≈ 0.5 em a character).
    if len(text) * 0.5 * line.size >= 0.75 * (line.x1 - line.x0):
        return False
    return abs(other.line.x1 - line.x1) <= 0.5 * line.size


def _wraps_into(first: PlacedLine, second: PlacedLine, text: str) -> bool:
    """``first`` (no page number, no full stop) starts the title that ``second`` ends."""
    if first.page != second.page or first.column != second.column or not text:
        return False
    if _ENDS_WITH_PAGE.search(text) or _SENTENCE_END.search(text) and not _NUMBERED.match(text):
        return False  # (a numbered title may end in "…]" or an abbreviation)
    gap = second.line.top - first.line.bottom
    return -1 <= gap <= first.line.size and second.line.x0 >= first.line.x0 - 1
