"""From PDF lines in reading order to the blocks of an article.

Works on :class:`~app.core.pdf_layout.PlacedLine` values only (no PDFium):

- the body size is the size most text is set in; a line clearly larger, or a
  short bold line at body size, is a heading; the largest text at the top of
  page 1 is the title, and the centred lines under it (authors, affiliations,
  dates) are the title block (meta);
- paragraphs end at extra line spacing, at a first-line indent, or after a
  short line that ends a sentence; a paragraph runs on from the foot of one
  column (or page) to the top of the next unless the next starts indented;
- each line of a table of contents is a meta block of its own, never a claim
  (``pdf_contents.py``);
- "Figure 2."/"Table 1." lines start captions, rows of wide-gapped cells are
  table rows, small type under a column's text is a footnote (meta), and the
  entries under a "References" heading are references;
- lines of a paragraph join as ``pdf_words`` says (line-end hyphens, URLs);
  ligatures are unfolded (ﬁ → fi).
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from app.core.article import BlockKind
from app.core.claims import RUN_IN_LABEL
from app.core.pdf_contents import find_contents
from app.core.pdf_headings import heading_level
from app.core.pdf_layout import PlacedLine, column_edges
from app.core.pdf_lines import Line
from app.core.pdf_menus import mark_menus
from app.core.pdf_tables import CELL_SEPARATOR, mark_table_headers, mark_table_rows
from app.core.pdf_words import (
    SENTENCE_END,
    WORD,
    broken_word,
    join_lines,
    plain_hyphens,
    wrapped_early,
)

_CAPTION = re.compile(
    r"^(?:figure|fig\.|table|box|chart|scheme|plate)\s*[0-9IVX]+[a-z]?\s*[.:|—–-]", re.IGNORECASE)
_REFERENCES = re.compile(
    r"^(?:\d+\.?\s*)?(?:references|bibliography|works cited|literature cited|sources|"
    r"references and notes)\s*$", re.IGNORECASE)
_ENTRY_START = re.compile(r"^(?:\[\d+\]|\d{1,3}[.)]\s|\d{1,3}\s+[A-Z])")
_LIGATURES = {c: unicodedata.normalize("NFKC", chr(c)) for c in range(0xFB00, 0xFB07)}
_CONTROLS = {c: None for c in range(32) if chr(c) not in "\t"}
_ENUMERATED = re.compile(r"^(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]\s+\S")
_BULLET = re.compile(r"^[•◦▪‣∙●○■□➢►–]\s")


@dataclass
class PdfBlock:
    """A block of the article with the page of each of its lines.

    ``pages`` lists ``(offset in text, page)`` where a new page begins.
    """

    kind: BlockKind
    text: str
    page: int
    level: int = 0
    pages: list[tuple[int, int]] = field(default_factory=list)
    lines: int = 1
    bold: int = 0  # characters of ``text`` set in bold at its start (a run-in heading)
    cells: tuple[str, ...] = ()  # a one-line paragraph's parts an em or more apart
    x0: float = 0.0  # where its first line's text starts


def clean(text: str) -> str:
    """Ligatures unfolded, control characters dropped, spaces collapsed."""
    text = text.translate(_LIGATURES).translate(_CONTROLS).replace("\u00ad", "-")
    return " ".join(text.split())


def body_size(lines: Sequence[PlacedLine]) -> float:
    """The font size most characters are set in."""
    sizes: Counter[float] = Counter()
    for placed in lines:
        sizes[round(placed.line.size * 2) / 2] += len(placed.line.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def vocabulary(lines: Sequence[PlacedLine]) -> set[str]:
    """Every word (and hyphenated compound) the document writes whole inside a line.

    The word before a line-end hyphen and the word after it are fragments,
    not words, and stay out.
    """
    words: set[str] = set()
    broken = False
    for placed in lines:
        text = plain_hyphens(clean(placed.line.text).lower())
        found = WORD.findall(text)
        ends_broken = text.endswith("-")
        if ends_broken and found:
            found.pop()
        if broken and found:
            found.pop(0)
        broken = ends_broken
        for word in found:
            words.add(word)
            words.update(word.split("-"))
    return words


class _Assembler:
    """Builds blocks line by line, deciding where paragraphs end."""

    def __init__(self, size: float, words: set[str]) -> None:
        self.size = size
        self.words = words
        self.blocks: list[PdfBlock] = []
        self.pending_notes: list[PdfBlock] = []
        self.prev: PlacedLine | None = None
        self.open: PdfBlock | None = None
        self.line_gap = size * 1.2
        self.pitch = 0.0  # the usual baseline to baseline distance (0: unknown)
        self.first_x0 = 0.0
        self.edges: dict[tuple[int, bool], tuple[float, float]] = {}

    def column(self, placed: PlacedLine) -> tuple[float, float]:
        """Edges of the line's column; the document's usual ones for a near-empty band."""
        if placed.peers >= 3:
            return placed.col_left, placed.col_right
        return self.edges.get((placed.column, placed.banded), (placed.col_left, placed.col_right))

    def close(self) -> None:
        if self.open is not None and self.open.text:
            self.blocks.append(self.open)
        self.open = None
        self.blocks += self.pending_notes
        self.pending_notes = []

    def start(self, kind: BlockKind, placed: PlacedLine, text: str, level: int = 0) -> None:
        self.close()
        self.open = PdfBlock(kind, text, placed.page, level, x0=placed.line.x0)
        self.prev = placed
        self.first_x0 = placed.line.bullet or placed.line.x0

    def extend(self, placed: PlacedLine, text: str) -> None:
        assert self.open is not None
        if self.prev is not None and placed.page != self.prev.page:
            self.open.pages.append((len(self.open.text) + 1, placed.page))
        # A superscript PDFium put at the start of the next line stays on its word.
        glued = placed.line.glued and self.open.text[-1:].isalnum()
        self.open.text = self.open.text + text if glued else join_lines(
            self.open.text, text, self.words)
        self.open.lines += 1
        self.prev = placed

    def note(self, placed: PlacedLine, text: str, joins: bool) -> None:
        """A footnote line: kept aside so a paragraph can run on past it."""
        if joins and self.pending_notes:
            self.pending_notes[-1].text = join_lines(self.pending_notes[-1].text, text,
                                                     self.words)
        else:
            self.pending_notes.append(PdfBlock("meta", text, placed.page))

    def code_goes_on(self, placed: PlacedLine, full: bool = False) -> bool:
        """Does a line all in code (or bold) type end the open paragraph's sentence
        ("…you should not include" / "bzlib_private.h.", a man page's "…and" /
        "dpkg-reconfigure(8).")? On the next row, not indented from the line before,
        after a line that ends no sentence and no colon and that it would not have fit
        after (``full``: that runs to its column's right edge, no menu's line)."""
        prev, block = self.prev, self.open
        if prev is None or block is None or block.kind not in ("paragraph", "list_item"):
            return False
        a, b = prev.line, placed.line
        left, right = self.column(prev)
        if placed.page != prev.page or placed.column != prev.column or a.mono or re.search(
                r"[.:!?]\W*$", a.text) or b.x0 > a.x0 + 0.6 * self.size or (
                a.x1 + b.x1 - b.x0 < right) or full and a.x1 < right - 0.1 * (right - left):
            return False
        step = b.baseline - a.baseline if a.baseline and b.baseline else 0.0
        return 0 < step <= (self.pitch or 1.2 * self.size) + 0.45 * self.size

    def continues(self, placed: PlacedLine) -> bool:
        """Does ``placed`` carry on the open paragraph?"""
        prev, block = self.prev, self.open
        if prev is None or block is None:
            return False
        a, b = prev.line, placed.line
        if b.bullet or block.kind == "list_item" and _ENUMERATED.match(b.text):
            return False  # a bullet drawn as a shape (Qt's PDFs) or a nested number: an item
        if abs(a.size - b.size) > 0.6 or a.meta != b.meta or a.bold != b.bold and (
                block.kind != "heading"):
            return False
        if RUN_IN_LABEL.fullmatch(b.text[:b.bold_lead]):
            return False  # "Methods. We…" in bold opens a paragraph
        left, _ = self.column(placed)
        prev_left, prev_right = self.column(prev)
        indent = b.x0 - left
        ends_sentence = bool(SENTENCE_END.search(a.text))
        short = a.x1 < prev_right - max(3 * self.size, 0.12 * (prev_right - prev_left))
        if placed.page != prev.page or placed.column != prev.column:
            return not indent > 0.6 * self.size and not (ends_sentence and short)
        if placed.banded != prev.banded and not ends_sentence:
            # From a page-wide band into the first column (an abstract that runs
            # on into the columns), mid-sentence: the paragraph goes on (T10).
            return not indent > 0.6 * self.size
        gap = b.top - a.bottom
        if self.pitch and a.baseline and b.baseline and abs(a.size - self.size) < 0.6 and abs(
                b.size - self.size) < 0.6:
            # Baselines, where known: boxes grow with ascenders, descenders and
            # superscripts ("…have linked low" / "serum 25-hydroxy…" read as a break).
            if b.baseline - a.baseline > self.pitch + 0.45 * b.size or gap < -b.size:
                return False
        elif gap > self.line_gap + 0.45 * b.size or gap < -b.size:
            return False
        if block.kind == "list_item" or _ENUMERATED.match(block.text) and block.lines == 1 and \
                self.first_x0 + 2 < b.x0 < self.first_x0 + 4 * self.size and \
                a.x1 >= prev_right - 0.1 * (prev_right - prev_left):
            # A hanging indent: "3. Emphasizing …" then lines set under its text.
            return b.x0 > self.first_x0 + 2
        if indent > 0.6 * self.size and a.x0 - prev_left <= 0.6 * self.size:
            return False
        if a.x1 - a.x0 < 0.7 * (prev_right - prev_left) and not wrapped_early(
                a, b, prev_left, prev_right):
            return False  # a paragraph's lines fill the column, all but its last
        if indent > 0.6 * self.size and a.x1 < prev_right - 0.1 * (prev_right - prev_left):
            return False  # an indented line after one that stopped short: a table row
        return not (ends_sentence and short)


def assemble(lines: Sequence[PlacedLine], words: set[str], title_lines: set[int],
             meta_lines: set[int]) -> list[PdfBlock]:
    """Blocks from lines in reading order; ``title_lines``/``meta_lines`` index ``lines``."""
    size = body_size(lines)
    asm = _Assembler(size, words)
    gaps = [b.line.top - a.line.bottom for a, b in zip(lines, lines[1:], strict=False)
            if a.page == b.page and a.column == b.column and 0 <= b.line.top - a.line.bottom
            < 2 * size and abs(a.line.size - size) < 0.6 and abs(b.line.size - size) < 0.6]
    if gaps:
        asm.line_gap = statistics.median(gaps)
    pitches = [b.line.baseline - a.line.baseline for a, b in zip(lines, lines[1:], strict=False)
               if a.page == b.page and a.column == b.column and a.line.baseline
               and b.line.baseline and 0 < b.line.baseline - a.line.baseline < 2.5 * size
               and abs(a.line.size - size) < 0.6 and abs(b.line.size - size) < 0.6]
    if pitches:
        # The lines' pitch, not the paragraphs': where most paragraphs are one line (a
        # Qt print of a definition list) the median step is a paragraph's.
        close = [step for step in pitches if step < 1.6 * size]
        asm.pitch = statistics.median(close if len(close) >= 0.2 * len(pitches) else pitches)
    groups: dict[tuple[int, bool], list[Line]] = {}
    for placed in lines:
        if abs(placed.line.size - size) < 0.6:
            groups.setdefault((placed.column, placed.banded), []).append(placed.line)
    asm.edges = {key: column_edges(members) for key, members in groups.items()}
    in_references = False
    notes = footnote_lines(lines, size)
    texts = [clean(placed.line.text) for placed in lines]
    contents = find_contents(lines, texts)
    heading_sizes = sorted({round(p.line.size) for i, p in enumerate(lines)
                            if p.line.size >= size * 1.15 and i not in title_lines},
                           reverse=True)
    for index, placed in enumerate(lines):
        line = placed.line
        text = texts[index]
        if not text:
            continue
        if index in title_lines:
            if asm.open is not None and asm.open.kind == "heading" and asm.open.level == 1:
                asm.extend(placed, text)
            else:
                asm.start("heading", placed, text, level=1)
            continue
        if index in meta_lines:
            asm.start("meta", placed, text)
            continue
        if index in notes:
            asm.note(placed, text, joins=index - 1 in notes and not _ENTRY_START.match(text))
            continue
        if index in contents.entries:  # one block per entry (a wrapped title joined)
            if index in contents.joined and asm.open is not None and asm.open.kind == "meta":
                asm.extend(placed, text)
            else:
                asm.start("meta", placed, text)
            continue
        if line.bold and not line.bullet and abs(line.size - size) < 0.6 and asm.code_goes_on(
                placed, full=True):
            asm.extend(placed, text)
            continue
        level = heading_level(placed, size, heading_sizes, lines, index)
        if index in contents.headings:
            level = level or min(6, 2 + len(heading_sizes))
        if level:
            if (asm.open is not None and asm.open.kind == "heading" and asm.prev is not None
                    and asm.prev.line.size == line.size and asm.continues(placed)):
                asm.extend(placed, text)
            else:
                asm.start("heading", placed, text, level=level)
            in_references = bool(_REFERENCES.match(text))
            continue
        if line.pieces and len(line.pieces) >= 2:
            cells = CELL_SEPARATOR.join(clean(piece[2]) for piece in line.pieces)
            # Wide-gapped parts above page 1's title are its running head (a
            # journal's name, a DOI), not a table.
            above_title = placed.page == lines[0].page and bool(title_lines) and index < min(
                title_lines)
            asm.start("meta" if above_title else "table_row", placed, cells)
            if asm.open is not None:
                asm.open.cells = tuple(clean(piece[2]) for piece in line.pieces)
            continue
        if line.mono:
            if asm.code_goes_on(placed):
                asm.extend(placed, text)
            else:
                asm.start("code", placed, " ".join(line.text.split()))
            continue
        if in_references:
            if asm.open is not None and asm.open.kind == "reference" and not _ENTRY_START.match(
                    text) and _reference_continues(asm, placed):
                asm.extend(placed, text)
            else:
                asm.start("reference", placed, text)
            continue
        if _CAPTION.match(text):
            asm.start("caption", placed, text)
            continue
        if _BULLET.match(text) or line.bullet:
            asm.start("list_item", placed, text[1:].strip() if not line.bullet else text,
                      level=1)
            continue
        if asm.open is not None and asm.open.kind in (
                "paragraph", "caption", "list_item", "meta" if line.meta else "") and (
                asm.continues(placed) or broken_word(asm.open.text, text)):
            asm.extend(placed, text)
        else:  # (a line in an export's grey: what the report says of itself)
            asm.start("meta" if line.meta else "paragraph", placed, text)
            if asm.open is not None:
                asm.open.bold = len(clean(line.text[:line.bold_lead]))
                asm.open.cells = tuple(clean(cell) for cell in line.cells)
    asm.close()
    mark_table_rows(asm.blocks)
    mark_table_headers(asm.blocks)
    mark_menus(asm.blocks, size)
    return asm.blocks


def _reference_continues(asm: _Assembler, placed: PlacedLine) -> bool:
    prev = asm.prev
    if prev is None:
        return False
    if placed.page == prev.page and placed.column == prev.column:
        gap = placed.line.top - prev.line.bottom
        if gap > asm.line_gap + 0.45 * placed.line.size:
            return False
        # A hanging indent: an entry's later lines sit right of its first. In a
        # numbered list, a line that opens with no number goes on with its entry
        # ("… Am J Clin Nutr." / "2016;103:1033-1044.", set flush by Qt).
        numbered = asm.open is not None and _ENTRY_START.match(asm.open.text) is not None
        return placed.line.x0 > placed.col_left + 2 or prev.line.x0 <= placed.col_left + 2 and (
            numbered or not SENTENCE_END.search(prev.line.text))
    return placed.line.x0 > placed.col_left + 2


def footnote_lines(lines: Sequence[PlacedLine], size: float) -> set[int]:
    """Indices of footnote lines: small type set apart below all else in its column.

    The last line of normal size (body text or a heading) in each column of a
    page ends the column's text; small lines after a gap of more than one and
    a half lines below it are footnotes, unless they start a caption.
    """
    last: dict[tuple[int, int], float] = {}
    for placed in lines:
        if placed.line.size > size * 0.9:
            key = (placed.page, placed.column)
            last[key] = max(last.get(key, 0.0), placed.line.bottom)
    notes: set[int] = set()
    for index, placed in enumerate(lines):
        line = placed.line
        if line.size > size * 0.9 or line.pieces or _CAPTION.match(clean(line.text)):
            continue
        bottom = last.get((placed.page, placed.column))
        if bottom is None or line.top <= bottom or index == 0:
            continue
        prev = lines[index - 1]
        if index - 1 in notes and prev.page == placed.page and prev.column == placed.column:
            notes.add(index)
        elif prev.line.bottom >= bottom and line.top - prev.line.bottom > size * 1.5:
            notes.add(index)
    return notes
