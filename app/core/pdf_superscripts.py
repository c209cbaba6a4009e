"""Superscript citation markers in a PDF line: "fruit⁵" read "fruit[5]".

A PDF has no markup: a citation set as a superscript is digits in a smaller
size on a raised baseline, right after the word it cites, and PDFium gives it
as plain digits glued to that word ("fruit5", "12%3,4"). Read from each
character's size and baseline (``pdf_lines`` asks PDFium), a run of digits
(with "," "–" "-" between numbers) is *raised* when every character of it is
set smaller than the character before it and its baseline is higher.

A raised run is read as a citation marker, "[5]", the way the HTML reader reads
``<sup>5</sup>`` after a word, when what it follows cites: a word of four
letters or more ("fruit⁵", "Hemilä⁵"), a sentence's punctuation ("found.⁶",
"al.⁵", "1920.³"), a per cent sign ("12%³") or a closing quote
("“superfood”⁷"). Right after a digit ("10⁻³", "2⁸"), a short word or a unit
("m²", "cm³", "x²", "Ca²⁺") it is a power, written in superscript digits as
it is drawn (``citations`` reads no marker there); after a bracket or an
identifier ("(a + b)²", "EPOCH¹") it is left as digits. Lines with table
cells are left as they are (a footnote mark in a table cell is not a citation).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.core.raised_numbers import as_power, cites_after

# Where a raised run may begin: digits at the start of a line, or right after
# something that is not a space ("10⁶" too); a power's minus ("10⁻³"), which
# PDFium may put at the start of a line too (Qt's PDFs).
CANDIDATE = re.compile(r"(?:^|(?<=\S))(?:\d{1,3}(?:[,–-]\s?\d{1,3})*|[−–-]\d{1,3})")
SMALLER = 0.85  # a raised character's size, at most, against the one before it
RISE = 0.15  # its baseline's rise, at least, in the size of the character before it


def is_raised(size: float, rise: float, size_before: float) -> bool:
    """A character of ``size`` whose baseline is ``rise`` points above that of the
    character before the run (set in ``size_before``)."""
    return 0 < size <= SMALLER * size_before and rise >= RISE * size_before


def with_markers(text: str, raised: Sequence[tuple[int, int]], before: str = "") -> str:
    """``text`` with each raised run ``text[a:b]`` that cites read "[…]".

    The runs are in order and do not overlap; a run that does not cite is,
    after a digit or a short word, a power written in superscript digits
    ("10⁻³", "m²"), else left as it was. ``before`` is the text that ``text`` follows with
    no space between (a run at its start cites after it).
    """
    parts: list[str] = []
    at = 0
    for start, end in raised:
        run = text[start:end]
        if run[0].isdigit() and cites_after((before + text[:start])[-40:]):
            parts += [text[at:start], "[", "".join(run.split()), "]"]
        elif (power := as_power(run, before + text[:start])) is not None:
            parts += [text[at:start], power]
        else:
            continue
        at = end
    if not parts:
        return text
    parts.append(text[at:])
    return "".join(parts)
