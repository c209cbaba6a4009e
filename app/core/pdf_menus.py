"""Menus and definition terms among a PDF's blocks (``pdf_blocks`` makes the blocks).

A web page printed to PDF keeps its menus: a column of one- to four-word lines
("Home", "Introduction", "Downloads"), each a block of its own, none a sentence.
A man page or a printed definition list sets each term ("−−verbose", "root")
on a line of its own with its description indented under it, or, printed by Qt,
flush under it: then three or more such terms in a row tell. Neither asserts
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
_BETWEEN = 5  # blocks of a flush term's description, at most
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
    _mark_flush_terms(blocks, size)


def _described(block: PdfBlock, after: PdfBlock, size: float) -> bool:
    """Is ``block`` a short line whose next block is prose set flush with it (within
    an em: Qt indents a ``<dd>`` by 30 of the printer's dots, under 2 pt at 1200 dpi)?"""
    return _short(block, _TERM_WORDS) and after.kind in _KINDS and not _short(
        after, _TERM_WORDS, 99) and abs(after.x0 - block.x0) <= size


def _mark_flush_terms(blocks: Sequence[PdfBlock], size: float) -> None:
    """Make ``meta`` each run of :data:`_MENU_RUN` or more short lines, each followed by
    its description's prose (at most :data:`_BETWEEN` blocks), set within half an em
    of one another's left edge, with no heading between them: a definition list's
    terms set flush with their descriptions ("root", "daemon", "www-data" …)."""
    run: list[int] = []
    for i in [*(i for i in range(len(blocks) - 1)
                if _described(blocks[i], blocks[i + 1], size)), len(blocks)]:
        if run and (i == len(blocks) or i - run[-1] > _BETWEEN + 1 or abs(
                blocks[i].x0 - blocks[run[0]].x0) > 0.5 * size or any(
                block.kind == "heading" for block in blocks[run[-1]:i])):
            if len(run) >= _MENU_RUN:
                for k in run:
                    blocks[k].kind = "meta"
            run = []
        run.append(i)
