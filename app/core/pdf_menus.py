"""Menus and definition terms among a PDF's blocks (``pdf_blocks`` makes the blocks).

A web page printed to PDF keeps its menus: a column of one- to four-word lines
("Home", "Introduction", "Downloads"), each a block of its own, none a sentence.
A man page or a printed definition list sets each term ("−−verbose", "root")
on a line of its own with its description indented under it. Neither asserts
anything: both are read as ``meta``, judged by layout (how many such lines in a
row, where the next block starts), never by a list of words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from app.core.article import BlockKind

_MENU_WORDS = 4  # words of a menu item, at most
_MENU_RUN = 3  # menu items in a row, at least
_TERM_WORDS = 6  # words of a definition term, at most
_SENTENCE_END = re.compile(r"[.!?:;,][\"'”’)\]]*$")
_WORD = re.compile(r"\S+")
_KINDS = ("paragraph", "list_item")


class PdfBlock(Protocol):
    """What is read here of ``pdf_blocks.PdfBlock``."""

    kind: BlockKind
    text: str
    page: int
    lines: int
    x0: float


def _short(block: PdfBlock, words: int, lines: int = 1) -> bool:
    return (block.kind in _KINDS and block.lines <= lines and len(_WORD.findall(block.text))
            <= words * block.lines and not _SENTENCE_END.search(block.text))


def mark_menus(blocks: Sequence[PdfBlock], size: float) -> None:
    """Make ``meta`` each run of :data:`_MENU_RUN` or more short one-line blocks on
    a page, set within half an em of the same left edge (a menu), and each short
    line whose next block on its page is a paragraph set an em and a half or more
    to its right (a term and its description)."""
    start = 0
    while start < len(blocks):
        items: list[PdfBlock] = []
        end = start
        while end < len(blocks):
            block = blocks[end]
            if items and block.kind == "heading" and len(_WORD.findall(block.text)) <= (
                    _MENU_WORDS):
                end += 1  # a menu's own titles ("Main Menu", "API Menu") go on with it
            elif _short(block, _MENU_WORDS, 2 if items else 1) and (not items or (
                    block.page == items[0].page and abs(block.x0 - items[0].x0) <= 0.5 * size)):
                # (an item the menu's narrow column wrapped: two lines, after the first item)
                items.append(block)
                end += 1
            else:
                break
        if len(items) >= _MENU_RUN:
            for block in items:
                block.kind = "meta"
        start = max(end, start + 1)
    for block, after in zip(blocks, blocks[1:], strict=False):
        if _short(block, _TERM_WORDS) and after.kind in _KINDS and after.page == block.page \
                and after.x0 >= block.x0 + 1.5 * size:
            block.kind = "meta"
