"""The canonical text model every part of claimmark shares.

An :class:`Article` holds the canonical plain ``text`` of a document and its
``blocks``. Blocks are joined by exactly one ``"\\n"`` and contain no ``"\\n"``
themselves. All offsets are Python ``str`` indices (code points), end
exclusive, as in the W3C TextPositionSelector.
"""

from __future__ import annotations

import bisect
import hashlib
from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["heading", "paragraph", "list_item", "quote", "code", "image", "meta",
                    "caption", "table_row", "table_header", "reference"]
# Claims (the article's assertions) come only from these roles; every other
# block stays visible and styled but is skipped by J/K and left out of counts.
CLAIM_KINDS: frozenset[BlockKind] = frozenset({"paragraph", "list_item", "quote"})
StyleKind = Literal["bold", "italic", "code", "link", "image", "anchor", "alt"]
OBJECT_REPLACEMENT = "\ufffc"  # an image block's one character, as in QTextDocument

LINE_SEPARATOR = "\u2028"  # hard line break inside a block


class LoadError(Exception):
    """An article could not be read. ``str(error)`` is one human line."""


@dataclass(frozen=True, slots=True)
class StyleRun:
    """An inline style over ``text[start:end]`` (absolute offsets)."""

    start: int
    end: int
    style: StyleKind
    href: str | None = None


@dataclass(frozen=True, slots=True)
class Block:
    """One block of the article: ``text[start:end]``, no newline inside.

    ``kind`` is the block's role: heading, meta (byline, date), caption,
    code (one line), quote, list item, table row or header row, reference
    (an entry of the article's reference list), image or paragraph.
    ``level`` is the heading level (1–6) or the list nesting depth (1…);
    ``ordinal`` is the number of an ordered list item or reference entry,
    else ``None``; ``page`` is the 1-based page the block starts on, for paged
    formats (PDF).
    """

    kind: BlockKind
    start: int
    end: int
    level: int = 0
    ordinal: int | None = None
    styles: tuple[StyleRun, ...] = ()
    page: int | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """A loaded article in canonical form.

    ``page_breaks`` (paged formats only) lists ``(offset, page)`` where each
    page's text begins, in order; :func:`page_at` reads it.
    """

    text: str
    blocks: tuple[Block, ...]
    title: str
    source_path: str
    format: str
    encoding: str
    sha256: str = field(default="")
    notices: tuple[str, ...] = ()
    page_breaks: tuple[tuple[int, int], ...] = ()

    def __post_init__(self) -> None:
        if not self.sha256:
            object.__setattr__(self, "sha256", text_sha256(self.text))


def page_at(article: Article, offset: int) -> int | None:
    """The 1-based page the text at ``offset`` is on, or None for unpaged formats."""
    return page_in(article.page_breaks, offset)


def page_in(breaks: tuple[tuple[int, int], ...], offset: int) -> int | None:
    """:func:`page_at` on an article's ``page_breaks`` alone."""
    if not breaks:
        return None
    index = bisect.bisect_right(breaks, offset, key=lambda item: item[0]) - 1
    return breaks[max(index, 0)][1]


def page_end(article: Article, offset: int) -> int:
    """Where the page the text at ``offset`` is on ends (the text's end for
    unpaged formats and the last page)."""
    breaks = article.page_breaks
    index = bisect.bisect_right(breaks, offset, key=lambda item: item[0])
    return breaks[index][0] if index < len(breaks) else len(article.text)


def place_on_page(article: Article, offset: int) -> float | None:
    """How far into its page's text ``offset`` is (0 at the page's start, 1 at
    its end), or None for unpaged formats."""
    breaks = article.page_breaks
    if not breaks:
        return None
    index = max(bisect.bisect_right(breaks, offset, key=lambda item: item[0]) - 1, 0)
    start = breaks[index][0]
    end = breaks[index + 1][0] if index + 1 < len(breaks) else len(article.text)
    return min(1.0, max(0.0, (offset - start) / max(1, end - start)))


def image_alt(block: Block) -> str:
    """An image block's alt text ("" when it has none): shown where the image
    cannot be (refused, missing), as ``[image: alt]``."""
    return next((s.href for s in block.styles if s.style == "alt" and s.href), "")


def text_sha256(text: str) -> str:
    """The hex SHA-256 of ``text`` encoded as UTF-8."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class TextBuilder:
    """Accumulates blocks into canonical text, keeping offsets consistent.

    Callers append finished block strings; the builder inserts the single
    ``"\\n"`` separators and shifts style runs to absolute offsets.
    """

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self.blocks: list[Block] = []

    def add(
        self,
        kind: BlockKind,
        text: str,
        *,
        level: int = 0,
        ordinal: int | None = None,
        styles: tuple[StyleRun, ...] = (),
        page: int | None = None,
    ) -> None:
        """Append one block; ``styles`` carry offsets relative to ``text``."""
        text = text.replace("\n", " ")
        if self._parts:
            self._parts.append("\n")
            self._length += 1
        start = self._length
        self._parts.append(text)
        self._length += len(text)
        shifted = tuple(
            StyleRun(start + s.start, start + s.end, s.style, s.href)
            for s in styles
            if s.end > s.start
        )
        self.blocks.append(Block(kind, start, self._length, level, ordinal, shifted, page))

    def text(self) -> str:
        return "".join(self._parts)
