"""Render an Article's blocks into a QTextDocument whose text is the canonical text.

Blocks become QTextBlocks (block separator ↔ ``"\\n"``); inline styles become
character formats. Heading sizes are relative (FontSizeAdjustment) so zoom
scales them. List markers are drawn by QTextList, outside the text.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextImageFormat,
    QTextList,
    QTextListFormat,
)

from app.core.article import Article, Block

CHUNK_CHARS = 16_000  # characters added per edit block when filling in slices
LINE_HEIGHT_PERCENT = 145
PARAGRAPH_SPACING = 10
HEADING_SIZES = {1: 3, 2: 2, 3: 1, 4: 0, 5: 0, 6: 0}
READING_FONTS = ["Source Serif 4", "Georgia", "Charter", "DejaVu Serif", "Liberation Serif",
                 "serif"]
# A table's cell separators (" | " in the canonical text): mid grey reads as a
# rule on the light and the dark page (3.5:1 on white, 5.3:1 on #18191b), so
# the cells stand apart without a QTextTable, whose cells would be blocks of
# their own and break the one-block-a-row text contract.
CELL_RULE_COLOR = "#888888"
MAX_MUTED_CELLS = 64  # separators recoloured per row; longer rows keep plain bars
CODE_FONTS = ["DejaVu Sans Mono", "Liberation Mono", "Menlo", "Consolas", "monospace"]
CODE_MARGIN = 16
# A code line longer than the column wraps (a QTextDocument block cannot
# scroll on its own as a browser's <pre> does, and one unbroken line pushed
# the whole page sideways); its continuation lines hang this much deeper, so
# a wrapped line is told from the next line of code.
CODE_WRAP_INDENT = 32


def reading_font(point_size: float = 12.5) -> QFont:
    font = QFont()
    font.setFamilies(READING_FONTS)
    font.setStyleHint(QFont.StyleHint.Serif)
    font.setPointSizeF(point_size)
    return font


def _paragraph_format() -> QTextBlockFormat:
    fmt = QTextBlockFormat()
    proportional = QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
    fmt.setLineHeight(LINE_HEIGHT_PERCENT, proportional)
    fmt.setBottomMargin(PARAGRAPH_SPACING)
    return fmt


def _block_formats(block: Block, link_color: QColor) -> tuple[QTextBlockFormat, QTextCharFormat]:
    fmt = _paragraph_format()
    char = QTextCharFormat()
    if block.kind == "heading":
        fmt.setTopMargin(18 if block.level <= 2 else 12)
        fmt.setBottomMargin(6)
        fmt.setHeadingLevel(block.level)
        char.setFontWeight(QFont.Weight.Bold)
        char.setProperty(QTextFormat.Property.FontSizeAdjustment, HEADING_SIZES.get(block.level, 0))
    elif block.kind == "quote":
        fmt.setLeftMargin(28)
        fmt.setRightMargin(16)
        char.setFontItalic(True)
    elif block.kind == "code":
        fmt.setBottomMargin(0)
        fmt.setLineHeight(100, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        fmt.setLeftMargin(CODE_MARGIN + CODE_WRAP_INDENT)
        fmt.setTextIndent(-CODE_WRAP_INDENT)
        char.setFontFamilies(CODE_FONTS)
        char.setFontFixedPitch(True)
    elif block.kind == "list_item":
        fmt.setBottomMargin(4)
    elif block.kind in ("meta", "caption"):
        # Bylines, dates and captions: smaller and italic, read past, not claims.
        char.setFontItalic(True)
        char.setProperty(QTextFormat.Property.FontSizeAdjustment, -1)
        if block.kind == "caption":
            fmt.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    elif block.kind in ("table_header", "table_row"):
        fmt.setBottomMargin(2)
        fmt.setLeftMargin(16)
        if block.kind == "table_header":
            char.setFontWeight(QFont.Weight.DemiBold)
    elif block.kind == "reference":
        # A reference entry: smaller; numbered entries are drawn as a list.
        fmt.setBottomMargin(4)
        char.setProperty(QTextFormat.Property.FontSizeAdjustment, -1)
    return fmt, char


class DocumentBuilder:
    """Fills a QTextDocument with an article's blocks, in slices if asked.

    ``step(budget)`` adds blocks for about ``budget`` seconds and returns True
    when the whole article is in, so a big book can be added between paints.
    """

    def __init__(self, article: Article, document: QTextDocument, link_color: QColor) -> None:
        self.article = article
        self.document = document
        self.link_color = link_color
        self.next_block = 0
        self.plain = all(b.kind == "paragraph" and not b.styles for b in article.blocks)
        self._list: QTextList | None = None
        self._list_key: tuple[int, bool] | None = None
        document.clear()
        document.setUndoRedoEnabled(False)
        self.cursor = QTextCursor(document)

    @property
    def done(self) -> bool:
        return self.next_block >= len(self.article.blocks)

    def step(self, budget: float = float("inf"), max_chars: int | None = None) -> bool:
        """Add blocks until ``budget`` seconds or ``max_chars`` characters are used."""
        deadline = time.perf_counter() + budget
        blocks = self.article.blocks
        while not self.done:
            first = self.next_block
            end = self._chunk_end(first, max_chars)
            if self.plain:
                self._add_plain(first, end)
            else:
                self.cursor.beginEditBlock()
                for number in range(first, end):
                    self._add_block(number, blocks[number])
                self.cursor.endEditBlock()
            self.next_block = end
            if max_chars is not None or time.perf_counter() >= deadline:
                break
        return self.done

    def _chunk_end(self, first: int, max_chars: int | None) -> int:
        blocks = self.article.blocks
        limit = max_chars or CHUNK_CHARS
        start = blocks[first].start
        end = first + 1
        while end < len(blocks) and blocks[end].end - start < limit:
            end += 1
        return end

    def _add_plain(self, first: int, end: int) -> None:
        blocks = self.article.blocks
        text = self.article.text[blocks[first].start:blocks[end - 1].end]
        if first == 0:
            self.cursor.setBlockFormat(_paragraph_format())
            self.cursor.insertText(text)
        else:
            self.cursor.insertText("\n" + text)

    def _add_block(self, number: int, block: Block) -> None:
        cursor = self.cursor
        block_format, char_format = _block_formats(block, self.link_color)
        if number == 0:
            cursor.setBlockFormat(block_format)
            cursor.setBlockCharFormat(char_format)
        else:
            cursor.insertBlock(block_format, char_format)
        if block.kind == "image":
            image = QTextImageFormat()
            image.setName(next((s.href for s in block.styles if s.style == "image"), "") or "")
            cursor.insertImage(image)
            self._list, self._list_key = None, None
            return
        if block.kind == "list_item" or _numbered_reference(self.article.text, block):
            key = (block.level, block.ordinal is not None)
            if self._list is None or self._list_key != key:
                list_format = QTextListFormat()
                list_format.setStyle(QTextListFormat.Style.ListDecimal if block.ordinal
                                     else QTextListFormat.Style.ListDisc)
                list_format.setIndent(block.level)
                if block.ordinal:
                    list_format.setStart(block.ordinal)
                self._list = cursor.createList(list_format)
                self._list_key = key
            else:
                self._list.add(cursor.block())
        else:
            self._list, self._list_key = None, None
        _insert_styled(cursor, self.article.text, block, char_format, self.link_color,
                       heading=block.kind == "heading")
        if block.kind in ("table_header", "table_row"):
            _mute_cell_separators(cursor, self.article.text[block.start:block.end])


def _mute_cell_separators(cursor: QTextCursor, row: str) -> None:
    """Draw the bars between a table row's cells (its last block) as grey rules."""
    rule = QTextCharFormat()
    rule.setForeground(QColor(CELL_RULE_COLOR))
    position = cursor.block().position()
    done, units, found = 0, 0, 0
    bar = row.find(" | ")
    while bar >= 0 and found < MAX_MUTED_CELLS:
        units += len(row[done:bar + 1].encode("utf-16-le", "surrogatepass")) // 2
        done = bar + 1
        marker = QTextCursor(cursor.document())
        marker.setPosition(position + units)
        marker.setPosition(position + units + 1, QTextCursor.MoveMode.KeepAnchor)
        marker.mergeCharFormat(rule)
        found += 1
        bar = row.find(" | ", bar + 3)


