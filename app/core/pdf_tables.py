"""Table rows among a PDF's blocks (``pdf_blocks`` makes the blocks).

A line of wide-gapped cells is a table row already; here, the rows of a table
whose cells sit close together, read beside its "Table N" caption, and the
table's header row.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from app.core.article import BlockKind


class PdfBlock(Protocol):
    """What is read here of ``pdf_blocks.PdfBlock``."""

    kind: BlockKind
    text: str
    lines: int
    cells: tuple[str, ...]


CELL_SEPARATOR = " | "  # between a row's cells, as the HTML reader writes them
_CELL_WORDS = 5  # words in a table's cell, at most, for a row set close
_FULL_STOP = re.compile(r"[.!?:][\"'”’)\]]*$")


def mark_table_headers(blocks: Sequence[PdfBlock]) -> None:
    """A table's first row is its header when it holds no number (column names)
    and rows follow it: a lone row heads nothing (tester T10: a row after one
    read as a paragraph was taken for a header)."""
    for index, block in enumerate(blocks):
        if (block.kind == "table_row" and (index == 0 or blocks[index - 1].kind not in (
                "table_row", "table_header")) and index + 1 < len(blocks)
                and blocks[index + 1].kind == "table_row"
                and not any(ch.isdigit() for ch in block.text)):
            block.kind = "table_header"


def mark_table_rows(blocks: Sequence[PdfBlock]) -> None:
    """One-line blocks that are not sentences, among a table's rows or next to a
    "Table N" caption, are its rows too, their cells written apart.

    A row whose cells sit closer than the two ems that make a table row by
    itself reads as a short line: beside a row with as many parts as it has,
    an em or more apart and none of more than :data:`_CELL_WORDS` words (a
    line of prose justified with wide spaces beside a displayed formula is
    not), or beside its table's caption (above or below), it is a row, not a
    claim.
    """
    # Judged on the rows found by their wide gaps only: a row found here does
    # not make its neighbour one (math set with wide spaces ran on so).
    rows = [block.kind == "table_row" for block in blocks]
    for index, block in enumerate(blocks):
        if rows[index] or not _row_like(block):
            continue
        around = [blocks[k] for k in (index - 1, index + 1) if 0 <= k < len(blocks) and rows[k]]
        if block.cells and all(len(cell.split()) <= _CELL_WORDS for cell in block.cells) and any(
                len(block.cells) == len(row.cells) for row in around):
            _make_row(block)
    for index, block in enumerate(blocks):
        if block.kind != "caption" or not block.text.lower().startswith("table"):
            continue
        for step in (-1, 1):
            k = index + step
            while 0 <= k < len(blocks) and _row_like(blocks[k]):
                _make_row(blocks[k])
                k += step


def _make_row(block: PdfBlock) -> None:
    if block.kind != "table_row" and block.cells:
        block.text = CELL_SEPARATOR.join(block.cells)
    block.kind = "table_row"


def _row_like(block: PdfBlock) -> bool:
    return block.kind in ("paragraph", "table_row") and block.lines == 1 and not \
        _FULL_STOP.search(block.text)
