"""Render an Article's blocks into a QTextDocument whose text is the canonical text.

Blocks become QTextBlocks (block separator ↔ ``"\\n"``); inline styles become
character formats. Heading sizes are relative (FontSizeAdjustment) so zoom
scales them. List markers are drawn by QTextList, outside the text.
"""

from __future__ import annotations

from PySide6.QtGui import (
    QColor,
    QFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextList,
    QTextListFormat,
)

from app.core.article import Article, Block

LINE_HEIGHT_PERCENT = 145
PARAGRAPH_SPACING = 10
HEADING_SIZES = {1: 3, 2: 2, 3: 1, 4: 0, 5: 0, 6: 0}
READING_FONTS = ["Source Serif 4", "Georgia", "Charter", "DejaVu Serif", "Liberation Serif",
                 "serif"]
CODE_FONTS = ["DejaVu Sans Mono", "Liberation Mono", "Menlo", "Consolas", "monospace"]


def reading_font(point_size: float = 12.5) -> QFont:
    font = QFont()
    font.setFamilies(READING_FONTS)
    font.setStyleHint(QFont.StyleHint.Serif)
    font.setPointSizeF(point_size)
    return font


def _paragraph_format() -> QTextBlockFormat:
    fmt = QTextBlockFormat()
    fmt.setLineHeight(LINE_HEIGHT_PERCENT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
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
        fmt.setLeftMargin(16)
        fmt.setNonBreakableLines(True)
        char.setFontFamilies(CODE_FONTS)
        char.setFontFixedPitch(True)
    elif block.kind == "list_item":
        fmt.setBottomMargin(4)
    return fmt, char


def build_document(article: Article, document: QTextDocument, link_color: QColor) -> None:
    """Fill ``document`` (cleared first) with ``article``'s blocks."""
    document.clear()
    document.setUndoRedoEnabled(False)
    if not article.blocks:
        return
    if all(b.kind == "paragraph" and not b.styles for b in article.blocks):
        _build_plain(article, document)
        return
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    current_list: QTextList | None = None
    current_list_key: tuple[int, bool] | None = None
    text = article.text
    for number, block in enumerate(article.blocks):
        block_format, char_format = _block_formats(block, link_color)
        if number == 0:
            cursor.setBlockFormat(block_format)
            cursor.setBlockCharFormat(char_format)
        else:
            cursor.insertBlock(block_format, char_format)
        if block.kind == "list_item":
            key = (block.level, block.ordinal is not None)
            if current_list is None or current_list_key != key:
                list_format = QTextListFormat()
                list_format.setStyle(QTextListFormat.Style.ListDecimal if block.ordinal
                                     else QTextListFormat.Style.ListDisc)
                list_format.setIndent(block.level)
                if block.ordinal:
                    list_format.setStart(block.ordinal)
                current_list = cursor.createList(list_format)
                current_list_key = key
            else:
                current_list.add(cursor.block())
        elif block.kind != "list_item":
            current_list, current_list_key = None, None
        _insert_styled(cursor, text, block, char_format, link_color)
    cursor.endEditBlock()


def _insert_styled(cursor: QTextCursor, text: str, block: Block, base: QTextCharFormat,
                   link_color: QColor) -> None:
    if not block.styles:
        cursor.insertText(text[block.start:block.end], base)
        return
    bounds = {block.start, block.end}
    for run in block.styles:
        bounds.add(run.start)
        bounds.add(run.end)
    points = sorted(b for b in bounds if block.start <= b <= block.end)
    for lo, hi in zip(points, points[1:]):
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
                elif run.style == "link" and run.href:
                    fmt.setAnchor(True)
                    fmt.setAnchorHref(run.href)
                    fmt.setForeground(link_color)
                    fmt.setFontUnderline(True)
                    fmt.setToolTip(run.href)
        cursor.insertText(text[lo:hi], fmt)


def _build_plain(article: Article, document: QTextDocument) -> None:
    """Fast path for big plain-text books: one call, one block format."""
    document.setPlainText(article.text)
    cursor = QTextCursor(document)
    cursor.select(QTextCursor.SelectionType.Document)
    cursor.mergeBlockFormat(_paragraph_format())
