"""Lines of a table of contents or an index, whatever the format: a title,
dot leaders and a page number ("1.2 Installation . . . . . . 7", "BIBINPUTS
. . . . 25, 26"), or a contents heading ("Contents", "List of Tables").

Pure patterns, no imports: the plain-text loader uses them without loading
the PDF reader; ``pdf_contents`` adds what a PDF's layout tells.
"""

from __future__ import annotations

import re

# Arabic page numbers, or front matter's roman ones (i to xxxix).
_PAGE_NUMBER = r"(?:\d{1,4}|(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3}))"
# One page, or an index's list of them: "7, 8", "12–14".
_PAGES = rf"{_PAGE_NUMBER}(?:\s?[,–-]\s?{_PAGE_NUMBER})*"
# Leader dots (four or more; or two or more spaced out, as a long title leaves
# room for; or two ellipses), then the page or pages.
LEADERS = re.compile(
    rf"(?:(?:[.·․‧]\s?){{4,}}|[.·](?:\s[.·])+|(?:…\s?){{2,}})\s*{_PAGES}$", re.IGNORECASE)
ENDS_WITH_PAGE = re.compile(rf"\s{_PAGES}$", re.IGNORECASE)
TITLE = re.compile(
    r"^(?:\d+\.?\s*)?(?:(?:table of )?contents|list of (?:figures|tables|illustrations|"
    r"abbreviations|boxes)|inhalt(?:sverzeichnis)?|table des matières|sommaire|índice|"
    r"indice|inhoud(?:sopgave)?|目次|目录)$", re.IGNORECASE)


# What a page number can end in: a digit (str.isdigit takes all \d takes), or
# a roman numeral's letter as IGNORECASE matches it (the Turkish İ and ı too).
_ROMAN_ENDS = frozenset("ivxIVX\u0130\u0131")


def is_entry(line: str) -> bool:
    """A line that ends in dot leaders and a page number (or pages).

    The last character is looked at first: a long paragraph that cannot end in
    a page number is not searched for leaders (on a 3 MB book of one-line
    paragraphs that search took ~0.4 s before the first paint).
    """
    line = line.rstrip()
    if not line or not (line[-1].isdigit() or line[-1] in _ROMAN_ENDS):
        return False
    return LEADERS.search(line) is not None


def is_contents_title(line: str) -> bool:
    """"Contents", "Table of Contents", "List of Figures" and the like."""
    return TITLE.match(line.strip()) is not None
