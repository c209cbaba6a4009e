"""Turn (sanitised) HTML into canonical blocks with inline style runs.

Used by the Markdown loader (Python-Markdown's output) and the HTML loader.
Only structure and a few inline styles are kept; everything else is reduced
to its text. Whitespace is collapsed as a browser would, except in ``<pre>``
whose lines each become a code block. A definition list's term (``<dt>``) is a
heading of the lowest rank, as a ``<summary>`` is: it names what follows, it
asserts nothing (unless it is a sentence: pod2html writes whole descriptions as
terms).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from app.core.article import (
    LINE_SEPARATOR,
    OBJECT_REPLACEMENT,
    BlockKind,
    StyleKind,
    StyleRun,
    TextBuilder,
)
from app.core.header_marks import is_header_link
from app.core.raised_numbers import as_power, cites_after

_WS = re.compile(r"[ \t\n\r\f\v]+")
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_BLOCK_TAGS = frozenset(
    {"p", "div", "section", "article", "main", "header", "footer", "aside", "nav",
     "blockquote", "pre", "li", "ul", "ol", "dl", "dt", "dd", "table", "thead",
     "tbody", "tfoot", "tr", "figure", "figcaption", "hr", "address", "details",
     "summary", "caption", "body", "html", *_HEADINGS}
)
_CELL_TAGS = frozenset({"td", "th"})
_INLINE_STYLES: dict[str, StyleKind] = {
    "strong": "bold", "b": "bold", "em": "italic", "i": "italic", "cite": "italic",
    "code": "code", "kbd": "code", "samp": "code", "tt": "code",
}
_SKIP_CONTENT = frozenset({"script", "style", "template", "noscript", "head", "title"})
# Deeper nesting than this is flattened: bounded work for hostile input.
MAX_DEPTH = 200


@dataclass
class _OpenStyle:
    tag: str
    style: StyleKind
    start: int
    href: str | None = None


@dataclass
class _BlockState:
    kind: BlockKind = "paragraph"
    level: int = 0
    ordinal: int | None = None
    parts: list[str] = field(default_factory=list)
    length: int = 0
    styles: list[StyleRun] = field(default_factory=list)
    row: bool = False  # the text of a table row's cells (not a block nested in a cell)


class _BlockParser(HTMLParser):
    def __init__(self, builder: TextBuilder) -> None:
        super().__init__(convert_charrefs=True)
        self.builder = builder
        self.block = _BlockState()
        self.open_styles: list[_OpenStyle] = []
        self.lists: list[list[int | None]] = []  # per list: [next ordinal or None]
        self.quote_depth = 0
        self.pre_depth = 0
        self.skip_depth = 0
        self.depth = 0
        self.heading: int = 0
        self.cells_in_row = 0
        self.title: str | None = None
        self.pending_anchor: str | None = None
        self.caption_depth = 0
        self.address_depth = 0  # <address>: who wrote it, how to reach them (a meta line)
        self.summary_depth = 0
        self.term_depth = 0  # inside a definition list's <dt>
        self.pending_ordinal: int | None = None
        self.thead_depth = 0
        self.row_has_data_cell = False
        # Depth inside a link back to a citation ("^", "↩"): navigation, not text.
        self.backlink_depth = 0
        self.sup_marker_depth = 0

    # ---- block handling -------------------------------------------------
    def _flush(self) -> None:
        block = self.block
        text = "".join(block.parts)
        styles = list(block.styles)
        # Close styles still open so they cover the text seen so far.
        for open_style in self.open_styles:
            if open_style.start < len(text):
                styles.append(StyleRun(open_style.start, len(text), open_style.style,
                                       open_style.href))
            open_style.start = 0
        if block.kind == "code":
            lines = text.split("\n")
            if lines and lines[-1] == "":
                lines.pop()
            for line in lines:
                self.builder.add("code", line.replace(LINE_SEPARATOR, " "))
        else:
            kind = block.kind
            if block.row:  # a table row: no separators for empty cells at its ends
                text = _strip_cell_separators(text)
                header = self.thead_depth > 0 or not self.row_has_data_cell
                kind = "table_header" if header else "table_row"
            stripped = text.strip(_EDGE_BLANKS)
            level = block.level
            if kind == "heading" and self.term_depth and not (self.heading or self.summary_depth) \
                    and _is_sentence(stripped):
                # pod2html writes whole descriptions as terms with an empty <dd>
                kind, level = "paragraph", self.quote_depth
            if stripped:
                lead = len(text) - len(text.lstrip(_EDGE_BLANKS))
                end = len(stripped)
                runs = tuple(
                    StyleRun(max(0, s.start - lead), min(end, s.end - lead), s.style, s.href)
                    for s in styles
                )
                ordinal = block.ordinal
                if kind == "list_item":
                    # "<li><p>…": the item's number goes to its first text block.
                    ordinal = self.pending_ordinal if ordinal is None else ordinal
                    self.pending_ordinal = None
                self.builder.add(kind, stripped, level=level, ordinal=ordinal, styles=runs)
        self.block = _BlockState(kind=self._context_kind(), level=self._context_level())

    def _context_kind(self) -> BlockKind:
        if self.pre_depth:
            return "code"
        if self.heading or self.summary_depth or self.term_depth:
            return "heading"
        if self.caption_depth:
            return "caption"
        if self.address_depth:
            return "meta"
        if self.lists:
            return "list_item"
        if self.quote_depth:
            return "quote"
        return "paragraph"

    def _context_level(self) -> int:
        if self.heading:
            return self.heading
        if self.summary_depth or self.term_depth:
            return 6  # a disclosure's label, a defined term: the lowest heading rank
        if self.lists:
            return len(self.lists)
        return self.quote_depth

    def _append(self, text: str) -> None:
        block = self.block
        if not self.pre_depth:
            text = _WS.sub(" ", text)
            ends_blank = (not block.parts) or block.parts[-1].endswith((" ", LINE_SEPARATOR))
            if ends_blank and text.startswith(" "):
                text = text[1:]
        if text:
            if self.pending_anchor:  # an id/name: the anchor covers this text's first char
                start = block.length + (len(text) - len(text.lstrip()))
                block.styles.append(StyleRun(start, start + 1, "anchor", self.pending_anchor))
                self.pending_anchor = None
            block.parts.append(text)
            block.length += len(text)

    # ---- HTMLParser callbacks ------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.depth += 1
        if self.skip_depth or tag in _SKIP_CONTENT:
            self.skip_depth += 1 if tag in _SKIP_CONTENT or self.skip_depth else 0
            return
        if self.depth > MAX_DEPTH:
            return
        identifier = next((v for k, v in attrs if k in ("id", "name") and v), None)
        if identifier and tag in _BLOCK_TAGS | {"a", "span"}:
            self.pending_anchor = identifier
        if tag in _BLOCK_TAGS:
            self._flush()
            if tag in _HEADINGS:
                self.heading = _HEADINGS[tag]
            elif tag in ("ul", "ol"):
                start = dict(attrs).get("start") if tag == "ol" else None
                first = int(start) if start and start.isdigit() else 1
                self.lists.append([first if tag == "ol" else None])
            elif tag == "blockquote":
                self.quote_depth += 1
            elif tag == "pre":
                self.pre_depth += 1
            elif tag in ("tr", "table", "caption", "figcaption"):
                self.cells_in_row = 0
                self.row_has_data_cell = False
                if tag in ("caption", "figcaption"):
                    self.caption_depth += 1
            elif tag == "summary":
                self.summary_depth += 1
            elif tag == "address":
                self.address_depth += 1
            elif tag == "dt":
                self.term_depth += 1
            self.block = _BlockState(kind=self._context_kind(), level=self._context_level())
            if tag == "li" and self.lists:
                counter = self.lists[-1]
                self.block.ordinal = counter[0]
                self.pending_ordinal = counter[0]
                if counter[0] is not None:
                    counter[0] += 1
        elif tag in _CELL_TAGS:
            if self.cells_in_row:
                self._append(" | ")
            self.cells_in_row += 1
            self.block.row = True
            self.row_has_data_cell = self.row_has_data_cell or tag == "td"
        elif tag == "thead":
            self.thead_depth += 1
        elif self.backlink_depth:
            self.backlink_depth += 1 if tag == "a" else 0
        elif tag == "a" and _is_backlink(dict(attrs).get("href")):
            self.backlink_depth = 1
        elif tag == "sup":
            self.sup_marker_depth += 1
        elif tag == "br":
            self._line_break()
        elif tag in _INLINE_STYLES and not self.pre_depth:
            self.open_styles.append(_OpenStyle(tag, _INLINE_STYLES[tag], self.block.length))
        elif tag == "a":
            href = dict(attrs).get("href")
            self.open_styles.append(_OpenStyle(tag, "link", self.block.length, href or None))
        elif tag == "img":
            attributes = dict(attrs)
            alt = (attributes.get("alt") or "").strip()
            src = (attributes.get("src") or "").strip()
            if src and not "".join(self.block.parts).strip() and not self.pre_depth:
                self._image_block(src, alt)
            elif alt:
                self._alt_text(alt)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        self.depth = max(0, self.depth - 1)
        if self.skip_depth:
            if tag in _SKIP_CONTENT:
                self.skip_depth -= 1
            return
        if self.backlink_depth and tag == "a":
            self.backlink_depth -= 1
            return
        if tag == "thead":
            self.thead_depth = max(0, self.thead_depth - 1)
        elif tag == "sup":
            self.sup_marker_depth = max(0, self.sup_marker_depth - 1)
        if tag in _BLOCK_TAGS:
            self._flush()
            if tag in _HEADINGS:
                self.heading = 0
            elif tag in ("ul", "ol") and self.lists:
                self.lists.pop()
            elif tag == "blockquote":
                self.quote_depth = max(0, self.quote_depth - 1)
            elif tag == "pre":
                self.pre_depth = max(0, self.pre_depth - 1)
            elif tag in ("caption", "figcaption"):
                self.caption_depth = max(0, self.caption_depth - 1)
            elif tag == "summary":
                self.summary_depth = max(0, self.summary_depth - 1)
            elif tag == "address":
                self.address_depth = max(0, self.address_depth - 1)
            elif tag == "dt":
                self.term_depth = max(0, self.term_depth - 1)
            if tag in ("tr", "table", "thead", "tbody", "tfoot"):
                self.cells_in_row = 0
            self.block = _BlockState(kind=self._context_kind(), level=self._context_level())
        elif tag in _INLINE_STYLES or tag == "a":
            for i in range(len(self.open_styles) - 1, -1, -1):
                open_style = self.open_styles[i]
                if open_style.tag == tag:
                    del self.open_styles[i]
                    if open_style.start < self.block.length:
                        self.block.styles.append(StyleRun(
                            open_style.start, self.block.length, open_style.style,
                            open_style.href))
                    break

    def handle_data(self, data: str) -> None:
        if self.skip_depth or self.backlink_depth:
            return
        if self.open_styles and self.open_styles[-1].tag == "a" and \
                self.open_styles[-1].start == self.block.length and \
                is_header_link(self.open_styles[-1].href, data):
            return  # "Abstract¶": the heading's link to itself is not text
        if self.sup_marker_depth and not self.pre_depth:
            data = self._superscript_marker(data)
        self._append(data)

    def _superscript_marker(self, data: str) -> str:
        """A citation drawn as a superscript number reads "[1]", apart from the
        word it follows ("sleep¹" read "sleep1"): a number in a superscript
        link (``<sup><a href="#r1">1</a></sup>``, any target: in the page or a
        study's URL), or a bare superscript number where it cites as in a PDF
        (``raised_numbers``: after a word of four letters or more, punctuation,
        "%"). A power is written as one, as the PDF reader does ("10⁶", "cm²",
        "10⁻³"; it read "106"). Commas between markers go ("[2][3]", as
        Wikipedia writes them)."""
        number = data.strip()
        before = "".join(self.block.parts[-2:])[-_CITING_SPAN:]
        if before.endswith("]") and number in (",", ";", ""):
            return "" if number else data
        if before.endswith("[") or not number:
            return data
        if _FOOTNOTE_NUMBER.fullmatch(number):
            linked = any(style.tag == "a" for style in self.open_styles)
            if linked or cites_after(before):
                return f"[{number}]"
        power = None if data != number else as_power(number, before)
        return data if power is None else power

    def _alt_text(self, alt: str) -> None:
        """An inline image's alt text: kept as text (it may be all a reader gets of
        the image), under an ``alt`` run so that suggestions leave it alone — on
        product pages it is a caption of a bottle or a badge, not the page's claim."""
        block = self.block
        before = block.length
        self._append(f" {alt} ")
        if block.length > before:
            part = block.parts[-1]
            start = before + len(part) - len(part.lstrip())
            end = block.length - (len(part) - len(part.rstrip()))
            if end > start:
                block.styles.append(StyleRun(start, end, "alt"))

    def _image_block(self, src: str, alt: str = "") -> None:
        """A standalone image: a block of its own, one U+FFFC, its source kept,
        and its alt text (in an ``alt`` run's ``href``: it is not in the text),
        which the view and the exports show when the image cannot be."""
        kind, level = self.block.kind, self.block.level
        styles: tuple[StyleRun, ...] = (StyleRun(0, 1, "image", src),)
        if alt:
            styles += (StyleRun(0, 1, "alt", " ".join(alt.split())),)
        self.builder.add("image", OBJECT_REPLACEMENT, styles=styles)
        self.block = _BlockState(kind=kind, level=level)

    def _line_break(self) -> None:
        if self.pre_depth:
            self._append("\n")
            return
        block = self.block
        # Drop the space before the break so lines do not end in blanks.
        if block.parts and block.parts[-1].endswith(" "):
            block.parts[-1] = block.parts[-1][:-1]
            block.length -= 1
        if block.length:
            self._append(LINE_SEPARATOR)


