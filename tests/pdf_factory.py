"""PDFs the tests and benchmarks make: a small typesetter on reportlab's canvas.

It sets text the way LaTeX's two-column article class does — a centred title
block, justified-looking columns filled top to bottom, words hyphenated at
line ends, a running head and a page number on every page, a footnote, a
caption and a table — so the tests know exactly what a reader should get
back. It also writes locked, scanned-looking (no text) and many-page files.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.pagesizes import letter
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

PAGE_W, PAGE_H = letter
MARGIN = 54.0
GUTTER = 18.0
BODY_FONT, BODY_SIZE, LEADING = "Times-Roman", 10.0, 12.0


@dataclass
class Item:
    """One element of the flow: ``kind`` is para, heading, caption, table or reference."""

    kind: str
    text: str = ""
    rows: Sequence[Sequence[str]] = ()


@dataclass
class Paper:
    title: str
    meta: Sequence[str] = ()
    flow: Sequence[Item] = ()
    running_head: str = ""
    footnote: str = ""
    columns: int = 2
    hyphenate: bool = True
    title_metadata: str | None = None
    hard_breaks: dict[str, int] = field(default_factory=dict)


def _hyphen_split(word: str, room: float, font: str, size: float) -> tuple[str, str] | None:
    """Split ``word`` so its head plus "-" fits ``room``; only letters, both parts ≥ 3."""
    core = word.rstrip(".,;:")
    if len(core) < 7 or not core.isalpha():
        return None
    for cut in range(len(core) - 3, 2, -1):
        head = word[:cut] + "-"
        if stringWidth(head, font, size) <= room:
            return head, word[cut:]
    return None


def _compound_split(word: str, room: float, font: str, size: float) -> tuple[str, str] | None:
    """Break a compound after its own hyphen ("evidence-" / "based"), as LaTeX does."""
    cut = word.find("-")
    if 0 < cut < len(word) - 1 and stringWidth(word[:cut + 1], font, size) <= room:
        return word[:cut + 1], word[cut + 1:]
    return None


def wrap(text: str, width: float, font: str = BODY_FONT, size: float = BODY_SIZE,
         hyphenate: bool = True, indent: float = 0.0) -> list[str]:
    """Greedy line breaking, hyphenating a long word that would leave a gap."""
    lines: list[str] = []
    words = text.split()
    line = ""
    avail = width - indent
    while words:
        word = words[0]
        trial = f"{line} {word}" if line else word
        if stringWidth(trial, font, size) <= avail:
            line = trial
            words.pop(0)
            continue
        if hyphenate and line:
            room = avail - stringWidth(line + " ", font, size)
            compound = _compound_split(word, room, font, size)
            split = compound or _hyphen_split(word, room, font, size)
            if split and (compound or room > avail * 0.15):
                lines.append(f"{line} {split[0]}")
                words[0] = split[1]
                line = ""
                avail = width
                continue
        if not line:  # a word wider than the column stays whole
            line = word
            words.pop(0)
        lines.append(line)
        line = ""
        avail = width
    if line:
        lines.append(line)
    return lines


class _Columns:
    """Places lines in columns, starting new columns and pages as needed."""

    def __init__(self, canvas: Canvas, paper: Paper, top: float) -> None:
        self.c = canvas
        self.paper = paper
        self.page = 1
        self.column = 0
        self.col_w = (PAGE_W - 2 * MARGIN - GUTTER * (paper.columns - 1)) / paper.columns
        self.top = top
        self.bottom = MARGIN + 24
        self.y = top
        self.footnote_room = 0.0

    def x(self) -> float:
        return MARGIN + self.column * (self.col_w + GUTTER)

    def need(self, height: float) -> None:
        if self.y - height < self.bottom + self.footnote_room:
            self.next_column()

    def next_column(self) -> None:
        self.column += 1
        self.footnote_room = 0.0
        if self.column >= self.paper.columns:
            self.c.showPage()
            self.page += 1
            self.column = 0
            decorate(self.c, self.paper, self.page)
            self.top = PAGE_H - MARGIN - 18
        self.y = self.top

    def line(self, text: str, font: str = BODY_FONT, size: float = BODY_SIZE,
             indent: float = 0.0, leading: float = LEADING) -> None:
        self.need(leading)
        self.y -= leading
        self.c.setFont(font, size)
        self.c.drawString(self.x() + indent, self.y, text)


def decorate(canvas: Canvas, paper: Paper, page: int) -> None:
    """Running head and page number."""
    if paper.running_head and page > 1:
        canvas.setFont("Times-Italic", 8)
        canvas.drawString(MARGIN, PAGE_H - MARGIN + 6, paper.running_head)
        canvas.drawRightString(PAGE_W - MARGIN, PAGE_H - MARGIN + 6, f"Vol. 12, {page}")
    canvas.setFont(BODY_FONT, 9)
    canvas.drawCentredString(PAGE_W / 2, MARGIN - 10, str(page))


def make_paper(path: Path, paper: Paper, *, password: str | None = None) -> Path:
    """Write ``paper`` to ``path`` (locked with ``password`` if given)."""
    encrypt = None
    if password is not None:
        from reportlab.lib import pdfencrypt

        encrypt = pdfencrypt.StandardEncryption(password, canPrint=0)
    c = Canvas(str(path), pagesize=letter, encrypt=encrypt, invariant=1)
    c.setTitle(paper.title if paper.title_metadata is None else paper.title_metadata)
    c.setAuthor("")
    decorate(c, paper, 1)
    y = PAGE_H - MARGIN - 10
    for line in wrap(paper.title, PAGE_W - 2 * MARGIN - 60, "Times-Bold", 17, False):
        c.setFont("Times-Bold", 17)
        c.drawCentredString(PAGE_W / 2, y, line)
        y -= 21
    y -= 4
    for meta in paper.meta:
        c.setFont(BODY_FONT, 10)
        c.drawCentredString(PAGE_W / 2, y, meta)
        y -= 13
    flow = _Columns(c, paper, y - 10)
    if paper.footnote:
        lines = wrap(paper.footnote, flow.col_w, BODY_FONT, 8, False)
        c.setFont(BODY_FONT, 8)
        fy = flow.bottom + 10 * (len(lines) - 1)
        for text in lines:
            c.drawString(MARGIN, fy, text)
            fy -= 10
        c.line(MARGIN, flow.bottom + 10 * len(lines) + 2, MARGIN + 60,
               flow.bottom + 10 * len(lines) + 2)
        flow.footnote_room = 10 * len(lines) + 8
    first_para = True
    for item in paper.flow:
        if item.kind == "heading":
            flow.need(LEADING * 3)
            flow.y -= 6
            flow.line(item.text, "Times-Bold", 12, leading=14)
            first_para = True
        elif item.kind == "para":
            indent = 0.0 if first_para else 12.0
            for n, text in enumerate(wrap(item.text, flow.col_w, hyphenate=paper.hyphenate,
                                          indent=indent)):
                flow.line(text, indent=indent if n == 0 else 0.0)
            first_para = False
        elif item.kind == "caption":
            flow.y -= 4
            for text in wrap(item.text, flow.col_w, BODY_FONT, 9, False):
                flow.line(text, size=9, leading=11)
            flow.y -= 4
        elif item.kind == "table":
            flow.need(LEADING * (len(item.rows) + 1))
            flow.y -= 2
            widths = flow.col_w / max(1, len(item.rows[0]))
            for r, row in enumerate(item.rows):
                flow.need(LEADING)
                flow.y -= LEADING
                font = "Times-Bold" if r == 0 else BODY_FONT
                c.setFont(font, 9)
                for k, cell in enumerate(row):
                    c.drawString(flow.x() + k * widths, flow.y, cell)
            flow.y -= 6
        elif item.kind == "reference":
            for n, text in enumerate(wrap(item.text, flow.col_w - 10, BODY_FONT, 9, False)):
                flow.line(text, size=9, leading=11, indent=0.0 if n == 0 else 10.0)
    c.showPage()
    c.save()
    return path


def make_plain_pages(path: Path, pages: Sequence[Sequence[str]], title: str = "") -> Path:
    """One column of paragraphs, a page break between the given page lists."""
    c = Canvas(str(path), pagesize=letter, invariant=1)
    if title:
        c.setTitle(title)
    width = PAGE_W - 2 * MARGIN
    for number, paragraphs in enumerate(pages, 1):
        y = PAGE_H - MARGIN - 18
        for para in paragraphs:
            for n, text in enumerate(wrap(para, width, hyphenate=False, indent=12.0)):
                c.setFont(BODY_FONT, 11)
                c.drawString(MARGIN + (12.0 if n == 0 else 0.0), y, text)
                y -= 14
                if y < MARGIN + 20:
                    break
        c.setFont(BODY_FONT, 9)
        c.drawCentredString(PAGE_W / 2, MARGIN - 10, str(number))
        c.showPage()
    c.save()
    return path


def make_scanned(path: Path, pages: int = 2) -> Path:
    """Pages with only drawings (what a scanner's image pages look like to us)."""
    c = Canvas(str(path), pagesize=letter, invariant=1)
    for _ in range(pages):
        for k in range(30):
            c.rect(MARGIN, PAGE_H - MARGIN - k * 20, 300 + (k * 37) % 150, 8, fill=1)
        c.showPage()
    c.save()
    return path
