"""PDF files as articles: text, reading order, roles and pages.

``pdf_lines`` takes each page's lines out of PDFium, ``pdf_layout`` puts them
in reading order without running heads or page numbers, ``pdf_blocks`` makes
paragraphs, headings, captions, table rows, footnotes and references. Here:
the caps and one-line refusals for bad files, the title and the title block,
and the canonical :class:`Article` with every block's page.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from pathlib import Path

from app.core.article import Article, LoadError, StyleRun, TextBuilder
from app.core.pdf_blocks import assemble, body_size, clean, vocabulary
from app.core.pdf_furniture import find_furniture, without_markers
from app.core.pdf_layout import PlacedLine, order_page
from app.core.pdf_lines import Line, PageLines, iter_pages, open_pdf, pdf_info
from app.core.reading import read_bytes
from app.core.roles import is_keywords

MAX_PDF_BYTES = 200 * 1024 * 1024
MAX_TEXT_CHARS = 10_000_000
_TITLE_CHARS = 200
_MAX_TITLE_BLOCK = 12
_SECTION_WORD = re.compile(r"^(?:abstract|summary|keywords|key words|background|introduction|"
                           r"contents|table of contents)\b",
                           re.IGNORECASE)
_SECTION_NUMBER = re.compile(r"^\d{1,2}(?:\.\d+)*\.?\s+\S")
# An affiliation or address line of a title block, after its mark ("¹", "*", "a"):
# "Department of Medicine, …", "University of …", "Institute for …", an email.
# Only "… of/for" or a comma after the word: "University students were…" is prose.
_AFFILIATION = re.compile(
    r"^(?:[\d*†‡§¹²³⁴⁵⁶⁷⁸⁹]{1,2}|[a-f]\b)?\s?(?:(?:[Tt]he\s)?(?:Department|Dept\.|Division|"
    r"School|Faculty|Institute|University|College|Hospital|Laboratory|Centre|Center|Unit)s?"
    r"(?:\s(?:of|for)\s|,)|Universit[éäà]|.*\b[\w.+-]+@[\w-]+\.[\w.-]+)")
_BAD_TITLES = ("untitled", "microsoft word", "title", "document", "slide 1")

Progress = Callable[[int, int], bool]
PARTIAL_NOTICE = "Not all pages are read yet: showing the first"


def is_partial(article: Article) -> bool:
    """Was ``article`` read from only the first pages of its PDF?"""
    return any(notice.startswith(PARTIAL_NOTICE) for notice in article.notices)


def load_pdf(path: str | os.PathLike[str], progress: Progress | None = None,
             last_page: int | None = None, max_bytes: int = MAX_PDF_BYTES) -> Article:
    """Read a PDF into an Article, or raise LoadError with one line.

    ``progress(pages done, pages)`` is called after each page; returning False
    stops early (the article then holds the pages read so far). ``last_page``
    reads only the first pages (a quick first paint of a long document).
    """
    p = Path(path)
    data = read_bytes(p, max_bytes)
    document = open_pdf(data, p.name)
    try:
        info = pdf_info(document)
        pages: list[PageLines] = []
        total = info.pages if last_page is None else min(last_page, info.pages)
        chars = 0
        for page in iter_pages(document):
            pages.append(page)
            chars += page.chars
            if chars > MAX_TEXT_CHARS:
                raise LoadError(f"{p.name}: too much text (more than "
                                f"{MAX_TEXT_CHARS // 1_000_000} million characters)")
            if progress is not None and not progress(len(pages), total):
                break
            if len(pages) >= total:
                break
    finally:
        document.close()
    if not any(page.lines for page in pages) and len(pages) == info.pages:
        raise LoadError(f"{p.name}: has no text layer; claimmark does not read scanned pages")
    return article_from_pages(pages, info.title, str(p), complete=len(pages) == info.pages)


def article_from_pages(pages: Sequence[PageLines], metadata_title: str, source_path: str,
                       complete: bool = True) -> Article:
    """The Article for pages already read (pure: no PDFium)."""
    pages = [without_markers(page) for page in pages]  # (claimmark's own export's)
    furniture = find_furniture(pages)
    lines: list[PlacedLine] = []
    for page in pages:
        placed = order_page(page, furniture)
        if lines and placed and _drawn_again(lines[-1].line, placed[0].line):
            placed = placed[1:]
        lines += placed
    title_lines, meta_lines = title_block(lines)
    blocks = assemble(lines, vocabulary(lines), title_lines, meta_lines)
    for block in blocks:
        if block.kind == "paragraph" and is_keywords(block.text):
            block.kind = "meta"  # (as the other formats' loaders do, roles.assign_roles)
    title_text = " ".join(clean(lines[i].line.text) for i in sorted(title_lines))
    title = metadata_title if _good_title(metadata_title) else title_text
    if not title:
        title = next((b.text for b in blocks if b.kind == "heading"), "") or Path(
            source_path).name
    builder = TextBuilder()
    breaks: list[tuple[int, int]] = []
    start = 0
    for block in blocks:
        bold = (StyleRun(0, block.bold, "bold"),) if block.bold else ()
        builder.add(block.kind, block.text, level=block.level, page=block.page, styles=bold)
        if not breaks or breaks[-1][1] != block.page:
            breaks.append((start, block.page))
        breaks += [(start + offset, page) for offset, page in block.pages]
        start += len(block.text) + 1
    empty = [page.number for page in pages if not page.lines]
    notices: tuple[str, ...] = ()
    if empty and len(empty) < len(pages):
        shown = ", ".join(map(str, empty[:10])) + ("…" if len(empty) > 10 else "")
        notices = (f"No text on page{'s' if len(empty) > 1 else ''} {shown} "
                   "(scanned or blank pages are not read).",)
    if not complete:
        notices += (f"{PARTIAL_NOTICE} {len(pages)} of them.",)
    return Article(text=builder.text(), blocks=tuple(builder.blocks),
                   title=title[:_TITLE_CHARS], source_path=source_path, format="pdf",
                   encoding="", notices=notices, page_breaks=tuple(breaks))


def _drawn_again(last: Line, first: Line) -> bool:
    """Is a page's first line the previous page's last one drawn again?

    Qt's PDF writer draws each page as the whole layout moved and clipped: the
    line before a page break is drawn again above the next page's text, hidden
    by the clip (PDFium reads text under a clip). Off the page's box it is not
    read at all (``pdf_lines``); inside the page's margin it is, so a line of
    five words or more that repeats, at the same indent, is dropped.
    """
    return (first.text == last.text and len(first.text.split()) >= 5
            and abs(first.x0 - last.x0) < 1 and abs(first.x1 - last.x1) < 1)


def _good_title(title: str) -> bool:
    """A metadata title worth showing (not a file name or a placeholder)."""
    t = title.strip().lower()
    if len(t) < 4 or any(t.startswith(bad) for bad in _BAD_TITLES):
        return False
    if t[0] + t[-1] in ("()", "[]", "<>"):
        return False  # a writer's placeholder: reportlab's "(anonymous)", "(unspecified)"
    return not t.endswith((".doc", ".docx", ".pdf", ".tex", ".dvi", ".indd", ".qxd"))


def _centred(x0: float, x1: float, left: float, right: float, size: float) -> bool:
    """Is a line set centred between ``left`` and ``right``: indented an em or
    more on both sides, its middle within a twentieth of the width of theirs?
    (Authors and affiliations are; a body line is flush on one side at least.)"""
    return x0 - left >= size and right - x1 >= size and abs(
        (x0 + x1) - (left + right)) / 2 <= 0.05 * (right - left)


def title_block(lines: Sequence[PlacedLine]) -> tuple[set[int], set[int]]:
    """Indices of the title lines and of the title block (authors, affiliations, dates).

    The title is the largest text in the top half of page 1, if it is clearly
    larger than the body; the title block is the lines right after it, up to
    the first line inside a column, the first heading ("Abstract", "1
    Introduction", "Contents", or any bold line larger than the body) or the
    first line that looks like body text (body size and nearly the full width).
    """
    first = [i for i, p in enumerate(lines) if p.page == lines[0].page] if lines else []
    if not first:
        return set(), set()
    size = body_size(lines)
    page_bottom = max(lines[i].line.bottom for i in first)
    top_half = [i for i in first if lines[i].line.top < page_bottom / 2]
    if not top_half:
        return set(), set()
    biggest = max(lines[i].line.size for i in top_half)
    if biggest < size * 1.25:
        return set(), set()
    title = [i for i in top_half if abs(lines[i].line.size - biggest) < 0.5]
    title = [i for i in title if i - title[0] <= len(title)]  # one run, not stray big text
    left = min(lines[i].line.x0 for i in first)
    right = max(lines[i].line.x1 for i in first)
    width = right - left
    meta: set[int] = set()
    for i in range(title[-1] + 1, min(len(lines), title[-1] + 1 + _MAX_TITLE_BLOCK)):
        placed = lines[i]
        line = placed.line
        if placed.page != lines[0].page or placed.banded:
            break
        text = clean(line.text)
        if _SECTION_WORD.match(text) or line.bold and (
                _SECTION_NUMBER.match(text) or line.size >= size * 1.15):
            break  # a heading: the body has begun
        if abs(line.size - size) < 0.6 and line.x1 - line.x0 > 0.8 * width and not (
                _centred(line.x0, line.x1, left, right, size) or _AFFILIATION.match(text)):
            break
        meta.add(i)
    return set(title), meta