def _numbered_reference(text: str, block: Block) -> bool:
    """A reference entry whose number is not in its text gets it drawn by a list."""
    return (block.kind == "reference" and block.ordinal is not None
            and not text[block.start:block.end].lstrip("[ ").startswith(str(block.ordinal)))


def build_document(article: Article, document: QTextDocument, link_color: QColor) -> None:
    """Fill ``document`` (cleared first) with all of ``article``'s blocks."""
    DocumentBuilder(article, document, link_color).step()


def _insert_styled(cursor: QTextCursor, text: str, block: Block, base: QTextCharFormat,
                   link_color: QColor, heading: bool = False) -> None:
    """Insert ``block``'s text with its style runs. In a heading, a link into
    the page is drawn as heading text: mdBook wraps every heading in a link to
    itself (``<h2><a class="header" href="#x">``), which made each heading
    blue and underlined."""
    if not block.styles:
        cursor.insertText(text[block.start:block.end], base)
        return
    bounds = {block.start, block.end}
    for run in block.styles:
        bounds.add(run.start)
        bounds.add(run.end)
    points = sorted(b for b in bounds if block.start <= b <= block.end)
    for lo, hi in zip(points, points[1:], strict=False):
        fmt = QTextCharFormat(base)
        for run in block.styles:
            if run.start <= lo and hi <= run.end:
                if run.style == "bold":
                    fmt.setFontWeight(QFont.Weight.Bold)
                elif run.style == "italic":
                    fmt.setFontItalic(True)
                elif run.style == "code":
                    fmt.setFontFamilies(CODE_FONTS)
                    fmt.setFontFixedPitch(True)
                elif run.style == "anchor" and run.href:
                    fmt.setAnchor(True)
                    fmt.setAnchorNames([run.href])
                elif run.style == "link" and run.href and not (heading
                                                               and run.href.startswith("#")):
                    fmt.setAnchor(True)
                    fmt.setAnchorHref(run.href)
                    fmt.setForeground(link_color)
                    fmt.setFontUnderline(True)
                    fmt.setToolTip(run.href)
        cursor.insertText(text[lo:hi], fmt)


def recolor_links(document: QTextDocument, color: QColor) -> None:
    """Give every link in ``document`` the colour ``color`` (a new theme's link
    colour: links are coloured when built, so a theme change must repaint them)."""
    cursor = QTextCursor(document)
    link = QTextCharFormat()
    link.setForeground(color)
    cursor.beginEditBlock()
    for start, end in list(link_ranges(document, 0, document.characterCount())):
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(link)
    cursor.endEditBlock()


def link_ranges(document: QTextDocument, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The links' text within ``[start, end)`` (UTF-16 positions)."""
    block = document.findBlock(start)
    while block.isValid() and block.position() < end:
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            # A link has an href; a named anchor (an in-page target) is no link.
            if fragment.isValid() and fragment.charFormat().anchorHref():
                lo = max(start, fragment.position())
                hi = min(end, fragment.position() + fragment.length())
                if lo < hi:
                    yield lo, hi
            fragments += 1
        block = block.next()