_EDGE_BLANKS = " \u00a0" + LINE_SEPARATOR
_FOOTNOTE_NUMBER = re.compile(r"\d{1,4}(?:\s*[,–-]\s*\d{1,4})*")
_CITING_SPAN = 40  # characters before a superscript number that it is judged on


def _is_sentence(text: str) -> bool:
    """A defined "term" that is a sentence: three words or more ending in . ! ? …"""
    return len(text.split()) >= 3 and text.rstrip(_CLOSING_QUOTES).endswith(_SENTENCE_ENDS)


_CLOSING_QUOTES = "\"'”’»"
_SENTENCE_ENDS = (".", "!", "?", "…")


def _is_backlink(href: str | None) -> bool:
    """A link from a note back to where it is cited (Wikipedia's "^", Markdown's "↩")."""
    return href is not None and href.startswith(("#fnref", "#cite_ref"))


def _strip_cell_separators(text: str) -> str:
    """' | a | b | ' → ' a | b ' with offsets kept at the start (trailing only)."""
    while text.rstrip().endswith("|"):
        text = text.rstrip()[:-1]
    return text


def html_to_blocks(html: str, builder: TextBuilder) -> None:
    """Parse ``html`` and add its blocks to ``builder``."""
    parser = _BlockParser(builder)
    parser.feed(html)
    parser.close()
    parser._flush()
